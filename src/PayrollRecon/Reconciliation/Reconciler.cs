using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation.Rules;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Reconciles one project (SPEC §3): takes the rows of every input, then works out what each worker was owed,
/// classifies every bank line, allocates payments to months and reports every finding.
/// </summary>
/// <remarks>
/// Feed the calendar, then the roster, punches, payroll rows, batch lines, bank lines and rulings, in that order
/// (any may be absent), then call <see cref="Complete"/> once; feeding out of order throws
/// <see cref="InvalidOperationException"/>. Diagnostics and file statistics may come at any point before
/// <see cref="Complete"/>. Rows are copied; their spans need only live for the call. Memory grows with
/// workers × months (and the statement), never with the number of punches.
/// </remarks>
public sealed class Reconciler
{
    /// <summary>Most workers a roster may hold; a further row stops the check (<see cref="PayrollDataException"/>, exit 2).</summary>
    /// <remarks>The largest projects have tens of thousands of workers.</remarks>
    public const int MaxWorkers = 1_000_000;

    /// <summary>
    /// Most worker-months a project may hold: each roster worker's months with punches, its months with payroll rows
    /// (a month with both counts twice), and each unregistered id's months with punches. The row that would add one
    /// more stops the check (<see cref="PayrollDataException"/>, exit 2).
    /// </summary>
    /// <remarks>
    /// The worker × month grid is what memory grows with (about 400 bytes a worker-month, so some 2 GiB at the cap);
    /// 5,000 workers × 48 months, a large project, is 240,000. Months themselves lie in 1900-01..2199-12: a punch or a
    /// payroll row outside is a <c>DATA_ERROR</c> (readers refuse such dates; the engine checks rows given to it directly).
    /// </remarks>
    public const int MaxWorkerMonths = 5_000_000;

    /// <summary>Most <c>batches.csv</c> detail lines a project may hold; a further line stops the check (<see cref="PayrollDataException"/>, exit 2).</summary>
    /// <remarks>
    /// Every detail line is kept until the statement's lumps expand it, and each one a lump expands is a payment of its
    /// own (its evidence, anchor and allocation), so they cannot be summed as they are read. A 5,000-worker × 24-month
    /// project has some 40,000 of them, and paying all of 5,000 workers' 48 months by batch makes 240,000: a million
    /// is 25 and 4 times those. A detail line costs some 35 bytes while it waits, more once its lump expands it, plus
    /// its texts when they are its own: a check of a file at the cap whose every line names an account of its own
    /// peaks near 390 MB.
    /// </remarks>
    public const int MaxBatchLines = 1_000_000;

    private readonly ProjectSettings _settings;
    private readonly DateOnly _asOf;
    private readonly ReconcilerOptions _options;
    private readonly TextInterner _strings = new();
    private readonly List<Finding> _findings = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<InputFileStats> _fileStats = [];
    private readonly List<FindingRuling> _rulings = [];
    private readonly SumSite _sums = new();
    // The classification's own place, so that it may run beside the worker-months (which note theirs in _sums).
    private readonly SumSite _classifierSums = new();
    private readonly DueCalendar _calendar;
    private readonly Roster _roster;
    private readonly AttendanceLog _attendance;
    private readonly PayrollSheet _payroll;
    private readonly Statement _statement;
    private readonly ProcessedLines _lines;
    private readonly BankClassifier _classifier;
    private readonly InputGate _gate = new();
    // Between BeginBeside and EndBeside: payroll, batch and bank lines come on another thread while the punches are read.
    private bool _beside;

    /// <summary>Creates an engine for one project; <see cref="ProjectSettings.AsOf"/> must be set.</summary>
    /// <param name="settings">The project, its as-of date resolved.</param>
    /// <param name="options">Evidence names, optional inputs supplied and the previous run; the defaults when null.</param>
    public Reconciler(ProjectSettings settings, ReconcilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _asOf = settings.AsOf ?? throw new ArgumentException("settings.AsOf must be resolved before reconciling.", nameof(settings));
        _options = options ?? new ReconcilerOptions();
        var text = new CounterpartyText();
        _calendar = new DueCalendar(settings);
        _roster = new Roster(settings, _asOf, _options.WorkersFile, _options.WorkerLimit, _strings, _findings);
        _attendance = new AttendanceLog(_roster, _options.AttendanceFile, _options.WorkerMonthLimit, _diagnostics);
        _payroll = new PayrollSheet(_roster, _attendance, _options.PayrollFile, _options.WorkerMonthLimit, _findings, _diagnostics);
        _statement = new Statement(_options.BankFile, _options.BatchesFile, _options.BatchLineLimit, _strings, text, _findings);
        _lines = new ProcessedLines(_statement, text, _options.BankFile, _options.BatchesFile);
        _classifier = new BankClassifier(_statement, _lines, _roster, text, _classifierSums, _findings, _options);
    }

    /// <summary>Adds one <c>calendar.csv</c> row; all calendar rows come before anything else.</summary>
    public void AddCalendar(in CalendarRow row)
    {
        _gate.Enter(InputOrder.Calendar);
        _calendar.Add(row);
    }

    /// <summary>Adds one roster row, in file order, after the calendar.</summary>
    public void AddWorker(in WorkerRow row)
    {
        _gate.Enter(InputOrder.Roster);
        _roster.Add(row);
    }

    /// <summary>Adds one punch (any order among punches, after the roster). Allocates nothing in steady state.</summary>
    public void AddPunch(in AttendanceRow row)
    {
        if (!_beside) _gate.Enter(InputOrder.Punches);
        _attendance.Add(row);
    }

    /// <summary>A shard that takes the punches of one part of the attendance file on a thread of its own, over this
    /// engine's roster, which must be complete (see <see cref="TakePunchShards"/>).</summary>
    internal PunchShard CreatePunchShard()
    {
        if (!_beside) _gate.Enter(InputOrder.Punches);
        return new PunchShard(_attendance);
    }

    /// <summary>
    /// Takes the punches of shards that read consecutive parts of the attendance file, in file order, as if every punch
    /// had been given to <see cref="AddPunch"/>. Returns false, taking nothing, when together they pass the worker-month
    /// cap: the caller then reads the file on one thread, so that the error names the line a single reader would.
    /// </summary>
    internal bool TakePunchShards(IReadOnlyList<PunchShard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (!_beside) _gate.Enter(InputOrder.Punches);
        return _attendance.TakeShards(shards.Select(static s => s.Log).ToArray(), shards.Select(static s => s.Diagnostics).ToArray());
    }

    /// <summary>
    /// Lets the payroll rows, batch lines and bank lines (and only they, through their Add methods, on one other thread)
    /// come while the punches are still being read, through <see cref="CreatePunchShard"/>, <see cref="TakePunchShards"/>
    /// and <see cref="AddPunch"/> on this thread. The engine ends as if the punches had come first: what the
    /// other thread's rows add to the diagnostics goes to <paramref name="diagnostics"/>, which the caller hands back to
    /// <see cref="EndBeside"/> with the other thread's file statistics once both threads are done.
    /// </summary>
    /// <remarks>Neither side writes what the other reads: punches go to the attendance log (or its shards) and the
    /// engine's diagnostics, the other rows to the payroll sheet, the statement, the findings and the strings; both only
    /// read the roster, which is complete.</remarks>
    internal void BeginBeside(List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        _gate.Enter(InputOrder.Punches);
        _payroll.BeginBeside(diagnostics);
        _beside = true;
    }

    /// <summary>
    /// Ends what <see cref="BeginBeside"/> began, once both threads are done: applies the worker-month cap to the
    /// payroll rows as if they had come after every punch, then appends the other thread's diagnostics and file
    /// statistics after the punches' own.
    /// </summary>
    /// <exception cref="PayrollDataException">The punches' and the payroll rows' worker-months together pass the cap: the payroll row a reader in file order stops at.</exception>
    internal void EndBeside(List<Diagnostic> diagnostics, List<InputFileStats> stats)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(stats);
        _beside = false;
        _payroll.EndBeside(_diagnostics);
        _diagnostics.AddRange(diagnostics);
        _fileStats.AddRange(stats);
    }

    /// <summary>Adds one payroll row (after the punches); rows of ids not on the roster are ignored (R7).</summary>
    public void AddPayroll(in PayrollRow row)
    {
        _gate.Enter(InputOrder.Payroll);
        _payroll.Add(row);
    }

    /// <summary>Adds one <c>batches.csv</c> detail line, in file order, before the bank lines.</summary>
    public void AddBatchLine(in BatchRow row)
    {
        _gate.Enter(InputOrder.Batches);
        _statement.AddBatchLine(row);
    }

    /// <summary>Adds one statement line, in file order; a line that did not succeed (R39) is kept too, to be listed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BankRow.Status"/> is none of the values of <see cref="BankLineStatus"/>.</exception>
    public void AddBankLine(in BankRow row)
    {
        if (unchecked((uint)row.Status) > (uint)BankLineStatus.Reversed)
            throw new ArgumentOutOfRangeException(nameof(row), row.Status, "BankRow.Status is none of the values of BankLineStatus.");
        _gate.Enter(InputOrder.Bank);
        _statement.AddBankLine(row);
    }

    /// <summary>Adds one <c>rulings.csv</c> row (SPEC §7), after the bank lines; <paramref name="file"/> names it in evidence.</summary>
    public void AddRuling(in RulingRow row, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _gate.Enter(InputOrder.Rulings);
        _rulings.Add(new FindingRuling(
            System.Text.Encoding.ASCII.GetString(row.FindingId), row.Kind, _strings.Get(row.Reason), _strings.Get(row.Reviewer), row.Date, $"{file}:{row.Line}"));
    }

    /// <summary>Adds an unreadable row; it becomes a <c>DATA_ERROR</c> finding.</summary>
    public void AddDiagnostic(Diagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        _gate.NotCompleted(nameof(AddDiagnostic));
        _diagnostics.Add(d);
    }

    /// <summary>Adds the statistics of one input file, passed through to the summary.</summary>
    public void AddFileStats(InputFileStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        _gate.NotCompleted(nameof(AddFileStats));
        _fileStats.Add(stats);
    }

    /// <summary>Makes room for this many more statement and batch lines and txn-id bytes, so adding them allocates nothing.</summary>
    internal void ReserveLines(int bankLines, int batchLines, int txnIdBytes)
    {
        _gate.NotCompleted(nameof(ReserveLines));
        _statement.Reserve(bankLines, batchLines, txnIdBytes);
    }

    /// <summary>Bytes per line, at the least, of a statement and of a batch file as exports write them: a file of n bytes
    /// is taken to hold about n / this many lines (a file of shorter lines grows the stores as usual).</summary>
    internal const int StatementBytesPerLine = 64, BatchBytesPerLine = 48;

    /// <summary>Makes room in the line stores for the lines a <paramref name="kind"/> file of <paramref name="bytes"/> bytes
    /// is likely to hold, so that they are not copied as they grow (a statement of 73,000 lines: 23 MiB allocated
    /// and written across the arrays it doubled through, where one of 10 MiB does).</summary>
    internal void ReserveFor(Reading.InputKind kind, long bytes)
    {
        if (kind == Reading.InputKind.Bank) ReserveLines((int)Math.Clamp(bytes / StatementBytesPerLine, 0, 1 << 20), 0, 0);
        else if (kind == Reading.InputKind.Batches) ReserveLines(0, (int)Math.Clamp(bytes / BatchBytesPerLine, 0, 1 << 20), 0);
    }

    /// <summary>Runs every check and returns findings, ledger, summary and bank-line explanations.</summary>
    public ReconciliationResult Complete()
    {
        _gate.Complete();
        try
        {
            return CompleteChecked();
        }
        catch (OverflowException)
        {
            throw _sums.TooLarge(_settings.Code);
        }
    }

    private ReconciliationResult CompleteChecked()
    {
        var timings = _options.Timings;
        timings?.Restart();
        // The bank lines are classified and the worker-months made side by side when the host allows two threads: neither
        // reads what the other writes (the classification reads the roster's cards and names, the months write each
        // worker's months; each notes its place in a SumSite of its own and the calendar's findings wait in a list of
        // their own), and the findings come out in the order of one thread: the classification's, then the calendar's.
        // On one thread the bank lines come first, so that the classification's large tables (the processed lines, the
        // refund index) are allocated while the heap holds few small objects. An overflow is reported where one thread
        // meets it with the months first: in the months if they overflow too, else in the classification.
        bool classifyingOverflow = false;
        Allocator? allocator = null;
        void Classify()
        {
            try
            {
                _classifier.Run();
                allocator = new Allocator(_lines, _roster, new PaymentTerms(_asOf, _settings.AmountTolerance.Fen, _settings.GraceDays), _sums, _classifier.WagePaymentLines);
            }
            catch (OverflowException)
            {
                classifyingOverflow = true;
            }
        }
        void BuildMonths() => WorkerMonthBuilder.Build(_roster, _attendance, _payroll, _calendar, _settings, _asOf, _options.WorkersFile, _sums);
        if (_options.Threads > 1)
        {
            Reading.SideBySide.Run(2, part =>
            {
                if (part == 0) Classify();
                else BuildMonths();
            });
            timings?.Lap("engine: bank lines beside worker-months");
        }
        else
        {
            Classify();
            timings?.Lap("engine: bank lines");
            BuildMonths();
            timings?.Lap("engine: worker-months");
        }
        if (classifyingOverflow)
        {
            _sums.Restore(_classifierSums.Place);
            throw new OverflowException();
        }
        allocator!.Run(_options.Threads, _options.AllocationPaymentsPerThread);
        timings?.Lap("engine: allocation");

        // The rules, in the order their findings are listed before sorting (ids and report order come from FindingOrder).
        // The worker-month rules and the payment rules read what the allocation left and write only their own findings
        // and places, so with two threads they run side by side; their findings are then listed, and an overflow
        // reported, in the order of one thread: the months' first.
        void MonthFindings(SumSite sums, List<Finding> found)
        {
            var months = new MonthRules(_settings, _asOf, _options, _attendance, _lines, sums, found);
            months.ReportMonths(_roster.Workers);
            sums.At(null, 0); // what the headcount counts is no worker-month's sum
            months.ReportHeadcount(_roster.Workers);
        }
        void PaymentFindings(SumSite sums, List<Finding> found) => new PaymentRules(_settings, _lines, sums, found).Report(_roster.Workers);
        if (_options.Threads > 1)
        {
            var found = new[] { new List<Finding>(), new List<Finding>() };
            var sums = new[] { new SumSite(), new SumSite() };
            var overflowAt = new (string? File, long Line, int Period)?[2];
            Reading.SideBySide.Run(2, k =>
            {
                try
                {
                    if (k == 0) MonthFindings(sums[0], found[0]);
                    else PaymentFindings(sums[1], found[1]);
                }
                catch (OverflowException)
                {
                    overflowAt[k] = sums[k].Place;
                }
            });
            for (int k = 0; k < 2; k++)
            {
                _findings.AddRange(found[k]);
                if (overflowAt[k] is { } place)
                {
                    _sums.Restore(place);
                    throw new OverflowException();
                }
            }
        }
        else
        {
            MonthFindings(_sums, _findings);
            PaymentFindings(_sums, _findings);
        }
        new FundRules(_settings.LaborFunds, _asOf, _sums, _findings).Report(_classifier.LaborFundCredits);
        _roster.ReportUnderage();
        _attendance.ReportUnregistered(_findings);
        foreach (var d in _diagnostics) _findings.Add(DataErrors.Finding(d));
        new CauseRules(_statement, _options, _asOf).Link(_findings, _diagnostics);
        PersonalEvidence.Mark(_findings, _roster.Workers);
        timings?.Lap("engine: findings");

        var sorted = FindingOrder.Sort(_findings);
        var ids = FindingIds.Ids(_settings.Code, sorted);
        var followUp = FollowUp.FollowUpTracker.Apply(_settings.Code, _asOf, sorted, ids, _rulings, _options.Previous, FindingOrder.Sort);
        var findings = followUp.Findings;
        timings?.Lap("engine: sort findings, ids, follow-up");
        var ledger = LedgerBuilder.Build(_roster.Workers, _settings.AmountTolerance.Fen, _options.WorkersFile, _sums);
        _sums.At(null, 0);
        var summary = SummaryBuilder.Build(
            _settings, _asOf, findings, _roster.Workers, _lines, _classifier, _statement.NewestFirst, _fileStats.ToArray(), _options.WorkersFile, _sums);
        var bankLines = _lines.Snapshot(_roster, allocator.Allocations);
        timings?.Lap("engine: ledger, summary");
        return new ReconciliationResult
        {
            Settings = _settings,
            Findings = findings,
            Ledger = ledger,
            Summary = summary,
            BankLines = bankLines,
            Diagnostics = _diagnostics.ToArray(),
            Resolved = followUp.Resolved,
            History = followUp.History,
            Rulings = _rulings.ToArray(),
            PreviousAsOf = _options.Previous?.AsOf,
        };
    }
}
