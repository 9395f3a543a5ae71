using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;

namespace PayrollRecon;

/// <summary>Checks one project: reads every input once, front to back, and reconciles it (SPEC §3).</summary>
/// <remarks>
/// Inputs are read in dependency order: calendar, roster, attendance, payroll, batches, then the bank statement.
/// Memory grows with workers × months, not with the number of punches or statement lines.
/// </remarks>
public static class PayrollChecker
{
    /// <summary>Checks a project asynchronously.</summary>
    /// <exception cref="PayrollDataException">A required column is missing, or (strict mode) a row cannot be read.</exception>
    public static Task<ReconciliationResult> CheckAsync(
        CheckInputs inputs, CheckOptions options = default, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options, progress, timings: null, cancellationToken);

    /// <summary>Checks a project, recording the wall time of every phase in <paramref name="timings"/> when given.</summary>
    internal static async Task<ReconciliationResult> RunAsync(
        CheckInputs inputs, CheckOptions options, IProgress<CheckProgress>? progress, CheckTimings? timings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var settings = inputs.Settings with { AsOf = options.AsOf ?? inputs.Settings.AsOf ?? DateOnly.FromDateTime(DateTime.Now) };
        var engine = new Reconciler(settings)
        {
            WorkersFile = inputs.Workers.Name,
            BankFile = inputs.Bank.Name,
            AttendanceFile = inputs.Attendance?.Name ?? "attendance.csv",
            PayrollFile = inputs.Payroll?.Name ?? "payroll.csv",
            BatchesFile = inputs.Batches?.Name ?? "batches.csv",
            Timings = timings,
        };
        var readerOptions = ReaderOptions(options);

        if (inputs.Calendar is { } calendar)
            await ReadAsync(calendar, readerOptions, engine, progress, timings, CalendarReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddCalendar(in row); }, cancellationToken).ConfigureAwait(false);
        await ReadAsync(inputs.Workers, readerOptions, engine, progress, timings, WorkersReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddWorker(in row); }, cancellationToken).ConfigureAwait(false);
        engine.AttendanceSupplied = inputs.Attendance is not null;
        if (inputs.Attendance is { } attendance)
            await ReadAsync(attendance, readerOptions, engine, progress, timings, AttendanceReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddPunch(in row); }, cancellationToken).ConfigureAwait(false);
        if (inputs.Payroll is { } payroll)
            await ReadAsync(payroll, readerOptions, engine, progress, timings, PayrollReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddPayroll(in row); }, cancellationToken).ConfigureAwait(false);
        engine.BatchesSupplied = inputs.Batches is not null;
        if (inputs.Batches is { } batches)
            await ReadAsync(batches, readerOptions, engine, progress, timings, BatchesReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddBatchLine(in row); }, cancellationToken).ConfigureAwait(false);
        await ReadAsync(inputs.Bank, readerOptions with { ExpectedAccount = settings.Account }, engine, progress, timings, BankReader.Create, static (r, e) => { while (r.TryRead(out var row)) e.AddBankLine(in row); }, cancellationToken).ConfigureAwait(false);

        cancellationToken.ThrowIfCancellationRequested();
        return engine.Complete();
    }

    /// <summary>Checks a project on the calling thread.</summary>
    /// <exception cref="PayrollDataException">A required column is missing, or (strict mode) a row cannot be read.</exception>
    public static ReconciliationResult Check(
        CheckInputs inputs, CheckOptions options = default, IProgress<CheckProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // The readers complete synchronously over file and memory streams; the async path stays allocation-light per buffer.
        return RunAsync(inputs, options, progress, timings: null, cancellationToken).GetAwaiter().GetResult();
    }

    private static InputReaderOptions ReaderOptions(CheckOptions options)
    {
        var readerOptions = new InputReaderOptions { Strict = options.Strict };
        return options.MaxRecordBytes > 0 ? readerOptions with { MaxRecordBytes = options.MaxRecordBytes } : readerOptions;
    }

    private static async Task ReadAsync<TReader>(
        InputSource source,
        InputReaderOptions options,
        Reconciler engine,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        Func<Stream, string, InputReaderOptions, TReader> create,
        Action<TReader, Reconciler> drain,
        CancellationToken cancellationToken)
        where TReader : InputReader
    {
        var diagnostics = new List<Diagnostic>();
        var stream = source.Open();
        TReader reader;
        try
        {
            reader = create(stream, source.Name, options with { Diagnostics = diagnostics, LeaveOpen = false });
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
