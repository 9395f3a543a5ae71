using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class BankClassificationTests
{
    private static readonly DateOnly Feb10 = new(2024, 2, 10);

    private static (Scenario S, Scenario.W A, Scenario.W B) TwoWorkers()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        var b = s.AddWorker(2, "李四", employer: "乙劳务");
        s.WorkDays(a, 2024, 1, 3);
        s.WorkDays(b, 2024, 1, 3);
        return (s, a, b);
    }

    private static Scenario.B Debit(string name, string account, long fen, string memo = "", string txn = "X1") =>
        new(txn, Feb10, true, fen) { Name = name, Account = account, Memo = memo };

    private static Scenario.B Credit(string name, string account, long fen, string memo = "", string txn = "C1", DateOnly? date = null) =>
        new(txn, date ?? Feb10, false, fen) { Name = name, Account = account, Memo = memo };

    [Fact]
    public void Debit_RegisteredCardDifferentName_WagePaymentAndNameMismatch()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张 叁", a.Account, 900_00));
        var result = s.Run();
        var line = Assert.Single(result.BankLines);
        Assert.Equal(BankLineClass.WagePayment, line.Class);
        Assert.Equal(BankLineRule.RosterAccount, line.Rule);
        Assert.Equal(a.Id, line.WorkerIdNumber);
        var f = result.Single(FindingCode.NameMismatch);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal("张 叁", f.Detail);
        Assert.Equal(new Money(900_00), f.Amount);
        Assert.Equal(Feb10, f.EventDate);
        Assert.Equal(["X1"], f.TxnIds);
        Assert.Equal("bank.csv:2", f.Source);
        Assert.Equal(a.Id, f.WorkerId);
        Assert.Null(f.Period);
    }

    [Fact]
    public void Debit_CardWithSeparatorsAndFullWidthName_MatchesWithoutFinding()
    {
        var (s, a, _) = TwoWorkers();
        string spaced = string.Join(' ', a.Account.Chunk(4).Select(c => new string(c)));
        s.Bank.Add(Debit(" 张三 ", spaced, 900_00));
        var result = s.Run();
        Assert.Equal(a.Id, Assert.Single(result.BankLines).WorkerIdNumber);
        Assert.Empty(result.Of(FindingCode.NameMismatch));
        Assert.Empty(result.Of(FindingCode.AccountMismatch));
    }

    [Fact]
    public void Debit_RegisteredCardNameWithKatakanaMiddleDot_NameMismatch()
    {
        // SPEC R18: "Name normalisation: trim, U+3000 → space, U+FF01–U+FF5E → ASCII, drop all white space, map `·`
        // `•` `.` to `·`; no case folding." The katakana middle dot ・ (U+30FB) is not among them, so a name written
        // with it differs from the roster's 阿卜杜·热合曼 (§3.2 step 2 → NAME_MISMATCH), while • and . compare equal.
        var s = new Scenario();
        var a = s.AddWorker(1, "阿卜杜·热合曼");
        s.WorkDays(a, 2024, 1, 3);
        s.Bank.Add(Debit("阿卜杜•热合曼", a.Account, 300_00, txn: "X1"));
        s.Bank.Add(Debit("阿卜杜.热合曼", a.Account, 300_00, txn: "X2"));
        s.Bank.Add(Debit("阿卜杜・热合曼", a.Account, 300_00, txn: "X3"));
        var result = s.Run();
        var f = result.Single(FindingCode.NameMismatch);
        Assert.Equal(["X3"], f.TxnIds);
        Assert.Equal("阿卜杜・热合曼", f.Detail);
    }

    [Fact]
    public void Debit_NameOfOneWorkerOtherCard_AccountMismatch()
    {
        var (s, _, b) = TwoWorkers();
        s.Bank.Add(Debit("李四", "6217000000000000999", 900_00));
        var result = s.Run();
        var line = Assert.Single(result.BankLines);
        Assert.Equal(BankLineRule.RosterName, line.Rule);
        Assert.Equal(b.Id, line.WorkerIdNumber);
        var f = result.Single(FindingCode.AccountMismatch);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal("乙劳务", f.Employer);
        Assert.Equal("李四", f.Detail);
        Assert.Equal(new Money(900_00), result.Month(b.Id, 2024, 1).Paid);
    }

    [Fact]
    public void Debit_NameOfTwoWorkers_IsNotAWagePayment()
    {
        var s = new Scenario();
        s.AddWorker(1, "王五");
        s.AddWorker(2, "王五");
        s.Bank.Add(Debit("王五", "", 900_00));
        var result = s.Run();
        Assert.Equal(BankLineRule.UnknownPayee, Assert.Single(result.BankLines).Rule);
        Assert.Single(result.Of(FindingCode.UnknownPayee));
    }

    [Fact]
    public void Debit_SharedCard_PaysTheHolderWhoseNameMatches()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        var b = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(2), "李四", a.Account));
        s.WorkDays(a, 2024, 1, 3);
        s.WorkDays(b, 2024, 1, 3);
        s.Bank.Add(Debit("李四", a.Account, 900_00, txn: "S1"));
        s.Bank.Add(Debit("赵六", a.Account, 900_00, txn: "S2"));
        var result = s.Run();

        Assert.Equal(b.Id, result.BankLines[0].WorkerIdNumber);
        Assert.Equal(a.Id, result.BankLines[1].WorkerIdNumber); // no name matches: the first in roster order
        var mismatch = result.Single(FindingCode.NameMismatch);
        Assert.Equal(["S2"], mismatch.TxnIds);
        Assert.Equal("赵六", mismatch.Detail);

        var shared = result.Single(FindingCode.SharedBankAccount);
        Assert.Equal(Severity.Red, shared.Severity);
        Assert.Equal(b.Id, shared.WorkerId);
        Assert.Equal("workers.csv:3", shared.Source);
        Assert.Equal("张三", shared.Detail);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Debit_CardOfManyHolders_SameChoiceAsOfFew_NamedElseFirst_AndRefundsCancelTheLatest(int holders)
    {
        // Past a few holders the classifier looks names up instead of walking the holders: the choices must not change.
        var s = new Scenario();
        var first = s.AddWorker(1, "张三");
        for (int k = 2; k <= holders; k++) s.Workers.Add(new Scenario.W(Scenario.Id(k), $"工人{k}", first.Account));
        // The same name registered twice on the card: its first holder (roster order) is paid.
        s.Workers.Add(new Scenario.W(Scenario.Id(holders + 1), "李四", first.Account));
        s.Workers.Add(new Scenario.W(Scenario.Id(holders + 2), "李四", first.Account));
        s.Bank.Add(Debit("李四", first.Account, 900_00, txn: "S1") with { Date = new DateOnly(2024, 2, 5) });
        s.Bank.Add(Debit("赵六", first.Account, 800_00, txn: "S2") with { Date = new DateOnly(2024, 2, 6) });
        s.Bank.Add(Debit($"工人{holders}", first.Account, 900_00, txn: "S3") with { Date = new DateOnly(2024, 2, 7) });
        s.Bank.Add(Credit("李四", first.Account, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 10)));
        s.Bank.Add(Credit("", first.Account, 900_00, memo: "退汇", txn: "R2", date: new DateOnly(2024, 2, 11)));
        s.Bank.Add(Credit("", first.Account, 900_00, memo: "退汇", txn: "R3", date: new DateOnly(2024, 2, 12)));
        var result = s.Run();
        var lines = result.BankLines;

        Assert.Equal(Scenario.Id(holders + 1), lines.Single(l => l.TxnId == "S1").WorkerIdNumber);
        Assert.Equal(first.Id, lines.Single(l => l.TxnId == "S2").WorkerIdNumber);
        Assert.Equal(holders == 3 ? Scenario.Id(3) : Scenario.Id(holders), lines.Single(l => l.TxnId == "S3").WorkerIdNumber);
        Assert.Equal(["S2"], result.Single(FindingCode.NameMismatch).TxnIds);
        // Refunds to the card take the latest equal payment still standing: S3, then S1; the third finds none.
        Assert.Equal("bank.csv:4", lines.Single(l => l.TxnId == "R1").CancelsSource);
        Assert.Equal("bank.csv:2", lines.Single(l => l.TxnId == "R2").CancelsSource);
        Assert.Equal(BankLineClass.Refund, lines.Single(l => l.TxnId == "R3").Class);
        Assert.Null(lines.Single(l => l.TxnId == "R3").CancelsSource);
        Assert.Equal(["R3"], result.Single(FindingCode.UnmatchedRefund).TxnIds);
    }

    [Fact]
    public void Debit_BankNameWithFeeMemo_IsFee()
    {
        var s = new Scenario();
        s.Bank.Add(Debit("中国建设银行", "", 5_00, memo: "账户管理费", txn: "F1"));
        s.Bank.Add(Debit("", "", 1_00, memo: "短信通知费", txn: "F2"));
        var result = s.Run();
        Assert.All(result.BankLines, l => Assert.Equal(BankLineClass.Fee, l.Class));
        Assert.Empty(result.Findings);
        Assert.Equal(new Money(6_00), result.Summary.Conservation.Fees);
    }

    [Theory]
    [InlineData("某建材有限公司", "", "货款", "某建材有限公司")]
    [InlineData("", "", "转账", "转账")]
    [InlineData("张大力", "", "现金支取", null)]
    [InlineData("中国银行", "", "转账", "中国银行")]
    [InlineData("某某经营部", "", "手续费", "某某经营部")]
    public void Debit_FirmCashOrNobody_NonWageDebit(string name, string account, string memo, string? detail)
    {
        var s = new Scenario();
        s.Bank.Add(Debit(name, account, 5000_00, memo));
        var result = s.Run();
        Assert.Equal(BankLineClass.Misuse, Assert.Single(result.BankLines).Class);
        var f = result.Single(FindingCode.NonWageDebit);
        Assert.Equal(Severity.Red, f.Severity);
        Assert.Equal(detail ?? name, f.Detail);
        Assert.Null(f.WorkerId);
        Assert.Equal(new Money(5000_00), f.Amount);
    }

    [Fact]
    public void Debit_PersonNotOnRoster_UnknownPayee()
    {
        var s = new Scenario();
        s.Bank.Add(Debit("赵六", "6217000000000000999", 3000_00, "工资"));
        var result = s.Run();
        var f = result.Single(FindingCode.UnknownPayee);
        Assert.Equal(Severity.Red, f.Severity);
        Assert.Equal("赵六", f.Detail);
        Assert.Equal(BankLineRule.UnknownPayee, Assert.Single(result.BankLines).Rule);
    }

    [Fact]
    public void Debit_RegisteredAccountWithNonDigits_NeverMatchesByAccount()
    {
        var s = new Scenario();
        var a = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(1), "张三", "6222-0000-0000-0000-001"));
        s.Bank.Add(Debit("赵六", "6222000000000000001", 900_00));
        var result = s.Run();
        Assert.Single(result.Of(FindingCode.UnknownPayee));
        Assert.Single(result.Of(FindingCode.InvalidBankAccount));
        Assert.Null(Assert.Single(result.BankLines).WorkerIdNumber);
        _ = a;
    }

    [Fact]
    public void Refund_CancelsTheLatestEqualPayment()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1") with { Date = new DateOnly(2024, 2, 5) });
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P2") with { Date = new DateOnly(2024, 2, 8) });
        s.Bank.Add(Debit("张三", a.Account, 500_00, txn: "P3") with { Date = new DateOnly(2024, 2, 9) });
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 12)));
        var result = s.Run();

        Assert.False(result.BankLines[0].Cancelled);
        Assert.True(result.BankLines[1].Cancelled);
        Assert.False(result.BankLines[2].Cancelled);
        var refund = result.BankLines[3];
        Assert.Equal(BankLineRule.RefundMatched, refund.Rule);
        Assert.Equal("bank.csv:3", refund.CancelsSource);
        Assert.Equal(a.Id, refund.WorkerIdNumber);
        Assert.Empty(result.BankLines[1].Allocations);

        // 900 + 500 allocated to a 900 month: the cancelled payment takes no part, 500 is excess.
        Assert.Equal(new Money(900_00), result.Month(a.Id, 2024, 1).Paid);
        Assert.Equal(new Money(500_00), result.Single(FindingCode.Overpaid).Amount);
        Assert.Equal(new Money(1400_00), result.Summary.WagePaymentsOut);
    }

    [Fact]
    public void Refund_RosterCardWithoutKeyword_IsStillARefund()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1"));
        s.Bank.Add(Credit("", a.Account, 900_00, memo: "", txn: "R1", date: new DateOnly(2024, 2, 11)));
        var result = s.Run();
        Assert.True(result.BankLines[0].Cancelled);
        Assert.Equal(BankLineClass.Refund, result.BankLines[1].Class);
        Assert.Equal(LedgerStatus.Unpaid, result.Month(a.Id, 2024, 1).Status);
    }

    [Fact]
    public void Refund_WithoutAccount_MatchesByNormalisedName()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1"));
        s.Bank.Add(Credit("张　三", "", 900_00, memo: "退款", txn: "R1", date: new DateOnly(2024, 2, 11)));
        var result = s.Run();
        Assert.True(result.BankLines[0].Cancelled);
        Assert.Empty(result.Of(FindingCode.UnmatchedRefund));
    }

    [Fact]
    public void Refund_NoEarlierEqualPayment_UnmatchedRefund()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 1)));
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1"));
        var result = s.Run();
        var f = result.Single(FindingCode.UnmatchedRefund);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal("张三", f.Detail);
        Assert.Equal(["R1"], f.TxnIds);
        Assert.Equal(BankLineRule.RefundUnmatched, result.BankLines[0].Rule);
        Assert.False(result.BankLines[1].Cancelled);
    }

    [Fact]
    public void Refund_ByAccountThenByName_EachSeesEveryEarlierPaymentNotYetCancelled()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1") with { Date = new DateOnly(2024, 2, 5) });
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P2") with { Date = new DateOnly(2024, 2, 6) });
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 7)));
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P3") with { Date = new DateOnly(2024, 2, 8) });
        s.Bank.Add(Credit("张三", "", 900_00, memo: "退款", txn: "R2", date: new DateOnly(2024, 2, 9)));
        s.Bank.Add(Credit("张三", "", 900_00, memo: "退款", txn: "R3", date: new DateOnly(2024, 2, 10)));
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R4", date: new DateOnly(2024, 2, 11)));
        var lines = s.Run().BankLines;

        Assert.Equal("bank.csv:3", lines[2].CancelsSource); // R1 takes P2, the latest
        Assert.Equal("bank.csv:5", lines[4].CancelsSource); // R2 by name takes P3, paid after R1
        Assert.Equal("bank.csv:2", lines[5].CancelsSource); // R3 by name passes over P2 (cancelled by R1) and takes P1
        Assert.Equal(BankLineRule.RefundUnmatched, lines[6].Rule); // R4: all three are cancelled
        Assert.True(lines[0].Cancelled && lines[1].Cancelled && lines[3].Cancelled);
    }

    [Fact]
    public void Refund_SharedRegisteredCardAndUnregisteredCard_LatestEqualPaymentAcrossHoldersAndLumps()
    {
        var (s, a, b) = TwoWorkers();
        // 李四 shares 张三's registered card: payments to it go to either holder, by name.
        s.Workers[1] = b with { Account = a.Account };
        string spaced = string.Join(' ', a.Account.Chunk(4).Select(c => new string(c)));
        s.Bank.Add(Debit("李四", a.Account, 900_00, txn: "P1") with { Date = new DateOnly(2024, 2, 5) });
        s.Bank.Add(Debit("张三", spaced, 900_00, txn: "P2") with { Date = new DateOnly(2024, 2, 6) });
        s.Batches.Add(new Scenario.Bat("PL1", a.Account, "李四", 900_00));
        s.Bank.Add(Debit("", "", 900_00, txn: "P3") with { Date = new DateOnly(2024, 2, 7), BatchId = "PL1" });
        // A payment by name to a card nobody registered, refunded from that card.
        s.Bank.Add(Debit("张三", "6217000000000000001", 700_00, txn: "P4") with { Date = new DateOnly(2024, 2, 8) });
        s.Bank.Add(Credit("李四", spaced, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 10)));
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R2", date: new DateOnly(2024, 2, 11)));
        s.Bank.Add(Credit("张三", "6217 0000 0000 0000 001", 700_00, memo: "退汇", txn: "R3", date: new DateOnly(2024, 2, 12)));
        var lines = s.Run().BankLines;

        Assert.Equal("batches.csv:2", lines.Single(l => l.TxnId == "R1").CancelsSource); // the lump's detail, the latest
        Assert.Equal("bank.csv:3", lines.Single(l => l.TxnId == "R2").CancelsSource); // then 张三's, on the spaced card
        Assert.Equal("bank.csv:5", lines.Single(l => l.TxnId == "R3").CancelsSource); // the unregistered card's payment
        Assert.False(lines.Single(l => l.TxnId == "P1").Cancelled);
    }

    [Fact]
    public void Refund_SecondRefundOfTheSamePayment_IsUnmatched()
    {
        var (s, a, _) = TwoWorkers();
        s.Bank.Add(Debit("张三", a.Account, 900_00, txn: "P1"));
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R1", date: new DateOnly(2024, 2, 11)));
        s.Bank.Add(Credit("张三", a.Account, 900_00, memo: "退汇", txn: "R2", date: new DateOnly(2024, 2, 12)));
        var result = s.Run();
        Assert.Equal(["R2"], result.Single(FindingCode.UnmatchedRefund).TxnIds);
    }

    [Fact]
    public void Credit_InterestAndLabourFunds_Classified()
    {
        var s = new Scenario();
        s.Bank.Add(Credit("中国建设银行", "", 12_34, memo: "结息", txn: "I1"));
        s.Bank.Add(Credit("某开发有限公司", "41050100000000000009", 480000_00, memo: "人工费拨付", txn: "L1"));
        var result = s.Run();
        Assert.Equal(BankLineClass.Interest, result.BankLines[0].Class);
        Assert.Equal(BankLineClass.LaborFunds, result.BankLines[1].Class);
        Assert.Equal(new Money(480000_00), result.Summary.LaborFundsIn);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Batch_Expanded_SuccessLinesPayFailedLinesDoNotAndTotalMismatch()
    {
        var (s, a, b) = TwoWorkers();
        s.Batches.Add(new Scenario.Bat("B01", a.Account, "张三", 900_00));
        s.Batches.Add(new Scenario.Bat("B01", b.Account, "李四", 900_00) { Status = BatchStatus.Failed });
        s.Batches.Add(new Scenario.Bat("B02", b.Account, "李四", 1_00));
        s.Batches.Add(new Scenario.Bat("B01", "6217000000000000999", "赵六", 150_00));
        s.Bank.Add(new Scenario.B("LUMP", Feb10, true, 2000_00) { Name = "代发工资", BatchId = "B01", Memo = "1月工资" });
        var result = s.Run();

        Assert.Equal(
            [BankLineRule.BatchExpanded, BankLineRule.BatchDetailPayment, BankLineRule.BatchDetailNoPayee, BankLineRule.BatchDetailNoPayee],
            result.BankLines.Select(l => l.Rule));
        Assert.Equal(["bank.csv:2", "batches.csv:2", "batches.csv:3", "batches.csv:5"], result.BankLines.Select(l => l.Source));
        Assert.Equal(a.Id, result.BankLines[1].WorkerIdNumber);
        Assert.Equal("LUMP", result.BankLines[1].TxnId);
        Assert.Equal(new Money(900_00), result.Month(a.Id, 2024, 1).Paid);
        Assert.Equal(Money.Zero, result.Month(b.Id, 2024, 1).Paid);

        var mismatch = result.Single(FindingCode.BatchTotalMismatch);
        Assert.Equal(Severity.Red, mismatch.Severity);
        Assert.Equal(new Money(2000_00), mismatch.Expected);
        Assert.Equal(new Money(1950_00), mismatch.Actual);
        Assert.Equal(new Money(2000_00), mismatch.Amount);
        Assert.Equal("B01", mismatch.Detail);
        Assert.Equal("bank.csv:2", mismatch.Source);
        Assert.Empty(result.Of(FindingCode.UnknownPayee)); // a detail that identifies nobody raises nothing
        Assert.Equal(new Money(2000_00), result.Summary.Conservation.Batches);
        Assert.True(result.Summary.Conservation.Balanced);
    }

    [Fact]
    public void Batch_TenThousandDetailsUnderOneLump_EveryDetailExpandedSummedAndAnchored()
    {
        // Before, each detail's anchor walked the lump's details from the first: a finding per detail was quadratic.
        const int details = 10_000;
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        var b = s.AddWorker(2, "李四");
        long sum = 0;
        for (int i = 0; i < details; i++)
        {
            // Every detail pays 张三's or 李四's card under the other's name: a NAME_MISMATCH each.
            var (card, name) = i % 2 == 0 ? (a.Account, "李四") : (b.Account, "张三");
            long fen = 1_00 + (i % 3);
            s.Batches.Add(new Scenario.Bat("PL1", card, name, fen));
            sum += fen;
        }
        s.Bank.Add(new Scenario.B("L1", new DateOnly(2024, 2, 6), true, sum + 1) { BatchId = "PL1" });

        var result = s.Run();

        Assert.Equal(details + 1, result.BankLines.Count);
        Assert.Equal(details, result.BankLines.Count(static l => l.Source!.StartsWith("batches.csv:", StringComparison.Ordinal)));
        var mismatch = Assert.Single(result.Findings, static f => f.Code == FindingCode.BatchTotalMismatch);
        Assert.Equal(new Money(sum), mismatch.Actual);
        var names = result.Findings.Where(static f => f.Code == FindingCode.NameMismatch).ToList();
        Assert.Equal(details, names.Count);
        Assert.Equal(details, names.Select(static f => f.FindingId).Distinct().Count());
        // The last detail is line 10001: 李四's card (odd i), 100 + 9999 % 3 fen, the 1,667th such detail of the lump.
        var last = Assert.Single(names, static f => f.Source == "batches.csv:10001");
        Assert.Equal("L1#" + b.Account + "|100|1667", last.Anchor);
    }

    [Fact]
    public void Batch_DetailNameDiffers_NameMismatchOnTheDetailLine()
    {
        var (s, a, _) = TwoWorkers();
        s.Batches.Add(new Scenario.Bat("B01", a.Account, "张山", 900_00));
        s.Bank.Add(new Scenario.B("LUMP", Feb10, true, 900_00) { BatchId = "B01" });
        var result = s.Run();
        var f = result.Single(FindingCode.NameMismatch);
        Assert.Equal("batches.csv:2", f.Source);
        Assert.Equal(["LUMP"], f.TxnIds);
        Assert.Equal("张山", f.Detail);
        Assert.Empty(result.Of(FindingCode.BatchTotalMismatch));
    }

    [Fact]
    public void Batch_DetailMemo_FallsBackToTheLumpMemo()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.WorkDays(a, 2024, 2, 3);
        s.Batches.Add(new Scenario.Bat("B01", a.Account, "张三", 900_00));
        s.Bank.Add(new Scenario.B("LUMP", new DateOnly(2024, 3, 10), true, 900_00) { BatchId = "B01", Memo = "2024年2月工资" });
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(a.Id, 2024, 2).Paid);
    }

    [Fact]
    public void Batch_IdNotInBatches_DetailMissingAndPaysNobody()
    {
        var (s, a, _) = TwoWorkers();
        s.Batches.Add(new Scenario.Bat("B01", a.Account, "张三", 900_00));
        s.Bank.Add(new Scenario.B("LUMP", Feb10, true, 900_00) { BatchId = "B99", Name = "张三", Account = a.Account });
        var result = s.Run();
        var f = result.Single(FindingCode.BatchDetailMissing);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal("B99", f.Detail);
        Assert.Equal(BankLineRule.BatchDetailMissing, Assert.Single(result.BankLines).Rule);
        Assert.Equal(Money.Zero, result.Month(a.Id, 2024, 1).Paid);
    }

    [Fact]
    public void Batch_NoBatchesFile_EveryBatchIdIsMissing()
    {
        var (s, a, _) = TwoWorkers();
        s.BatchesSupplied = false;
        s.Bank.Add(new Scenario.B("LUMP", Feb10, true, 900_00) { BatchId = "B01" });
        var result = s.Run();
        Assert.Single(result.Of(FindingCode.BatchDetailMissing));
        _ = a;
    }
}
