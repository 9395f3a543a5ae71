using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class BankClassifierTests
{
    private static DateOnly Feb(int day) => new(2024, 2, day);

    private static Parts WithTwoWorkers()
    {
        var parts = new Parts();
        parts.Roster.Add(Rows.Worker(2, Scenario.Id(1), "张三", Scenario.Card(1)));
        parts.Roster.Add(Rows.Worker(3, Scenario.Id(2), "李四", Scenario.Card(2)));
        return parts;
    }

    [Fact]
    public void Run_DebitsOfEachKind_IdentifiedByAccountThenNameElseFeeOrMisuse()
    {
        var parts = WithTwoWorkers();
        var s = parts.Statement;
        s.AddBankLine(Rows.Bank(2, "T1", Feb(15), true, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(3, "T2", Feb(15), true, 200_00, name: "李 四"));
        s.AddBankLine(Rows.Bank(4, "T3", Feb(15), true, 5_00, memo: "手续费"));
        s.AddBankLine(Rows.Bank(5, "T4", Feb(15), true, 900_00, name: "某材料有限公司"));

        parts.Classifier.Run();

        var lines = parts.Lines;
        Assert.Equal(4, lines.Count);
        Assert.Equal((BankLineClass.WagePayment, BankLineRule.RosterAccount, 0), (lines[0].Class, lines[0].Rule, lines[0].Worker));
        Assert.Equal((BankLineClass.WagePayment, BankLineRule.RosterName, 1), (lines[1].Class, lines[1].Rule, lines[1].Worker));
        Assert.Equal((BankLineClass.Fee, BankLineRule.FeeMemo, -1), (lines[2].Class, lines[2].Rule, lines[2].Worker));
        Assert.Equal((BankLineClass.Misuse, BankLineRule.NonWageDebit, -1), (lines[3].Class, lines[3].Rule, lines[3].Worker));
        Assert.Equal([FindingCode.AccountMismatch, FindingCode.NonWageDebit], parts.Findings.Select(f => f.Code));
        Assert.Equal(2, parts.Classifier.WagePaymentLines);
        Assert.Equal([0], parts.Roster[0].Payments);

        var totals = parts.Classifier.Totals();
        Assert.Equal(new Money(1405_00), totals.Debits);
        Assert.Equal(new Money(500_00), totals.WagePayments);
        Assert.Equal(new Money(5_00), totals.Fees);
        Assert.Equal(new Money(900_00), totals.Misuse);
        Assert.True(totals.Balanced);
    }

    [Fact]
    public void Run_RefundFromAWorkersCard_CancelsTheLatestEqualPaymentOnly()
    {
        var parts = WithTwoWorkers();
        var s = parts.Statement;
        s.AddBankLine(Rows.Bank(2, "T1", Feb(10), true, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(3, "T2", Feb(12), true, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(4, "T3", Feb(13), false, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(5, "T4", Feb(14), false, 50_000_00, name: "某开发有限公司"));
        s.AddBankLine(Rows.Bank(6, "T5", Feb(20), false, 12_34, memo: "结息"));

        parts.Classifier.Run();

        var lines = parts.Lines;
        Assert.False(lines[0].Cancelled);
        Assert.True(lines[1].Cancelled);
        Assert.Equal((BankLineClass.Refund, BankLineRule.RefundMatched, 1, 0), (lines[2].Class, lines[2].Rule, lines[2].CancelsLine, lines[2].Worker));
        Assert.Equal(BankLineClass.LaborFunds, lines[3].Class);
        Assert.Equal(BankLineClass.Interest, lines[4].Class);
        Assert.Equal([(Feb(14), 50_000_00L)], parts.Classifier.LaborFundCredits);

        var totals = parts.Classifier.Totals();
        Assert.Equal(new Money(300_00), totals.Refunds);
        Assert.Equal(new Money(50_000_00), totals.LaborFunds);
        Assert.Equal(new Money(12_34), totals.Interest);
        Assert.Equal(new Money(50_312_34), totals.Credits);
        Assert.True(totals.Balanced);
    }

    [Fact]
    public void Run_ExcludedZeroAndRepeatedLines_ListedAndLeftOutOfTheTotals()
    {
        var parts = WithTwoWorkers();
        var s = parts.Statement;
        s.AddBankLine(Rows.Bank(2, "T1", Feb(10), true, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(3, "T1", Feb(10), true, 300_00, name: "张三", account: Scenario.Card(1)));
        s.AddBankLine(Rows.Bank(4, "T2", Feb(11), true, 0));
        s.AddBankLine(Rows.Bank(5, "T3", Feb(12), true, 700_00, name: "张三", account: Scenario.Card(1)) with { Status = BankLineStatus.Failed });

        parts.Classifier.Run();

        var lines = parts.Lines;
        Assert.Equal([BankLineClass.WagePayment, BankLineClass.DuplicateTxn, BankLineClass.Zero, BankLineClass.Excluded],
            [lines[0].Class, lines[1].Class, lines[2].Class, lines[3].Class]);
        Assert.Equal(1, parts.Classifier.ZeroLines);
        Assert.Equal(1, parts.Classifier.ExcludedLines);
        Assert.Equal(new Money(300_00), parts.Classifier.Totals().Debits);
        var duplicate = Assert.Single(parts.Findings);
        Assert.Equal(FindingCode.DuplicateTxn, duplicate.Code);
        Assert.Equal("bank.csv:2", duplicate.Detail);
    }
}
