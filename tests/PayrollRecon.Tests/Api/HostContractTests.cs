using System.Text;

using PayrollRecon.Cli;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Cli;

namespace PayrollRecon.Tests.Api;

/// <summary>What a .NET host (a web request, a UI, an upload) may count on: CheckAsync gives its thread back at once,
/// a host's opener is called once, progress of the attendance file comes as it is read, arguments are checked where they
/// are given, and errors say where they are with the same place in their properties as in their message.</summary>
public sealed class HostContractTests
{
    private static CheckInputs Sample() => ProjectFolder.Load(Path.Combine(RepoPaths.Fixtures, "sample-project"));

    private static string Findings(ReconciliationResult result)
    {
        using var buffer = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, buffer);
        ReportWriter.WriteLedgerCsv(result, buffer);
        ReportWriter.WriteSummaryJson(result, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A context that counts what is posted or sent to it (and runs it on the pool).</summary>
    private sealed class RecordingContext : SynchronizationContext
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _calls);
            base.Post(d, state);
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _calls);
            base.Send(d, state);
        }
    }

    [Fact]
    public async Task CheckAsync_CalledOnAThreadWithAContext_ReturnsBeforeTheFirstInputIsOpenedAndPostsNothing()
    {
        var inputs = Sample();
        var calendar = inputs.Calendar!;
        using var gate = new ManualResetEventSlim();
        int openedOn = 0;
        // The first input a check opens waits for the test to let it go: a check on the caller's thread would hold the
        // caller here until the wait times out.
        var gated = inputs with
        {
            Calendar = calendar with
            {
                Open = () =>
                {
                    openedOn = Environment.CurrentManagedThreadId;
                    gate.Wait(TimeSpan.FromSeconds(10));
                    return calendar.Open();
                },
            },
        };
        var context = new RecordingContext();
        Task<ReconciliationResult>? task = null;
        bool completedOnReturn = true;
        int callerThread = 0;
        var caller = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            callerThread = Environment.CurrentManagedThreadId;
            task = PayrollChecker.CheckAsync(gated, new CheckOptions { MaxDegreeOfParallelism = 2 });
            completedOnReturn = task.IsCompleted;
        });
        caller.Start();
        caller.Join();
        gate.Set();
        var result = await task!;

        Assert.False(completedOnReturn);
        Assert.NotEqual(callerThread, openedOn);
        Assert.Equal(0, context.Calls);
        Assert.Equal(Findings(PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = 2 })), Findings(result));
    }

    [Fact]
    public async Task CheckAsync_PreCancelledOrBadOptions_ErrorsComeThroughTheTask()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var pending = PayrollChecker.CheckAsync(Sample(), cancellationToken: cancelled.Token);
        var bad = PayrollChecker.CheckAsync(Sample(), new CheckOptions { MaxDegreeOfParallelism = -1 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => bad);
        Assert.Equal("CheckOptions.MaxDegreeOfParallelism", error.ParamName);
    }

    /// <summary>A stream that can only be read forward, as from a network.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [Theory]
    [InlineData("upload", 2)]
    [InlineData("upload", 4)]
    [InlineData("forward-only", 2)]
    [InlineData("fresh-memory", 2)]
    public void Check_AttendanceFromAHostsOpener_OpenedOnceReadInOnePassSameOutputs(string kind, int threads)
    {
        var inputs = Sample();
        byte[] bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"));
        int opens = 0;
        using var upload = new MemoryStream(bytes, writable: false);
        Func<Stream> open = kind switch
        {
            // One stream handed over once, as an upload is: a second Open would give it back disposed.
            "upload" => () => upload,
            "forward-only" => () => new ForwardOnlyStream(new MemoryStream(bytes)),
            _ => () => new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true),
        };
        var counted = new InputSource("attendance.csv", () =>
        {
            Interlocked.Increment(ref opens);
            return open();
        });
        var timings = new CheckTimings();

        var result = PayrollChecker.Check(inputs with { Attendance = counted }, new CheckOptions { MaxDegreeOfParallelism = threads, Timings = timings });

        Assert.Equal(1, opens);
        Assert.Contains("read attendance.csv ", timings.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("parts", timings.Describe(), StringComparison.Ordinal);
        Assert.Equal(Findings(PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = 1 })), Findings(result));
    }

    [Fact]
    public void Check_AttendanceFromBytesRenamed_StillReadInParts()
    {
        var inputs = Sample();
        byte[] bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"));
        var renamed = InputSource.FromBytes("punches.csv", bytes) with { Name = "attendance.csv" };
        var timings = new CheckTimings();

        var result = PayrollChecker.Check(inputs with { Attendance = renamed }, new CheckOptions { MaxDegreeOfParallelism = 2, Timings = timings });

        Assert.Contains("read attendance.csv, 2 parts", timings.Describe(), StringComparison.Ordinal);
        Assert.Equal(Findings(PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = 1 })), Findings(result));
    }

    /// <summary>Records the reports of one file, and whether two ever overlapped.</summary>
    private sealed class RecordingProgress(string file) : IProgress<CheckProgress>
    {
        private readonly Lock _lock = new();
        private readonly List<long> _bytes = [];
        private int _inside;

        public bool Overlapped { get; private set; }

        public long[] Bytes
        {
            get
            {
                lock (_lock) return [.. _bytes];
            }
        }

        public void Report(CheckProgress value)
        {
            if (Interlocked.Increment(ref _inside) > 1) Overlapped = true;
            Thread.Sleep(0);
            if (value.File == file)
            {
                lock (_lock) _bytes.Add(value.BytesRead);
            }
            Interlocked.Decrement(ref _inside);
        }
    }

    /// <summary>The sample's attendance eight times over (3.3 MB), with <paramref name="tail"/> at its end.</summary>
    private static byte[] LargeAttendance(string tail = "")
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "sample-project", "attendance.csv"), Encoding.UTF8);
        int bodyAt = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var all = new StringBuilder(text);
        for (int i = 1; i < 8; i++) all.Append(text, bodyAt, text.Length - bodyAt);
        return Encoding.UTF8.GetBytes(all.Append(tail).ToString());
    }

    [Fact]
    public void Check_AttendanceReadInParts_ReportsItsBytesAsThePartsGoOneAtATimeRising()
    {
        byte[] bytes = LargeAttendance();
        var inputs = Sample() with { Attendance = InputSource.FromBytes("attendance.csv", bytes) };
        var progress = new RecordingProgress("attendance.csv");
        var timings = new CheckTimings();

        PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = 2, Timings = timings }, progress);

        Assert.Contains("read attendance.csv, 2 parts", timings.Describe(), StringComparison.Ordinal);
        long[] reports = progress.Bytes;
        Assert.True(reports.Length >= 8, $"{reports.Length} reports: {string.Join(", ", reports)}");
        Assert.True(reports.Zip(reports.Skip(1)).All(static p => p.First < p.Second), string.Join(", ", reports));
        Assert.Equal(bytes.Length, reports[^1]);
        Assert.False(progress.Overlapped);
    }

    [Fact]
    public void Check_PartsGiveWayToOneReader_ReportsNeverGoBack()
    {
        // A quoted field at the end: the parts are read, then not trusted, and one reader reads the file again.
        byte[] bytes = LargeAttendance("410303198506130135,2024-06-28 07:00:00,进,\"LY0017,GATE1\"\n");
        var inputs = Sample() with { Attendance = InputSource.FromBytes("attendance.csv", bytes) };
        var progress = new RecordingProgress("attendance.csv");
        var timings = new CheckTimings();

        PayrollChecker.Check(inputs, new CheckOptions { MaxDegreeOfParallelism = 2, Timings = timings }, progress);

        Assert.DoesNotContain("parts", timings.Describe(), StringComparison.Ordinal);
        long[] reports = progress.Bytes;
        Assert.True(reports.Length >= 2, string.Join(", ", reports));
        Assert.True(reports.Zip(reports.Skip(1)).All(static p => p.First < p.Second), string.Join(", ", reports));
        Assert.Equal(bytes.Length, reports[^1]);
    }

    [Fact]
    public void InputSource_NullNameOrOpener_ArgumentNullExceptionWhereItIsGiven()
    {
        Assert.Equal("Name", Assert.Throws<ArgumentNullException>(() => new InputSource(null!, () => Stream.Null)).ParamName);
        Assert.Equal("Open", Assert.Throws<ArgumentNullException>(() => new InputSource("bank.csv", null!)).ParamName);
        var source = InputSource.FromBytes("bank.csv", [1]);
        Assert.Equal("Name", Assert.Throws<ArgumentNullException>(() => source with { Name = null! }).ParamName);
        Assert.Equal("Open", Assert.Throws<ArgumentNullException>(() => source with { Open = null! }).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => InputSource.FromFile(null!)).ParamName);
        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => InputSource.FromBytes("bank.csv", null!)).ParamName);
    }

    private const string TooLarge = "a sum of amounts goes past 92 233 720 368 547 758.07 yuan here and cannot be held exactly";

    // 50,000,000,000,000,000.00 yuan is 5e18 fen: one fits in long, two do not.
    private const string Half = "50000000000000000.00";

    public static TheoryData<string, string, long> SumOverflows() => new()
    {
        { "bank", "bank.csv", 4 },
        { "payroll", "payroll.csv", 3 },
        { "month", "workers.csv", 3 },
    };

    [Theory]
    [MemberData(nameof(SumOverflows))]
    public void Check_SumOverflows_FileAndLineAsTheMessageNamesThem(string where, string file, long line)
    {
        var files = TempProject.Small();
        switch (where)
        {
            case "bank":
                files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                                    $"T1,2024-01-02 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                                    "T2,2024-01-03 09:00,C,1.00,,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                                    $"T3,2024-01-04 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n";
                break;
            case "payroll":
                files["payroll.csv"] = "id_number,period,gross,deductions,net\n" +
                                       $"110105199003070017,2024-01,{Half},0,{Half}\n" +
                                       $"110105199003070017,2024-01,{Half},0,{Half}\n";
                break;
            default:
                files["workers.csv"] = files["workers.csv"].Replace("110105199003070025,6222020200112233446,甲劳务有限公司,daily,300", $"110105199003070025,6222020200112233446,甲劳务有限公司,daily,{Half}", StringComparison.Ordinal);
                files["attendance.csv"] += "110105199003070025,2024-01-09 07:30\n";
                break;
        }
        using var project = new TempProject(files);

        var e = Assert.Throws<PayrollDataException>(() => PayrollChecker.Check(ProjectFolder.Load(project.Dir)));

        Assert.Equal(where == "month" ? $"{file}:{line} (month 2024-01): {TooLarge}" : $"{file}:{line}: {TooLarge}", e.Message);
        Assert.Equal(file, e.File);
        Assert.Equal(line, e.Line);
        Assert.Null(e.Diagnostic);
    }

    [Fact]
    public void SumSite_ProjectTotalsOverflow_LineZeroForTheProjectsTotals()
    {
        var e = new SumSite().TooLarge("T-1");

        Assert.Equal($"the project's totals: {TooLarge}", e.Message);
        Assert.Equal("T-1", e.File);
        Assert.Equal(0, e.Line);
    }

    public static TheoryData<DateOnly> AsOfOutOfRange() => [DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1899, 12, 31), new DateOnly(2200, 1, 1)];

    [Theory]
    [MemberData(nameof(AsOfOutOfRange))]
    public async Task CheckAsync_AsOfOutsideTheYearsOfTheInputs_ArgumentOutOfRange(DateOnly asOf)
    {
        string date = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sample = Sample();
        var option = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PayrollChecker.CheckAsync(sample, new CheckOptions { AsOf = asOf }));
        var inSettings = Assert.Throws<ArgumentOutOfRangeException>(() => PayrollChecker.Check(sample with { Settings = sample.Settings with { AsOf = asOf } }));

        Assert.Equal("CheckOptions.AsOf", option.ParamName);
        Assert.Equal($"CheckOptions.AsOf must be a date of the years 1900 to 2199, was {date} (Parameter 'CheckOptions.AsOf')", option.Message);
        Assert.Equal("ProjectSettings.AsOf", inSettings.ParamName);
        Assert.Equal($"ProjectSettings.AsOf must be a date of the years 1900 to 2199, was {date} (Parameter 'ProjectSettings.AsOf')", inSettings.Message);
    }

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(2199, 12, 31)]
    public void Check_AsOfAtTheEndsOfTheYears_Checks(int year, int month, int day)
    {
        var result = PayrollChecker.Check(Sample(), new CheckOptions { AsOf = new DateOnly(year, month, day) });

        Assert.Equal(new DateOnly(year, month, day), result.Summary.AsOf);
    }

    [Theory]
    [InlineData("79228162514337593543950335")]
    [InlineData("-79228162514337593543950335")]
    [InlineData("92233720368547758.08")]
    [InlineData("-92233720368547758.09")]
    public void MoneyFromYuan_BeyondTheFenRange_OverflowSayingSo(string yuan)
    {
        var e = Assert.Throws<OverflowException>(() => Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal($"{yuan} yuan is beyond the range of an amount in fen (-92 233 720 368 547 758.08 to 92 233 720 368 547 758.07 yuan)", e.Message);
    }

    [Fact]
    public void MoneyFromYuan_TheEndsOfTheFenRange_Held()
    {
        Assert.Equal(long.MaxValue, Money.FromYuan(92233720368547758.07m).Fen);
        Assert.Equal(long.MinValue, Money.FromYuan(-92233720368547758.08m).Fen);
        Assert.Equal(long.MaxValue, Money.FromYuan(92233720368547758, 7).Fen);
        Assert.Equal("1.234 yuan is not a whole number of fen (Parameter 'yuan')", Assert.Throws<ArgumentException>(() => Money.FromYuan(1.234m)).Message);
        Assert.Equal("92233720368547758.08 yuan is beyond the range of an amount in fen (-92 233 720 368 547 758.08 to 92 233 720 368 547 758.07 yuan)",
            Assert.Throws<OverflowException>(() => Money.FromYuan(92233720368547758, 8)).Message);
    }
    /// <summary>A response body as ASP.NET Core gives it: synchronous writes and flushes are refused.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public byte[] ToArray() => _written.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position { get => _written.Length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AsyncWriters_ToAStreamThatRefusesSynchronousWrites_TheSameBytesAsTheWriters()
    {
        var result = PayrollChecker.Check(Sample());
        var portfolio = new[] { PortfolioEntry.FromResult(result) };
        var options = new ReportOptions { Language = ReportLanguage.En };
        var writers = new (Action<Stream> Sync, Func<Stream, Task> Async)[]
        {
            (s => ReportWriter.WriteFindingsCsv(result, s, options), s => ReportWriter.WriteFindingsCsvAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WriteLedgerCsv(result, s, options), s => ReportWriter.WriteLedgerCsvAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WriteHistoryCsv(result, s, options), s => ReportWriter.WriteHistoryCsvAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WriteResolvedCsv(result, s, options), s => ReportWriter.WriteResolvedCsvAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WriteSummaryJson(result, s, options), s => ReportWriter.WriteSummaryJsonAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WriteReportHtml(result, s, options), s => ReportWriter.WriteReportHtmlAsync(result, s, options, CancellationToken.None)),
            (s => ReportWriter.WritePortfolioCsv(portfolio, s, options), s => ReportWriter.WritePortfolioCsvAsync(portfolio, s, options, CancellationToken.None)),
            (s => ReportWriter.WritePortfolioHtml(portfolio, s, options), s => ReportWriter.WritePortfolioHtmlAsync(portfolio, s, options, CancellationToken.None)),
        };
        foreach (var (sync, async) in writers)
        {
            using var expected = new MemoryStream();
            sync(expected);
            Assert.Throws<InvalidOperationException>(() => sync(new AsyncOnlyStream()));
            using var body = new AsyncOnlyStream();
            await async(body);
            Assert.True(expected.Length > 0);
            Assert.Equal(expected.ToArray(), body.ToArray());
        }
    }

    [Fact]
    public async Task AsyncWriters_CancelledBeforehand_WriteNothing()
    {
        var result = PayrollChecker.Check(Sample());
        using var body = new AsyncOnlyStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportWriter.WriteLedgerCsvAsync(result, body, default, new CancellationToken(canceled: true)));
        Assert.Equal(0, body.Length);
    }
}
