using System.Globalization;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reading;

/// <summary>Sentences of SPEC §2 and R1–R8, R32–R41 read literally, one small input each.</summary>
public sealed class SpecReadingTests
{
    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Format(BankRow r) =>
        $"{r.Line}|{r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{(r.Direction == BankDirection.Debit ? "D" : "C")}|{r.Amount}|{S(r.Memo)}" +
        (r.Status == BankLineStatus.Succeeded ? "" : $"|{r.Status}");

    private static (List<string> Rows, List<string> Diagnostics, InputFileStats Stats) ReadBank(string text, InputReaderOptions options = default)
    {
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), "bank.csv", options with { Diagnostics = sink });
        var rows = new List<string>();
        while (reader.Read(out BankRow row)) rows.Add(Format(row));
        return (rows, [.. sink.Select(d => d.ToString())], reader.Stats);
    }

    [Fact]
    public void Read_ExtraFieldsThatAreDashPlaceholders_ReadTheRecord()
    {
        // R36: "a record with more fields than the header is read when every extra field is empty"; R37: "a field made
        // only of dashes (-, －, —, –) is empty".
        var r = ReadBank("time,direction,amount,memo\n2024-01-02,C,1,a,-\n2024-01-02,C,2,a,－,\"—\"\n2024-01-02,C,3,a,-,x\n");
        Assert.Equal(["2|2024-01-02|C|1.00|a", "3|2024-01-02|C|2.00|a"], r.Rows);
        Assert.Equal(["bank.csv:4: expected 4 fields, found 6"], r.Diagnostics);
    }

    [Fact]
    public void Read_PunchWithADirectionNoWordNames_IsReadWithUnknownDirection()
    {
        // R6: "An unknown wage_type, bank direction, batch status or calendar kind is a DATA_ERROR" (a punch direction is
        // not among them); R13: "direction is ignored".
        var (rows, diagnostics, stats) = TypedReaderSupport.Read(InputKind.Attendance,
            "身份证号,考勤时间,方向\nX1,2024-01-05 07:58,上班\nX1,2024-01-05 17:30,签退\nX1,2024-01-06 07:58,出\n", strict: true);
        Assert.Equal(["2|X1|2024-01-05 07:58:00|Unknown", "3|X1|2024-01-05 17:30:00|Unknown", "4|X1|2024-01-06 07:58:00|Out"], rows);
        Assert.Empty(diagnostics);
        Assert.Equal(0, stats.RowsRejected);
    }

    [Theory]
    [InlineData("2024-03", "")]
    [InlineData("202403", "")]
    [InlineData("2024年3月", "")]
    [InlineData("2024年03月", "")]
    [InlineData("2024-3", "payroll.csv:2: column period: invalid period '2024-3'")]
    [InlineData("2024/3", "payroll.csv:2: column period: invalid period '2024/3'")]
    [InlineData("2024/03", "payroll.csv:2: column period: invalid period '2024/03'")]
    public void Read_PayrollPeriod_OnlyTheFormsOfSection21(string period, string error)
    {
        // §2.1: "Periods (months): yyyy-MM, yyyyMM, yyyy年M月" (MM two digits, as in "yyyy-MM-dd (two-digit month and day)").
        var (rows, diagnostics, _) = TypedReaderSupport.Read(InputKind.Payroll, $"id_number,period,gross,net\nX1,{period},100,100\n");
        if (error.Length == 0)
        {
            Assert.Single(rows);
            Assert.Empty(diagnostics);
        }
        else
        {
            Assert.Empty(rows);
            Assert.Equal([error], diagnostics);
        }
    }

    [Fact]
    public void Read_LayoutCWithZeroLinesOnly_IsRefused_AndWithNoLineReadIsNot()
    {
        // R41: "a bank file read in layout C that has lines (read without error) but no negative amount on any of them is
        // unreadable"; "-0.00" is a zero amount, not a negative one.
        var refused = Assert.Throws<PayrollDataException>(() => ReadBank("交易日期,交易金额\n2025-12-01,0.00\n2025-12-02,-0.00\n"));
        Assert.StartsWith("bank.csv: no direction column", refused.Message, StringComparison.Ordinal);
        var r = ReadBank("交易日期,交易金额\n2025-12-01,12.345\n");
        Assert.Empty(r.Rows);
        Assert.Equal(["bank.csv:2: column amount: invalid amount '12.345'"], r.Diagnostics);
    }

    [Fact]
    public void Read_HeaderAfterTheFiftiethRecord_RefusalSaysItMustBeAmongTheFirstFifty()
    {
        // R33: the header is looked for among the first 50 non-blank records; the best of them is named, as always.
        string preamble = string.Concat(Enumerable.Range(1, 50).Select(static i => $"导出说明第{i}行\n"));
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(preamble + "交易日期,交易金额\n2025-12-01,-1\n"));
        Assert.Equal("bank.csv: missing required columns '交易日期 / date' or '交易时间 / time', '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 导出说明第1行); the header must be among the first 50 non-blank records (R33)",
            error.Message);
        Assert.Equal("bank.csv: 缺少必需的列 '交易日期 / date' 或 '交易时间 / time'、'交易金额 / amount' 或 '借方发生额 / debit' 或 '贷方发生额 / credit'（第 1 行的表头为：导出说明第1行）；表头须在前 50 个非空记录之中（R33）",
            error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        // A file that ends before fifty records without a header: the search did not stop early, and the refusal says only what is missing.
        var shorter = Assert.Throws<PayrollDataException>(() => ReadBank(string.Concat(preamble.Split('\n').Take(49).Select(static l => l + "\n"))));
        Assert.Equal("bank.csv: missing required columns '交易日期 / date' or '交易时间 / time', '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 导出说明第1行)",
            shorter.Message);
        // A header short of a column, above fifty data rows: that line is the header, and the refusal says what it lacks.
        string rows = string.Concat(Enumerable.Range(1, 60).Select(static i => $"2025-12-01,{i}\n"));
        var lacking = Assert.Throws<PayrollDataException>(() => ReadBank("交易日期,摘要\n" + rows));
        Assert.Equal("bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 交易日期, 摘要)", lacking.Message);
    }

    [Fact]
    public void Read_BlankLinesBeforeTheHeader_DoNotCountTowardTheFifty()
    {
        // R33: "among the first 50 non-blank records"; R2: a blank line is "a record whose only field is empty after
        // trimming" (a quoted empty field, white space); ",,," is not blank.
        string preamble = string.Concat(Enumerable.Repeat("说明行\n\n \u3000\n\"\"\n", 49));
        var r = ReadBank(preamble + "交易日期,交易金额\n2025-12-01,-1\n");
        // 49 × 4 lines of preamble, the header on line 197, the line on 198.
        Assert.Equal(["198|2025-12-01|D|1.00|"], r.Rows);
        Assert.Equal(49, r.Stats.PreambleRows);
        Assert.Throws<PayrollDataException>(() => ReadBank(preamble + ",,,\n交易日期,交易金额\n2025-12-01,-1\n"));
    }

    [Theory]
    [InlineData("time,direction,amount,memo\n2024-01-02,C,1\n", "2|2024-01-02|C|1.00|", "")]
    [InlineData("time,direction,amount,memo\n2024-01-02,C,1\n2024-01-03,C,2,m", "2|2024-01-02|C|1.00|;3|2024-01-03|C|2.00|m", "")]
    [InlineData("time,direction,amount,memo\n2024-01-02,C,1", "", "bank.csv:2: expected 4 fields, found 3")]
    [InlineData("time,direction,amount,memo\n2024-01-02,C,1,m,,\t", "2|2024-01-02|C|1.00|m", "")]
    public void Read_FieldCounts_AsR36Says(string text, string rows, string error)
    {
        // R36: "a record with fewer fields is read with the missing trailing fields empty, except the file's last record
        // when the file does not end with a line break (a cut-off file): that one is a DATA_ERROR"; extra empty fields
        // are read.
        var r = ReadBank(text);
        Assert.Equal(rows.Length == 0 ? [] : rows.Split(';'), r.Rows);
        Assert.Equal(error.Length == 0 ? [] : [error], r.Diagnostics);
    }

    [Theory]
    [InlineData("合计")]
    [InlineData("人民币合计")]
    [InlineData("总计：")]
    [InlineData("本页小计")]
    [InlineData("交易笔数：5")]
    [InlineData("累计借方")]
    [InlineData("本页共 1 页")]
    [InlineData("以上数据仅供参考")]
    [InlineData("说明：本单仅供参考")]
    [InlineData("注:测试")]
    [InlineData("注：测试")]
    [InlineData("共 5 笔")]
    [InlineData("共5笔")]
    public void Read_FooterWordInTheFirstField_IsAFooterRow(string word)
    {
        // R35: "A record after the header is a footer row when its first non-empty field is a footer word"; also when its
        // key value is empty and any of its fields is one.
        var r = ReadBank($"time,direction,amount,memo\n2024-01-02,C,1,a\n{word},,100,\n-,,,{word}\n2024-01-03,C,2,b\n");
        Assert.Equal(["2|2024-01-02|C|1.00|a", "5|2024-01-03|C|2.00|b"], r.Rows);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(2, r.Stats.FooterRows);
    }

    [Theory]
    [InlineData("借方发生额（支取）", "debit")]
    [InlineData("借方发生额/元(支取)", "debit")]
    [InlineData("交易日期[ Transaction Date ]", "date")]
    [InlineData("交易日期【北京(时间)】", "date")]
    [InlineData("借方发生额(支取", null)]
    [InlineData("借方发生额支取)", null)]
    [InlineData("借方发生额]", null)]
    public void Bind_BracketedParts_AsR3Says(string written, string? bound)
    {
        // R3: "a header that matches nothing is compared once more with every bracketed part ((…), （…）, […], 【…】) and
        // then a trailing /元 or 元 removed": an opening bracket never closed, or a closing one never opened, is no part.
        var header = new HeaderMap("bank.csv", [written], 1, [BankReader.DebitColumn, BankReader.DateColumn]);
        header.Find(BankReader.DebitColumn);
        header.Find(BankReader.DateColumn);
        Assert.Equal(bound, header.BoundTo[0]);
    }
}
