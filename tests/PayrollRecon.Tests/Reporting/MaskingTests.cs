using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class MaskingTests
{
    public static TheoryData<string> Outputs => ["findings", "ledger", "summary", "report", "portfolio-csv", "portfolio-html"];

    private static string Render(string output, ReconciliationResult result, ReportOptions options) => output switch
    {
        "findings" => Utf8(s => ReportWriter.WriteFindingsCsv(result, s, options)),
        "ledger" => Utf8(s => ReportWriter.WriteLedgerCsv(result, s, options)),
        "summary" => Utf8(s => ReportWriter.WriteSummaryJson(result, s)),
        "report" => Utf8(s => ReportWriter.WriteReportHtml(result, s, options)),
        "portfolio-csv" => Utf8(s => ReportWriter.WritePortfolioCsv([PortfolioEntry.FromResult(result)], s)),
        _ => Utf8(s => ReportWriter.WritePortfolioHtml([PortfolioEntry.FromResult(result)], s, options)),
    };

    private static HashSet<string> SensitiveNumbers(ReconciliationResult result)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { CardZhang, ProjectAccount };
        foreach (var f in result.Findings) if (f.IdNumber is { } id) ids.Add(id);
        foreach (var e in result.Ledger) ids.Add(e.IdNumber);
        return ids;
    }

    private static ReconciliationResult Combined()
    {
        var realistic = Realistic();
        return realistic with { Findings = [.. realistic.Findings, .. Small().Findings] };
    }

    [Theory]
    [MemberData(nameof(Outputs))]
    public void Write_DefaultOptions_NoFullIdOrCardNumber(string output)
    {
        var result = Combined();
        string text = Render(output, result, default);

        foreach (string number in SensitiveNumbers(result))
        {
            Assert.DoesNotContain(number, text);
        }

        Assert.DoesNotMatch("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])", text);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void Write_MaskOff_FullNumbersPresent(ReportLanguage language)
    {
        var result = Combined();
        var options = new ReportOptions { Language = language, Mask = false };

        string findings = Render("findings", result, options);
        string ledger = Render("ledger", result, options);
        string report = Render("report", result, options);

        Assert.Contains(IdZhang, findings);
        Assert.Contains(CardZhang, findings);
        Assert.Contains(IdUnregistered, findings);
        Assert.Contains(result.Ledger[0].IdNumber, ledger);
        Assert.Contains(result.Ledger.First(e => ReportHtml.IsArrear(new LedgerLine(e))).IdNumber, report);
        Assert.Contains(ProjectAccount, report);
    }
}
