using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class FindingsCsvTests
{
    private const string Header =
        "code,severity,project,employer,worker_id,worker_name,id_number,period,amount,expected,actual,due_date,event_date,days,txn_ids,source,message,status,first_seen,runs_open,ruling,finding_id\n";

    [Fact]
    public void WriteFindingsCsv_SmallResultChinese_ExactBytes()
    {
        string expected = "\uFEFF" + Header
            + "NON_WAGE_DEBIT,red,LY-2023-0017,,,,,,5000.00,,,,2024-01-20,,T0003,bank.csv:4,"
            + "\"2024-01-20 从专户向“=HYPERLINK(\"\"x\"\")”支出 5000.00 元，属非工资支出。\",new,,,,\n"
            + "UNPAID,orange,LY-2023-0017,\"宏达劳务, 二队\",410302********3418,张三,410302********3418,2023-11,3000.00,3000.00,0.00,2023-12-15,,48,,,"
            + "张三 2023年11月工资 3000.00 元未支付，应发日 2023-12-15，已逾期 48 天。,new,,,,\n"
            + "NAME_MISMATCH,orange,LY-2023-0017,宏达劳务,W002,李四,410302********002X,,-12.50,,,,2024-01-10,,T0001;T0002,bank.csv:2,"
            + "\"2024-01-10 向李四登记的工资卡支付 -12.50 元，但对方户名为“李\"\"四\"\"”。\",new,,,,\n"
            + "DATA_ERROR,yellow,LY-2023-0017,,,,,,,,,,,,,workers.csv:9,"
            + "workers.csv:9 无法读取，已跳过：column bank_account: invalid account '622202**********123x'。,new,,,,\n";

        byte[] bytes = Bytes(s => ReportWriter.WriteFindingsCsv(Small(), s));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void WriteFindingsCsv_SmallResultEnglish_ExactBytes()
    {
        string expected = "\uFEFF" + Header
            + "NON_WAGE_DEBIT,red,LY-2023-0017,,,,,,5000.00,,,,2024-01-20,,T0003,bank.csv:4,"
            + "\"5000.00 yuan paid out on 2024-01-20 to \"\"=HYPERLINK(\"\"x\"\")\"\": not a wage payment.\",new,,,,\n"
            + "UNPAID,orange,LY-2023-0017,\"宏达劳务, 二队\",410302********3418,张三,410302********3418,2023-11,3000.00,3000.00,0.00,2023-12-15,,48,,,"
            + "\"张三: wages of 3000.00 yuan for 2023-11 unpaid; due 2023-12-15, 48 days overdue.\",new,,,,\n"
            + "NAME_MISMATCH,orange,LY-2023-0017,宏达劳务,W002,李四,410302********002X,,-12.50,,,,2024-01-10,,T0001;T0002,bank.csv:2,"
            + "\"李四: -12.50 yuan paid on 2024-01-10 to the registered card, but the payee name is \"\"李\"\"四\"\"\"\".\",new,,,,\n"
            + "DATA_ERROR,yellow,LY-2023-0017,,,,,,,,,,,,,workers.csv:9,"
            + "workers.csv:9 could not be read and was skipped: column bank_account: invalid account '622202**********123x'.,new,,,,\n";

        string actual = Utf8(s => ReportWriter.WriteFindingsCsv(Small(), s, new ReportOptions { Language = ReportLanguage.En }));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void WriteFindingsCsv_MaskOff_WritesFullNumbers()
    {
        string actual = Utf8(s => ReportWriter.WriteFindingsCsv(Small(), s, new ReportOptions { Mask = false }));

        Assert.Contains($",{IdZhang},张三,{IdZhang},2023-11,", actual);
        Assert.Contains($"invalid account '{CardZhang}x'", actual);
    }

    [Fact]
    public void WriteFindingsCsv_SameInputTwice_ByteIdentical()
    {
        var result = Realistic();

        byte[] first = Bytes(s => ReportWriter.WriteFindingsCsv(result, s));
        byte[] second = Bytes(s => ReportWriter.WriteFindingsCsv(Realistic(), s));

        Assert.Equal(first, second);
    }

    [Fact]
    public void WriteFindingsCsv_StreamNotAtStart_StillWritesBomAndLeavesStreamOpen()
    {
        using var ms = new MemoryStream();
        ms.Write("x"u8);

        ReportWriter.WriteFindingsCsv(Small(), ms);

        Assert.True(ms.CanWrite);
        Assert.Equal([(byte)'x', 0xEF, 0xBB, 0xBF], ms.ToArray()[..4]);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void Compose_EveryCodeWithAllFields_OneSentenceWithoutPlaceholders(ReportLanguage language)
    {
        var messages = new FindingMessages(language, mask: true, new DateOnly(2024, 2, 1));
        foreach (var code in Enum.GetValues<FindingCode>())
        {
            foreach (var f in new[] { Full(code), new Finding { Code = code, Severity = Severity.Info } })
            {
                string m = messages.ComposeString(f);

                Assert.False(string.IsNullOrWhiteSpace(m), FindingCodes.Name(code));
                Assert.DoesNotContain("{", m);
                Assert.DoesNotContain("\n", m);
                Assert.DoesNotContain(IdZhang, m);
                Assert.DoesNotContain(CardZhang, m);
            }
        }
    }

    [Theory]
    [InlineData(FindingCode.Shortfall, ReportLanguage.Zh,
        "张三 2024年1月工资应发 3000.00 元，仅付 1000.00 元，尚欠 2000.00 元，应发日 2024-02-15，已逾期 16 天，最近一次支付于 2024-02-20。")]
    [InlineData(FindingCode.Late, ReportLanguage.En,
        "张三: wages of 3000.00 yuan for 2024-01 paid late: only 1000.00 yuan by the due date 2024-02-15, completed on 2024-02-20, 16 days late.")]
    [InlineData(FindingCode.BatchTotalMismatch, ReportLanguage.Zh, "2024-02-20 代发批次 B20240220 扣款 3000.00 元，与代发明细合计 1000.00 元不符。")]
    [InlineData(FindingCode.UnregisteredWorker, ReportLanguage.Zh, "身份证号 410302********3418 的人员未实名登记，2024年1月却有 16 天考勤。")]
    [InlineData(FindingCode.LaborFundsShort, ReportLanguage.En,
        "Labour funds for 2024-01: 3000.00 yuan due in total by 2024-02-15, only 1000.00 yuan received by 2024-02-01; 2000.00 yuan short.")]
    [InlineData(FindingCode.DuplicateTxn, ReportLanguage.En, "Transaction T1;T2 on 2024-02-20 repeats B20240220 and was left out.")]
    public void Compose_FullFinding_ExactSentence(FindingCode code, ReportLanguage language, string expected)
    {
        var messages = new FindingMessages(language, mask: true, new DateOnly(2024, 2, 1));

        Assert.Equal(expected, messages.ComposeString(Full(code)));
    }

    [Fact]
    public void Compose_HeadcountDetail_SplitsUnpaidAndTotal()
    {
        var f = new Finding { Code = FindingCode.HeadcountMismatch, Severity = Severity.Red, Period = new YearMonth(2024, 1), Days = 3, Detail = "3/25" };

        Assert.Equal("2024年1月有考勤的 25 人中有 3 人未获任何工资支付。", new FindingMessages(ReportLanguage.Zh, true, default).ComposeString(f));
        Assert.Equal("2024-01: 3 of 25 workers with attendance received no pay.", new FindingMessages(ReportLanguage.En, true, default).ComposeString(f));
    }

    private static Finding Full(FindingCode code) => new()
    {
        Code = code,
        Severity = Severity.Orange,
        Employer = "宏达劳务",
        WorkerId = IdZhang,
        WorkerName = "张三",
        IdNumber = IdZhang,
        Period = new YearMonth(2024, 1),
        Amount = Money.FromYuan(2000),
        Expected = Money.FromYuan(3000),
        Actual = Money.FromYuan(1000),
        DueDate = new DateOnly(2024, 2, 15),
        EventDate = new DateOnly(2024, 2, 20),
        Days = 16,
        TxnIds = ["T1", "T2"],
        Source = "bank.csv:3",
        Detail = code == FindingCode.DataError ? "column bank_account: invalid account '" + CardZhang + "'" : "B20240220",
    };
}
