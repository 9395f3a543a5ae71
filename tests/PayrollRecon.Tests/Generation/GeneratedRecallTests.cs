using PayrollRecon.Findings;
using PayrollRecon.Generation;
using PayrollRecon.Parsing;
using PayrollRecon.Project;

namespace PayrollRecon.Tests.Generation;

/// <summary>Runs the checker on generated projects: it must report exactly the planted findings, no more, no fewer.</summary>
public sealed class GeneratedRecallTests
{
    [Theory]
    [InlineData(21, 0.0, false, false, false)]
    [InlineData(22, 0.5, false, false, false)]
    [InlineData(23, 0.7, true, true, true)]
    public void Check_GeneratedProjects_FindingsEqualExpected(int seed, double rate, bool zh, bool gb, bool layoutB)
    {
        using var g = GeneratedFiles.Generate(new GeneratorOptions
        {
            Projects = 3, Workers = 60, Months = 9, Seed = seed, DefectRate = rate,
            ChineseHeaders = zh, Gb18030 = gb, BankLayoutB = layoutB, Crlf = zh,
        });
        foreach (var p in g.Result.Projects)
        {
            var expected = File.ReadAllLines(Path.Combine(p.Directory, "expected-findings.csv")).Skip(1).Order(StringComparer.Ordinal).ToList();
            var actual = Check(p.Directory).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The engine's findings as <c>code,worker_id,period</c> rows (the unregistered id masked, R30).</summary>
    internal static IEnumerable<string> Check(string dir)
    {
        string F(string name) => Path.Combine(dir, name);
        ProjectSettings settings;
        using (var json = File.OpenRead(F("project.json"))) settings = ProjectSettingsReader.Read(json);
        var result = PayrollChecker.Check(new CheckInputs
        {
            Settings = settings,
            Workers = InputSource.FromFile(F("workers.csv")),
            Bank = InputSource.FromFile(F("bank.csv")),
            Attendance = InputSource.FromFile(F("attendance.csv")),
            Payroll = InputSource.FromFile(F("payroll.csv")),
            Batches = InputSource.FromFile(F("batches.csv")),
            Calendar = InputSource.FromFile(F("calendar.csv")),
        });
        return result.Findings.Select(f =>
        {
            string worker = f.WorkerId ?? "";
            if (f.Code == FindingCode.UnregisteredWorker) worker = IdNumbers.Mask(worker);
            return $"{FindingCodes.Name(f.Code)},{worker},{f.Period?.ToString() ?? ""}";
        });
    }
}
