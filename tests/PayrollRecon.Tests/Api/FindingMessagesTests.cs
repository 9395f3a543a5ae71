using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Api.FindingsCsvRows;

namespace PayrollRecon.Tests.Api;

/// <summary>A finding's message in Chinese and English, through the public API, as <c>findings.csv</c> writes it.</summary>
public sealed class FindingMessagesTests
{
    [Fact]
    public void Format_SampleProject_TheMessageColumnOfTheGoldenFindingsCsv()
    {
        var result = Check();
        var golden = Rows(File.OpenRead(Path.Combine(Sample, "expected", "findings.csv")), "findings.csv");
        int message = Array.IndexOf(golden[0], "message");

        Assert.Equal(golden.Count - 1, result.Findings.Count);
        for (int i = 0; i < result.Findings.Count; i++)
            Assert.Equal(golden[i + 1][message], FindingMessages.Format(result.Findings[i], result.Summary.AsOf));
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, true)]
    [InlineData(ReportLanguage.En, true)]
    [InlineData(ReportLanguage.En, false)]
    public void Format_EveryFinding_WhatFindingsCsvWrites(ReportLanguage language, bool mask)
    {
        var result = Check();
        var options = new ReportOptions { Language = language, Mask = mask };
        var written = Written(result, options);
        int message = Array.IndexOf(written[0], "message");

        for (int i = 0; i < result.Findings.Count; i++)
            Assert.Equal(written[i + 1][message], FindingMessages.Format(result.Findings[i], result.Summary.AsOf, options));
    }

    [Fact]
    public void Format_HeadcountFinding_ChineseAndEnglish()
    {
        var f = new Finding { Code = FindingCode.HeadcountMismatch, Severity = Severity.Red, Period = new YearMonth(2024, 1), Days = 3, Detail = "3/25" };

        Assert.Equal("2024年1月有考勤的 25 人中有 3 人未获任何工资支付。", FindingMessages.Format(f, new DateOnly(2024, 2, 1)));
        Assert.Equal("2024年1月有考勤的 25 人中有 3 人未获任何工资支付。", FindingMessages.Format(f, new DateOnly(2024, 2, 1), new ReportOptions { Language = ReportLanguage.Zh }));
        Assert.Equal("2024-01: 3 of 25 workers with attendance received no pay.", FindingMessages.Format(f, new DateOnly(2024, 2, 1), new ReportOptions { Language = ReportLanguage.En }));
    }

    [Fact]
    public void Format_UnregisteredWorker_IdMaskedUnlessMaskingIsOff()
    {
        var f = new Finding
        {
            Code = FindingCode.UnregisteredWorker, Severity = Severity.Orange, Period = new YearMonth(2024, 1), Days = 16, IdNumber = "410302199001013418",
        };

        Assert.Equal("身份证号 410302********3418 的人员未实名登记，2024年1月却有 16 天考勤。", FindingMessages.Format(f, new DateOnly(2024, 2, 1)));
        Assert.Contains("410302199001013418", FindingMessages.Format(f, new DateOnly(2024, 2, 1), new ReportOptions { Language = ReportLanguage.En, Mask = false }), StringComparison.Ordinal);
        Assert.DoesNotContain("410302199001013418", FindingMessages.Format(f, new DateOnly(2024, 2, 1), new ReportOptions { Language = ReportLanguage.En }), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NullFinding_Throws() =>
        Assert.Equal("finding", Assert.Throws<ArgumentNullException>(() => FindingMessages.Format(null!, default)).ParamName);

    [Theory]
    [InlineData(Severity.Red, "红", "Red")]
    [InlineData(Severity.Orange, "橙", "Orange")]
    [InlineData(Severity.Yellow, "黄", "Yellow")]
    [InlineData(Severity.Info, "提示", "Info")]
    public void SeverityLabel_EverySeverity_ChineseAndEnglish(Severity severity, string zh, string en)
    {
        Assert.Equal(zh, FindingMessages.SeverityLabel(severity, ReportLanguage.Zh));
        Assert.Equal(en, FindingMessages.SeverityLabel(severity, ReportLanguage.En));
    }
}
