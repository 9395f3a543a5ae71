using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Reconciles one project (SPEC §3): takes the rows of every input, then works out what each worker was owed,
/// classifies every bank line, allocates payments to months and reports every finding.
/// </summary>
/// <remarks>
/// Feed the calendar first, then the roster, then punches, payroll rows, batch lines and bank lines, then call
/// <see cref="Complete"/> once. Rows are copied; their spans need only live for the call. Memory grows with
/// workers × months (and the statement), never with the number of punches.
/// </remarks>
public sealed partial class Reconciler
{

    private readonly ProjectSettings _settings;
    private readonly DateOnly _asOf;
    private readonly PayCalendar _calendar;
    private readonly TextInterner _strings = new();
    private readonly List<Finding> _findings = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<InputFileStats> _fileStats = [];
    private bool _completed;

    /// <summary>Creates an engine for one project; <see cref="ProjectSettings.AsOf"/> must be set.</summary>
    public Reconciler(ProjectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _asOf = settings.AsOf ?? throw new ArgumentException("settings.AsOf must be resolved before reconciling.", nameof(settings));
        _calendar = new PayCalendar(settings.PayDay, settings.PayMonthOffset);
        _workerLookup = _workerByUpperId.GetAlternateLookup<ReadOnlySpan<char>>();
        _unregisteredLookup = _unregisteredIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _isCancelled = line => _lines[line].Cancelled;
    }

    /// <summary>Name of the roster in evidence (<c>file:line</c>); <c>workers.csv</c> unless the host names it otherwise.</summary>
    public string WorkersFile { get; set; } = "workers.csv";

    /// <summary>Name of the attendance file in evidence.</summary>
    public string AttendanceFile { get; set; } = "attendance.csv";

    /// <summary>Name of the payroll sheet in evidence.</summary>
    public string PayrollFile { get; set; } = "payroll.csv";

    /// <summary>Name of the bank statement in evidence.</summary>
    public string BankFile { get; set; } = "bank.csv";

    /// <summary>Name of the calendar in evidence.</summary>
    public string CalendarFile { get; set; } = "calendar.csv";

    /// <summary>Name of the batch detail file in evidence.</summary>
    public string BatchesFile { get; set; } = "batches.csv";

    /// <summary>True when <c>attendance.csv</c> was supplied, even empty (enables attendance-based checks).</summary>
    public bool AttendanceSupplied { get; set; }

    /// <summary>True when <c>batches.csv</c> was supplied; without it every batch_id is missing (R16).</summary>
    public bool BatchesSupplied { get; set; }

    /// <summary>Adds one <c>calendar.csv</c> row; all calendar rows come before anything else.</summary>
    public void AddCalendar(in CalendarRow row)
    {
        if (row.Kind == CalendarKind.Holiday) _calendar.AddHoliday(row.Date, row.Line);
        else _calendar.AddWorkday(row.Date);
    }

    /// <summary>Adds an unreadable row; it becomes a <c>DATA_ERROR</c> finding.</summary>
    public void AddDiagnostic(Diagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        _diagnostics.Add(d);
    }

    /// <summary>Adds the statistics of one input file, passed through to the summary.</summary>
    public void AddFileStats(InputFileStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        _fileStats.Add(stats);
    }

    /// <summary>The previous run (SPEC §7): findings get their status against it, and what it reported that is gone is resolved.</summary>
    public FollowUp.PreviousRun? Previous { get; set; }

    private readonly List<FindingRuling> _rulings = [];

    /// <summary>Adds one <c>rulings.csv</c> row (SPEC §7); <paramref name="file"/> names it in evidence.</summary>
    public void AddRuling(in RulingRow row, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _rulings.Add(new FindingRuling(
            System.Text.Encoding.ASCII.GetString(row.FindingId), row.Kind, Text(row.Reason), Text(row.Reviewer), row.Date, Source(file, row.Line)));
    }

    /// <summary>When set, <see cref="Complete"/> records the wall time of each of its steps.</summary>
    internal CheckTimings? Timings { get; set; }

    /// <summary>Runs every check and returns findings, ledger, summary and bank-line explanations.</summary>
    public ReconciliationResult Complete()
    {
        if (_completed) throw new InvalidOperationException("Complete has already been called on this reconciler.");
        _completed = true;

        try
        {
            return CompleteChecked();
        }
        catch (OverflowException)
        {
            throw SumTooLarge();
        }
    }

    private ReconciliationResult CompleteChecked()
    {
        Timings?.Restart();
        BuildWorkerMonths();
        Timings?.Lap("engine: worker-months");
        ProcessBankLines();
        Timings?.Lap("engine: bank lines");
        AllocatePayments();
        Timings?.Lap("engine: allocation");
        ReportWorkerMonths();
        SummingAt(null, 0);
        ReportHeadcount();
        ReportPaymentPatterns();
        ReportLaborFunds();
        ReportUnderage();
        ReportUnregistered();
        ReportDiagnostics();
        LinkCauses();
        Timings?.Lap("engine: findings");

        var findings = FindingIds.Assign(_settings.Code, FindingOrder.Sort(_findings));
        var followUp = FollowUp.FollowUpTracker.Apply(_settings.Code, _asOf, findings, _rulings, Previous, FindingOrder.Sort);
        findings = followUp.Findings;
        Timings?.Lap("engine: sort findings, ids, follow-up");
        var ledger = BuildLedger();
        SummingAt(null, 0);
        var summary = BuildSummary(findings);
        Timings?.Lap("engine: ledger, summary");
        return new ReconciliationResult
        {
            Settings = _settings,
            Findings = findings,
            Ledger = ledger,
            Summary = summary,
            BankLines = new BankLineExplanationList(this),
            Diagnostics = _diagnostics.ToArray(),
            Resolved = followUp.Resolved,
            History = followUp.History,
            Rulings = _rulings.ToArray(),
            PreviousAsOf = Previous?.AsOf,
        };
    }

    private string Text(ReadOnlySpan<byte> utf8) => _strings.Get(utf8);

    private static string Source(string file, long line) => $"{file}:{line}";

    private void ReportDiagnostics()
    {
        foreach (var d in _diagnostics)
        {
            _findings.Add(new Finding
            {
                Code = FindingCode.DataError,
                Severity = Severity.Yellow,
                Source = Source(d.File, d.Line),
                Detail = d.Column is null ? d.Message : $"column {d.Column}: {d.Message}",
                Anchor = DataErrorAnchor(d),
                Diagnostic = d,
            });
        }
    }
}
