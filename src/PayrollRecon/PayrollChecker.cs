using System.Runtime.ExceptionServices;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;

namespace PayrollRecon;

/// <summary>Checks one project: reads every input once, front to back, and reconciles it (SPEC §3).</summary>
/// <remarks>
/// Inputs are read in dependency order: calendar, roster, attendance, payroll, batches, then the bank statement. With
/// two threads or more, the payroll sheet, the batch file and the bank statement are read on one more thread while the
/// attendance is read (they do not depend on it), with the same outputs and errors as one reader of each file in turn.
/// Memory grows with workers × months, not with the number of punches or statement lines.
/// </remarks>
public static partial class PayrollChecker
{
    /// <summary>Checks a project asynchronously: the task is returned at once and the check runs on the thread pool.</summary>
    /// <remarks>
    /// Reads of files and buffers complete inline, so without a yield the whole check would run on the caller's thread
    /// before the task came back (a request or UI thread blocked for the check's length). The caller's
    /// <see cref="SynchronizationContext"/> is not captured: progress reaches it only through the host's own
    /// <see cref="IProgress{T}"/> (e.g. <see cref="Progress{T}"/>). Results, errors and cancellation are those of
    /// <see cref="Check"/>; every error, argument errors included, is given through the task.
    /// </remarks>
    /// <exception cref="PayrollDataException">A required column is missing, or (strict mode) a row cannot be read.</exception>
    public static async Task<ReconciliationResult> CheckAsync(
        CheckInputs inputs, CheckOptions options = default, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        return await RunAsync(inputs, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a project, recording the time of every phase in <see cref="CheckOptions.Timings"/> when given.</summary>
    private static async Task<ReconciliationResult> RunAsync(
        CheckInputs inputs, CheckOptions options, IProgress<CheckProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(inputs, options);
        var timings = options.Timings;
        var settings = inputs.Settings with { AsOf = options.AsOf ?? inputs.Settings.AsOf ?? DateOnly.FromDateTime(DateTime.Now) };
        CheckPrevious(inputs.Previous, settings);
        int threads = AttendanceThreads(options);
        var engine = new Reconciler(settings, new ReconcilerOptions
        {
            WorkersFile = inputs.Workers.Name,
            BankFile = inputs.Bank.Name,
            AttendanceFile = inputs.Attendance?.Name ?? InputKinds.DefaultFileName(InputKind.Attendance),
            PayrollFile = inputs.Payroll?.Name ?? InputKinds.DefaultFileName(InputKind.Payroll),
            BatchesFile = inputs.Batches?.Name ?? InputKinds.DefaultFileName(InputKind.Batches),
            CalendarFile = inputs.Calendar?.Name ?? InputKinds.DefaultFileName(InputKind.Calendar),
            AttendanceSupplied = inputs.Attendance is not null,
            BatchesSupplied = inputs.Batches is not null,
            Timings = timings,
            Previous = inputs.Previous,
            Threads = threads,
        });
        var readerOptions = ReaderOptions(options);

        if (inputs.Calendar is { } calendar)
            await ReadAsync<CalendarReader>(calendar, InputKind.Calendar, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddCalendar(in row); }, cancellationToken).ConfigureAwait(false);
        await ReadAsync<WorkersReader>(inputs.Workers, InputKind.Workers, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddWorker(in row); }, cancellationToken).ConfigureAwait(false);
        var bankOptions = readerOptions with { ExpectedAccount = settings.Account };
        if (inputs.Attendance is { } attendance && threads >= 2)
        {
            await ReadBesideAttendanceAsync(inputs, attendance, readerOptions, bankOptions, engine, threads, progress, timings, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (inputs.Attendance is { } alone)
                await ReadAsync<AttendanceReader>(alone, InputKind.Attendance, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddPunch(in row); }, cancellationToken).ConfigureAwait(false);
            await ReadAfterAttendanceAsync(inputs, readerOptions, bankOptions, engine, sink: null, progress, timings, cancellationToken).ConfigureAwait(false);
        }
        if (inputs.Rulings is { } rulings)
        {
            string rulingsFile = rulings.Name;
            await ReadAsync<RulingsReader>(rulings, InputKind.Rulings, readerOptions, engine, progress, timings, (r, e) => { while (r.TryRead(out var row)) e.AddRuling(in row, rulingsFile); }, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return engine.Complete();
    }

    /// <summary>Checks a project on the calling thread.</summary>
    /// <exception cref="PayrollDataException">A required column is missing, or (strict mode) a row cannot be read.</exception>
    public static ReconciliationResult Check(
        CheckInputs inputs, CheckOptions options = default, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // The readers complete synchronously over file and memory streams; the async path stays allocation-light per buffer.
        return RunAsync(inputs, options, progress, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>The largest record length a host may ask for: the reader's window is about this much plus 128 KiB, per input.</summary>
    public const int MaxRecordBytesLimit = 64 << 20;

    /// <summary>Settings and options a host builds in code are held to the ranges <c>project.json</c> is (SPEC §2.2).</summary>
    /// <remarks>An <see cref="ArgumentOutOfRangeException"/> is one line: its message says the value once, so it is made
    /// without <c>actualValue</c> (which would append a second line, <c>Actual value was …</c>).</remarks>
    private static void Validate(CheckInputs inputs, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Settings is not { } s) throw new ArgumentException("CheckInputs.Settings is required", nameof(inputs));
        if (inputs.Workers is null) throw new ArgumentException("CheckInputs.Workers is required", nameof(inputs));
        if (inputs.Bank is null) throw new ArgumentException("CheckInputs.Bank is required", nameof(inputs));
        if (string.IsNullOrWhiteSpace(s.Code)) throw new ArgumentException("ProjectSettings.Code must not be empty", nameof(inputs));
        Range(s.PayDay, 1, 31, "ProjectSettings.PayDay");
        Range(s.PayMonthOffset, 0, Project.ProjectSettingsReader.MaxPayMonthOffset, "ProjectSettings.PayMonthOffset");
        Range(s.GraceDays, 0, Project.ProjectSettingsReader.MaxGraceDays, "ProjectSettings.GraceDays");
        NotNegative(s.AmountTolerance, "ProjectSettings.AmountTolerance");
        NotNegative(s.MonthlyCap, "ProjectSettings.MonthlyCap");
        NotNegative(s.YearlyCap, "ProjectSettings.YearlyCap");
        if (s.MinimumWageMonthly is { } monthly) NotNegative(monthly, "ProjectSettings.MinimumWageMonthly");
        if (s.MinimumWageHourly is { } hourly) NotNegative(hourly, "ProjectSettings.MinimumWageHourly");
        if (s.LaborFunds is null) throw new ArgumentException("ProjectSettings.LaborFunds must not be null (use an empty list)", nameof(inputs));
        for (int i = 0; i < s.LaborFunds.Count; i++)
        {
            if (s.LaborFunds[i] is not { } item) throw new ArgumentException($"ProjectSettings.LaborFunds[{i}] must not be null", nameof(inputs));
            NotNegative(item.Amount, $"ProjectSettings.LaborFunds[{i}].Amount");
            InYears(item.Period.Year, $"ProjectSettings.LaborFunds[{i}].Period", "a month", item.Period.ToString());
            InDateYears(item.DueDate, $"ProjectSettings.LaborFunds[{i}].DueDate");
        }
        if (s.AsOf is { } settingsAsOf) InDateYears(settingsAsOf, "ProjectSettings.AsOf");
        Range(options.MaxRecordBytes, 0, MaxRecordBytesLimit, "CheckOptions.MaxRecordBytes");
        Range(options.MaxDegreeOfParallelism, 0, MaxDegreeOfParallelismLimit, "CheckOptions.MaxDegreeOfParallelism");
        if (options.AsOf is { } asOf) InDateYears(asOf, "CheckOptions.AsOf");

        static void Range(int value, int min, int max, string name)
        {
            if (value < min || value > max) throw new ArgumentOutOfRangeException(name, $"{name} must be from {min} to {max}, was {value}");
        }

        // The dates of the settings are held to the years of the inputs' dates (as project.json's are): due dates and
        // ages are counted from the as-of date, and the labour funds' months sit beside the workers'.
        static void InYears(int year, string name, string what, string shown)
        {
            if (!EngineLimits.InPeriodRange(year))
                throw new ArgumentOutOfRangeException(name, $"{name} must be {what} of the years {Parsing.DateParser.MinYear} to {Parsing.DateParser.MaxYear}, was {shown}");
        }

        static void InDateYears(DateOnly value, string name) =>
            InYears(value.Year, name, "a date", value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        static void NotNegative(Model.Money value, string name)
        {
            if (value.Fen < 0) throw new ArgumentOutOfRangeException(name, $"{name} must not be negative, was {value}");
        }
    }

    /// <summary>SPEC §7: a previous run of another project, or of a later date, is refused.</summary>
    private static void CheckPrevious(FollowUp.PreviousRun? previous, Project.ProjectSettings settings)
    {
        if (previous is null) return;
        if (!string.Equals(previous.ProjectCode, settings.Code, StringComparison.Ordinal))
            throw new PayrollDataException(previous.Source, new Reporting.LocalizedText(Reporting.MessageKey.PreviousOtherProject, previous.SourceText, previous.ProjectCode, settings.Code));
        if (previous.AsOf > settings.AsOf)
            throw new PayrollDataException(previous.Source, new Reporting.LocalizedText(Reporting.MessageKey.PreviousLaterAsOf, previous.SourceText, Date(previous.AsOf), Date(settings.AsOf)));
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static InputReaderOptions ReaderOptions(CheckOptions options)
    {
        var readerOptions = new InputReaderOptions { Strict = options.Strict };
        return options.MaxRecordBytes > 0 ? readerOptions with { MaxRecordBytes = options.MaxRecordBytes } : readerOptions;
    }

    /// <summary>
    /// Reads the payroll sheet, the batch file and the bank statement, in that order (each when given). With a
    /// <paramref name="sink"/>, their diagnostics and statistics are kept there instead of given to the engine (see
    /// <see cref="ReadBesideAttendanceAsync"/>).
    /// </summary>
    private static async Task ReadAfterAttendanceAsync(
        CheckInputs inputs,
        InputReaderOptions readerOptions,
        InputReaderOptions bankOptions,
        Reconciler engine,
        BesideReads? sink,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        CancellationToken cancellationToken)
    {
        if (inputs.Payroll is { } payroll)
            await ReadAsync<PayrollReader>(payroll, InputKind.Payroll, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddPayroll(in row); }, cancellationToken, sink).ConfigureAwait(false);
        if (inputs.Batches is { } batches)
            await ReadAsync<BatchesReader>(batches, InputKind.Batches, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddBatchLine(in row); }, cancellationToken, sink).ConfigureAwait(false);
        await ReadAsync<BankReader>(inputs.Bank, InputKind.Bank, bankOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddBankLine(in row); }, cancellationToken, sink).ConfigureAwait(false);
    }

    /// <summary>
    /// The reads of the payroll sheet, the batch file and the bank statement on a thread of their own beside the
    /// attendance file's, keeping the files' diagnostics and statistics (in the order a reader in file order would have
    /// given them to the engine) and the error they stopped with until the punches are in.
    /// </summary>
    private sealed class BesideReads : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Thread _thread;

        /// <summary>Starts <paramref name="read"/> on a thread of its own (not the pool's, see <see cref="SideBySide"/>).</summary>
        public BesideReads(Func<BesideReads, CancellationToken, Task> read, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _thread = new Thread(() =>
            {
                try
                {
                    read(this, _stop.Token).GetAwaiter().GetResult();
                }
                catch (Exception e)
                {
                    Error = ExceptionDispatchInfo.Capture(e);
                }
            }) { IsBackground = true, Name = "PayrollRecon beside attendance" };
        }

        public List<Diagnostic> Diagnostics { get; } = [];

        public List<InputFileStats> Stats { get; } = [];

        /// <summary>The error the reads stopped with, if any (read it after <see cref="Join"/>).</summary>
        public ExceptionDispatchInfo? Error { get; private set; }

        public void Start() => _thread.Start();

        /// <summary>Waits for the reads to end; with <paramref name="stop"/>, asks them to stop early first.</summary>
        public void Join(bool stop = false)
        {
            if (stop) _stop.Cancel();
            _thread.Join();
        }

        public void Dispose() => _stop.Dispose();
    }

    /// <summary>
    /// Reads the attendance file on this thread (in parts on <paramref name="threads"/> threads when it can be cut)
    /// while one more thread reads the payroll sheet, the batch file and the bank statement: they do not depend on the
    /// punches, and the engine ends as if they had been read after them (see <see cref="Reconciler.BeginBeside"/>).
    /// </summary>
    /// <remarks>
    /// The other reads are short next to a large attendance file's; with one thread more than the cores, the system
    /// shares the cores among all three, so the parts end at about the time they would if the other reads were spread
    /// over them. The error a reader in file order meets first is the one raised: the attendance file's, then the
    /// worker-month cap counted with the punches, then the other files'. Progress of the other files is reported on
    /// this thread once the punches are in; the timings show the attendance read (CPU time including the other
    /// reads') and then any wait for the other reads.
    /// </remarks>
    private static async Task ReadBesideAttendanceAsync(
        CheckInputs inputs,
        InputSource attendance,
        InputReaderOptions readerOptions,
        InputReaderOptions bankOptions,
        Reconciler engine,
        int threads,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        CancellationToken cancellationToken)
    {
        using var beside = new BesideReads(
            (sink, token) => ReadAfterAttendanceAsync(inputs, readerOptions, bankOptions, engine, sink, progress: null, timings: null, token), cancellationToken);
        engine.BeginBeside(beside.Diagnostics);
        beside.Start();
        try
        {
            if (!ReadAttendanceInParts(attendance, readerOptions, engine, threads, progress, timings, out long reported, cancellationToken))
            {
                var single = progress is not null && reported > 0 ? new FloorProgress(progress, reported) : progress;
                await ReadAsync<AttendanceReader>(attendance, InputKind.Attendance, readerOptions, engine, single, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddPunch(in row); }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // The attendance file's error comes first; the other reads stop early and are waited for, so that nothing of
            // this check runs on after it has failed.
            beside.Join(stop: true);
            throw;
        }
        beside.Join();
        engine.EndBeside(beside.Diagnostics, beside.Stats);
        beside.Error?.Throw();
        long bytes = 0;
        foreach (var stats in beside.Stats)
        {
            bytes += stats.Bytes;
            progress?.Report(new CheckProgress(stats.File, stats.Bytes));
        }
        timings?.Lap("read " + string.Join(", ", beside.Stats.Select(static s => s.File)) + " beside", bytes);
    }

    private static async Task ReadAsync<TReader>(
        InputSource source,
        InputKind kind,
        InputReaderOptions options,
        Reconciler engine,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        Action<TReader, Reconciler> drain,
        CancellationToken cancellationToken,
        BesideReads? sink = null)
        where TReader : InputReader
    {
        var diagnostics = new List<Diagnostic>();
        // A host's source that yields no stream is a defect of the host, named here rather than as a NullReferenceException deep in a reader.
        var stream = source.Open() ?? throw new ArgumentException($"{source.Name}: InputSource.Open returned null instead of a readable stream", nameof(source));
        TReader reader;
        try
        {
            reader = (TReader)InputKinds.CreateReader(kind, stream, source.Name, options with { Diagnostics = diagnostics, LeaveOpen = false });
        }
        catch
        {
            // The reader owns the stream only once it exists.
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        using var _ = reader;
        if (stream switch { SequentialFileStream file => file.Length, { CanSeek: true } seekable => seekable.Length, _ => -1L } is >= 0 and var length)
            engine.ReserveFor(kind, length);
        // A fill that reads no more bytes (the last records of a buffer) is not reported again.
        long reported = -1;
        while (await reader.FillAsync(cancellationToken).ConfigureAwait(false))
        {
            drain(reader, engine);
            if (progress is not null && reader.BytesRead > reported)
            {
                reported = reader.BytesRead;
                progress.Report(new CheckProgress(source.Name, reported));
            }
        }
        drain(reader, engine);
        var stats = reader.Stats;
        if (sink is not null)
        {
            sink.Diagnostics.AddRange(diagnostics);
            sink.Stats.Add(stats);
            return;
        }
        foreach (var d in diagnostics) engine.AddDiagnostic(d);
        engine.AddFileStats(stats);
        timings?.Lap("read " + source.Name, stats.Bytes);
    }
}
