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
        // R31: a cap passed carries no amount; the sum received is the actual, the cap the expected.
        Assert.Null(yearly.Amount);
        Assert.Equal(new Money(2200_00), yearly.Actual);
        Assert.Equal(new Money(2000_00), yearly.Expected);

        var monthly = Assert.Single(excessive, f => f.Period is not null);
        Assert.Equal(new YearMonth(2024, 2), monthly.Period);
        Assert.Null(monthly.Amount);
        Assert.Equal(new Money(1200_00), monthly.Actual);
        Assert.Equal(new Money(1000_00), monthly.Expected);
    }

    [Fact]
    public void ExcessivePayment_PaymentsOverSeveralMonthsAndYears_OnePerMonthAndYearAboveCap()
    {
        var s = new Scenario();
        s.Settings = s.Settings with { AsOf = new DateOnly(2025, 6, 1), MonthlyCap = new Money(1000_00), YearlyCap = new Money(2500_00) };
        var a = s.AddWorker(1, "张三");
        var b = s.AddWorker(2, "李四");
        s.PayTo(a, new DateOnly(2023, 12, 20), 1100_00); // Dec 2023 over the monthly cap
        s.PayTo(b, new DateOnly(2023, 12, 21), 1001_00); // another worker's month, interleaved
        s.PayTo(a, new DateOnly(2024, 1, 10), 900_00);
        s.PayTo(a, new DateOnly(2024, 3, 10), 800_00);
        s.PayTo(a, new DateOnly(2024, 3, 20), 300_00); // Mar 2024: 1100
        s.PayTo(a, new DateOnly(2024, 12, 31), 900_00); // 2024: 2900 over the yearly cap
        s.PayTo(a, new DateOnly(2025, 1, 2), 2600_00); // Jan 2025 and 2025 both over
        var excessive = s.Run().Of(FindingCode.ExcessivePayment);

        var monthly = excessive.Where(f => f.Period is not null).Select(f => (f.WorkerName, f.Period, f.Actual)).ToArray();
        Assert.Equal(
            [
                ("张三", (YearMonth?)new YearMonth(2023, 12), (Money?)new Money(1100_00)),
                ("张三", new YearMonth(2024, 3), new Money(1100_00)),
                ("张三", new YearMonth(2025, 1), new Money(2600_00)),
                ("李四", new YearMonth(2023, 12), new Money(1001_00)),
            ],
            monthly.OrderBy(m => m.WorkerName == "李四").ThenBy(m => m.Period));
        var yearly = excessive.Where(f => f.Period is null).Select(f => (f.WorkerName, f.Detail, f.Actual)).ToArray();
        Assert.Equal([("张三", "2024", (Money?)new Money(2900_00)), ("张三", "2025", new Money(2600_00))], yearly.OrderBy(y => y.Detail));
    }
}
