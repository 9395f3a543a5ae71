using System.Text.RegularExpressions;

using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed partial class ReportHtmlTests
{
    [Theory]
    [InlineData(ReportLanguage.Chinese)]
    [InlineData(ReportLanguage.English)]
    public void WriteHtmlReport_Realistic_SelfContained(ReportLanguage language)
    {
        string html = Utf8(s => ReportWriter.WriteHtmlReport(s, Realistic(), new ReportOptions { Language = language }));

        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        foreach (Match m in SrcAttribute().Matches(html))
        {
            Assert.StartsWith("data:", m.Groups[1].Value);
        }

        Assert.DoesNotMatch("<script[^>]+src", html);
    }

    [Fact]
    public void WriteHtmlReport_Realistic_BadgeTotalsAndOneRowPerFinding()
    {
        var result = Realistic();
        var s = result.Summary;

        string html = Utf8(st => ReportWriter.WriteHtmlReport(st, result));

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<div id=\"warning-level\" data-level=\"red\"", html);
        Assert.Contains("<span class=\"big\">红</span><span class=\"small\">红色预警</span>", html);
        Assert.Contains($"<td data-total=\"due\">{s.TotalDue}</td>", html);
        Assert.Contains($"<td data-total=\"paid\">{s.TotalPaid}</td>", html);
        Assert.Contains($"<td class=\"bad\" data-total=\"outstanding\">{s.TotalOutstanding}</td>", html);
        Assert.Contains("<td data-total=\"labor-funds-in\">480000.05</td>", html);
        Assert.Contains($"<td data-total=\"wage-payments-out\">{s.WagePaymentsOut}</td>", html);
        Assert.Contains("<time id=\"as-of\" datetime=\"2024-04-01\">2024-04-01</time>", html);
        Assert.Equal(result.Findings.Count, Regex.Count(html, "<tr class=\"finding\""));
        int arrears = result.Ledger.Count(e => e.Status != LedgerStatus.Pending && e.Outstanding > Money.Zero);
        Assert.True(arrears > 0);
        Assert.Equal(arrears, Regex.Count(html, "<tr class=\"arrear\""));
        Assert.Equal(3, Regex.Count(html, "<tr class=\"employer\""));
        Assert.Contains("<svg id=\"chart-due-paid\"", html);
        Assert.Contains("<svg id=\"chart-outstanding-employer\"", html);
        Assert.Contains("<svg id=\"chart-findings-code\"", html);
    }

    [Fact]
    public void WriteHtmlReport_English_LevelAndLabels()
    {
        string html = Utf8(st => ReportWriter.WriteHtmlReport(st, Realistic(), new ReportOptions { Language = ReportLanguage.English }));

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<span class=\"big long\">RED</span><span class=\"small\">Red warning</span>", html);
        Assert.Contains("Due vs paid per month", html);
        Assert.DoesNotContain("应付工资", html);
    }

    [Fact]
    public void WriteHtmlReport_NoFindings_GreenAndEmptyTable()
    {
        var small = Small();
        var result = small with
        {
            Findings = [],
            Summary = small.Summary with { WarningLevel = null, CountsByCode = new Dictionary<Findings.FindingCode, int>(), CountsBySeverity = new Dictionary<Findings.Severity, int>() },
        };

        string html = Utf8(st => ReportWriter.WriteHtmlReport(st, result));

        Assert.Contains("<div id=\"warning-level\" data-level=\"green\"", html);
        Assert.Contains("未发现问题。", html);
        Assert.Equal(0, Regex.Count(html, "<tr class=\"finding\""));
    }

    [Fact]
    public void WriteHtmlReport_SameInputTwice_ByteIdentical()
    {
        Assert.Equal(Bytes(s => ReportWriter.WriteHtmlReport(s, Realistic())), Bytes(s => ReportWriter.WriteHtmlReport(s, Realistic())));
    }

    [Fact]
    public void WriteHtmlReport_TenThousandFindings_ReasonableSize()
    {
        var small = Small();
        var many = Enumerable.Range(0, 10_000).Select(i => small.Findings[i % small.Findings.Count]).ToList();

        byte[] html = Bytes(s => ReportWriter.WriteHtmlReport(s, small with { Findings = many }));

        Assert.InRange(html.Length, 1, 6_000_000);
    }

    [GeneratedRegex("src\\s*=\\s*[\"']?([^\"' >]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
