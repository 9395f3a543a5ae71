using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Where the engine is while it adds money up: the line or the worker-month whose amount it is adding. Money is long
/// fen with checked arithmetic, so a sum past long.MaxValue throws; the error then names this place.
/// </summary>
/// <remarks>Plain fields set per line and per worker-month, so the bookkeeping costs nothing that allocates.</remarks>
internal sealed class SumSite
{
    /// <summary>The error for a sum of amounts past 92,233,720,368,547,758.07 yuan met at <paramref name="where"/>
    /// (<c>payroll.csv:12</c>), which names <paramref name="line"/> of <paramref name="file"/> (0: the file, or the project's totals).</summary>
    public static PayrollDataException TooLargeAt(string file, long line, object where) =>
        new(file, line, new Reporting.LocalizedText(Reporting.MessageKey.SumTooLarge, where));

    private string? _file;
    private long _line;
    private int _period = -1;
    // A processed line noted by its index: its file and line are looked up only when an error needs them.
    private ProcessedLines? _lines;
    private int _processedLine;

    /// <summary>Notes that the sums now being added up come from <paramref name="file"/>:<paramref name="line"/>
    /// (a line of 0 names the file alone), for the worker-month <paramref name="periodOrdinal"/> when not -1.</summary>
    public void At(string? file, long line, int periodOrdinal = -1)
    {
        _file = file;
        _line = line;
        _period = periodOrdinal;
        _lines = null;
    }

    /// <summary>Notes that the sums now being added up come from processed line <paramref name="line"/> of
    /// <paramref name="lines"/> (whose origins never change): two stores, no read of the statement per payment.</summary>
    public void AtLine(ProcessedLines lines, int line)
    {
        _lines = lines;
        _processedLine = line;
    }

    /// <summary>The place last noted, to be noted again later (<see cref="Restore"/>).</summary>
    public (string? File, long Line, int Period) Place
    {
        get
        {
            if (_lines is null) return (_file, _line, _period);
            var (file, line) = _lines.Origin(_processedLine);
            return (file, line, -1);
        }
    }

    /// <summary>Notes again a place taken from <see cref="Place"/>.</summary>
    public void Restore((string? File, long Line, int Period) place) => At(place.File, place.Line, place.Period);

    /// <summary>The error for a checked overflow met at the place last noted; <paramref name="projectCode"/> names the project's totals.</summary>
    public PayrollDataException TooLarge(string projectCode)
    {
        var (noted, number, period) = Place;
        string file = noted ?? projectCode;
        object where = noted is null ? new Reporting.LocalizedText(Reporting.MessageKey.ProjectTotals)
            : number <= 0 ? file
            : $"{file}:{number}";
        if (period >= 0) where = new Reporting.LocalizedText(Reporting.MessageKey.SumInMonth, where, YearMonth.FromOrdinal(period).ToString());
        return TooLargeAt(file, noted is null ? 0 : Math.Max(number, 0), where);
    }
}
