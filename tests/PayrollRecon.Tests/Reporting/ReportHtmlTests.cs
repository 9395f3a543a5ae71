using System.Text.RegularExpressions;

using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed partial class ReportHtmlTests
{
    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void WriteReportHtml_Realistic_SelfContained(ReportLanguage language)
    {
        string html = Utf8(s => ReportWriter.WriteReportHtml(Realistic(), s, new ReportOptions { Language = language }));

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
    public void WriteReportHtml_Realistic_BadgeTotalsAndOneRowPerFinding()
    {
        var result = Realistic();
        var s = result.Summary;

        string html = Utf8(st => ReportWriter.WriteReportHtml(result, st));

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
    public void WriteReportHtml_English_LevelAndLabels()
    {
        string html = Utf8(st => ReportWriter.WriteReportHtml(Realistic(), st, new ReportOptions { Language = ReportLanguage.En }));

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<span class=\"big long\">RED</span><span class=\"small\">Red warning</span>", html);
        Assert.Contains("Due vs paid per month", html);
        Assert.DoesNotContain("应付工资", html);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, "流水顺序<b>倒序（最新在前），已按时间先后核对</b>", "未计入借贷合计<b>失败/撤销/冲正 2 笔 · 零金额 1 笔</b>")]
    [InlineData(ReportLanguage.En, "Statement order<b>newest first, read oldest first</b>", "Outside the totals<b>2 failed, cancelled or reversed · 1 zero-amount</b>")]
    public void WriteReportHtml_NewestFirstWithZeroAndExcludedLines_SaysSo(ReportLanguage language, string order, string outside)
    {
        var small = Small();
        var result = small with { Summary = small.Summary with { BankStatementNewestFirst = true, ExcludedBankLines = 2, ZeroBankLines = 1 } };

        string html = Utf8(st => ReportWriter.WriteReportHtml(result, st, new ReportOptions { Language = language }));

        Assert.Contains("<span class=\"stat\" id=\"statement-order\" data-newest-first=\"true\">" + order + "</span>", html);
        Assert.Contains("<span class=\"stat\" id=\"lines-outside-totals\" data-excluded=\"2\" data-zero=\"1\">" + outside + "</span>", html);
    }

    [Fact]
    public void WriteReportHtml_OrdinaryStatement_SaysNothingOfOrderOrLinesOutside()
    {
        string html = Utf8(st => ReportWriter.WriteReportHtml(Small(), st));

        Assert.DoesNotContain("statement-order", html);
        Assert.DoesNotContain("lines-outside-totals", html);
    }

    [Fact]
    public void WriteReportHtml_NoFindings_GreenAndEmptyTable()
    {
        var small = Small();
        var result = small with
        {
            Findings = [],
            Summary = small.Summary with { WarningLevel = null, CountsByCode = new Dictionary<Findings.FindingCode, int>(), CountsBySeverity = new Dictionary<Findings.Severity, int>() },
        };

        string html = Utf8(st => ReportWriter.WriteReportHtml(result, st));

        Assert.Contains("<div id=\"warning-level\" data-level=\"green\"", html);
        Assert.Contains("未发现问题。", html);
        Assert.Equal(0, Regex.Count(html, "<tr class=\"finding\""));
    }

    [Fact]
    public void WriteReportHtml_SameInputTwice_ByteIdentical()
    {
        Assert.Equal(Bytes(s => ReportWriter.WriteReportHtml(Realistic(), s)), Bytes(s => ReportWriter.WriteReportHtml(Realistic(), s)));
    }

    [Fact]
    public void WriteReportHtml_TenThousandFindings_ReasonableSize()
    {
        var small = Small();
        var many = Enumerable.Range(0, 10_000).Select(i => small.Findings[i % small.Findings.Count]).ToList();

        byte[] html = Bytes(s => ReportWriter.WriteReportHtml(small with { Findings = many }, s));

        Assert.InRange(html.Length, 1, 6_000_000);
    }

    [GeneratedRegex("src\\s*=\\s*[\"']?([^\"' >]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
