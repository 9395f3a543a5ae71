using PayrollRecon.Cli;
using PayrollRecon.Findings;
using PayrollRecon.Generation;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Golden;
using Xunit.Abstractions;

namespace PayrollRecon.Tests.Batch;

/// <summary>
/// <c>check</c> on generated projects, over many seeds, defect mixes and file dialects: every planted defect of
/// <c>expected-findings.csv</c> is reported (recall 100 %), and every extra finding is printed with the rule that explains it.
/// </summary>
public sealed class GeneratedRecallTests(ITestOutputHelper output)
{
    /// <summary>A file dialect: header language, encoding, bank layout and line ends.</summary>
    public sealed record Dialect(string Name, bool Chinese, bool Gb18030, bool LayoutB, bool Crlf);

    private static readonly Dialect[] Dialects =
    [
        new("en-utf8-A-lf", false, false, false, false),
        new("zh-gb18030-B-crlf", true, true, true, true),
        new("zh-utf8-A-crlf", true, false, false, true),
        new("en-gb18030-B-lf", false, true, true, false),
    ];


    /// <summary>Defect mixes: every code at several rates (one on larger projects), none, and each code on its own.</summary>
    private static readonly string[] MixNames =
    [
        "all@0", "all@0.05", "all@0.3", "all@0.6", "all@0.2/160x14",
        .. Enum.GetValues<FindingCode>().Select(code => FindingCodes.Name(code) + "@0.5"),
    ];

    public static TheoryData<string> Mixes() => new(MixNames);

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Check_GeneratedProjects_ReportsEveryPlantedDefect(string mix)
    {
        var (codes, rate, workers, months) = ParseMix(mix);
        var missing = new List<string>();
        var explained = new List<string>();
        var unexplained = new List<string>();
        var unplantedDataErrors = new List<string>();
        int projects = 0, planted = 0;
        // Every mix and dialect has its own seed (and each generated project its own seed derived from it).
        int mixSeed = Array.IndexOf(MixNames, mix);
        for (int d = 0; d < Dialects.Length; d++)
        {
            var dialect = Dialects[d];
            int seed = 1000 + (mixSeed * Dialects.Length) + d;
            var options = new GeneratorOptions
            {
                Projects = 2, Workers = workers, Months = months, Seed = seed, DefectRate = rate, Defects = codes,
                ChineseHeaders = dialect.Chinese, Gb18030 = dialect.Gb18030, BankLayoutB = dialect.LayoutB, Crlf = dialect.Crlf,
                MaxDegreeOfParallelism = 1,
            };
            string root = Path.Combine(Path.GetTempPath(), "payrollrecon-recall-" + Guid.NewGuid().ToString("N"));
            try
            {
                var generated = ProjectGenerator.Generate(root, options);
                foreach (var p in generated.Projects)
                {
                    projects++;
                    var expected = Keys(FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(p.Directory, "expected-findings.csv"))));
                    var actual = Keys(FixtureTests.ReadCsv(FindingsCsv(p.Directory)));
                    planted += expected.Count;
                    string where = $"{dialect.Name} seed {seed} {p.Code}";
                    foreach (var m in MultisetExcept(expected, actual)) missing.Add($"{where}: {m}");
                    foreach (var x in MultisetExcept(actual, expected))
                    {
                        if (Explain(x, expected) is { } rule) explained.Add($"{where}: {x} ({rule})");
                        else unexplained.Add($"{where}: {x}");
                    }
                    if (!expected.Any(IsDataError) && actual.Any(IsDataError)) unplantedDataErrors.Add(where);
                }
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        output.WriteLine($"{mix}: {projects} projects, {planted} planted findings, {missing.Count} missed, "
            + $"{explained.Count} extra explained by a rule, {unexplained.Count} extra unexplained");
        foreach (var x in explained) output.WriteLine("extra " + x);
        foreach (var x in unexplained) output.WriteLine("extra, no rule explains it: " + x);
        foreach (var m in missing) output.WriteLine("missed " + m);
        Assert.True(missing.Count == 0, $"{missing.Count} planted findings not reported:\n" + string.Join('\n', missing.Take(20)));
        Assert.True(unplantedDataErrors.Count == 0, "DATA_ERROR without a planted unreadable row in " + string.Join(", ", unplantedDataErrors));
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} extra findings no rule explains:\n" + string.Join('\n', unexplained.Take(20)));
    }

    /// <summary>The SPEC rule that makes a finding follow from the planted ones, or null when none does.</summary>
    /// <remarks>The generator lists these consequences itself today, so none is expected to show up as an extra; the
    /// table keeps the test honest should the generator and the engine ever disagree on what a defect implies.</remarks>
    internal static string? Explain(string finding, IReadOnlyCollection<string> planted)
    {
        var (code, worker, period) = Split(finding);
        bool Planted(string c, string? w = null, string? p = null) =>
            planted.Any(k => Split(k) is var (pc, pw, pp) && pc == c && (w is null || pw == w) && (p is null || pp == p));
        return code switch
        {
            "HEADCOUNT_MISMATCH" when Planted("UNPAID", p: period) || Planted("MISSING_PAYROLL", p: period)
                => "R25: a worker with attendance has nothing paid for that month",
            "OVERPAID" when Planted("DUPLICATE_PAYMENT", w: worker)
                => "R21: the duplicate payment leaves an excess",
            "EXCESSIVE_PAYMENT" when period.Length == 0 && Planted("EXCESSIVE_PAYMENT", w: worker)
                => "R26: the month over the monthly cap also takes the year over the yearly cap",
            "ACCOUNT_MISMATCH" when Planted("INVALID_BANK_ACCOUNT", w: worker)
                => "R12: no usable registered card, the payment is identified by name",
            _ => null,
        };
    }

    [Theory]
    [InlineData("HEADCOUNT_MISMATCH,,2024-03", "UNPAID,W0007,2024-03", "R25: a worker with attendance has nothing paid for that month")]
    [InlineData("HEADCOUNT_MISMATCH,,2024-04", "UNPAID,W0007,2024-03", null)]
    [InlineData("OVERPAID,W0002,", "DUPLICATE_PAYMENT,W0002,2024-02", "R21: the duplicate payment leaves an excess")]
    [InlineData("OVERPAID,W0003,", "DUPLICATE_PAYMENT,W0002,2024-02", null)]
    [InlineData("DATA_ERROR,,", "DATA_ERROR,,", null)]
    public void Explain_ExtraFinding_NamesTheRuleOrNothing(string finding, string planted, string? rule) =>
        Assert.Equal(rule, Explain(finding, [planted]));

    private static (string Code, string Worker, string Period) Split(string key)
    {
        var parts = key.Split(',');
        return (parts[0], parts[1], parts[2]);
    }

    private static bool IsDataError(string key) => key.StartsWith("DATA_ERROR,", StringComparison.Ordinal);

    /// <summary>Reads <c>CODES@RATE</c> or <c>CODES@RATE/WORKERSxMONTHS</c> (default 40 workers, 5 months).</summary>
    private static (IReadOnlySet<FindingCode>? Codes, double Rate, int Workers, int Months) ParseMix(string mix)
    {
        var parts = mix.Split('@', '/');
        double rate = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        int workers = 40, months = 5;
        if (parts.Length == 3)
        {
            var size = parts[2].Split('x');
            workers = int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture);
            months = int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        if (parts[0] == "all") return (null, rate, workers, months);
        Assert.True(FindingCodes.TryParse(parts[0], out var code), parts[0]);
        return (new HashSet<FindingCode> { code }, rate, workers, months);
    }

    private static byte[] FindingsCsv(string dir)
    {
        var result = PayrollChecker.Check(ProjectFolder.Load(dir));
        using var buffer = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, buffer, new ReportOptions());
        return buffer.ToArray();
    }

    private static List<string> Keys(List<Dictionary<string, string>> rows) =>
        rows.Select(r => $"{r["code"]},{r["worker_id"]},{r["period"]}").OrderBy(k => k, StringComparer.Ordinal).ToList();

    private static List<string> MultisetExcept(List<string> a, List<string> b)
    {
        var rest = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<string>();
        foreach (var x in a)
        {
            if (rest.TryGetValue(x, out int n) && n > 0) rest[x] = n - 1;
            else result.Add(x);
        }
        return result;
    }
}
