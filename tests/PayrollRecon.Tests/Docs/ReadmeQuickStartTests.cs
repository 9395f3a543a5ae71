using PayrollRecon;
using PayrollRecon.Findings;
using PayrollRecon.Project;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Docs;

/// <summary>The README's library quick-start is this code: it must compile, run on the sample project and stay in sync with the README.</summary>
public sealed class ReadmeQuickStartTests
{
    private static async Task<string> QuickStart(string dir, string outFile)
    {
        var log = new StringWriter();
        // README:begin
        var settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(dir, "project.json")));
        var inputs = new CheckInputs
        {
            Settings = settings,
            Workers = InputSource.FromFile(Path.Combine(dir, "workers.csv")),
            Bank = InputSource.FromFile(Path.Combine(dir, "bank.csv")),
            Attendance = InputSource.FromFile(Path.Combine(dir, "attendance.csv")),
            Payroll = InputSource.FromFile(Path.Combine(dir, "payroll.csv")),
            Batches = InputSource.FromFile(Path.Combine(dir, "batches.csv")),
            Calendar = InputSource.FromFile(Path.Combine(dir, "calendar.csv")),
        };
        var result = await PayrollChecker.CheckAsync(inputs, new CheckOptions { AsOf = new DateOnly(2024, 7, 10) });

        foreach (var f in result.Findings)
            log.WriteLine($"{f.Severity} {FindingCodes.Name(f.Code)} {f.WorkerId} {f.Period} {f.Amount} {f.Source}");

        // Why was bank line 114 classified as it was?
        var line = result.BankLines.First(b => b.Source == "bank.csv:114");
        log.WriteLine($"{line.Source}: {line.Class} by rule {line.Rule}, allocated to {string.Join(", ", line.Allocations.Select(a => a.Period))}");

        using (var csv = File.Create(outFile))
            ReportWriter.WriteFindingsCsv(result, csv, new ReportOptions { Language = ReportLanguage.En });
        // README:end
        return log.ToString();
    }

    [Fact]
    public async Task QuickStart_SampleProject_ReportsTheTenFindings()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.csv");
        try
        {
            var log = await QuickStart(Path.Combine(RepoPaths.Fixtures, "sample-project"), outFile);
            var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(11, lines.Length);
            Assert.Contains("Red UNPAID LY004 2024-03 5930.00", log);
            Assert.Contains("bank.csv:114: WagePayment by rule RosterName", log);
            Assert.Equal(11, File.ReadAllLines(outFile).Length);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Fact]
    public void Readme_QuickStartBlock_IsTheTestedCode() =>
        Assert.Contains(ReadmeCode.Tested("ReadmeQuickStartTests.cs", ""), ReadmeCode.Readme);

    [Fact]
    public void Readme_QuickStartUsings_AreThisFilesUsings()
    {
        // This file names no namespace the code does not need, so the README's usings are what a console app needs.
        Assert.Equal(["PayrollRecon", "PayrollRecon.Findings", "PayrollRecon.Project", "PayrollRecon.Reporting"], ReadmeCode.QuickStartUsings);
        Assert.Equal(ReadmeCode.FileUsings("ReadmeQuickStartTests.cs"), ReadmeCode.QuickStartUsings);
    }
}