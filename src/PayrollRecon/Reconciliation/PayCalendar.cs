namespace PayrollRecon.Reconciliation;

/// <summary>Rest days and the due date of each month's wages (SPEC §3.1, Art. 14).</summary>
internal sealed class PayCalendar
{
    /// <summary>The due date moves back at most this many days from the pay day; a calendar that leaves no working day
    /// in them (every day a holiday) stops it there, and the engine reports the month as a <c>DATA_ERROR</c> on the
    /// calendar. Real rest periods (Spring Festival, National Day with their weekends) last a week or two.</summary>
    public const int MaxMoveBackDays = 31;

    // Each holiday with its calendar.csv line, so a month held at the bound can cite the row that held it.
    private readonly Dictionary<DateOnly, long> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];
    private readonly int _payDay;
    private readonly int _payMonthOffset;

    public PayCalendar(int payDay, int payMonthOffset)
    {
        _payDay = payDay;
        _payMonthOffset = payMonthOffset;
    }

    public void AddHoliday(DateOnly date, long line = 0) => _holidays.TryAdd(date, line);

    public void AddWorkday(DateOnly date) => _workdays.Add(date);

    /// <summary>A holiday always rests; a weekend rests unless it is a swapped working day.</summary>
    public bool IsRestDay(DateOnly date)
    {
        if (_holidays.ContainsKey(date)) return true;
        bool weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return weekend && !_workdays.Contains(date);
    }

    /// <summary>Day payDay of M + offset, clipped to the month's end, moved back to the previous working day.</summary>
    public DateOnly DueDate(Model.YearMonth period) => DueDate(period, out _);

    /// <summary>
    /// Day payDay of M + offset, clipped to the month's end, moved back to the previous working day, but at most
    /// <see cref="MaxMoveBackDays"/> days. <paramref name="heldAtBound"/> is the calendar.csv line of the holiday
    /// nearest the pay day when the bound stopped the move (0 when it did not).
    /// </summary>
    public DateOnly DueDate(Model.YearMonth period, out long heldAtBound)
    {
        var payMonth = period.AddMonths(_payMonthOffset);
        int day = Math.Clamp(_payDay, 1, payMonth.DayCount);
        var date = new DateOnly(payMonth.Year, payMonth.Month, day);
        long firstHolidayLine = 0;
        for (int moved = 0; IsRestDay(date); moved++)
        {
            if (firstHolidayLine == 0 && _holidays.TryGetValue(date, out long line)) firstHolidayLine = Math.Max(line, 1);
            if (moved == MaxMoveBackDays)
            {
                heldAtBound = firstHolidayLine;
                return date;
            }

            date = date.AddDays(-1);
        }

        heldAtBound = 0;
        return date;
    }
}
