using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>Which statement lines take part in what: repeats (R15), status (R39), newest-first order (R40), zero amounts (R41).</summary>
public sealed class StatementLineTests
{
    private static readonly DateOnly Day = new(2024, 2, 10);

    private static DateOnly Feb(int day) => new(2024, 2, day);

    /// <summary>One worker with three days in January (900.00 due on 2024-02-15) and the labour funds that cover it.</summary>
    private static (Scenario S, Scenario.W Worker) OneWorker()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        s.WorkDays(w, 2024, 1, 3);
        return (s, w);
    }

    private static Scenario.B Funds(DateOnly date, long fen, long? balance = null, string txn = "F1") =>
        new(txn, date, false, fen) { Name = "某开发有限公司", Memo = "人工费", Balance = balance };

    private static Scenario.B Pay(Scenario.W w, DateOnly date, long fen, long? balance = null, string txn = "P1") =>
        new(txn, date, true, fen) { Name = w.Name, Account = w.Account, Memo = "2024年1月工资", Balance = balance };

    private static Scenario.B Fee(DateOnly date, long fen, long? balance = null, string txn = "C1") =>
        new(txn, date, true, fen) { Name = "中国银行", Memo = "手续费", Balance = balance };

    // ---------------------------------------------------------------- R15

    [Fact]
    public void DuplicateTxn_FeeAndTransferShareTxnId_BothClassified()
    {
        var (s, w) = OneWorker();
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00, txn: "V0001"));
        s.Bank.Add(Fee(Day, 2_00, 4098_00, txn: "V0001"));
        var result = s.Run();

        Assert.Empty(result.Of(FindingCode.DuplicateTxn));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.Equal([BankLineClass.LaborFunds, BankLineClass.WagePayment, BankLineClass.Fee], result.BankLines.Select(l => l.Class));
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
        Assert.Equal(new Money(902_00), result.Summary.Conservation.Debits);
        Assert.Equal(new Money(2_00), result.Summary.Conservation.Fees);
        Assert.True(result.Summary.Conservation.Balanced);
    }

    [Fact]
    public void DuplicateTxn_SameTxnDateAndAmountOtherDirection_IsAnotherLine()
    {
        // A transfer out and its return on the same day under one serial number: two lines, the credit a refund.
        var (s, w) = OneWorker();
        s.Bank.Add(Pay(w, Day, 900_00, txn: "V7"));
        s.Bank.Add(new Scenario.B("V7", Day, false, 900_00) { Name = w.Name, Account = w.Account, Memo = "退汇" });
        var result = s.Run();

        Assert.Empty(result.Of(FindingCode.DuplicateTxn));
        Assert.Equal(BankLineRule.RefundMatched, result.BankLines[1].Rule);
        Assert.True(result.BankLines[0].Cancelled);
    }

    [Fact]
    public void DuplicateTxn_TrueRepeat_FlaggedOnTheLaterAndLeftOutOfEverything()
    {
        var (s, w) = OneWorker();
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00, txn: "V0001"));
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00, txn: "V0001"));
        s.Bank.Add(Fee(Feb(11), 2_00, 4098_00));
        var result = s.Run();

        var dup = result.Single(FindingCode.DuplicateTxn);
        Assert.Equal("bank.csv:4", dup.Source);
        Assert.Equal("bank.csv:3", dup.Detail);
        Assert.Equal(new Money(900_00), dup.Amount);
        Assert.Equal(BankLineClass.DuplicateTxn, result.BankLines[2].Class);
        // Out of matching (no OVERPAID), of the chain (no break on the fee) and of the totals.
        Assert.Empty(result.Of(FindingCode.Overpaid));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.Equal(new Money(902_00), result.Summary.Conservation.Debits);
        Assert.True(result.Summary.Conservation.Balanced);
    }

    // ---------------------------------------------------------------- R39

    [Theory]
    [InlineData(BankLineStatus.Failed)]
    [InlineData(BankLineStatus.Cancelled)]
    [InlineData(BankLineStatus.Reversed)]
    public void Excluded_LineNotSucceeded_ListedWithItsStatusAndInNothing(BankLineStatus status)
    {
        var (s, w) = OneWorker();
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        // The bank printed a balance as if the payment had gone through; the chain balances only without it.
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00, txn: "P1") with { Name = "张四", Status = status });
        s.Bank.Add(Fee(Feb(11), 2_00, 4998_00));
        var result = s.Run();

        var excluded = result.BankLines[1];
        Assert.Equal("bank.csv:3", excluded.Source);
        Assert.Equal(BankLineClass.Excluded, excluded.Class);
        Assert.Equal(BankLineRule.StatusNotSucceeded, excluded.Rule);
        Assert.Equal(status, excluded.Status);
        Assert.Equal("P1", excluded.TxnId);
        Assert.Null(excluded.WorkerIdNumber);
        Assert.Empty(excluded.Allocations);
        Assert.Equal(BankLineStatus.Succeeded, result.BankLines[0].Status);

        // No classification (no NAME_MISMATCH, no payment), no chain, no totals.
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.Empty(result.Of(FindingCode.NameMismatch));
        Assert.Equal([FindingCode.Unpaid, FindingCode.HeadcountMismatch], result.Findings.Select(f => f.Code).Order());
        Assert.Equal(new Money(2_00), result.Summary.Conservation.Debits);
        Assert.True(result.Summary.Conservation.Balanced);
        Assert.Equal(1, result.Summary.ExcludedBankLines);
        Assert.Equal(0, result.Summary.ZeroBankLines);
    }

    [Fact]
    public void Excluded_SameKeyAsASucceededLine_NeitherRepeatsTheOther()
    {
        // A failed attempt, the successful retry under the same serial, then a cancelled copy of it.
        var (s, w) = OneWorker();
        s.Bank.Add(Pay(w, Day, 900_00, txn: "P1") with { Status = BankLineStatus.Failed });
        s.Bank.Add(Pay(w, Day, 900_00, txn: "P1"));
        s.Bank.Add(Pay(w, Day, 900_00, txn: "P1") with { Status = BankLineStatus.Cancelled });
        var result = s.Run();

        Assert.Empty(result.Of(FindingCode.DuplicateTxn));
        Assert.Equal([BankLineClass.Excluded, BankLineClass.WagePayment, BankLineClass.Excluded], result.BankLines.Select(l => l.Class));
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Excluded_OnlyLineDateAndStatusRead_OtherFieldsDefaulted()
    {
        // R39: the reader checks nothing else on such a line, so it may hand over a zero amount and no direction.
        var s = new Scenario();
        s.Bank.Add(new Scenario.B(null, Day, true, 0) { Status = BankLineStatus.Reversed, Balance = 1_00 });
        s.Bank.Add(Funds(Feb(11), 100_00, 200_00));
        var result = s.Run();

        Assert.Equal(BankLineClass.Excluded, result.BankLines[0].Class);
        Assert.Equal(0, result.Summary.ZeroBankLines);
        Assert.Empty(result.Findings);
    }

    // ---------------------------------------------------------------- R41

    [Fact]
    public void Zero_LinesWithBalances_CheckedInTheChainAndNothingElse()
    {
        var (s, w) = OneWorker();
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        s.Bank.Add(new Scenario.B("Z1", Feb(2), true, 0) { Balance = 5000_00, Memo = "余额查询" });  // 5000 + 0 ✓
        s.Bank.Add(new Scenario.B("Z1", Feb(2), true, 0) { Balance = 4990_00 });                    // 5000 ≠ 4990: break
        s.Bank.Add(Pay(w, Day, 900_00, 4090_00));                                                   // from 4990 ✓
        s.Bank.Add(new Scenario.B("Z2", Feb(12), false, 0) { Name = w.Name, Account = w.Account, Memo = "退汇" });
        var result = s.Run();

        var brk = result.Single(FindingCode.BalanceBreak);
        Assert.Equal("bank.csv:4", brk.Source);
        Assert.Equal(new Money(5000_00), brk.Expected);
        Assert.Equal(new Money(4990_00), brk.Actual);
        Assert.Equal(Money.Zero, brk.Amount);

        // Not classified (no NON_WAGE_DEBIT, no UNMATCHED_REFUND), not repeated (same txn, date, direction, amount).
        Assert.Single(result.Findings);
        Assert.Equal([BankLineClass.LaborFunds, BankLineClass.Zero, BankLineClass.Zero, BankLineClass.WagePayment, BankLineClass.Zero],
            result.BankLines.Select(l => l.Class));
        Assert.All(result.BankLines.Where(l => l.Class == BankLineClass.Zero), l => Assert.Equal(BankLineRule.ZeroAmount, l.Rule));
        Assert.Equal(3, result.Summary.ZeroBankLines);
        Assert.Equal(new Money(900_00), result.Summary.Conservation.Debits);
        Assert.Equal(new Money(5000_00), result.Summary.Conservation.Credits);
        Assert.True(result.Summary.Conservation.Balanced);
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
    }

    // ---------------------------------------------------------------- R40

    /// <summary>An oldest-first statement with correct balances, two lines on one date, a late payment and a misuse.</summary>
    private static (Scenario S, Scenario.W Worker) BalancedStatement()
    {
        var (s, w) = OneWorker();
        var other = s.AddWorker(2, "李四");
        s.WorkDays(other, 2024, 1, 2);
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00, txn: "P1"));
        s.Bank.Add(Fee(Day, 2_00, 4098_00, txn: "P1"));
        s.Bank.Add(Pay(other, Day, 300_00, 3798_00, txn: "P2") with { Memo = "工资" });
        s.Bank.Add(Pay(other, Feb(20), 300_00, 3498_00, txn: "P3") with { Memo = "工资" });
        s.Bank.Add(new Scenario.B("M1", Feb(21), true, 1000_00) { Name = "某材料有限公司", Balance = 2498_00 });
        return (s, w);
    }

    [Fact]
    public void NewestFirst_BalancedStatementListedNewestFirst_NoBreakAndTheSameFindings()
    {
        var (oldest, _) = BalancedStatement();
        var (newest, _) = BalancedStatement();
        newest.Bank.Reverse();
        var a = oldest.Run();
        var b = newest.Run();

        Assert.False(a.Summary.BankStatementNewestFirst);
        Assert.True(b.Summary.BankStatementNewestFirst);
        Assert.Empty(b.Of(FindingCode.BalanceBreak));
        Assert.Equal(Keys(a), Keys(b));
        Assert.Contains(b.Findings, f => f.Code == FindingCode.Late);
        Assert.Equal(a.Ledger, b.Ledger);
        Assert.Equal(a.Summary.Conservation, b.Summary.Conservation);

        // Read oldest first, each line under its physical line number.
        Assert.Equal(["bank.csv:7", "bank.csv:6", "bank.csv:5", "bank.csv:4", "bank.csv:3", "bank.csv:2"], b.BankLines.Select(l => l.Source));
        Assert.Equal("bank.csv:2", b.Single(FindingCode.NonWageDebit).Source);
    }

    [Fact]
    public void NewestFirst_TiesOnOneDate_ReadInReverseLineOrder()
    {
        // Physically: refund (line 2) above the payment it returns (line 3), the older funds last (line 4). Read in
        // reverse line order the payment comes first on the 10th, so the refund cancels it (oldest first it would not,
        // see BalanceChainTests.DateOrder_SameDate_FileOrderForRefunds).
        var (s, w) = OneWorker();
        s.Bank.Add(new Scenario.B("R1", Day, false, 900_00) { Account = w.Account, Memo = "退汇", Balance = 5000_00 });
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00));
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        var result = s.Run();

        Assert.True(result.Summary.BankStatementNewestFirst);
        Assert.Equal(["bank.csv:4", "bank.csv:3", "bank.csv:2"], result.BankLines.Select(l => l.Source));
        Assert.Equal(BankLineRule.RefundMatched, result.BankLines[2].Rule);
        Assert.Equal("bank.csv:3", result.BankLines[2].CancelsSource);
        Assert.Empty(result.Of(FindingCode.UnmatchedRefund));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.Equal([FindingCode.Unpaid, FindingCode.HeadcountMismatch], result.Findings.Select(f => f.Code).Order());
    }

    [Fact]
    public void NewestFirst_RepeatedLine_TheRepeatIsTheLaterInReversedOrder()
    {
        var (s, w) = OneWorker();
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00));
        s.Bank.Add(Pay(w, Day, 900_00, 4100_00));
        s.Bank.Add(Funds(Feb(1), 5000_00, 5000_00));
        var result = s.Run();

        var dup = result.Single(FindingCode.DuplicateTxn);
        Assert.Equal("bank.csv:2", dup.Source);
        Assert.Equal("bank.csv:3", dup.Detail);
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
    }

    [Fact]
    public void NewestFirst_NotQuiteSorted_SortedByDateThenLineDescending()
    {
        // First line the 20th, last the 1st: newest first, though the 5th is listed above the 12th.
        var s = new Scenario();
        s.Bank.Add(Funds(Feb(20), 100_00, 400_00, txn: "A"));
        s.Bank.Add(Funds(Feb(5), 100_00, 200_00, txn: "B"));
        s.Bank.Add(Funds(Feb(12), 100_00, 300_00, txn: "C"));
        s.Bank.Add(Funds(Feb(1), 50_00, 100_00, txn: "D2"));
        s.Bank.Add(Funds(Feb(1), 50_00, 50_00, txn: "D1"));
        var result = s.Run();

        Assert.True(result.Summary.BankStatementNewestFirst);
        Assert.Equal(["bank.csv:6", "bank.csv:5", "bank.csv:3", "bank.csv:4", "bank.csv:2"], result.BankLines.Select(l => l.Source));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
    }

    [Fact]
    public void NewestFirst_EndsOnTheSameDate_ReadInFileOrder()
    {
        var s = new Scenario();
        s.Bank.Add(Funds(Feb(10), 100_00, 200_00, txn: "A"));
        s.Bank.Add(Funds(Feb(1), 100_00, 100_00, txn: "B"));
        s.Bank.Add(Funds(Feb(10), 100_00, 300_00, txn: "C"));
        var result = s.Run();

        Assert.False(result.Summary.BankStatementNewestFirst);
        Assert.Equal(["bank.csv:3", "bank.csv:2", "bank.csv:4"], result.BankLines.Select(l => l.Source));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
    }

    [Fact]
    public void NewestFirst_ExcludedLineDates_DoNotCountForTheListingOrder()
    {
        // R39: a failed line takes part in nothing and its fields are not checked, so its date does not decide R40
        // either. Counted, the failed line of the 20th would make this oldest-first statement newest first and reverse
        // the two lines of the 10th into a balance break.
        var s = new Scenario();
        s.Bank.Add(Funds(Feb(20), 999_00, txn: "X") with { Status = BankLineStatus.Failed });
        s.Bank.Add(Funds(Feb(10), 100_00, 200_00, txn: "A"));
        s.Bank.Add(Funds(Feb(10), 100_00, 300_00, txn: "B"));
        var result = s.Run();

        Assert.False(result.Summary.BankStatementNewestFirst);
        Assert.Equal(["A", "B"], result.BankLines.Where(l => l.Status == BankLineStatus.Succeeded).Select(l => l.TxnId));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("待定")]
    public void NewestFirst_ExcludedLineWithoutReadableDate_DoesNotCount(string date)
    {
        // R40 compares the first and the last dated line; a failed line's date is not checked (R39), and one that
        // cannot be read is no dated line. Read as a date of its own it would make this oldest-first statement newest
        // first, reversing the two lines of the 5th into a balance break.
        var files = Cli.TempProject.Small();
        files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,status\n" +
                            "T1,2024-01-05 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付,成功\n" +
                            "T2,2024-01-05 10:00,C,300.00,1300.00,某建设集团有限公司,41050100000000000009,人工费拨付,成功\n" +
                            $"T3,{date},D,50.00,,张三,6222020200112233445,退回,失败\n";
        using var project = new Cli.TempProject(files);

        var result = PayrollChecker.Check(PayrollRecon.Cli.ProjectFolder.Load(project.Dir));

        Assert.False(result.Summary.BankStatementNewestFirst);
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCode.DataError);
    }

    [Fact]
    public void NewestFirst_SingleLine_NotNewestFirst()
    {
        var s = new Scenario();
        s.Bank.Add(Funds(Feb(10), 100_00, 100_00));
        Assert.False(s.Run().Summary.BankStatementNewestFirst);
    }

    internal static List<string> Keys(ReconciliationResult result) =>
        result.Findings.Select(f => $"{f.Code}|{f.WorkerId}|{f.Period}|{f.Amount}").Order(StringComparer.Ordinal).ToList();
}
