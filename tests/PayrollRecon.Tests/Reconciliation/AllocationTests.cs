using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class AllocationTests
{
    private static (Scenario S, Scenario.W W) TwoMonthsOwed()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        s.WorkDays(w, 2024, 1, 3);
        s.WorkDays(w, 2024, 2, 3);
        return (s, w);
    }

    [Fact]
    public void Allocate_MemoNamesAMonth_GoesThereFirst()
    {
        var (s, w) = TwoMonthsOwed();
        s.PayTo(w, new DateOnly(2024, 3, 10), 900_00, memo: "2月工资");
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 2).Paid);
        Assert.Equal(Money.Zero, result.Month(w.Id, 2024, 1).Paid);
        Assert.Equal(new YearMonth(2024, 1), result.Single(FindingCode.Unpaid).Period);
    }

    [Fact]
    public void Allocate_NoMemoMonth_OldestFirst()
    {
        var (s, w) = TwoMonthsOwed();
        s.PayTo(w, new DateOnly(2024, 3, 10), 900_00, memo: "工资");
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
        Assert.Equal(new YearMonth(2024, 2), result.Single(FindingCode.Unpaid).Period);
    }

    [Fact]
    public void Allocate_MemoMonthOverpaid_RestGoesOldestFirst()
    {
        var (s, w) = TwoMonthsOwed();
        s.PayTo(w, new DateOnly(2024, 3, 10), 1500_00, memo: "2024年2月工资");
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 2).Paid);
        Assert.Equal(new Money(600_00), result.Month(w.Id, 2024, 1).Paid);
        var line = Assert.Single(result.BankLines);
        Assert.Equal([new Allocation(new YearMonth(2024, 2), new Money(900_00)), new Allocation(new YearMonth(2024, 1), new Money(600_00))], line.Allocations);
        Assert.Equal(Money.Zero, line.Excess);
    }

    [Fact]
    public void Allocate_NeverToAMonthAfterThePayment_ExcessIsOverpaid()
    {
        var (s, w) = TwoMonthsOwed();
        s.PayTo(w, new DateOnly(2024, 1, 31), 1200_00);
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
        Assert.Equal(Money.Zero, result.Month(w.Id, 2024, 2).Paid);
        Assert.Equal(new Money(300_00), result.Single(FindingCode.Overpaid).Amount);
        Assert.Equal(new Money(300_00), Assert.Single(result.BankLines).Excess);
    }

    [Fact]
    public void Allocate_MemoMonthWithoutYear_LatestNotAfterPayment()
    {
        // "12月" paid in January 2024 means December 2023.
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        s.WorkDays(w, 2023, 12, 3);
        s.WorkDays(w, 2024, 1, 3);
        s.PayTo(w, new DateOnly(2024, 1, 12), 900_00, memo: "12月工资");
        s.PayTo(w, new DateOnly(2024, 2, 10), 900_00, memo: "1月工资");
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2023, 12).Paid);
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Allocate_MemoMonthNotOwed_FallsBackToOldestFirst()
    {
        var (s, w) = TwoMonthsOwed();
        s.PayTo(w, new DateOnly(2024, 3, 10), 900_00, memo: "2023年6月");
        var result = s.Run();
        Assert.Equal(new Money(900_00), result.Month(w.Id, 2024, 1).Paid);
    }
}
