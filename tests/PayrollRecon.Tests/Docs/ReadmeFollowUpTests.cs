using PayrollRecon;
using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Docs;

/// <summary>The README's follow-up example is this code: it runs on the first two months of <c>fixtures/followup/</c>.</summary>
public sealed class ReadmeFollowUpTests
{
    private static async Task<string> FollowUp(string runs, string outRoot)
    {
        var log = new StringWriter();
        // README:followup-begin
        static CheckInputs ProjectInputs(string dir) => new()
        {
            Settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(dir, "project.json"))),
            Workers = InputSource.FromFile(Path.Combine(dir, "workers.csv")),
            Bank = InputSource.FromFile(Path.Combine(dir, "bank.csv")),
            Attendance = InputSource.FromFile(Path.Combine(dir, "attendance.csv")),
            Payroll = InputSource.FromFile(Path.Combine(dir, "payroll.csv")),
        };

        // What the next run reads from a folder: summary.json, history.csv and findings.csv.
        static void WriteOutputs(ReconciliationResult result, string dir)
        {
            Directory.CreateDirectory(dir);
            using (var s = File.Create(Path.Combine(dir, ReportWriter.SummaryFileName))) ReportWriter.WriteSummaryJson(result, s);
            using (var s = File.Create(Path.Combine(dir, ReportWriter.HistoryFileName))) ReportWriter.WriteHistoryCsv(result, s);
            using (var s = File.Create(Path.Combine(dir, ReportWriter.FindingsFileName))) ReportWriter.WriteFindingsCsv(result, s);
        }

        // Month 1: no previous run, every finding is new; the outputs (history.csv among them) go to a folder.
        var march = await PayrollChecker.CheckAsync(ProjectInputs(Path.Combine(runs, "run1-2024-03-01")));
        WriteOutputs(march, Path.Combine(outRoot, "2024-03"));

        // Month 2: the previous run's folder and the reviewers' rulings come in with the inputs.
        var inputs = ProjectInputs(Path.Combine(runs, "run2-2024-04-01")) with
        {
            Previous = PreviousRun.Load(Path.Combine(outRoot, "2024-03")),
            Rulings = InputSource.FromFile(Path.Combine(runs, "run2-2024-04-01", "rulings.csv")),
        };
        var april = await PayrollChecker.CheckAsync(inputs);
        foreach (var f in april.Findings)
            log.WriteLine($"{f.FindingId} {f.Status} {FindingCodes.Name(f.Code)} since {f.FirstSeen:yyyy-MM-dd} {f.Ruling?.Kind}{(f.FixNotConfirmed ? " fix not confirmed" : "")}");
        foreach (var r in april.Resolved)
            log.WriteLine($"resolved {r.FindingId} {r.Code} after {r.DaysOpen} days");
        WriteOutputs(april, Path.Combine(outRoot, "2024-04"));
        // README:followup-end
        return log.ToString();
    }

    [Fact]
    public async Task FollowUp_FirstTwoMonths_StatusesAndRulings()
    {
        string outRoot = Path.Combine(Path.GetTempPath(), $"readme-followup-{Guid.NewGuid():N}");
        try
        {
            var log = await FollowUp(Path.Combine(RepoPaths.Fixtures, "followup"), outRoot);
            Assert.Contains("c22e25f291fabfd5 Open UNPAID since 2024-03-01 Fixed fix not confirmed", log);
            Assert.Contains("6fca1b6d6da0192a Waived NON_WAGE_DEBIT since 2024-03-01 FalseAlarm", log);
            Assert.Contains(" New DATA_ERROR since 2024-04-01 ", log);
            Assert.True(File.Exists(Path.Combine(outRoot, "2024-04", "history.csv")));
        }
        finally
        {
            if (Directory.Exists(outRoot)) Directory.Delete(outRoot, recursive: true);
        }
    }

    [Fact]
    public void Readme_FollowUpBlock_IsTheTestedCode() =>
        Assert.Contains(ReadmeCode.Tested("ReadmeFollowUpTests.cs", "followup-"), ReadmeCode.Readme);

    [Fact]
    public void Readme_FollowUpUsings_WithTheQuickStartsAreThisFilesUsings()
    {
        var usings = ReadmeCode.UsingsBefore(ReadmeCode.Tested("ReadmeFollowUpTests.cs", "followup-"));
        Assert.Equal(["PayrollRecon.FollowUp", "PayrollRecon.Reconciliation"], usings);
        Assert.Equal(ReadmeCode.FileUsings("ReadmeFollowUpTests.cs"), ReadmeCode.QuickStartUsings.Union(usings).Order(StringComparer.Ordinal));
    }
}