using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The calendar (<c>calendar.csv</c>) and the due date of each month's wages it gives (SPEC §3.1), worked out once
/// per month.
/// </summary>
internal sealed class DueCalendar
{
    private readonly PayCalendar _calendar;
    private readonly Dictionary<int, DateOnly> _dueDates = [];

    public DueCalendar(ProjectSettings settings) => _calendar = new PayCalendar(settings.PayDay, settings.PayMonthOffset);

    /// <summary>Adds one calendar row: a holiday or a swapped working day.</summary>
    public void Add(in CalendarRow row)
    {
        if (row.Kind == CalendarKind.Holiday) _calendar.AddHoliday(row.Date);
        else _calendar.AddWorkday(row.Date);
    }

    /// <summary>The due date of <paramref name="period"/>'s wages.</summary>
    public DateOnly DueDateOf(YearMonth period)
    {
        if (!_dueDates.TryGetValue(period.Ordinal, out var date))
        {
            date = _calendar.DueDate(period);
            _dueDates.Add(period.Ordinal, date);
        }
        return date;
    }
}
