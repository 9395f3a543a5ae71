using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.TypedReaderSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class BankReaderTests
{
    [Theory]
    // Layout A: direction + amount, with every alias spelling.
    [InlineData("txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id",
        "T1,2024-01-05 10:20:30,D,1234.50,100.00,张三,6222000011112222,1月工资,B1",
        "2|T1|2024-01-05|10:20:30|Debit|1234.50|100.00|张三|6222000011112222|1月工资|B1")]
    [InlineData("流水号,交易时间,借贷标志,交易金额,余额,对方户名,对方账号,摘要,批次号",
        "T2,2024/1/5 9:05,贷,\"1,000.00\",,某公司,,人工费,",
        "2|T2|2024-01-05|09:05:00|Credit|1000.00||某公司||人工费|")]
    [InlineData("交易流水号,交易时间,收支,发生额,账户余额,收款人,收款账号,用途",
        "T3,20240105T08:00:00,支出,¥5.00,,,,手续费",
        "2|T3|2024-01-05|08:00:00|Debit|5.00||||手续费|")]
    [InlineData("TXN_ID , Time,Direction,Amount(元),对方名称,附言", "T4,2024年1月5日 8:00,入,7,李四,x",
        "2|T4|2024-01-05|08:00:00|Credit|7.00||李四||x|")]
    [InlineData("流水号,交易时间,借贷标志,交易金额（元）,备注", "T5,2024-01-05,借,0.01,y",
        "2|T5|2024-01-05||Debit|0.01||||y|")]
    // Layout B: debit / credit columns.
    [InlineData("流水号,交易时间,借方发生额,贷方发生额", "T6,2024-01-05 10:00,300.00,", "2|T6|2024-01-05|10:00:00|Debit|300.00|||||")]
    [InlineData("流水号,交易时间,支出金额,收入金额", "T7,2024-01-05 10:00,0.00,25", "2|T7|2024-01-05|10:00:00|Credit|25.00|||||")]
    [InlineData("txn_id,time,debit,credit", "T8,2024-01-05 10:00,,1", "2|T8|2024-01-05|10:00:00|Credit|1.00|||||")]
    // Layout C: signed amount alone.
    [InlineData("流水号,交易时间,交易金额", "T9,2024-01-05 10:00,-88.80", "2|T9|2024-01-05|10:00:00|Debit|88.80|||||")]
    [InlineData("流水号,交易时间,发生额", "T10,2024-01-05 10:00,-88.8", "2|T10|2024-01-05|10:00:00|Debit|88.80|||||")]
    // Date and time in two columns; a time column alone may hold a bare date (R5).
    [InlineData("交易日期,交易时间,交易金额", "2024-01-05,13:14:15,-1", "2||2024-01-05|13:14:15|Debit|1.00|||||")]
    [InlineData("交易日期,交易时间,交易金额", "20240105,,-1", "2||2024-01-05||Debit|1.00|||||")]
    [InlineData("date,amount", "2024/12/31,-1", "2||2024-12-31||Debit|1.00|||||")]
    [InlineData("交易时间,交易金额", "2024-01-05,-1", "2||2024-01-05||Debit|1.00|||||")]
    // Duplicate columns: the first wins; extra columns are ignored.
    [InlineData("交易时间,交易金额,发生额,其他", "2024-01-05,-1,-2,z", "2||2024-01-05||Debit|1.00|||||")]
    public void Read_Layouts_ProduceRows(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleRow(InputKind.Bank, header, row));
    }

    [Theory]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,D,12.3.4", "bank.csv:2: column amount: invalid amount '12.3.4'")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,D,12.345", "bank.csv:2: column amount: invalid amount '12.345'")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,D,", "bank.csv:2: column amount: missing value")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,D,-5", "bank.csv:2: column amount: negative amount '-5'")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,X,5", "bank.csv:2: column direction: unknown direction 'X'")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 10:00,,5", "bank.csv:2: column direction: missing value")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,,D,5", "bank.csv:2: column time: missing value")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-13-05 10:00,D,5", "bank.csv:2: column time: invalid date-time '2024-13-05 10:00'")]
    [InlineData("流水号,交易时间,借贷标志,交易金额", "T,2024-01-05 25:00,D,5", "bank.csv:2: column time: invalid date-time '2024-01-05 25:00'")]
    [InlineData("交易日期,交易时间,交易金额", "2024-02-30,10:00,5", "bank.csv:2: column date: invalid date '2024-02-30'")]
    [InlineData("交易日期,交易时间,交易金额", ",10:00,5", "bank.csv:2: column date: missing value")]
    [InlineData("交易日期,交易时间,交易金额", "2024-01-05,noon,5", "bank.csv:2: column time: invalid time 'noon'")]
    [InlineData("流水号,交易时间,交易金额", "T,2024-01-05,abc", "bank.csv:2: column amount: invalid amount 'abc'")]
    [InlineData("流水号,交易时间,借方发生额,贷方发生额", "T,2024-01-05,1,2", "bank.csv:2: column debit: both debit and credit are non-zero")]
    [InlineData("流水号,交易时间,借方发生额,贷方发生额", "T,2024-01-05,-1,", "bank.csv:2: column debit: negative amount '-1'")]
    [InlineData("流水号,交易时间,借方发生额,贷方发生额", "T,2024-01-05,,-1", "bank.csv:2: column credit: negative amount '-1'")]
    [InlineData("流水号,交易时间,借方发生额,贷方发生额", "T,2024-01-05,1..0,", "bank.csv:2: column debit: invalid amount '1..0'")]
    [InlineData("流水号,交易时间,交易金额,余额", "T,2024-01-05,1,x", "bank.csv:2: column balance: invalid amount 'x'")]
    [InlineData("流水号,交易时间,交易金额", "T,2024-01-05", "bank.csv:2: column amount: missing value")]
    [InlineData("流水号,交易时间,交易金额", "T,2024-01-05,1,extra", "bank.csv:2: expected 3 fields, found 4")]
    [InlineData("流水号,交易时间,交易金额", ",,", "bank.csv:2: column time: missing value")]
    [InlineData("流水号,交易时间,交易金额", "T,2024-01-05,\"1", "bank.csv:2: unterminated quoted field")]
    [InlineData("流水号,交易时间,交易金额", "T,\"2024-01-05\"x,1", "bank.csv:2: stray quote in quoted field")]
    [InlineData("流水号,交易时间,交易金额", "\"T,\"1,2024-01-05,1", "bank.csv:2: stray quote in quoted field")]
    public void Read_BadLine_IsDiagnosticWithExactMessage(string header, string row, string expected)
    {
        Assert.Equal(expected, SingleError(InputKind.Bank, header, row));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Read_Utf16WithByteOrderMark_RefusedSayingSo(string encoding)
    {
        var text = System.Text.Encoding.GetEncoding(encoding);
        byte[] bytes = [.. text.GetPreamble(), .. text.GetBytes("流水号,交易时间,借贷标志,交易金额\nT1,2024-01-05,借,1\n")];
        var error = Assert.Throws<PayrollDataException>(() => TypedReaderSupport.Read(InputKind.Bank, bytes, "bank.csv", new InputReaderOptions()));
        Assert.Equal("bank.csv: UTF-16 text (a byte order mark FF FE or FE FF), which is not read: save it as UTF-8 or GB18030", error.Message);
        Assert.Equal("bank.csv: 是 UTF-16 文本（字节顺序标记 FF FE 或 FE FF），无法读取：请另存为 UTF-8 或 GB18030", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("")]
    [InlineData("\r\n")]
    public void Read_QuoteOpenToTheEndOfTheFile_ErrorSaysHowManyLinesItTookIn(string end)
    {
        // A stray quote at the start of line 3's memo: the four lines after it are inside the quote, and the message says so.
        string text = "流水号,交易时间,借贷标志,交易金额,摘要\nT1,2024-01-05,借,1,ok\nT2,2024-01-05,借,2,\"oops\nT3,2024-01-06,借,3,a\n"
            + "T4,2024-01-07,借,4,b\nT5,2024-01-08,借,5,c\nT6,2024-01-09,借,6,d" + end;
        var (rows, diagnostics, stats) = Read(InputKind.Bank, text);
        Assert.Single(rows);
        Assert.Equal(["bank.csv:3: unterminated quoted field: the quote runs to the end of the file, taking in the 4 lines after this one"], diagnostics);
        Assert.Equal(1, stats.RowsRejected);
        var strict = Assert.Throws<PayrollDataException>(() => Read(InputKind.Bank, text, strict: true));
        Assert.Equal(diagnostics[0], strict.Message);
        Assert.Equal("bank.csv:3: 引号字段未闭合：引号一直延续到文件末尾，其后的 4 行都被并入此字段", strict.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("流水号,交易时间,对方户名\nT,2024-01-05,x\n", "bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 流水号, 交易时间, 对方户名)")]
    [InlineData("流水号,借贷标志,对方户名,交易金额\n", "bank.csv: missing required column '交易日期 / date' or '交易时间 / time' (found on line 1: 流水号, 借贷标志, 对方户名, 交易金额)")]
    [InlineData("流水号,交易时间,借贷标志\n", "bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 流水号, 交易时间, 借贷标志)")]
    [InlineData("\n\n流水号 , 交易 时间 ,\t余额\n", "bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 3: 流水号, 交易 时间, 余额)")]
    [InlineData("", "bank.csv: no header row")]
    [InlineData("\r\n\n \n", "bank.csv: no header row")]
    public void Read_MissingColumn_ThrowsFileLevelError(string text, string expected)
    {
        var error = Assert.Throws<PayrollDataException>(() => Read(InputKind.Bank, text));
        Assert.Equal(expected, error.Message);
        Assert.Equal("bank.csv", error.File);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void Read_MissingColumns_ToldInChineseWithChoicesAndLists()
    {
        var choice = Assert.Throws<PayrollDataException>(() => Read(InputKind.Bank, "流水号,交易时间,对方户名\n"));
        Assert.Equal("bank.csv: 缺少必需的列 '交易金额 / amount' 或 '借方发生额 / debit' 或 '贷方发生额 / credit'（第 1 行的表头为：流水号, 交易时间, 对方户名）",
            choice.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        var several = Assert.Throws<PayrollDataException>(() => Read(InputKind.Workers, "工号,姓名\n"));
        Assert.Equal("workers.csv: missing required columns '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' (found on line 1: 工号, 姓名)", several.Message);
        Assert.Equal("workers.csv: 缺少必需的列 '身份证号 / id_number'、'计薪方式 / wage_type'、'工资标准 / wage_rate'（第 1 行的表头为：工号, 姓名）",
            several.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Fact]
    public void Read_StrayQuote_IsDataErrorAndTheNextLineReadsNormally()
    {
        string text = "流水号,交易时间,交易金额\nT1,\"2024-01-05\"x,1\n\"T2\"  ,2024-01-06,\"2\" \nT3,2024-01-07,-3\n";
        var (rows, diagnostics, stats) = Read(InputKind.Bank, text);
        Assert.Equal(["3|T2|2024-01-06||Credit|2.00|||||", "4|T3|2024-01-07||Debit|3.00|||||"], rows);
        Assert.Equal(["bank.csv:2: stray quote in quoted field"], diagnostics);
        Assert.Equal(1, stats.RowsRejected);
    }

    [Fact]
    public void Read_StrayQuoteInHeader_ThrowsWithLine()
    {
        var error = Assert.Throws<PayrollDataException>(() => Read(InputKind.Bank, "流水号,\"交易时间\"x,交易金额\nT1,2024-01-05,1\n"));
        Assert.Equal("bank.csv:1: stray quote in quoted field", error.Message);
    }

    [Fact]
    public void Read_LenientMode_SkipsBadLinesAndCountsThem()
    {
        string text = "流水号,交易时间,交易金额\nT1,2024-01-05,-1\nT2,2024-01-05,12.3.4\n\nT3,2024-01-06,2\n,,,\n";
        var (rows, diagnostics, stats) = Read(InputKind.Bank, text);
        Assert.Equal(["2|T1|2024-01-05||Debit|1.00|||||", "5|T3|2024-01-06||Credit|2.00|||||"], rows);
        Assert.Equal(["bank.csv:3: column amount: invalid amount '12.3.4'", "bank.csv:6: column time: missing value"], diagnostics);
        int bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        Assert.Equal(new InputFileStats("bank.csv", 4, 2, TextEncodingKind.Utf8, bytes) { HeaderLine = 1, EncodingDecidedOnBytes = bytes, BytesAfterHeader = bytes - 36 }, stats);
    }

    [Fact]
    public void Read_StrictMode_ThrowsAtFirstBadLine()
    {
        var error = Assert.Throws<PayrollDataException>(() =>
            Read(InputKind.Bank, "流水号,交易时间,交易金额\nT1,2024-01-05,-1\n\"multi\nline\",2024-01-05,12.3.4\nT2,x,1\n", strict: true));
        Assert.Equal("bank.csv:3: column amount: invalid amount '12.3.4'", error.Message);
        Assert.Equal(new Diagnostic("bank.csv", 3, "amount", "invalid amount '12.3.4'"), error.Diagnostic);
    }

    [Fact]
    public void Read_LineTooLong_IsDiagnosticAndReadingContinues()
    {
        string text = "流水号,交易时间,交易金额\nT1,2024-01-05,-1\nT2,2024-01-05,\"" + new string('9', 200) + "\"\nT3,2024-01-06,2\n";
        var options = new InputReaderOptions { MaxRecordBytes = 100 };
        var (rows, diagnostics, stats) = Read(InputKind.Bank, System.Text.Encoding.UTF8.GetBytes(text), "bank.csv", options);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["bank.csv:3: line longer than 100 bytes"], diagnostics);
        Assert.Equal(3, stats.RowsRead);
        Assert.Equal(1, stats.RowsRejected);
    }

    [Fact]
    public void Read_DiagnosticsSink_ReceivesDiagnostics()
    {
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream("交易时间,交易金额\n2024-01-05,x\n"u8.ToArray()), "b.csv", new InputReaderOptions { Diagnostics = sink });
        Assert.False(reader.Read(out _));
        Assert.Equal([new Diagnostic("b.csv", 2, "amount", "invalid amount 'x'")], sink);
        Assert.Empty(reader.Diagnostics);
        Assert.Equal(BankLayout.SignedAmount, reader.Layout);
    }

    [Theory]
    [InlineData("流水号,交易时间,借贷标志,交易金额", BankLayout.DirectionAndAmount)]
    [InlineData("流水号,交易时间,借方发生额,贷方发生额,交易金额", BankLayout.DebitCredit)]
    [InlineData("流水号,交易时间,发生额", BankLayout.SignedAmount)]
    public void Layout_Header_DecidesLayout(string header, BankLayout expected)
    {
        using var reader = BankReader.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(header + "\n")), "bank.csv", new InputReaderOptions());
        Assert.False(reader.Read(out _));
        Assert.Equal(expected, reader.Layout);
    }
}
