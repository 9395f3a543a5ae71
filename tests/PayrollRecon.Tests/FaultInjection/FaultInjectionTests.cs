using System.Globalization;

using PayrollRecon.FaultInjection;

namespace PayrollRecon.Tests.FaultInjection;

/// <summary>
/// The fault-injection suite (tests/PayrollRecon.FaultInjection) as tests: one per mutation kind, each running mutated
/// projects through the CLI as built and checking every invariant. <c>PAYROLLRECON_FAULT_SECONDS</c> spreads that
/// many seconds over the kinds (CI); unset, each kind runs one case. Failures listed in known-failures.txt are
/// reported, not failed; the whole report goes to out/fault-injection/report.txt.
/// </summary>
public sealed class FaultInjectionTests(FaultSuiteFixture suite) : IClassFixture<FaultSuiteFixture>
{
    public static TheoryData<string> Kinds => [.. MutationCatalog.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Mutation_EveryInvariantHolds(string kind)
    {
        Mutation mutation = MutationCatalog.Get(kind);
        double seconds = suite.TotalSeconds / MutationCatalog.All.Count;
        IReadOnlyList<CaseResult> results = seconds > 0
            ? suite.Suite.RunKind(mutation, TimeSpan.FromSeconds(seconds), minCases: 1, maxCases: int.MaxValue)
            : suite.Suite.RunKind(mutation, TimeSpan.Zero, minCases: 1, maxCases: 1);
        Assert.NotEmpty(results);
        var failures = results.Where(r => r.Violations.Count > 0 && !r.OnlyKnown).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} {kind} case(s) broke an invariant:\n" + string.Concat(failures.Select(f => f.Describe())));
    }
}

/// <summary>One suite (base projects generated once) for all the kinds; writes the report when the tests are done.</summary>
public sealed class FaultSuiteFixture : IDisposable
{
    public FaultSuiteFixture()
    {
        string root = FaultSuite.FindRepoRoot();
        string? seconds = Environment.GetEnvironmentVariable("PAYROLLRECON_FAULT_SECONDS");
        string? seed = Environment.GetEnvironmentVariable("PAYROLLRECON_FAULT_SEED");
        TotalSeconds = string.IsNullOrEmpty(seconds) ? 0 : double.Parse(seconds, CultureInfo.InvariantCulture);
        ReportPath = Path.Combine(root, "out", "fault-injection", "report.txt");
        var options = new FaultOptions(
            string.IsNullOrEmpty(seed) ? 1 : int.Parse(seed, CultureInfo.InvariantCulture),
            Math.Min(2, Environment.ProcessorCount),
            Path.Combine(root, "out", "fault-injection", "failures"),
            Bounds.Default);
        Suite = FaultSuite.Create(options);
    }

    public FaultSuite Suite { get; }

    public double TotalSeconds { get; }

    public string ReportPath { get; }

    public void Dispose()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ReportPath)!);
        File.WriteAllText(ReportPath, Suite.Report());
        Suite.Dispose();
    }
}
