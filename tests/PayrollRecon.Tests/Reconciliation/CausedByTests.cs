using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>One unreadable statement row must not look like five unrelated problems: the findings it may have set off name it.</summary>
public sealed class CausedByTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Fixtures, "sample-project");

    /// <summary>The sample project with bank.csv line 41 (the 110 000.00 labour-fund credit of 2024-03-03) made unreadable.</summary>
    private static ReconciliationResult CheckWithBadLine41(bool makeBad = true)
    {
        var lines = File.ReadAllLines(Path.Combine(Sample, "bank.csv"), Encoding.UTF8);
        Assert.StartsWith("20240303000040,2024-03-03 09:41:00,C,110000.00,", lines[40]);
        if (makeBad) lines[40] = lines[40].Replace("2024-03-03 09:41:00", "2024-02-30 09:41:00", StringComparison.Ordinal);
        static InputSource File_(string name) => InputSource.FromFile(Path.Combine(Sample, name));
        var inputs = new CheckInputs
        {
            Settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(Sample, "project.json"))),
            Workers = File_("workers.csv"),
            Bank = InputSource.FromBytes("bank.csv", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")),
            Attendance = File_("attendance.csv"),
            Payroll = File_("payroll.csv"),
            Batches = File_("batches.csv"),
            Calendar = File_("calendar.csv"),
        };
        return PayrollChecker.Check(inputs, new CheckOptions { AsOf = new DateOnly(2024, 7, 10) });
    }

    [Fact]
    public void CausedBy_UnreadableLabourFundCredit_BreakAndLabourFundFindingsNameTheRow()
    {
        var result = CheckWithBadLine41();
        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError && f.Source == "bank.csv:41");
        Assert.Equal(Model.DiagnosticReason.InvalidDateTime, error.Diagnostic!.Reason);
        Assert.Null(error.CausedBy);

        var brk = Assert.Single(result.Findings, f => f.Code == FindingCode.BalanceBreak);
        Assert.Equal("bank.csv:42", brk.Source);
        Assert.Equal("bank.csv:41", brk.CausedBy);
        var funds = result.Findings.Where(f => f.Code is FindingCode.LaborFundsLate or FindingCode.LaborFundsShort).ToList();
        Assert.Equal(5, funds.Count);
        Assert.All(funds, f => Assert.Equal("bank.csv:41", f.CausedBy));
        // Findings the row cannot have changed keep no link: a debit months later, a repeated transaction, a roster check.
        Assert.All(result.Findings.Where(f => f.Code is FindingCode.NonWageDebit or FindingCode.DuplicateTxn or FindingCode.UnregisteredWorker or FindingCode.AccountMismatch),
            f => Assert.Null(f.CausedBy));
        // A shortfall of May: the missing line (dated between 2024-03-0x and 2024-03-14) cannot be a May payment.
        Assert.Null(Assert.Single(result.Findings, f => f.Code == FindingCode.Shortfall).CausedBy);
    }

    [Fact]
    public void CausedBy_CleanStatement_NoFindingHasACause()
    {
        var result = CheckWithBadLine41(makeBad: false);
        Assert.All(result.Findings, f => Assert.Null(f.CausedBy));
    }

    [Fact]
    public void CausedBy_InFindingsCsvMessageAndReportHtml_BothLanguages()
    {
        var result = CheckWithBadLine41();
        string Csv(ReportLanguage language)
        {
            using var s = new MemoryStream();
            ReportWriter.WriteFindingsCsv(result, s, new ReportOptions { Language = language });
            return Encoding.UTF8.GetString(s.ToArray());
        }
        var en = Csv(ReportLanguage.En);
        Assert.Contains("\"Balance break on 2024-03-14: the previous balance gives 194698.12 yuan, the statement shows 304698.12 yuan (may follow from the unreadable row bank.csv:41).\"", en);
        Assert.Contains("bank.csv:41 could not be read and was skipped: column time: invalid date-time '2024-02-30 09:41:00'.", en);
        // The columns stay those of SPEC §4: the link is in the message, not a column.
        Assert.StartsWith("\uFEFFcode,severity,project,employer,worker_id,worker_name,id_number,period,amount,expected,actual,due_date,event_date,days,txn_ids,source,message,status,first_seen,runs_open,ruling,finding_id\n", en);
        var zh = Csv(ReportLanguage.Zh);
        Assert.Contains("2024-03-14 余额不连续：按上一笔余额推算应为 194698.12 元，流水记载为 304698.12 元（可能由无法读取的 bank.csv:41 行引起）。", zh);
        Assert.Contains("bank.csv:41 无法读取，已跳过：时间（time）列：日期时间无效 '2024-02-30 09:41:00'。", zh);

        using var html = new MemoryStream();
        ReportWriter.WriteReportHtml(result, html, new ReportOptions());
        var page = Encoding.UTF8.GetString(html.ToArray());
        Assert.Matches("data-code=\"DATA_ERROR\" data-status=\"new\" data-id=\"[0-9a-f]{16}\" id=\"row-bank.csv:41\">", page);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(page, "data-caused-by=\"bank.csv:41\"") - CountWageLinks(result));
        Assert.Contains("<small class=\"cause\"><a href=\"#row-bank.csv:41\">← bank.csv:41</a></small>", page);
    }

    private static int CountWageLinks(ReconciliationResult result) =>
        result.Findings.Count(f => f.CausedBy is not null && f.Code is FindingCode.Unpaid or FindingCode.Shortfall or FindingCode.Late);

    [Fact]
    public void CausedBy_WageFindingInTheWindow_Linked()
    {
        // 罗铁柱's March wages are unpaid; the missing line lies in March, so it may have been that payment.
        var result = CheckWithBadLine41();
        var unpaid = Assert.Single(result.Findings, f => f.Code == FindingCode.Unpaid);
        Assert.Equal(new Model.YearMonth(2024, 3), unpaid.Period);
        Assert.Equal("bank.csv:41", unpaid.CausedBy);
    }

    private const string Roster = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate\n" +
        "W1,张三,110105199003070017,6222020200112233445,甲劳务有限公司,daily,300\n" +
        "W2,李四,110105199003070025,6222020200112233446,甲劳务有限公司,daily,300\n";

    private const string Punches = "id_number,time\n" +
        "110105199003070017,2024-01-08 07:30\n110105199003070017,2024-01-08 17:30\n" +
        "110105199003070025,2024-01-08 07:30\n110105199003070025,2024-01-08 17:30\n";

    /// <summary>Two daily workers with a day of January each, both paid 300.00 for January in February.</summary>
    private static ReconciliationResult CheckSmall(string workers = Roster, string attendance = Punches, string? payroll = null)
    {
        const string bank = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
            "T1,2024-01-02 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
            "T2,2024-02-07 10:00,D,300.00,700.00,张三,6222020200112233445,2024年1月工资\n" +
            "T3,2024-02-07 10:01,D,300.00,400.00,李四,6222020200112233446,2024年1月工资\n";
        static InputSource Csv(string name, string text) => InputSource.FromBytes(name, Encoding.UTF8.GetBytes(text));
        var inputs = new CheckInputs
        {
            Settings = new ProjectSettings { Code = "T-0001", AsOf = new DateOnly(2024, 4, 1), PayDay = 15 },
            Workers = Csv("workers.csv", workers),
            Attendance = Csv("attendance.csv", attendance),
            Bank = Csv("bank.csv", bank),
            Payroll = payroll is null ? null : Csv("payroll.csv", payroll),
        };
        return PayrollChecker.Check(inputs, new CheckOptions());
    }

    private static IEnumerable<string> Linked(ReconciliationResult result) =>
        result.Findings.Where(static f => f.Code != FindingCode.DataError).Select(static f => $"{f.Code} {f.IdNumber} {f.Period} <- {f.CausedBy}").Order(StringComparer.Ordinal);

    /// <summary>李四 paid by the piece: his wage is what the payroll sheet says, and nothing else.</summary>
    private static readonly string PieceRoster = Roster.Replace("6222020200112233446,甲劳务有限公司,daily,300", "6222020200112233446,甲劳务有限公司,piece,1", StringComparison.Ordinal);

    [Fact]
    public void CausedBy_UnreadablePayrollRow_TheWorkerMonthsFindingsNameIt()
    {
        var result = CheckSmall(PieceRoster, payroll: "id_number,period,gross,deductions,net\n110105199003070017,2024-01,300,0,300\n110105199003070025,2024-01,300,0,3.0.0\n");
        Assert.Equal(["MissingPayroll 110105199003070025 2024-01 <- payroll.csv:3", "Overpaid 110105199003070025  <- payroll.csv:3"],
            Linked(result).Where(static l => l.Contains("110105199003070025", StringComparison.Ordinal)));
        Assert.All(result.Findings.Where(static f => f.IdNumber == "110105199003070017"), static f => Assert.Null(f.CausedBy));

        using var csv = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, csv, new ReportOptions { Language = ReportLanguage.Zh });
        Assert.Contains("（可能由无法读取的 payroll.csv:3 行引起）", Encoding.UTF8.GetString(csv.ToArray()));
    }

    [Fact]
    public void CausedBy_UnreadablePayrollRowWithoutId_NothingLinked()
    {
        var result = CheckSmall(PieceRoster, payroll: "id_number,period,gross,deductions,net\n110105199003070017,2024-01,300,0,300\n,2024-01,300,0,300\n");
        Assert.Contains(result.Findings, static f => f.Code == FindingCode.MissingPayroll);
        Assert.All(result.Findings, static f => Assert.Null(f.CausedBy));
    }

    [Fact]
    public void CausedBy_UnreadablePunchesOfAWorker_TheAttendanceBasedFindingNamesTheFirst()
    {
        // 李四's two punches cannot be read: his January has no attendance, so the payment for it is more than was owed.
        var result = CheckSmall(attendance: "id_number,time\n110105199003070017,2024-01-08 07:30\n110105199003070017,2024-01-08 17:30\n" +
            "110105199003070025,2024-01-08 25:30\n110105199003070025,2024-01-32 17:30\n");
        Assert.Equal(["Overpaid 110105199003070025  <- attendance.csv:4"], Linked(result));
        var errors = result.Diagnostics.Select(static d => (d.Line, d.IdNumber, d.Period)).ToList();
        Assert.Equal([(4L, "110105199003070025", new Model.YearMonth(2024, 1)), (5L, "110105199003070025", new Model.YearMonth(2024, 1))], errors);
    }

    [Fact]
    public void CausedBy_UnreadablePunchOfAPaidMonth_DaysMismatchNamesIt()
    {
        // The payroll sheet says 李四 worked 2 days in January; the punches of his second day cannot be read.
        var result = CheckSmall(
            attendance: Punches + "110105199003070025,2024-01-09 25:30\n110105199003070025,2024-01-09 26:30\n",
            payroll: "id_number,period,days,gross,deductions,net\n110105199003070017,2024-01,1,300,0,300\n110105199003070025,2024-01,2,300,0,300\n");
        var mismatch = Assert.Single(result.Findings, static f => f.Code == FindingCode.DaysMismatch);
        Assert.Equal("attendance.csv:6", mismatch.CausedBy);
    }

    [Fact]
    public void CausedBy_UnreadableRosterRow_UnregisteredFindingsOfItsIdNameIt()
    {
        var result = CheckSmall(workers: Roster.Replace("6222020200112233446,甲劳务有限公司,daily,300", "6222020200112233446,甲劳务有限公司,weekly,300", StringComparison.Ordinal));
        var unregistered = Assert.Single(result.Findings, static f => f.Code == FindingCode.UnregisteredWorker);
        Assert.Equal("workers.csv:3", unregistered.CausedBy);
        Assert.Equal("110105199003070025", unregistered.IdNumber);
    }

    [Fact]
    public void CausedBy_RowLinks_SameEveryRun()
    {
        string payroll = "id_number,period,gross,deductions,net\n110105199003070025,2024-01,300,0,x\n110105199003070025,2024-01,300,0,y\n";
        Assert.Equal(Linked(CheckSmall(PieceRoster, payroll: payroll)), Linked(CheckSmall(PieceRoster, payroll: payroll)));
        Assert.Contains("MissingPayroll 110105199003070025 2024-01 <- payroll.csv:2", Linked(CheckSmall(PieceRoster, payroll: payroll)));
    }

    /// <summary>Three workers (张三, 李四, 王五, cards …445, …446, …447), the roster as given; the statement's debits as given
    /// after a labour-fund credit; a batch detail file when given.</summary>
    private static ReconciliationResult CheckPayments(string workers, string debits, string? batches = null)
    {
        string bank = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id\n" +
            "T0,2024-01-02 09:00,C,10000.00,,某建设集团有限公司,41050100000000000009,人工费拨付,\n" + debits;
        static InputSource Csv(string name, string text) => InputSource.FromBytes(name, Encoding.UTF8.GetBytes(text));
        var inputs = new CheckInputs
        {
            Settings = new ProjectSettings { Code = "T-0001", AsOf = new DateOnly(2024, 4, 1), PayDay = 15 },
            Workers = Csv("workers.csv", workers),
            Bank = Csv("bank.csv", bank),
            Batches = batches is null ? null : Csv("batches.csv", batches),
        };
        return PayrollChecker.Check(inputs, new CheckOptions());
    }

    private const string ThreeWorkers = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate,entry_date\n" +
        "W1,张三,110105199003070017,6222020200112233445,甲劳务有限公司,daily,300,2024-01-02\n" +
        "W2,李四,110105199003070025,6222020200112233446,甲劳务有限公司,daily,300,2024.01.02\n" +
        "W3,王五,110105199003070033,6222 0202 0011 2233 447,甲劳务有限公司,daily,300,2024.01.03\n";

    private static string Message(ReconciliationResult result, FindingCode code, ReportLanguage language) =>
        FindingMessages.Format(Assert.Single(result.Findings, f => f.Code == code), result.Summary.AsOf, new ReportOptions { Language = language, Mask = false });

    [Fact]
    public void CausedBy_UnreadableRosterRow_PaymentToItsCardNamesIt()
    {
        // 李四's row (line 3) is refused for its date: a payment to his card then pays someone not on the roster.
        var result = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,李四,6222020200112233446,2024年1月工资,\n");
        var unknown = Assert.Single(result.Findings, static f => f.Code == FindingCode.UnknownPayee);
        Assert.Equal("workers.csv:3", unknown.CausedBy);
        Assert.Equal("300.00 yuan paid out on 2024-02-07 to \"李四\", who is not on the roster (may follow from the unreadable row workers.csv:3).",
            Message(result, FindingCode.UnknownPayee, ReportLanguage.En));
        Assert.Equal("2024-02-07 从专户向不在花名册上的“李四”支出 300.00 元（可能由无法读取的 workers.csv:3 行引起）。",
            Message(result, FindingCode.UnknownPayee, ReportLanguage.Zh));
    }

    [Fact]
    public void CausedBy_UnreadableRosterRows_CardBeforeNameThenFirstLine()
    {
        // Paid to 王五's card (line 4, written with spaces) under 李四's name (line 3): the card decides, as §3.2 step 2 would have.
        var byCard = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,李四,6222020200112233447,,\n");
        Assert.Equal("workers.csv:4", Assert.Single(byCard.Findings, static f => f.Code == FindingCode.UnknownPayee).CausedBy);
        // Paid under 李四's name to a card no row holds: the row of that name (step 3), written with a full-width space.
        var byName = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,李\u3000四,6228480000000000001,,\n");
        Assert.Equal("workers.csv:3", Assert.Single(byName.Findings, static f => f.Code == FindingCode.UnknownPayee).CausedBy);
        // Two unreadable rows of one card: the one of the payee's name, else the first (a shared card pays so, §3.2 step 2).
        string twice = ThreeWorkers.Replace("6222 0202 0011 2233 447", "6222020200112233446", StringComparison.Ordinal);
        var named = CheckPayments(twice, "T1,2024-02-07 10:00,D,300.00,,王五,6222020200112233446,,\n");
        Assert.Equal("workers.csv:4", Assert.Single(named.Findings, static f => f.Code == FindingCode.UnknownPayee).CausedBy);
        var first = CheckPayments(twice, "T1,2024-02-07 10:00,D,300.00,,赵六,6222020200112233446,,\n");
        Assert.Equal("workers.csv:3", Assert.Single(first.Findings, static f => f.Code == FindingCode.UnknownPayee).CausedBy);
        // A payee neither card nor name of an unreadable row: no link.
        var other = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,赵六,6228480000000000001,,\n");
        Assert.Null(Assert.Single(other.Findings, static f => f.Code == FindingCode.UnknownPayee).CausedBy);
    }

    [Fact]
    public void CausedBy_UnreadableRowOfASharedCard_NameMismatchNamesIt()
    {
        // 张三 (readable) and 李四 (line 3, refused) hold one card: 李四's pay goes to 张三, under another name.
        string shared = ThreeWorkers.Replace("6222020200112233446", "6222020200112233445", StringComparison.Ordinal);
        var result = CheckPayments(shared, "T1,2024-02-07 10:00,D,300.00,,李四,6222020200112233445,,\n");
        Assert.Equal("workers.csv:3", Assert.Single(result.Findings, static f => f.Code == FindingCode.NameMismatch).CausedBy);
        Assert.Equal("张三: 300.00 yuan paid on 2024-02-07 to the registered card, but the payee name is \"李四\" (may follow from the unreadable row workers.csv:3).",
            Message(result, FindingCode.NameMismatch, ReportLanguage.En));
        Assert.Equal("2024-02-07 向张三登记的工资卡支付 300.00 元，但对方户名为“李四”（可能由无法读取的 workers.csv:3 行引起）。",
            Message(result, FindingCode.NameMismatch, ReportLanguage.Zh));
        // The same card under a name no unreadable row holds: the mismatch is the payee's own.
        var other = CheckPayments(shared, "T1,2024-02-07 10:00,D,300.00,,赵六,6222020200112233445,,\n");
        Assert.Null(Assert.Single(other.Findings, static f => f.Code == FindingCode.NameMismatch).CausedBy);
    }

    [Fact]
    public void CausedBy_UnreadableRowOfTheCard_AccountMismatchNamesIt()
    {
        // 张三's name on 王五's card (line 4, refused): identified by name as 张三, on a card not his.
        var result = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,张三,6222020200112233447,,\n");
        Assert.Equal("workers.csv:4", Assert.Single(result.Findings, static f => f.Code == FindingCode.AccountMismatch).CausedBy);
        Assert.Equal("张三: 300.00 yuan paid on 2024-02-07 to \"张三\" on a card that is not the registered wage card (may follow from the unreadable row workers.csv:4).",
            Message(result, FindingCode.AccountMismatch, ReportLanguage.En));
        Assert.Equal("2024-02-07 向“张三”支付 300.00 元（张三），收款账号不是其登记的工资卡（可能由无法读取的 workers.csv:4 行引起）。",
            Message(result, FindingCode.AccountMismatch, ReportLanguage.Zh));
        var other = CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,张三,6228480000000000001,,\n");
        Assert.Null(Assert.Single(other.Findings, static f => f.Code == FindingCode.AccountMismatch).CausedBy);
    }

    private const string ReadableRoster = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate\n" +
        "W1,张三,110105199003070017,6222020200112233445,甲劳务有限公司,daily,300\n" +
        "W2,李四,110105199003070025,6222020200112233446,甲劳务有限公司,daily,300\n";

    [Fact]
    public void CausedBy_UnreadableDetailRowsOfABatch_LumpFindingsNameTheFirst()
    {
        const string debits =
            "T1,2024-02-07 10:00,D,600.00,,,,代发工资,PL1\n" +
            "T2,2024-02-08 10:00,D,600.00,,,,代发工资,PL2\n" +
            "T3,2024-02-09 10:00,D,600.00,,,,代发工资,PL3\n";
        // PL1: both details refused (交易成功 is no status); PL2: one of two refused; PL3: no details at all.
        const string batches = "batch_id,bank_account,name,amount,status\n" +
            "PL2,6222020200112233445,张三,300.00,success\n" +
            "PL1,6222020200112233445,张三,300.00,交易成功\n" +
            "PL1,6222020200112233446,李四,300.00,交易成功\n" +
            "PL2,6222020200112233446,李四,300.00,交易成功\n";
        var result = CheckPayments(ReadableRoster, debits, batches);
        var missing = result.Findings.Where(static f => f.Code == FindingCode.BatchDetailMissing).Select(static f => $"{f.Detail} <- {f.CausedBy}");
        Assert.Equal(["PL1 <- batches.csv:3", "PL3 <- "], missing);
        Assert.Equal("batches.csv:5", Assert.Single(result.Findings, static f => f.Code == FindingCode.BatchTotalMismatch).CausedBy);
        var pl1 = result.Findings.First(static f => f.Code == FindingCode.BatchDetailMissing);
        var options = new ReportOptions { Language = ReportLanguage.En };
        Assert.Equal("Batch PL1 debited 600.00 yuan on 2024-02-07, but its detail lines are missing (may follow from the unreadable row batches.csv:3).",
            FindingMessages.Format(pl1, result.Summary.AsOf, options));
        Assert.Equal("2024-02-07 代发批次 PL1 扣款 600.00 元，但没有该批次的代发明细（可能由无法读取的 batches.csv:3 行引起）。",
            FindingMessages.Format(pl1, result.Summary.AsOf, options with { Language = ReportLanguage.Zh }));
    }

    [Fact]
    public void CausedBy_PayeeAndBatchLinks_SameEveryRun()
    {
        Assert.Equal(
            Linked(CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,李四,6222020200112233447,,\n")),
            Linked(CheckPayments(ThreeWorkers, "T1,2024-02-07 10:00,D,300.00,,李四,6222020200112233447,,\n")));
    }
}
