using System.Runtime.ExceptionServices;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon;

public static partial class PayrollChecker
{
    /// <summary>The most threads <see cref="CheckOptions.MaxDegreeOfParallelism"/> may ask for.</summary>
    public const int MaxDegreeOfParallelismLimit = 256;

    // The header is looked for in this much of the file's start before it is cut into parts.
    private const int HeaderProbeBytes = 1 << 20;

    // Most parts a file is cut into, whatever the threads asked for: each part's reader holds a window of about 1 MiB.
    private const int MaxParts = 16;

    private static int AttendanceThreads(CheckOptions options) =>
        options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>
    /// Reads the attendance file in parts on up to <paramref name="threads"/> threads, each part into a shard of the
    /// engine with lines of its own, then moves each shard's lines by the line ends its readers before it counted and
    /// merges the shards, the diagnostics and the statistics in file order, so that the engine ends as a single reader
    /// would have left it. The file is not scanned first: what would make a cut untrustworthy is found by the parts'
    /// readers. Returns false, having changed nothing but the progress reported, when the file must be read on one thread: one thread asked for,
    /// an input that is not a file or bytes in memory (a host's own opener), a file too small to cut, no header in its
    /// first megabyte, a quote byte in any part, a part not read to its end, parts that would not decide the encoding
    /// alike or a part that decided it on fewer bytes than a single reader would, a part that stops with an error
    /// (strict mode, a cap), or merged parts past the worker-month cap. The error a single reader raises is then raised
    /// by the single reader.
    /// </summary>
    /// <remarks>
    /// Only a source that opens the same bytes again cheaply (<see cref="InputSource.Reopens"/>: a file path, bytes in
    /// memory) is read in parts, since a fall-back to one reader opens it a second time; a host's own opener is called
    /// once, by the single reader. The parts report their bytes to <paramref name="progress"/> as they go, summed
    /// (<see cref="PartsProgress"/>); <paramref name="reported"/> is the most bytes reported, so that a single reader
    /// after a fall-back does not report fewer.
    /// </remarks>
    private static bool ReadAttendanceInParts(
        InputSource source,
        InputReaderOptions options,
        Reconciler engine,
        int threads,
        IProgress<CheckProgress>? progress,
        CheckTimings? timings,
        out long reported,
        CancellationToken cancellationToken)
    {
        reported = 0;
        if (threads < 2 || !source.Reopens) return false;
        using var stream = source.Open() ?? throw new ArgumentException($"{source.Name}: InputSource.Open returned null instead of a readable stream", nameof(source));
        if (ByteSource.Of(stream) is not { } bytes || bytes.Length < 2 * RecordSplit.MinPartBytes) return false;

        long headerLine = HeaderLine(bytes, source.Name, options);
        long bodyStart = headerLine > 0 ? RecordSplit.AfterLines(bytes, headerLine) : -1;
        if (bodyStart <= 0) return false;
        if (RecordSplit.Cut(bytes, bodyStart, Math.Min(threads, MaxParts), RecordSplit.MinPartBytes) is not { } starts) return false;
        int count = starts.Length;
        long endOf(int k) => k + 1 < count ? starts[k + 1] : bytes.Length;

        byte[] header = new byte[bodyStart];
        if (bytes.Read(0, header) != header.Length) return false;
        var shards = new PunchShard[count];
        for (int k = 0; k < count; k++) shards[k] = engine.CreatePunchShard();
        var results = new PartResult[count];
        var partsProgress = progress is null ? null : new PartsProgress(progress, source.Name);
        SideBySide.Run(count, k =>
        {
            try
            {
                results[k] = ReadPart(bytes, header, starts[k], endOf(k), k, shards[k], source.Name, options, partsProgress, cancellationToken);
            }
            catch (Exception e)
            {
                results[k] = new PartResult(null, null, ExceptionDispatchInfo.Capture(e), false, 0, 0);
            }
        });
        reported = partsProgress?.Reported ?? 0;

        // A failure that is not about the data (I/O, cancellation) is the first part's to report; an error in the data
        // is left to the single reader, which stops where the file's first such error is.
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var r in results)
        {
            if (r.Error is { SourceException: not PayrollDataException } error) error.Throw();
        }
        if (results.Any(static r => r.Error is not null)) return false;
        // The cuts hold only when no quote could make a line end data, and every part was read to its end.
        if (results.Any(static r => r.SawQuote || r.Stats!.Bytes != r.Length)) return false;
        if (results.Any(r => r.Stats!.Encoding != results[0].Stats!.Encoding)) return false;
        // The encoding is decided on the bytes after the file's first non-ASCII one: the part that decided it (the
        // parts before it are ASCII) must have had all of them, as a single reader has, unless it is the last.
        int decidedIn = Array.FindIndex(results, static r => r.Stats!.EncodingDecidedOnBytes > 0);
        if (decidedIn >= 0 && decidedIn < count - 1 && results[decidedIn].Length - results[decidedIn].Stats!.EncodingDecidedOnBytes < DecisionSlack)
            return false;

        // Each part's lines counted by its reader (a later part's after the header copy) give the lines before the next.
        var lineOffsets = new long[count];
        long linesBefore = results[0].NextLine - 1;
        for (int k = 1; k < count; k++)
        {
            lineOffsets[k] = linesBefore - headerLine;
            linesBefore += results[k].NextLine - 1 - headerLine;
            shards[k].ShiftLines(lineOffsets[k]);
        }
        if (!engine.TakePunchShards(shards)) return false;

        foreach (var d in MergeDiagnostics(results, k => lineOffsets[k], source.Name)) engine.AddDiagnostic(d);
        var stats = MergeStats(results, starts, bytes.Length, decidedIn, header.Length);
        engine.AddFileStats(stats);
        partsProgress?.ReportAtLeast(stats.Bytes);
        timings?.Lap($"read {source.Name}, {count} parts", stats.Bytes);
        return true;
    }

    /// <summary>
    /// What one part's reader left: the diagnostics it listed (lines of its own), its statistics, or the error it stopped
    /// with; whether a quote byte went through it, the line its next record would have started on (a later part's
    /// counted from its header copy) and the bytes it was given (with the header copy).
    /// </summary>
    private readonly record struct PartResult(List<Diagnostic>? Diagnostics, InputFileStats? Stats, ExceptionDispatchInfo? Error, bool SawQuote, long NextLine, long Length);

    // Bytes a part must have past those its encoding was decided on for the decision to be a single reader's: that
    // reader decides once it holds the detection sample and a few bytes more (to finish a last character).
    private const int DecisionSlack = 8;

    /// <summary>
    /// The header's line, from a reader over the file's first megabyte; 0 when it is not found there, or the file is
    /// not CSV text (a workbook or an HTML table is read as a whole, by one reader).
    /// </summary>
    private static long HeaderLine(ByteSource bytes, string name, InputReaderOptions options)
    {
        try
        {
            using var probe = AttendanceReader.Create(
                bytes.Slice(0, Math.Min(bytes.Length, HeaderProbeBytes)), name, options with { Strict = false, Diagnostics = new List<Diagnostic>(), LeaveOpen = false });
            while (Fill(probe, CancellationToken.None))
            {
                probe.TryRead(out _);
                if (probe.Stats.HeaderLine > 0) break;
            }
            return probe.Stats is { HeaderLine: > 0, Encoding: TextEncodingKind.Utf8 or TextEncodingKind.Utf8Bom or TextEncodingKind.Gb18030 } stats ? stats.HeaderLine : 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever stops a reader of the file's start stops a reader of the whole file too, with its own message.
            return 0;
        }
    }

    /// <summary>Reads one part into its shard, with lines of its own: the first part as the file's start, every later one
    /// behind a copy of the header.</summary>
    private static PartResult ReadPart(
        ByteSource bytes, byte[] header, long start, long end, int index, PunchShard shard, string name, InputReaderOptions options,
        PartsProgress? progress, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var watch = new QuoteWatchStream(bytes.Slice(start, end));
        Stream stream = index == 0 ? watch : new PrefixedStream(header, header.Length, watch, ownsInner: true);
        using var reader = AttendanceReader.Create(stream, name, options with { Diagnostics = diagnostics, LeaveOpen = false });
        // The file's bytes this part has read, without the header copy in front of a later part.
        long copied = index == 0 ? 0 : header.Length;
        long counted = 0;
        while (Fill(reader, cancellationToken))
        {
            while (reader.TryRead(out AttendanceRow row)) shard.AddPunch(in row);
            if (progress is not null && reader.BytesRead - copied > counted)
            {
                long now = reader.BytesRead - copied;
                progress.Add(now - counted);
                counted = now;
            }
        }
        long length = end - start + (index == 0 ? 0 : header.Length);
        return new PartResult(diagnostics, reader.Stats, null, watch.SawQuote, reader.NextLine, length);
    }

    /// <summary>
    /// The bytes of the attendance file its parts have read, summed over their threads and reported as they grow: once
    /// per buffer a part fills, not per row. Reports are made one at a time and never go down; a part that finds another
    /// reporting leaves its bytes to the next report, and the merged file's total is reported at the end.
    /// </summary>
    private sealed class PartsProgress(IProgress<CheckProgress> progress, string name)
    {
        private readonly Lock _reporting = new();
        private long _bytes;
        private long _reported;

        /// <summary>The most bytes reported so far.</summary>
        public long Reported
        {
            get
            {
                lock (_reporting) return _reported;
            }
        }

        /// <summary>Adds bytes a part has read, and reports the sum unless another part is reporting.</summary>
        public void Add(long bytes)
        {
            Interlocked.Add(ref _bytes, bytes);
            if (!_reporting.TryEnter()) return;
            try
            {
                Report(Interlocked.Read(ref _bytes));
            }
            finally
            {
                _reporting.Exit();
            }
        }

        /// <summary>Reports <paramref name="bytes"/> unless as many have been reported already.</summary>
        public void ReportAtLeast(long bytes)
        {
            lock (_reporting) Report(bytes);
        }

        private void Report(long bytes)
        {
            if (bytes <= _reported) return;
            _reported = bytes;
            progress.Report(new CheckProgress(name, bytes));
        }
    }

    /// <summary>Passes on the reports of a single reader of the attendance file once it has read more than the parts
    /// before it reported, so that a fall-back from parts never reports fewer bytes than were reported.</summary>
    private sealed class FloorProgress(IProgress<CheckProgress> progress, long floor) : IProgress<CheckProgress>
    {
        public void Report(CheckProgress value)
        {
            if (value.BytesRead > floor) progress.Report(value);
        }
    }

    private static bool Fill(InputReader reader, CancellationToken cancellationToken)
    {
        ValueTask<bool> fill = reader.FillAsync(cancellationToken);
        return fill.IsCompleted ? fill.Result : fill.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// The parts' diagnostics in file order, their lines made the file's, with the file's cap on listed rows: the first
    /// <see cref="InputReader.MaxListedDiagnostics"/> unreadable rows are listed and the rest counted in one last
    /// diagnostic, as a single reader lists them.
    /// </summary>
    private static List<Diagnostic> MergeDiagnostics(PartResult[] results, Func<int, long> lineOffset, string name)
    {
        var merged = new List<Diagnostic>();
        int budget = InputReader.MaxListedDiagnostics;
        long unlisted = 0;
        long firstUnlistedLine = 0;
        for (int k = 0; k < results.Length; k++)
        {
            long offset = lineOffset(k);
            foreach (var d in results[k].Diagnostics!)
            {
                long line = d.Line + offset;
                if (d.CountsUnlistedRows)
                {
                    if (unlisted == 0) firstUnlistedLine = line;
                    unlisted += d.Expected;
                }
                else if (budget > 0)
                {
                    merged.Add(offset == 0 ? d : d with { Line = line });
                    budget--;
                }
                else if (unlisted++ == 0)
                {
                    firstUnlistedLine = line;
                }
            }
        }
        if (unlisted > 0)
        {
            merged.Add(new Diagnostic(name, firstUnlistedLine, null,
                Reporting.MessageCatalog.EnglishReason(DiagnosticReason.MoreUnreadableRows, null, unlisted, InputReader.MaxListedDiagnostics))
            {
                Reason = DiagnosticReason.MoreUnreadableRows,
                Expected = unlisted,
                Found = InputReader.MaxListedDiagnostics,
                CountsUnlistedRows = true,
            });
        }
        return merged;
    }

    /// <summary>The file's statistics from its parts': counts summed, the header's and the encoding's from where a single reader found them.</summary>
    private static InputFileStats MergeStats(PartResult[] results, long[] starts, long length, int decidedIn, int headerBytes)
    {
        var first = results[0].Stats!;
        long encodingDecidedOn = first.EncodingDecidedOnBytes;
        if (decidedIn > 0)
        {
            // The first non-ASCII byte is in a later part, whose reader counted the header copy before it.
            encodingDecidedOn = results[decidedIn].Stats!.EncodingDecidedOnBytes - headerBytes + starts[decidedIn];
        }
        return first with
        {
            RowsRead = results.Sum(static r => r.Stats!.RowsRead),
            RowsRejected = results.Sum(static r => r.Stats!.RowsRejected),
            Bytes = length,
            FooterRows = results.Sum(static r => r.Stats!.FooterRows),
            EncodingDecidedOnBytes = encodingDecidedOn,
            BytesAfterHeader = results.Sum(static r => r.Stats!.BytesAfterHeader),
        };
    }
}
