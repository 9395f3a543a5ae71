using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class WorkerMonthTests
{
    private static WorkerMonth Owed(long dueFen, int graceDays = 0)
    {
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));
        var month = new WorkerMonth(roster[0], new YearMonth(2024, 1), attendanceBlock: 3, days: 10, seconds: 36_000);
        month.SetDue(dueFen, DueSource.Computed, new DateOnly(2024, 2, 15), graceDays, Rows.AsOf);
        return month;
    }

    [Fact]
    public void SetDue_GraceDays_OnTimeLimitAndDueAgainstAsOf()
    {
        var month = Owed(3000_00, graceDays: 5);

        Assert.Equal(new DateOnly(2024, 2, 20), month.OnTimeLimit);
        Assert.True(month.IsDue);
        Assert.Equal((3, 10, 36_000L), (month.AttendanceBlock, month.Days, month.Seconds));
    }

    [Fact]
    public void Allocate_WithinTolerance_CompletesTheMonthOnThatLine()
    {
        var month = Owed(1000_00);

        Assert.Equal(600_00, month.Allocate(600_00, line: 4, new DateOnly(2024, 2, 10), Rows.AsOf, toleranceFen: 1_00));
        Assert.Equal(-1, month.CompletingLine);
        Assert.Equal(399_50, month.Allocate(399_50, line: 7, new DateOnly(2024, 2, 20), Rows.AsOf, toleranceFen: 1_00));

        Assert.Equal(7, month.CompletingLine);
        Assert.Equal(999_50, month.PaidFen);
        Assert.Equal(600_00, month.PaidOnTimeFen);
        Assert.Equal(new DateOnly(2024, 2, 20), month.LastPaidDate);
    }

    [Fact]
    public void Allocate_PaymentAfterAsOfAndMonthFull_AllocatedNotPaidThenNothingTaken()
    {
        var month = Owed(1000_00);

        Assert.Equal(1000_00, month.Allocate(5000_00, line: 2, Rows.AsOf.AddDays(1), Rows.AsOf, toleranceFen: 0));
        Assert.Equal(0, month.Allocate(100_00, line: 3, new DateOnly(2024, 2, 1), Rows.AsOf, toleranceFen: 0));

        Assert.Equal(1000_00, month.AllocatedFen);
        Assert.Equal(0, month.PaidFen);
        Assert.Null(month.LastPaidDate);
        Assert.Equal(-1, month.CompletingLine);
    }
}
