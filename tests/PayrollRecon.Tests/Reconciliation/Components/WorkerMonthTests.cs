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
    public void SetDueAndAllocate_GraceDays_DueAfterGraceAndOnTimeUntilItsLastDay()
    {
        var month = Owed(3000_00, graceDays: 5);
        var terms = new PaymentTerms(Rows.AsOf, ToleranceFen: 0, GraceDays: 5);

        month.Allocate(1000_00, line: 2, new DateOnly(2024, 2, 20), terms);
        month.Allocate(1000_00, line: 3, new DateOnly(2024, 2, 21), terms);

        Assert.True(month.IsDue);
        Assert.Equal(1000_00, month.PaidOnTimeFen);
        Assert.Equal(2000_00, month.PaidFen);
        Assert.Equal((3, 10, 36_000L), (month.AttendanceBlock, month.Days, month.Seconds));
        var notYet = Owed(3000_00, graceDays: 46); // due 2024-02-15 + 46 days = asOf: not yet due
        Assert.False(notYet.IsDue);
    }

    [Fact]
    public void Allocate_WithinTolerance_CompletesTheMonthOnThatLine()
    {
        var month = Owed(1000_00);

        Assert.Equal(600_00, month.Allocate(600_00, line: 4, new DateOnly(2024, 2, 10), new PaymentTerms(Rows.AsOf, 1_00, 0)));
        Assert.Equal(-1, month.CompletingLine);
        Assert.Equal(399_50, month.Allocate(399_50, line: 7, new DateOnly(2024, 2, 20), new PaymentTerms(Rows.AsOf, 1_00, 0)));

        Assert.Equal(7, month.CompletingLine);
        Assert.Equal(999_50, month.PaidFen);
        Assert.Equal(600_00, month.PaidOnTimeFen);
        Assert.Equal(new DateOnly(2024, 2, 20), month.LastPaidDate);
    }

    [Fact]
    public void Allocate_PaymentAfterAsOfAndMonthFull_AllocatedNotPaidThenNothingTaken()
    {
        var month = Owed(1000_00);

        Assert.Equal(1000_00, month.Allocate(5000_00, line: 2, Rows.AsOf.AddDays(1), new PaymentTerms(Rows.AsOf, 0, 0)));
        Assert.Equal(0, month.Allocate(100_00, line: 3, new DateOnly(2024, 2, 1), new PaymentTerms(Rows.AsOf, 0, 0)));

        Assert.Equal(1000_00, month.AllocatedFen);
        Assert.Equal(0, month.PaidFen);
        Assert.Null(month.LastPaidDate);
        Assert.Equal(-1, month.CompletingLine);
    }
}
