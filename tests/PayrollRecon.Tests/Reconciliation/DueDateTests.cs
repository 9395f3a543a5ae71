using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class DueDateTests
{
    [Fact]
    public void DueDate_WeekendThenHoliday_MovesBackToPreviousWorkingDay()
    {
        // 2024-06-15 is a Saturday; Friday 14 is marked a holiday, so wages are due Thursday 13.
        var calendar = new PayCalendar(payDay: 15, payMonthOffset: 1);
        calendar.AddHoliday(new DateOnly(2024, 6, 14));
        Assert.Equal(new DateOnly(2024, 6, 13), calendar.DueDate(new YearMonth(2024, 5)));
    }

    [Fact]
    public void DueDate_SwappedWorkdayOnSaturday_StopsThere()
    {
        // 2024-09-15 is a Sunday; Saturday 14 was a swapped working day (中秋调休).
        var calendar = new PayCalendar(payDay: 15, payMonthOffset: 1);
        calendar.AddWorkday(new DateOnly(2024, 9, 14));
        Assert.Equal(new DateOnly(2024, 9, 14), calendar.DueDate(new YearMonth(2024, 8)));
    }

    [Fact]
    public void DueDate_HolidayOnAWeekday_MovesBack()
    {
        // 2024-10-01..07 national holiday; pay day 3 of October moves back to Monday 30 September.
        var calendar = new PayCalendar(payDay: 3, payMonthOffset: 1);
        for (int d = 1; d <= 7; d++) calendar.AddHoliday(new DateOnly(2024, 10, d));
        Assert.Equal(new DateOnly(2024, 9, 30), calendar.DueDate(new YearMonth(2024, 9)));
    }

    [Theory]
    [InlineData(2024, 1, 2024, 2, 29)] // leap February
    [InlineData(2023, 1, 2023, 2, 28)]
    [InlineData(2024, 3, 2024, 4, 30)]
    [InlineData(2023, 12, 2024, 1, 31)]
    public void DueDate_PayDay31_ClipsToMonthEnd(int year, int month, int dueYear, int dueMonth, int dueDay)
    {
        var calendar = new PayCalendar(payDay: 31, payMonthOffset: 1);
        Assert.Equal(new DateOnly(dueYear, dueMonth, dueDay), calendar.DueDate(new YearMonth(year, month)));
    }

    [Fact]
    public void DueDate_PayDay31OnSunday_ClipsThenMovesBack()
    {
        // 2024-03-31 is a Sunday: clipped nothing, moved back to Friday 29.
        var calendar = new PayCalendar(payDay: 31, payMonthOffset: 1);
        Assert.Equal(new DateOnly(2024, 3, 29), calendar.DueDate(new YearMonth(2024, 2)));
    }

    [Fact]
    public void DueDate_OffsetZero_PaysInTheSameMonth()
    {
        var calendar = new PayCalendar(payDay: 15, payMonthOffset: 0);
        Assert.Equal(new DateOnly(2024, 1, 15), calendar.DueDate(new YearMonth(2024, 1)));
    }

    [Fact]
    public void IsRestDay_HolidayOnASwappedWorkday_IsRest()
    {
        var calendar = new PayCalendar(15, 1);
        var saturday = new DateOnly(2024, 9, 14);
        calendar.AddWorkday(saturday);
        calendar.AddHoliday(saturday);
        Assert.True(calendar.IsRestDay(saturday));
    }

    [Fact]
    public void DueDate_HolidaysLongerThanAMonth_MovesBackToTheWorkingDayBeforeThem()
    {
        var calendar = new PayCalendar(payDay: 15, payMonthOffset: 1);
        // Every day from 2024-01-01 (a Monday) to the pay day 2024-02-15: the due date is Friday 29 December 2023.
        for (var d = new DateOnly(2024, 1, 1); d <= new DateOnly(2024, 2, 15); d = d.AddDays(1)) calendar.AddHoliday(d);

        Assert.Equal(new DateOnly(2023, 12, 29), calendar.DueDate(new YearMonth(2024, 1)));
    }

    [Fact]
    public void DueDate_EveryDayOfTheEngineYearsAHoliday_EndsBeforeTheFirst()
    {
        var calendar = new PayCalendar(payDay: 15, payMonthOffset: 1);
        for (var d = new DateOnly(1900, 1, 1); d.Year < 2025; d = d.AddDays(1)) calendar.AddHoliday(d);

        // 1899-12-31 is a Sunday, so the Friday before it.
        Assert.Equal(new DateOnly(1899, 12, 29), calendar.DueDate(new YearMonth(2024, 1)));
    }
}
