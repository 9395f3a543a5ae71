namespace PayrollRecon.Reconciliation;

/// <summary>Rest days and the due date of each month's wages (SPEC §3.1, Art. 14).</summary>
internal sealed class PayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly int _payDay;
    private readonly int _payMonthOffset;

    public PayCalendar(int payDay, int payMonthOffset)
    {
        _payDay = payDay;
        _payMonthOffset = payMonthOffset;
    }

    public void AddHoliday(DateOnly date) => _holidays.Add(date);

    public void AddWorkday(DateOnly date) => _workdays.Add(date);

    /// <summary>A holiday always rests; a weekend rests unless it is a swapped working day.</summary>
    public bool IsRestDay(DateOnly date)
    {
        if (_holidays.Contains(date)) return true;
        bool weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return weekend && !_workdays.Contains(date);
    }

    /// <summary>Day payDay of M + offset, clipped to the month's end, moved back to the previous working day, however
    /// many rest days lie before it (calendar dates are held to the engine's years, so a run of holidays ends).</summary>
    public DateOnly DueDate(Model.YearMonth period)
    {
        var payMonth = period.AddMonths(_payMonthOffset);
        int day = Math.Clamp(_payDay, 1, payMonth.DayCount);
        var date = new DateOnly(payMonth.Year, payMonth.Month, day);
        while (IsRestDay(date) && date > DateOnly.MinValue) date = date.AddDays(-1);
        return date;
    }
}
