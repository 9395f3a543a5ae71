using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Api;

/// <summary>What the command line needs of the library, as any host gets it: timings through the options, errors and
/// diagnostics in either language, masking, the date grammar and the encoding names of the outputs.</summary>
public sealed class HostSurfaceTests
{
    private static CheckInputs Sample() => PayrollRecon.Cli.ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));

    [Fact]
    public void CheckOptionsTimings_SampleProject_ALapPerInputAndEngineStep()
    {
        var timings = new CheckTimings();
        // One thread: with more, the attendance lap reads "read attendance.csv, N parts" (ParallelAttendanceTests).
        var withTimings = PayrollChecker.Check(Sample(), new CheckOptions { Timings = timings, MaxDegreeOfParallelism = 1 });
        var without = PayrollChecker.Check(Sample());

        var phases = timings.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(.*?) +[0-9.]+ ms").Groups[1].Value).ToArray();
        Assert.Equal(
            ["read calendar.csv", "read workers.csv", "read attendance.csv", "read payroll.csv", "read batches.csv", "read bank.csv",
             "engine: bank lines", "engine: worker-months", "engine: allocation", "engine: findings", "engine: sort findings, ids, follow-up",
             "engine: ledger, summary", "total"],
            phases);
        // Recording the time changes nothing in the result.
        Assert.Equal(Findings(without), Findings(withTimings));
    }

    private static string Findings(ReconciliationResult result)
    {
        using var buffer = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void GetMessage_MissingColumns_EnglishAndChinese()
    {
        var inputs = Sample() with { Workers = InputSource.FromBytes("workers.csv", "worker_id,name\nW1,张三\n"u8.ToArray()) };

        var e = Assert.Throws<PayrollDataException>(() => PayrollChecker.Check(inputs));

        Assert.Equal(e.Message, e.GetMessage(ReportLanguage.En));
        Assert.Equal("workers.csv: missing required columns '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' (found on line 1: worker_id, name)", e.GetMessage(ReportLanguage.En));
        Assert.Equal("workers.csv: 缺少必需的列 '身份证号 / id_number'、'计薪方式 / wage_type'、'工资标准 / wage_rate'（第 1 行的表头为：worker_id, name）", e.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void GetWarning_HeaderOnlyFile_EnglishAndChineseAndNoneForAFileWithRows()
    {
        var headerOnly = new InputFileStats("workers.csv", 0, 0, TextEncodingKind.Utf8, 40) { HeaderLine = 1, BytesAfterHeader = 4 };
        var withRows = headerOnly with { RowsRead = 1 };

        Assert.Equal(headerOnly.Warning, headerOnly.GetWarning(ReportLanguage.En));
        Assert.Equal("workers.csv: no rows after the header on line 1, though 4 bytes follow it", headerOnly.GetWarning(ReportLanguage.En));
        Assert.Equal("workers.csv: 第 1 行的表头之后没有读到数据行，但表头后还有 4 字节", headerOnly.GetWarning(ReportLanguage.Zh));
        Assert.Null(withRows.GetWarning(ReportLanguage.Zh));
    }

    [Fact]
    public void GetMessage_StrictBadRow_TheDiagnosticInEitherLanguage()
    {
        var bank = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "bank.csv"), Encoding.UTF8);
        var lines = bank.Split('\n');
        var broken = string.Join('\n', lines.Take(2).Append("X1,2024-02-10 10:00:00,借,12.3.4,,,,,").Concat(lines.Skip(2)));
        // The sample's attendance has an unreadable row of its own, which strict mode would stop at first.
        var inputs = Sample() with { Attendance = null, Bank = InputSource.FromBytes("bank.csv", Encoding.UTF8.GetBytes(broken)) };

        var e = Assert.Throws<PayrollDataException>(() => PayrollChecker.Check(inputs, new CheckOptions { Strict = true }));

        Assert.Equal("bank.csv:3: column amount: invalid amount '12.3.4'", e.GetMessage(ReportLanguage.En));
        Assert.Equal("bank.csv:3: 金额（amount）列：金额无效 '12.3.4'", e.GetMessage(ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("转入 6222021234567890123 失败", "转入 622202*********0123 失败")]
    [InlineData("身份证 110105-19900307-0017 不符", "身份证 110105-********-0017 不符")]
    [InlineData("金额 12345678901.50 元，2024-01-02 17:22:15", "金额 12345678901.50 元，2024-01-02 17:22:15")]
    [InlineData(null, "")]
    public void MaskNumbers_FreeText_IdAndCardNumbersMaskedOnly(string? text, string expected) =>
        Assert.Equal(expected, PersonalData.MaskNumbers(text));

    [Theory]
    [InlineData("2024-07-10", 2024, 7, 10)]
    [InlineData("2024/7/1", 2024, 7, 1)]
    [InlineData("20240710", 2024, 7, 10)]
    [InlineData("2024年7月10日", 2024, 7, 10)]
    public void TryParseDate_TheInputGrammar_Date(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-2-30")]
    [InlineData("2024-07-10 ")]
    [InlineData("1899-12-31")]
    [InlineData("")]
    public void TryParseDate_NotADate_False(string text) => Assert.False(DateText.TryParseDate(text, out _));

    [Theory]
    [InlineData(TextEncodingKind.Utf8, "UTF-8")]
    [InlineData(TextEncodingKind.Utf8Bom, "UTF-8 (BOM)")]
    [InlineData(TextEncodingKind.Gb18030, "GB18030")]
    [InlineData(TextEncodingKind.Xlsx, "xlsx")]
    [InlineData(TextEncodingKind.Xls, "xls")]
    [InlineData(TextEncodingKind.Html, "html")]
    public void EncodingName_EveryEncoding_AsSummaryJsonNamesIt(TextEncodingKind encoding, string name)
    {
        Assert.Equal(name, new InputFileStats("bank.csv", 0, 0, encoding, 0).EncodingName);
        Assert.Equal(name, SummaryJson.EncodingName(encoding));
    }
}
