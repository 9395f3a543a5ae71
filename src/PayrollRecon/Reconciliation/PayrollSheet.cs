using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>The payroll sheet (<c>payroll.csv</c>): its rows summed per roster worker and month, and PAYROLL_ARITHMETIC per row (R23).</summary>
internal sealed class PayrollSheet
{
    private readonly Roster _roster;
    private readonly AttendanceLog _attendance;
    private readonly string _file;
    private readonly int _workerMonthLimit;
    private readonly List<Finding> _findings;
    private List<Diagnostic> _diagnostics;
    // While the punches are read on other threads (see BeginBeside): the attendance's worker-months are not counted yet.
    private bool _beside;
    // (roster index << 32 | month ordinal) → the month's rows summed.
    private readonly Dictionary<long, PayrollMonth> _months = [];

    /// <param name="roster">Resolves row ids to workers (rows of ids not on it are ignored, R7).</param>
    /// <param name="attendance">Its worker-month records count towards <paramref name="workerMonthLimit"/>.</param>
    /// <param name="file">The payroll sheet's name in evidence.</param>
    /// <param name="workerMonthLimit">Most worker-months the project may hold.</param>
    /// <param name="findings">Receives PAYROLL_ARITHMETIC.</param>
    /// <param name="diagnostics">Receives rows of a period outside 1900-01..2199-12.</param>
    public PayrollSheet(Roster roster, AttendanceLog attendance, string file, int workerMonthLimit, List<Finding> findings, List<Diagnostic> diagnostics)
    {
        _roster = roster;
        _attendance = attendance;
        _file = file;
        _workerMonthLimit = workerMonthLimit;
        _findings = findings;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Takes the rows that follow while the punches are still being read on other threads: the attendance's
    /// worker-months are not counted towards the cap until <see cref="EndBeside"/>, and rows of a period outside the
    /// years held go to <paramref name="diagnostics"/>, so that nothing here is shared with the threads reading punches.
    /// </summary>
    public void BeginBeside(List<Diagnostic> diagnostics)
    {
        _beside = true;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Once every punch is in: the cap as a reader of the punches first would have applied it. The row that opened the
    /// month past the cap, counting the attendance's worker-months, stops the check as it would have then.
    /// </summary>
    /// <param name="diagnostics">Where the rows' diagnostics go from now on.</param>
    /// <exception cref="PayrollDataException">The punches' and these rows' worker-months together pass the cap.</exception>
    public void EndBeside(List<Diagnostic> diagnostics)
    {
        _beside = false;
        _diagnostics = diagnostics;
        int room = _workerMonthLimit - _attendance.WorkerMonthRecords;
        if (_months.Count <= room) return;
        // Months are opened in file order, so the (room + 1)-th smallest first line is the row that opened one too many.
        var lines = new long[_months.Count];
        int i = 0;
        foreach (var month in _months.Values) lines[i++] = month.FirstLine;
        Array.Sort(lines);
        throw EngineLimits.TooManyWorkerMonths(_file, lines[Math.Max(room, 0)], _workerMonthLimit);
    }

    /// <summary>Months with payroll rows, keyed by <c>roster index &lt;&lt; 32 | month ordinal</c>.</summary>
    public Dictionary<long, PayrollMonth>.Enumerator GetEnumerator() => _months.GetEnumerator();

    /// <summary>Adds one payroll row; rows of ids not on the roster are ignored (R7).</summary>
    /// <exception cref="PayrollDataException">A month's sum goes past what a long holds, or the worker-month cap.</exception>
    public void Add(in PayrollRow row)
    {
        try
        {
            AddChecked(row);
        }
        catch (OverflowException)
        {
            throw SumSite.TooLargeAt(_file, row.Line, $"{_file}:{row.Line}");
        }
    }

    /// <summary>Drops the months once they are joined to the worker-months.</summary>
    public void Release()
    {
        _months.Clear();
        _months.TrimExcess();
    }

    private void AddChecked(in PayrollRow row)
    {
        if (!EngineLimits.InPeriodRange(row.Period.Year))
        {
            _diagnostics.Add(EngineLimits.OutOfRange(_file, row.Line, "period", DiagnosticReason.PeriodOutOfRange));
            return;
        }

        int worker = _roster.Find(row.IdNumber);
        if (worker < 0) return;

        // R23: the arithmetic is checked per row, before rows of the same month are summed.
        var expectedNet = row.Gross - row.Deductions;
        if (expectedNet != row.Net)
        {
            _findings.Add(_roster[worker].Finding(FindingCode.PayrollArithmetic, Severity.Yellow) with
            {
                Period = row.Period,
                Expected = expectedNet,
                Actual = row.Net,
                Source = $"{_file}:{row.Line}",
            });
        }

        long key = ((long)worker << 32) | (uint)row.Period.Ordinal;
        if (!_months.TryGetValue(key, out var month))
        {
            month = new PayrollMonth(row.Line);
            _months.Add(key, month);
            if ((_beside ? 0 : _attendance.WorkerMonthRecords) + _months.Count > _workerMonthLimit)
                throw EngineLimits.TooManyWorkerMonths(_file, row.Line, _workerMonthLimit);
        }
        month.Add(row);
    }
}

/// <summary>The payroll rows of one worker and month, summed.</summary>
internal sealed class PayrollMonth(long firstLine)
{
    public long GrossFen { get; private set; }
    public long DeductionsFen { get; private set; }
    public long NetFen { get; private set; }
    /// <summary>Σ of the rows' days in hundredths, null when no row gave days.</summary>
    public long? DaysCentis { get; private set; }
    public long FirstLine { get; } = firstLine;

    /// <summary>Adds a row's amounts and days (checked).</summary>
    public void Add(in PayrollRow row)
    {
        GrossFen = checked(GrossFen + row.Gross.Fen);
        DeductionsFen = checked(DeductionsFen + row.Deductions.Fen);
        NetFen = checked(NetFen + row.Net.Fen);
        long? days = row.DaysCentis ?? (row.Days is { } whole ? whole * 100L : null);
        if (days is { } centis) DaysCentis = checked((DaysCentis ?? 0) + centis);
    }
}
