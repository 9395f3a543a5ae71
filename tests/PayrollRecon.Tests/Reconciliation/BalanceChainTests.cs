using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class BalanceChainTests
{
    private static Scenario.B Line(string txn, int day, bool debit, long fen, long? balance) =>
        new(txn, new DateOnly(2024, 2, day), debit, fen) { Balance = balance, Name = debit ? "某材料有限公司" : "某开发有限公司" };

    [Fact]
    public void BalanceChain_EmptyBalanceCarriesThroughDuplicateLeftOut_BreakContinuesFromReported()
    {
        var s = new Scenario();
        s.Bank.Add(Line("A", 1, false, 10000_00, 10000_00)); // first balance: not checked
        s.Bank.Add(Line("B", 2, true, 900_00, null));         // empty: running 9100 carries through
        s.Bank.Add(Line("C", 3, true, 100_00, 9000_00));      // 9100 − 100 = 9000 ✓
        s.Bank.Add(Line("C", 3, true, 100_00, 1_00));         // duplicate txn: out of the chain
        s.Bank.Add(Line("D", 4, true, 500_00, 8000_00));      // 9000 − 500 = 8500 ≠ 8000 → break
        s.Bank.Add(Line("E", 5, true, 1000_00, 7000_00));     // continues from 8000 ✓
        var result = s.Run();

        var brk = result.Single(FindingCode.BalanceBreak);
        Assert.Equal(Severity.Red, brk.Severity);
        Assert.Equal(new Money(8500_00), brk.Expected);
        Assert.Equal(new Money(8000_00), brk.Actual);
        Assert.Equal(["D"], brk.TxnIds);
        Assert.Equal("bank.csv:6", brk.Source);

        var dup = result.Single(FindingCode.DuplicateTxn);
        Assert.Equal(Severity.Red, dup.Severity);
        Assert.Equal("bank.csv:5", dup.Source);
        Assert.Equal("bank.csv:4", dup.Detail);
        Assert.Equal(["C"], dup.TxnIds);
        Assert.Equal(BankLineClass.DuplicateTxn, result.BankLines[3].Class);

        // The duplicate takes part in nothing: only four debits are misuse, and the totals balance.
        Assert.Equal(4, result.Of(FindingCode.NonWageDebit).Length);
        Assert.Equal(new Money(2500_00), result.Summary.Conservation.Debits);
        Assert.True(result.Summary.Conservation.Balanced);
    }

    [Fact]
    public void BalanceChain_LinesBeforeTheFirstBalance_AreNotChecked()
    {
        var s = new Scenario();
        s.Bank.Add(Line("A", 1, false, 100_00, null));
        s.Bank.Add(Line("B", 2, false, 100_00, 5000_00));
        s.Bank.Add(Line("C", 3, false, 100_00, 5100_00));
        Assert.Empty(s.Run().Of(FindingCode.BalanceBreak));
    }

    [Fact]
    public void DateOrder_LinesOutOfOrder_SortedByDateThenLine()
    {
        // File order: line 2 dated the 5th, line 3 dated the 1st, line 4 the 6th (last after first: oldest first,
        // R40 does not apply). In date order line 3 comes first, so the chain runs 3 → 2 → 4.
        var s = new Scenario();
        s.Bank.Add(Line("X", 5, false, 100_00, 1100_00));
        s.Bank.Add(Line("Y", 1, false, 100_00, 1000_00));
        s.Bank.Add(Line("Z", 6, false, 100_00, 1200_00));
        var result = s.Run();
        Assert.Equal(["bank.csv:3", "bank.csv:2", "bank.csv:4"], result.BankLines.Select(l => l.Source));
        Assert.Empty(result.Of(FindingCode.BalanceBreak)); // 1000 + 100 = 1100, + 100 = 1200 ✓
        Assert.False(result.Summary.BankStatementNewestFirst);
    }

    [Fact]
    public void DuplicateTxn_SameTxnIdOnAnotherDate_IsAnotherLine()
    {
        // R15: a repeat needs the same date too; the later line in date order (line 2) would have been the duplicate
        // under a txn-id-only reading.
        var s = new Scenario();
        s.Bank.Add(Line("X", 5, false, 100_00, 1100_00));
        s.Bank.Add(Line("X", 1, false, 100_00, 1000_00));
        s.Bank.Add(Line("Y", 6, false, 100_00, 1200_00));
        var result = s.Run();
        Assert.Empty(result.Of(FindingCode.DuplicateTxn));
        Assert.Empty(result.Of(FindingCode.BalanceBreak));
        Assert.Equal(new Money(300_00), result.Summary.Conservation.LaborFunds);
    }

    [Fact]
    public void DateOrder_SameDate_FileOrderForRefunds()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        var d = new DateOnly(2024, 2, 10);
        s.Bank.Add(new Scenario.B("R", d, false, 900_00) { Account = a.Account, Memo = "退汇" });
        s.Bank.Add(new Scenario.B("P", d, true, 900_00) { Account = a.Account, Name = "张三" });
        var result = s.Run();
        // The refund comes first in file order on the same date, so there is no earlier payment to cancel.
        Assert.Single(result.Of(FindingCode.UnmatchedRefund));
        Assert.Equal(new Money(900_00), result.Month(a.Id, 2024, 1).Paid);
    }
}
