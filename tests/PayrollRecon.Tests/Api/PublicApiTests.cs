using PublicApiGenerator;

namespace PayrollRecon.Tests.Api;

/// <summary>The library's public surface is the approved one: a change to it fails here until
/// <c>PublicApi/PayrollRecon.approved.txt</c> is updated (PAYROLLRECON_UPDATE_API=1 writes it), so every change of the
/// surface a host compiles against is seen in review.</summary>
public sealed class PublicApiTests
{
    private static string ApprovedPath => Path.Combine(RepoPaths.Root, "tests", "PayrollRecon.Tests", "Api", "PayrollRecon.approved.txt");

    [Fact]
    public void PublicApi_Library_MatchesTheApprovedSurface()
    {
        string api = typeof(PayrollChecker).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The attributes the compiler adds (nullable context, ref-safety) are not part of what a host writes.
            ExcludeAttributes = ["System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.NullableAttribute"],
        }).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PAYROLLRECON_UPDATE_API") == "1") File.WriteAllText(ApprovedPath, api);
        Assert.True(File.Exists(ApprovedPath), $"{ApprovedPath} is missing: run with PAYROLLRECON_UPDATE_API=1 and review it");
        string approved = File.ReadAllText(ApprovedPath).ReplaceLineEndings("\n");
        Assert.True(approved == api, "The public API changed; review the difference and run the tests with PAYROLLRECON_UPDATE_API=1 to approve it.\n"
            + FirstDifference(approved, api));
    }

    [Fact]
    public void PublicApi_Library_EveryConcreteClassSealed()
    {
        // Every public type is documented and sealed or a value type, as the house style asks.
        foreach (var type in typeof(PayrollChecker).Assembly.GetExportedTypes())
        {
            if (type.IsClass && !type.IsAbstract && !type.IsSealed)
                Assert.Fail($"{type.FullName} is a public class that is not sealed");
        }
    }

    private static string FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string x = i < a.Length ? a[i] : "(end)", y = i < b.Length ? b[i] : "(end)";
            if (x != y) return $"line {i + 1}:\n  approved: {x}\n  actual:   {y}";
        }
        return "";
    }
}
