using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class OwedTests
{
    [Fact]
    public void Due_Daily_IsDaysTimesRate()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三", WageType.Daily, 300_00);
        s.WorkDays(w, 2024, 1, 3);
        var entry = s.Run().Month(w.Id, 2024, 1);
        Assert.Equal(3, entry.Days);
        Assert.Equal(3 * 8 * 3600, entry.Seconds);
        Assert.Equal(new Money(900_00), entry.Due);
        Assert.Equal(DueSource.Computed, entry.DueSource);
    }

    [Fact]
    public void Due_Hourly_RoundsHalfAwayFromZero()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三", WageType.Hourly, 101); // 1.01 yuan an hour
        s.Work(w, new DateOnly(2024, 1, 2), hours: 0.5); // 50.5 fen
        Assert.Equal(new Money(51), s.Run().Month(w.Id, 2024, 1).Due);
    }

    [Fact]
    public void Due_HourlyExactSeconds_UsesFractionalMinutes()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三", WageType.Hourly, 2550);
        var day = new DateOnly(2024, 1, 2).ToDateTime(new TimeOnly(7, 0, 0));
        s.Punches.Add((w.Id, day));
        s.Punches.Add((w.Id, day.AddHours(3))); // middle punch: only first and last count
        s.Punches.Add((w.Id, day.AddSeconds(27010)));
        // 25.50 × 27010 s / 3600 = 191.3208… yuan.
        Assert.Equal(new Money(19132), s.Run().Month(w.Id, 2024, 1).Due);
    }

    [Theory]
    [InlineData(10, 275862)] // 6000 × 10 / 21.75 = 2758.6206…
    [InlineData(22, 600000)] // capped at the full month
    public void Due_Monthly_ProratedByDaysOver2175(int days, long expectedFen)
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三", WageType.Monthly, 6000_00);
        s.WorkDays(w, 2024, 1, days);
        Assert.Equal(new Money(expectedFen), s.Run().Month(w.Id, 2024, 1).Due);
    }

    [Fact]
    public void Due_PayrollRows_AreSummedAndOverrideTheComputedAmount()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        s.WorkDays(w, 2024, 1, 3);
        s.Payroll.Add(new Scenario.Pay(w.Id, new YearMonth(2024, 1), 500_00, 450_00) { Deductions = 50_00 });
        s.Payroll.Add(new Scenario.Pay(w.Id, new YearMonth(2024, 1), 100_00, 100_00));
        var entry = s.Run().Month(w.Id, 2024, 1);
        Assert.Equal(new Money(550_00), entry.Due);
        Assert.Equal(DueSource.Payroll, entry.DueSource);
    }

    [Fact]
    public void Due_PayrollOfAPunchedMonthAfterPayrollOnlyMonths_JoinsThePunchedMonth()
    {
        // Punches in January and March; the payroll lists February, April and May (no punches) before March, so March
        // is looked up among months that already include payroll-only ones.
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        s.WorkDays(w, 2024, 1, 3);
        s.WorkDays(w, 2024, 3, 2);
        foreach (int month in new[] { 2, 4, 5, 3 })
            s.Payroll.Add(new Scenario.Pay(w.Id, new YearMonth(2024, month), month * 100_00, month * 100_00));
        var result = s.Run();

        var march = result.Month(w.Id, 2024, 3);
        Assert.Equal(new Money(300_00), march.Due);
        Assert.Equal(DueSource.Payroll, march.DueSource);
        Assert.Equal(2, march.Days);
        Assert.Equal(new Money(3 * 300_00), result.Month(w.Id, 2024, 1).Due);
        Assert.Equal([1, 2, 3, 4, 5], result.Ledger.Select(e => e.Period.Month));
    }

    [Fact]
    public void Due_PieceWithoutPayroll_IsZeroAndMissingPayroll()
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三", WageType.Piece);
        s.WorkDays(w, 2024, 1, 4);
        var result = s.Run();
        Assert.Equal(Money.Zero, result.Month(w.Id, 2024, 1).Due);
        var f = result.Single(FindingCode.MissingPayroll);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
        Assert.Equal(4, f.Days);
        Assert.Empty(result.Of(FindingCode.Unpaid));
    }

    [Fact]
    public void Months_WithoutAttendance_ComeFromPayrollAlone()
    {
        var s = new Scenario { AttendanceSupplied = false };
        var w = s.AddWorker(1, "张三");
        s.Payroll.Add(new Scenario.Pay(w.Id, new YearMonth(2024, 2), 800_00, 800_00));
        var result = s.Run();
        var entry = Assert.Single(result.Ledger);
        Assert.Equal(new YearMonth(2024, 2), entry.Period);
        Assert.Equal(0, entry.Days);
    }

    [Fact]
    public void Payroll_OfAnIdNotOnTheRoster_IsIgnored()
    {
        var s = new Scenario();
        s.AddWorker(1, "张三");
        s.Payroll.Add(new Scenario.Pay(Scenario.Id(99), new YearMonth(2024, 1), 800_00, 700_00));
        var result = s.Run();
        Assert.Empty(result.Ledger);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Punch_IdInLowerCase_MatchesTheRoster()
    {
        var s = new Scenario();
        var w = s.Workers.AddAndReturn(new Scenario.W("11010119900101001X", "张三", Scenario.Card(1)));
        s.Work(w with { }, new DateOnly(2024, 1, 2));
        s.Punches.Add(("11010119900101001x", new DateTime(2024, 1, 3, 8, 0, 0)));
        var result = s.Run();
        Assert.Equal(2, result.Month("11010119900101001X", 2024, 1).Days);
        Assert.Empty(result.Of(FindingCode.UnregisteredWorker));
    }
}

internal static class ListExtensions
{
    public static T AddAndReturn<T>(this List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}
