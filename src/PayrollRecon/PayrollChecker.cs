using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;

namespace PayrollRecon;

/// <summary>Checks one project: reads every input once, front to back, and reconciles it (SPEC §3).</summary>
/// <remarks>
/// Inputs are read in dependency order: calendar, roster, attendance, payroll, batches, then the bank statement.
/// Memory grows with workers × months, not with the number of punches or statement lines.
/// </remarks>
public static partial class PayrollChecker
{
    /// <summary>Checks a project asynchronously.</summary>
    /// <exception cref="PayrollDataException">A required column is missing, or (strict mode) a row cannot be read.</exception>
    public static Task<ReconciliationResult> CheckAsync(
        CheckInputs inputs, CheckOptions options = default, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options, progress, cancellationToken);

    /// <summary>Checks a project, recording the time of every phase in <see cref="CheckOptions.Timings"/> when given.</summary>
    private static async Task<ReconciliationResult> RunAsync(
        CheckInputs inputs, CheckOptions options, IProgress<CheckProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(inputs, options);
        var timings = options.Timings;
        var settings = inputs.Settings with { AsOf = options.AsOf ?? inputs.Settings.AsOf ?? DateOnly.FromDateTime(DateTime.Now) };
        CheckPrevious(inputs.Previous, settings);
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
        });
        var readerOptions = ReaderOptions(options);

        if (inputs.Calendar is { } calendar)
            await ReadAsync<CalendarReader>(calendar, InputKind.Calendar, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddCalendar(in row); }, cancellationToken).ConfigureAwait(false);
        await ReadAsync<WorkersReader>(inputs.Workers, InputKind.Workers, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddWorker(in row); }, cancellationToken).ConfigureAwait(false);
        if (inputs.Attendance is { } attendance && !ReadAttendanceInParts(attendance, readerOptions, engine, AttendanceThreads(options), progress, timings, cancellationToken))
            await ReadAsync<AttendanceReader>(attendance, InputKind.Attendance, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddPunch(in row); }, cancellationToken).ConfigureAwait(false);
        if (inputs.Payroll is { } payroll)
            await ReadAsync<PayrollReader>(payroll, InputKind.Payroll, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddPayroll(in row); }, cancellationToken).ConfigureAwait(false);
        if (inputs.Batches is { } batches)
            await ReadAsync<BatchesReader>(batches, InputKind.Batches, readerOptions, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddBatchLine(in row); }, cancellationToken).ConfigureAwait(false);
        await ReadAsync<BankReader>(inputs.Bank, InputKind.Bank, readerOptions with { ExpectedAccount = settings.Account }, engine, progress, timings, static (r, e) => { while (r.TryRead(out var row)) e.AddBankLine(in row); }, cancellationToken).ConfigureAwait(false);
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
        }
        Range(options.MaxRecordBytes, 0, MaxRecordBytesLimit, "CheckOptions.MaxRecordBytes");
        Range(options.MaxDegreeOfParallelism, 0, MaxDegreeOfParallelismLimit, "CheckOptions.MaxDegreeOfParallelism");

        static void Range(int value, int min, int max, string name)
        {
            if (value < min || value > max) throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {min} to {max}, was {value}");
        }

        static void NotNegative(Model.Money value, string name)
        {
            if (value.Fen < 0) throw new ArgumentOutOfRangeException(name, value.ToString(), $"{name} must not be negative, was {value}");
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

    private static async Task ReadAsync<TReader>(
        InputSource source,
        InputKind kind,
        InputReaderOptions options,
        Reconciler engine,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        Action<TReader, Reconciler> drain,
        CancellationToken cancellationToken)
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
        while (await reader.FillAsync(cancellationToken).ConfigureAwait(false))
        {
            drain(reader, engine);
            progress?.Report(new CheckProgress(source.Name, reader.Stats.Bytes));
        }
        drain(reader, engine);
        foreach (var d in diagnostics) engine.AddDiagnostic(d);
        var stats = reader.Stats;
        engine.AddFileStats(stats);
        timings?.Lap("read " + source.Name, stats.Bytes);
    }
}
