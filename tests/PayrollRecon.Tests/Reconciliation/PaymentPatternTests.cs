using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class PaymentPatternTests
{
    [Fact]
    public void DuplicatePayment_SameAmountSameMemoMonth_OnePerExtraPayment()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.PayTo(a, new DateOnly(2024, 2, 5), 900_00, "2024年1月工资", "D1");
        s.PayTo(a, new DateOnly(2024, 2, 6), 900_00, "1月工资", "D2");
        s.PayTo(a, new DateOnly(2024, 2, 7), 900_00, "202401", "D3");
        s.PayTo(a, new DateOnly(2024, 2, 8), 900_00, "工资", "D4"); // no memo month: never counts
        var result = s.Run();
        var dups = result.Of(FindingCode.DuplicatePayment);
        Assert.Equal(2, dups.Length);
        Assert.All(dups, f =>
        {
            Assert.Equal(Severity.Orange, f.Severity);
            Assert.Equal(new YearMonth(2024, 1), f.Period);
            Assert.Equal(new Money(900_00), f.Amount);
        });
        Assert.Equal(["D1", "D2"], dups[0].TxnIds);
        Assert.Equal("bank.csv:3", dups[0].Source);
        Assert.Equal(new DateOnly(2024, 2, 6), dups[0].EventDate);
        Assert.Equal(["D1", "D3"], dups[1].TxnIds);
    }

    [Fact]
    public void DuplicatePayment_CancelledPayment_TakesNoPart()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.PayTo(a, new DateOnly(2024, 2, 5), 900_00, "1月工资", "D1");
        s.Bank.Add(new Scenario.B("R1", new DateOnly(2024, 2, 6), false, 900_00) { Account = a.Account, Memo = "退汇" });
        s.PayTo(a, new DateOnly(2024, 2, 7), 900_00, "1月工资", "D2");
        var result = s.Run();
        Assert.Empty(result.Of(FindingCode.DuplicatePayment));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void ExcessivePayment_MonthlyAndYearlyCaps_StrictlyAbove()
    {
        var s = new Scenario();
        s.Settings = s.Settings with { MonthlyCap = new Money(1000_00), YearlyCap = new Money(2000_00) };
        var a = s.AddWorker(1, "张三");
        s.PayTo(a, new DateOnly(2024, 1, 10), 1000_00); // exactly the cap: fine
        s.PayTo(a, new DateOnly(2024, 2, 10), 600_00);
        s.PayTo(a, new DateOnly(2024, 2, 20), 600_00);
        var result = s.Run();
        var excessive = result.Of(FindingCode.ExcessivePayment);
        Assert.Equal(2, excessive.Length);

        var yearly = Assert.Single(excessive, f => f.Period is null);
        Assert.Equal(Severity.Red, yearly.Severity);
        Assert.Equal("2024", yearly.Detail);
        Assert.Equal(new Money(2200_00), yearly.Amount);
        Assert.Equal(new Money(2200_00), yearly.Actual);
        Assert.Equal(new Money(2000_00), yearly.Expected);

        var monthly = Assert.Single(excessive, f => f.Period is not null);
        Assert.Equal(new YearMonth(2024, 2), monthly.Period);
        Assert.Equal(new Money(1200_00), monthly.Amount);
        Assert.Equal(new Money(1000_00), monthly.Expected);
    }
}
