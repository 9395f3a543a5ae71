using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The calendar (<c>calendar.csv</c>) and the due date of each month's wages it gives (SPEC §3.1), worked out once
/// per month; a month whose due date the calendar holds at the move-back bound is a <c>DATA_ERROR</c> on the calendar.
/// </summary>
internal sealed class DueCalendar
{
    private readonly PayCalendar _calendar;
    private readonly string _file;
    private readonly List<Finding> _findings;
    private readonly Dictionary<int, DateOnly> _dueDates = [];

    public DueCalendar(ProjectSettings settings, string file, List<Finding> findings)
    {
        _calendar = new PayCalendar(settings.PayDay, settings.PayMonthOffset);
        _file = file;
        _findings = findings;
    }

    /// <summary>Adds one calendar row: a holiday or a swapped working day.</summary>
    public void Add(in CalendarRow row)
    {
        if (row.Kind == CalendarKind.Holiday) _calendar.AddHoliday(row.Date, row.Line);
        else _calendar.AddWorkday(row.Date);
    }

    /// <summary>The due date of <paramref name="period"/>'s wages.</summary>
    public DateOnly DueDateOf(YearMonth period)
    {
        if (!_dueDates.TryGetValue(period.Ordinal, out var date))
        {
            date = _calendar.DueDate(period, out long heldAtLine);
            _dueDates.Add(period.Ordinal, date);
            if (heldAtLine > 0)
            {
                // The calendar leaves no working day within the bound: the month's due date stops there, and says so.
                _findings.Add(new Finding
                {
                    Code = FindingCode.DataError,
                    Severity = Severity.Yellow,
                    Period = period,
                    DueDate = date,
                    Detail = date.AddDays(PayCalendar.MaxMoveBackDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Source = $"{_file}:{heldAtLine}",
                });
            }
        }
        return date;
    }
}
