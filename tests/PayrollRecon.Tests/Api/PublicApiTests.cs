using PublicApiGenerator;

namespace PayrollRecon.Tests.Api;

/// <summary>The library's public surface is the approved one: a change to it fails here until
/// <c>Api/PayrollRecon.approved.txt</c> (and the generator's) is updated (PAYROLLRECON_UPDATE_API=1 writes it), so every change of the
/// surface a host compiles against is seen in review.</summary>
public sealed class PublicApiTests
{
    private static string ApprovedPath(string assembly) => Path.Combine(RepoPaths.Root, "tests", "PayrollRecon.Tests", "Api", assembly + ".approved.txt");

    [Fact]
    public void PublicApi_Library_MatchesTheApprovedSurface() => AssertApproved(typeof(PayrollChecker).Assembly);

    /// <summary>The generator is not packed, but the CLI's <c>generate</c>, the tests and the benchmarks compile against it.</summary>
    [Fact]
    public void PublicApi_Generation_MatchesTheApprovedSurface() => AssertApproved(typeof(PayrollRecon.Generation.ProjectGenerator).Assembly);

    [Fact]
    public void PublicApi_Library_EveryConcreteClassSealed() => AssertSealed(typeof(PayrollChecker).Assembly);

    [Fact]
    public void PublicApi_Generation_EveryConcreteClassSealed() => AssertSealed(typeof(PayrollRecon.Generation.ProjectGenerator).Assembly);

    private static void AssertApproved(System.Reflection.Assembly assembly)
    {
        string path = ApprovedPath(assembly.GetName().Name!);
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The attributes the compiler adds (nullable context, ref-safety) are not part of what a host writes.
            ExcludeAttributes = ["System.Runtime.CompilerServices.NullableContextAttribute", "System.Runtime.CompilerServices.NullableAttribute"],
        }).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("PAYROLLRECON_UPDATE_API") == "1") File.WriteAllText(path, api);
        Assert.True(File.Exists(path), $"{path} is missing: run with PAYROLLRECON_UPDATE_API=1 and review it");
        string approved = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(approved == api, "The public API changed; review the difference and run the tests with PAYROLLRECON_UPDATE_API=1 to approve it.\n"
            + FirstDifference(approved, api));
    }

    private static void AssertSealed(System.Reflection.Assembly assembly)
    {
        // Every public type is documented and sealed or a value type, as the house style asks.
        foreach (var type in assembly.GetExportedTypes())
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
