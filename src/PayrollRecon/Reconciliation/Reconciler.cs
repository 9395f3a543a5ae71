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

    /// <summary>Name of the batch detail file in evidence.</summary>
    public string BatchesFile { get; set; } = "batches.csv";

    /// <summary>True when <c>attendance.csv</c> was supplied, even empty (enables attendance-based checks).</summary>
    public bool AttendanceSupplied { get; set; }

    /// <summary>True when <c>batches.csv</c> was supplied; without it every batch_id is missing (R16).</summary>
    public bool BatchesSupplied { get; set; }

    /// <summary>Adds one <c>calendar.csv</c> row; all calendar rows come before anything else.</summary>
    public void AddCalendar(in CalendarRow row)
    {
        if (row.Kind == CalendarKind.Holiday) _calendar.AddHoliday(row.Date);
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

    /// <summary>When set, <see cref="Complete"/> records the wall time of each of its steps.</summary>
    internal CheckTimings? Timings { get; set; }

    /// <summary>Runs every check and returns findings, ledger, summary and bank-line explanations.</summary>
    public ReconciliationResult Complete()
    {
        if (_completed) throw new InvalidOperationException("Complete has already been called on this reconciler.");
        _completed = true;

        Timings?.Restart();
        BuildWorkerMonths();
        Timings?.Lap("engine: worker-months");
        ProcessBankLines();
        Timings?.Lap("engine: bank lines");
        AllocatePayments();
        Timings?.Lap("engine: allocation");
        ReportWorkerMonths();
        ReportHeadcount();
        ReportPaymentPatterns();
        ReportLaborFunds();
        ReportUnderage();
        ReportUnregistered();
        ReportDiagnostics();
        LinkCauses();
        Timings?.Lap("engine: findings");

        var findings = FindingOrder.Sort(_findings);
        Timings?.Lap("engine: sort findings");
        var ledger = BuildLedger();
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
                Diagnostic = d,
            });
        }
    }
}
