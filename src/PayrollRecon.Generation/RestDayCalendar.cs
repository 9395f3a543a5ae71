namespace PayrollRecon.Generation;

/// <summary>Public holidays and swapped working days (调休) used for due dates and written to <c>calendar.csv</c>.</summary>
/// <remarks>2023–2025 follow the State Council notices; other years get the fixed-date holidays only
/// (New Year, Labour Day, National Day) so the generated calendar and due dates always agree.</remarks>
internal sealed class RestDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _workdays = [];

    public RestDayCalendar(int firstYear, int lastYear)
    {
        for (int y = firstYear; y <= lastYear; y++) AddYear(y);
        Entries = [.. _holidays.Select(d => (d, false)).Concat(_workdays.Select(d => (d, true))).OrderBy(e => e.Item1)];
    }

    /// <summary>Every calendar entry in date order; <c>IsWorkday</c> false means a holiday.</summary>
    public IReadOnlyList<(DateOnly Date, bool IsWorkday)> Entries { get; }

    public bool IsHoliday(DateOnly d) => _holidays.Contains(d);

    /// <summary>Saturday or Sunday unless marked a working day, or any holiday.</summary>
    public bool IsRestDay(DateOnly d) =>
        _holidays.Contains(d) || (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !_workdays.Contains(d));

    /// <summary>The date itself, or the previous working day when it is a rest day (Art. 14).</summary>
    public DateOnly MoveBackToWorkingDay(DateOnly d)
    {
        while (IsRestDay(d)) d = d.AddDays(-1);
        return d;
    }

    private void AddYear(int y)
    {
        switch (y)
        {
            case 2023:
                Holidays(y, (1, 1, 2), (1, 21, 27), (4, 5, 5), (4, 29, 30), (5, 1, 3), (6, 22, 24), (9, 29, 30), (10, 1, 6));
                Workdays(y, (1, 28), (1, 29), (4, 23), (5, 6), (6, 25), (10, 7), (10, 8));
                break;
            case 2024:
                Holidays(y, (1, 1, 1), (2, 10, 17), (4, 4, 6), (5, 1, 5), (6, 10, 10), (9, 15, 17), (10, 1, 7));
                Workdays(y, (2, 4), (2, 18), (4, 7), (4, 28), (5, 11), (9, 14), (9, 29), (10, 12));
                break;
            case 2025:
                Holidays(y, (1, 1, 1), (1, 28, 31), (2, 1, 4), (4, 4, 6), (5, 1, 5), (5, 31, 31), (6, 1, 2), (10, 1, 8));
                Workdays(y, (1, 26), (2, 8), (4, 27), (9, 28), (10, 11));
                break;
            default:
                Holidays(y, (1, 1, 1), (5, 1, 3), (10, 1, 7));
                break;
        }
    }

    private void Holidays(int y, params (int Month, int From, int To)[] ranges)
    {
        foreach (var (m, from, to) in ranges)
            for (int d = from; d <= to; d++) _holidays.Add(new DateOnly(y, m, d));
    }

    private void Workdays(int y, params (int Month, int Day)[] days)
    {
        foreach (var (m, d) in days) _workdays.Add(new DateOnly(y, m, d));
    }
}
