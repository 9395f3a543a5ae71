using System.Globalization;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reading;

/// <summary>Bank statements as banks export them: preamble, footer, header variants, value variants, status, direction safety (SPEC §2.3, R33–R41).</summary>
public sealed class BankDialectTests
{
    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Format(BankRow r) =>
        $"{r.Line}|{S(r.TxnId)}|{r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{r.TimeOfDay?.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}|" +
        $"{(r.Direction == BankDirection.Debit ? "D" : "C")}|{r.Amount}|{r.Balance}|{S(r.CounterpartyName)}|{S(r.CounterpartyAccount)}|{S(r.Memo)}" +
        (r.Status == BankLineStatus.Succeeded ? "" : $"|{r.Status}");

    private sealed record Reading(List<string> Rows, List<string> Diagnostics, InputFileStats Stats, BankReader Reader);

    private static Reading ReadBank(string text, InputReaderOptions options = default, string file = "bank.csv") =>
        ReadBank(Encoding.UTF8.GetBytes(text), options, file);

    private static Reading ReadBank(byte[] bytes, InputReaderOptions options = default, string file = "bank.csv")
    {
        var sink = new List<Diagnostic>();
        var reader = BankReader.Create(new MemoryStream(bytes), file, options with { Diagnostics = sink });
        var rows = new List<string>();
        while (reader.Read(out BankRow row)) rows.Add(Format(row));
        reader.Dispose();
        return new Reading(rows, [.. sink.Select(d => d.ToString())], reader.Stats, reader);
    }

    private static PayrollDataException Refused(string text, InputReaderOptions options = default) =>
        Assert.Throws<PayrollDataException>(() => ReadBank(text, options));

    [Fact]
    public void Read_PersonalStatementWithTitleAccountRowsAndFooter_ReadsOnlyTheLines()
    {
        string text =
            "中国银行交易流水明细单\n" +
            "账号:,6222021234567890123\n" +
            "户名:,张三\n" +
            "\n" +
            ",,,\n" +
            "记账日期,记账时间,金额,余额,对方账户名,对方卡号/账号,摘要\n" +
            "2025-12-01,123456,+10000.00,\"10,000.00\",某某置业有限公司,41050161360800000288,人工费\n" +
            "2025-12-02,090000,-3000.00,7000.00,张伟,6228480400067807604,工资\n" +
            "人民币合计,,,\"1,234.56 \"\n" +
            "以上数据仅供参考\n";
        var r = ReadBank(text);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(
            [
                "7||2025-12-01|12:34:56|C|10000.00|10000.00|某某置业有限公司|41050161360800000288|人工费",
                "8||2025-12-02|09:00:00|D|3000.00|7000.00|张伟|6228480400067807604|工资",
            ],
            r.Rows);
        Assert.Equal(6, r.Stats.HeaderLine);
        Assert.Equal(4, r.Stats.PreambleRows);
        Assert.Equal(2, r.Stats.FooterRows);
        Assert.Equal(2, r.Stats.RowsRead);
        Assert.Equal("6222021234567890123", r.Reader.PreambleAccount);
        Assert.Equal(BankLayout.SignedAmount, r.Reader.Layout);
    }

    [Theory]
    [InlineData("借 Dr", "D")]
    [InlineData("贷 Cr", "C")]
    [InlineData("Dr", "D")]
    [InlineData("cr", "C")]
    [InlineData("收", "C")]
    [InlineData("付", "D")]
    [InlineData("转出", "D")]
    [InlineData("转入", "C")]
    [InlineData("往账", "D")]
    [InlineData("来账", "C")]
    [InlineData("OUT", "D")]
    [InlineData("in", "C")]
    public void Read_DirectionColumnNamed借贷_ReadsEveryDirectionSpelling(string direction, string expected)
    {
        var r = ReadBank($"交易日期,借贷,金额\n2025-12-01,{direction},5.00\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal($"2||2025-12-01||{expected}|5.00||||", Assert.Single(r.Rows));
        Assert.Equal(BankLayout.DirectionAndAmount, r.Reader.Layout);
    }

    [Theory]
    [InlineData("交易日期,金额,交易备注,摘要\n2025-12-01,-5.00,张三报销,2025年11月工资\n", "2025年11月工资")]
    [InlineData("交易日期,金额,摘要,交易备注\n2025-12-01,-5.00,2025年11月工资,张三报销\n", "2025年11月工资")]
    [InlineData("交易日期,金额,交易备注\n2025-12-01,-5.00,2025年11月工资\n", "2025年11月工资")]
    [InlineData("账务日期,交易日期,金额,摘要\n2025-11-30,2025-12-01,-5.00,工资\n", "工资")]
    public void Read_NameBeyondTheSpecBesideAListedOne_TheListedOneBinds(string text, string memo)
    {
        // R3: the first column wins among the names a kind has; the names further exports write (交易备注, 账务日期) bind
        // only when none of §2.1 and R38's names does, so a header with both binds as a literal reading binds it.
        var r = ReadBank(text);
        Assert.Empty(r.Diagnostics);
        string row = Assert.Single(r.Rows);
        Assert.EndsWith($"|{memo}", row, StringComparison.Ordinal);
        Assert.Contains("|2025-12-01|", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("支")]
    [InlineData("借方")]
    [InlineData("贷方")]
    [InlineData("debit")]
    [InlineData("Credit")]
    public void Read_DirectionNoListNames_DataError(string direction)
    {
        // §2.1 and R37 list every spelling read; any other is unknown (R6), however plain its meaning.
        var r = ReadBank($"交易日期,借贷,金额\n2025-12-01,{direction},5.00\n");
        Assert.Empty(r.Rows);
        Assert.Equal($"bank.csv:2: column direction: unknown direction '{direction}'", Assert.Single(r.Diagnostics));
    }

    [Theory]
    [InlineData("收/支")]
    [InlineData("借/贷")]
    [InlineData("收付标志")]
    [InlineData("借贷方向")]
    [InlineData("交易方向")]
    [InlineData("收支标识")]
    [InlineData("借贷标识")]
    [InlineData("收入/支出标志")]
    [InlineData("借贷标记")]
    [InlineData("收支标志")]
    public void Read_DirectionAliases_AreLayoutA(string header)
    {
        var r = ReadBank($"交易日期,{header},交易金额\n2025-12-01,借,5.00\n");
        Assert.Equal(BankLayout.DirectionAndAmount, r.Reader.Layout);
        Assert.Equal("2||2025-12-01||D|5.00||||", Assert.Single(r.Rows));
    }

    [Fact]
    public void Read_AllPositiveAmountsAndNoDirection_IsRefusedNotReadAsCredits()
    {
        var error = Refused("交易日期,交易金额,对方户名\n2025-12-01,3000.00,张伟\n2025-12-02,100.00,李娜\n");
        Assert.Equal(
            "bank.csv: no direction column (借贷, 收支 …), no debit/credit columns and no negative amounts: money out cannot be told from money in",
            error.Message);
    }

    [Fact]
    public void Read_SignedAmountsWithOneNegative_IsRead()
    {
        var r = ReadBank("交易日期,交易金额\n2025-12-01,3000.00\n2025-12-02,-100.00\n");
        Assert.Equal(["2||2025-12-01||C|3000.00||||", "3||2025-12-02||D|100.00||||"], r.Rows);
    }

    [Fact]
    public void Read_ZeroAmountLines_AreDeliveredNotRejected()
    {
        var r = ReadBank("交易日期,借方发生额,贷方发生额,余额\n2025-12-01,,,100.00\n2025-12-02,0.00,0,100.00\n2025-12-03,5,,95\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["2||2025-12-01||C|0.00|100.00|||", "3||2025-12-02||C|0.00|100.00|||", "4||2025-12-03||D|5.00|95.00|||"], r.Rows);
    }

    [Fact]
    public void Read_StatusColumn_MarksFailedCancelledReversedLines()
    {
        var r = ReadBank(
            "交易日期,交易金额,交易状态\n2025-12-01,-1.00,交易成功\n2025-12-02,-2.00,交易失败\n2025-12-03,-3.00,已撤销\n2025-12-04,-4.00,已冲正\n" +
            "2025-12-05,-5.00,\n2025-12-06,-6.00,SUCCESS\n2025-12-07,-7.00,待处理\n2025-12-08,abc,失败\n");
        Assert.Equal(
            [
                "2||2025-12-01||D|1.00||||", "3||2025-12-02||D|2.00|||||Failed", "4||2025-12-03||D|3.00|||||Cancelled",
                "5||2025-12-04||D|4.00|||||Reversed", "6||2025-12-05||D|5.00||||", "7||2025-12-06||D|6.00||||",
                "9||2025-12-08||C|0.00|||||Failed",
            ],
            r.Rows);
        Assert.Equal(["bank.csv:8: column status: unknown status '待处理'"], r.Diagnostics);
    }

    [Fact]
    public void Read_CorporateHeadersWithAnnotations_BindThroughTheBracketFallback()
    {
        var r = ReadBank(
            "交易日期[ Transaction Date ],借方发生额（支取）,贷方发生额/元(收入),余额,对方单位,对方账号,凭证号,摘要\n" +
            "2025-12-01,,\"50,000.00\",\"50,000.00\",某某置业有限公司,41050161360800000288,000000000,人工费\n" +
            "2025-12-02,3000.00,,\"47,000.00\",张伟,6228480400067807604,000000000,工资\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal(BankLayout.DebitCredit, r.Reader.Layout);
        Assert.Equal(
            ["2||2025-12-01||C|50000.00|50000.00|某某置业有限公司|41050161360800000288|人工费", "3||2025-12-02||D|3000.00|47000.00|张伟|6228480400067807604|工资"],
            r.Rows);
        // A voucher number is not a transaction id: ICBC writes 000000000 on every line.
        Assert.DoesNotContain(r.Reader.Columns, c => c.Header == "凭证号" && c.Column is not null);
    }

    [Fact]
    public void Read_IcbcAmountBesideBookedDebitCredit_IsLayoutB()
    {
        var r = ReadBank("交易时间,交易金额(收入),记账金额(收入),记账金额(支出),余额\n2025-12-01 10:00:00,1.00,1.00,,1.00\n2025-12-02 10:00:00,,,0.50,0.50\n");
        Assert.Equal(BankLayout.DebitCredit, r.Reader.Layout);
        Assert.Equal(["2||2025-12-01|10:00:00|C|1.00|1.00|||", "3||2025-12-02|10:00:00|D|0.50|0.50|||"], r.Rows);
    }

    [Fact]
    public void Read_BracketFallback_DoesNotTakeANameAHeaderBindsExactly()
    {
        // 交易日期 binds exactly; 交易日期(北京时间) would bind date too, but only as a fallback, so it is ignored.
        var r = ReadBank("交易日期(北京时间),交易日期,交易金额\n2025-01-01,2025-12-01,-1\n");
        Assert.Equal("2||2025-12-01||D|1.00||||", Assert.Single(r.Rows));
        Assert.Equal([new ColumnBinding("交易日期(北京时间)", null), new ColumnBinding("交易日期", "date"), new ColumnBinding("交易金额", "amount")], r.Reader.Columns);
    }

    [Fact]
    public void Read_CombinedCounterparty_SplitsAccountAndName()
    {
        var r = ReadBank("交易日期,交易时间,收入,支出,余额,交易备注,对手信息\n2025-12-01,10:00:00,,300.00,700.00,工资,张三 66666666666666\n2025-12-02,10:00:00,,1.00,699.00,费, \n");
        Assert.Equal(["2||2025-12-01|10:00:00|D|300.00|700.00|张三|66666666666666|工资", "3||2025-12-02|10:00:00|D|1.00|699.00|||费"], r.Rows);
    }

    [Fact]
    public void Read_PayerAndPayeeColumns_CounterpartyIsThePayeeOfADebitAndThePayerOfACredit()
    {
        var r = ReadBank(
            "交易日期,借方发生额,贷方发生额,付款人名称,付款人账号,收款人名称,收款人账号\n" +
            "2025-12-01,,100.00,某某置业有限公司,41050161360800000288,某某建筑公司,31050161393600000000\n" +
            "2025-12-02,30.00,,某某建筑公司,31050161393600000000,张伟,6228480400067807604\n");
        Assert.Equal(["2||2025-12-01||C|100.00||某某置业有限公司|41050161360800000288|", "3||2025-12-02||D|30.00||张伟|6228480400067807604|"], r.Rows);
    }

    [Fact]
    public void Read_PayerAndPayeeColumns_DashPlaceholdersAreEmpty()
    {
        // R37 holds for the payer and payee columns as for every other: a fee debit whose payee is written "-" has no payee.
        var r = ReadBank(
            "交易日期,借方发生额,贷方发生额,付款人名称,付款人账号,收款人名称,收款人账号\n" +
            "2025-12-02,5.00,,某某建筑公司,31050161393600000000,-,－－\n" +
            "2025-12-03,,8.00,—,–,某某建筑公司,31050161393600000000\n");
        Assert.Equal(["2||2025-12-02||D|5.00||||", "3||2025-12-03||C|8.00||||"], r.Rows);
    }

    [Theory]
    [InlineData("账　　号：6222021234567890123", "6222021234567890123")]
    [InlineData("卡号: 6222****7890123", "6222****7890123")]
    [InlineData("账号:10-5456010400", "105456010400")]
    public void Read_PreambleAccount_IsReadAndMustAgreeWithTheProject(string line, string stated)
    {
        string text = line + "\n交易日期,交易金额\n2025-12-01,-1\n";
        var r = ReadBank(text);
        Assert.Equal(stated, r.Reader.PreambleAccount);
        var agreeing = ReadBank(text, new InputReaderOptions { ExpectedAccount = stated.Replace("*", "0") });
        Assert.Single(agreeing.Rows);
    }

    [Fact]
    public void Read_PreambleAccountOfAnotherAccount_IsRefused()
    {
        var error = Refused("账号:6222021234567890123\n交易日期,交易金额\n2025-12-01,-1\n", new InputReaderOptions { ExpectedAccount = "6222021234567899999" });
        Assert.Equal("bank.csv: statement of account 6222021234567890123, not the project's account 6222021234567899999 (project.json 'account')", error.Message);
    }

    [Fact]
    public void Read_RowsEndingWithAnExtraSeparatorOrDroppingTrailingFields_AreRead()
    {
        var r = ReadBank("交易日期,交易金额,余额,摘要\n2025-12-01,-1.00,9.00,x,\n2025-12-02,-1.00\n2025-12-03,-1.00,7.00,,,,\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["2||2025-12-01||D|1.00|9.00|||x", "3||2025-12-02||D|1.00||||", "4||2025-12-03||D|1.00|7.00|||"], r.Rows);
    }

    [Fact]
    public void Read_ExtraFieldThatIsNotEmpty_IsADataError()
    {
        var r = ReadBank("交易日期,交易金额\n2025-12-01,-1.00,x\n2025-12-02,-1.00\n");
        Assert.Equal(["bank.csv:2: expected 2 fields, found 3"], r.Diagnostics);
    }

    [Fact]
    public void Read_CutOffLastLine_IsADataError()
    {
        var r = ReadBank("交易日期,交易金额,余额\n2025-12-01,-1.00,9.00\n2025-12-02,-1");
        Assert.Equal(["bank.csv:3: expected 3 fields, found 2"], r.Diagnostics);
        Assert.Single(r.Rows);
    }

    [Fact]
    public void Read_DashPlaceholders_AreEmpty()
    {
        var r = ReadBank("交易日期,交易金额,余额,对方户名,对方账号\n2025-12-01,-1.00,-,—,-------------------\n2025-12-02,-1.00,－,–,\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["2||2025-12-01||D|1.00||||", "3||2025-12-02||D|1.00||||"], r.Rows);
    }

    [Fact]
    public void Read_CellsPaddedWithSpacesAndTabs_AreTrimmed()
    {
        // The header line decides the separator (R1); the rows' tabs are white space that trimming removes (R2).
        var r = ReadBank("交易日期 ,交易金额 ,余额\n 2025-12-01\t, -1.00\t,\t9.00 \t\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal("2||2025-12-01||D|1.00|9.00|||", Assert.Single(r.Rows));
        Assert.Equal(',', r.Reader.Separator);
    }

    [Fact]
    public void Read_HeaderPaddedWithTabs_TabSeparatedAsR1CountsAndRefused()
    {
        // R1 counts every tab of the header line, those that pad a cell next to a comma too: three tabs against two
        // commas make the file tab-separated, and split on tabs its header binds no amount column.
        var e = Assert.Throws<PayrollRecon.Model.PayrollDataException>(() => ReadBank("交易日期 \t,交易金额 \t,余额\t\n 2025-12-01\t, -1.00\t,\t9.00 \t\n"));
        Assert.Equal("bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 交易日期, ,交易金额, ,余额)", e.Message);
    }

    [Fact]
    public void Read_TabSeparatedHeaderAfterCommaPreamble_IsTabSeparated()
    {
        var r = ReadBank("交易明细查询,导出时间 2025-12-03\n交易日期\t交易金额\t摘要\n2025-12-01\t-1.00\ta,b\n");
        Assert.Equal("3||2025-12-01||D|1.00||||a,b", Assert.Single(r.Rows));
        Assert.Equal('\t', r.Reader.Separator);
    }

    [Fact]
    public void Read_NewestFirstStatement_IsRecognised()
    {
        var r = ReadBank("交易日期,交易金额,余额\n2025-12-03,-1.00,7.00\n2025-12-02,-1.00,8.00\n2025-12-01,-1.00,9.00\n");
        Assert.True(r.Reader.NewestFirst);
        Assert.False(ReadBank("交易日期,交易金额\n2025-12-01,-1.00\n2025-12-01,-1.00\n").Reader.NewestFirst);
    }

    [Theory]
    [InlineData("交易时间", "20260101013555", "2026-01-01|01:35:55")]
    [InlineData("交易时间", "2025/12/03  14:06:51", "2025-12-03|14:06:51")]
    [InlineData("交易日期", "2025-12-03 14:06:51", "2025-12-03|14:06:51")]
    public void Read_DateTimeVariants_AreRead(string header, string value, string expected)
    {
        var r = ReadBank($"{header},交易金额\n{value},-1.00\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal($"2||{expected}|D|1.00||||", Assert.Single(r.Rows));
    }

    [Theory]
    [InlineData("CNY 123.18", "123.18")]
    [InlineData("RMB 5", "5.00")]
    [InlineData("\"人民币 1,234.50\"", "1234.50")]
    [InlineData("\"3,240.28\"", "3240.28")]
    [InlineData("12.00元", "12.00")]
    [InlineData("+10000.00", "10000.00")]
    public void Read_MoneyVariants_AreRead(string value, string expected)
    {
        var r = ReadBank($"交易日期,借贷,交易金额\n2025-12-01,借,{value}\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal($"2||2025-12-01||D|{expected}||||", Assert.Single(r.Rows));
    }

    [Theory]
    [InlineData("记账日", "支出", "收入", "本次余额", "交易对手名称", "交易对手账号", "交易附言")]
    [InlineData("入账日期", "取出金额", "存入金额", "联机余额", "对手户名", "对手账号", "交易用途")]
    [InlineData("交易日", "付款金额", "收款金额", "当前余额", "对方账户名称", "对方账户", "客户附言")]
    [InlineData("日期", "转出金额", "转入金额", "交易后余额", "收(付)方名称", "收(付)方账号", "交易摘要")]
    [InlineData("账务日期", "借方金额", "贷方金额", "账户余额", "对方单位名称", "对方卡号", "交易备注")]
    [InlineData("记账日期", "借", "贷", "余额", "交易对方", "交易对手账号", "摘要")]
    [InlineData("交易日期", "支取金额", "存入", "余额", "对方账号名称", "对方账户号", "用途")]
    [InlineData("交易日期", "借方", "贷方", "余额", "对方户名称", "对方账号", "附言")]
    public void Read_AliasesOfOtherBanks_Bind(string date, string debit, string credit, string balance, string name, string account, string memo)
    {
        var r = ReadBank($"{date},{debit},{credit},{balance},{name},{account},{memo}\n2025-12-01,3.00,,97.00,张伟,6228480400067807604,工资\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal("2||2025-12-01||D|3.00|97.00|张伟|6228480400067807604|工资", Assert.Single(r.Rows));
    }

    [Theory]
    [InlineData("日志号")]
    [InlineData("交易流水号")]
    [InlineData("银行流水号")]
    public void Read_TxnIdAliases_Bind(string header)
    {
        Assert.Equal("2|X1|2025-12-01||D|1.00||||", Assert.Single(ReadBank($"{header},交易日期,交易金额\nX1,2025-12-01,-1\n").Rows));
    }

    [Fact]
    public void Read_NoHeaderAmongTheFirstRecords_NamesTheBestCandidateAndWhatItLacks()
    {
        var error = Refused("明细查询文件下载\n日期,摘要,对方户名\n2025-12-01,x,y\n");
        Assert.Equal(
            "bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 2: 日期, 摘要, 对方户名)",
            error.Message);
    }

    [Fact]
    public void Read_HeaderCandidateWithACardNumber_IsQuotedAsIsForTheCallerToMask()
    {
        var error = Assert.Throws<PayrollDataException>(() =>
            TypedReaderSupport.Read(InputKind.Workers, "张三,110101199003078515,6222021234567890123\n"));
        Assert.Equal(
            "workers.csv: missing required columns '姓名 / name', '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' (found on line 1: 张三, 110101199003078515, 6222021234567890123)",
            error.Message);
    }

    [Fact]
    public void Read_HeaderAfterFiftyPreambleRecords_IsNotLookedFor()
    {
        string text = string.Concat(Enumerable.Repeat("说明行\n", 50)) + "交易日期,交易金额\n2025-12-01,-1\n";
        var error = Refused(text);
        Assert.StartsWith("bank.csv: missing required column", error.Message);
        Assert.Single(ReadBank(string.Concat(Enumerable.Repeat("说明行\n", 49)) + "交易日期,交易金额\n2025-12-01,-1\n").Rows);
    }

    [Fact]
    public void Read_FooterRowsWithEmptyKeyAndAFooterWord_AreSkipped()
    {
        var r = ReadBank("交易日期,借方发生额,贷方发生额\n2025-12-01,1.00,\n,借方交易笔数,1\n,共 1 笔,\n注：本回单仅供参考,,\n本页小计,1.00,0.00\n");
        Assert.Empty(r.Diagnostics);
        Assert.Single(r.Rows);
        Assert.Equal(4, r.Stats.FooterRows);
    }

    [Theory]
    [InlineData("2025年合计")]   // 13 bytes, ASCII first: the two-read ASCII test must see the Chinese in the middle
    [InlineData("ab合计")]       // 8 bytes
    [InlineData("2025-12合计")]  // 13 bytes
    [InlineData("12345678901234567890合计")] // 26 bytes: the two 16-byte vectors, Chinese in the tail
    [InlineData("1234567890合计1234567890")] // 26 bytes, Chinese in the head
    [InlineData("1234567890123合计1234567890123")] // 32 bytes, Chinese where the two vectors overlap
    [InlineData("123456789012345678901234567890合计")] // past 32 bytes: the general test
    public void Read_FooterWordAfterAsciiInTheFirstField_IsFooter(string first)
    {
        var r = ReadBank($"交易日期,借方发生额,贷方发生额\n2025-12-01,1.00,\n{first},1.00,0.00\n");
        Assert.Empty(r.Diagnostics);
        Assert.Single(r.Rows);
        Assert.Equal(1, r.Stats.FooterRows);
    }

    [Theory]
    [InlineData("--,合计,1234.00,", 1)]   // key (交易日期) a dash placeholder: empty, a footer word after it
    [InlineData("－,小计,1.00,", 1)]      // a full-width dash
    [InlineData("-,1.00,,", 0)]           // no footer word: a data row without a date
    public void Read_DashPlaceholderKeyFirst_FooterByItsWords(string line, int footers)
    {
        var r = ReadBank($"交易日期,借方发生额,贷方发生额,摘要\n2025-12-01,1.00,,工资\n{line}\n");
        Assert.Single(r.Rows);
        Assert.Equal(footers, r.Stats.FooterRows);
        Assert.Equal(1 - footers, r.Diagnostics.Count);
    }

    [Theory]
    [InlineData("JY001,-,合计,1.00", true)]                  // key a dash placeholder: empty, a footer word elsewhere
    [InlineData("JY001,－－,合计,1.00", true)]               // full-width dashes
    [InlineData("JY001,\u3000,小计,1.00", true)]             // key ideographic space only
    [InlineData("JY001, ,合计,1.00", true)]                  // key a space only
    [InlineData("JY001,,笔数,", true)]                       // key empty
    [InlineData("\"JY001\",\"\",合计,1.00", true)]           // quoted, key quoted empty
    [InlineData("  JY001,,合计,1.00", true)]                 // first field padded
    [InlineData("JY001,2025-12-01 10:00:00,合计,1.00", false)] // key given: data (a bad direction)
    [InlineData("-,-,合计,1.00", true)]                      // first field a dash placeholder: the first non-empty is the word
    [InlineData("--,合计,借,1.00", true)]                    // the key itself is the word, after a placeholder
    [InlineData("-,2025-12-01 10:00:00,合计,1.00", false)]   // placeholder first, key given: data
    public void Read_AsciiFirstFieldAndKeyColumn_FooterOnlyWhenTheKeyIsEmpty(string line, bool footer)
    {
        var r = ReadBank($"流水号,交易时间,借贷标志,交易金额\nJY000,2025-12-01 09:00:00,借,1.00\n{line}\n");
        Assert.Single(r.Rows);
        Assert.Equal(footer ? 1 : 0, r.Stats.FooterRows);
        Assert.Equal(footer ? 0 : 1, r.Diagnostics.Count);
    }
}
