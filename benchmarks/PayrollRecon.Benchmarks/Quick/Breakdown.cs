using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Unicode;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// <c>--breakdown</c>: a stopwatch profile that splits a typed parse into its layers — reading the file, the pipe copy,
/// UTF-8 validation, tokenizing, and the field parsers per call — for ours and the baseline, in one process.
/// </summary>
/// <remarks>
/// Every step runs <c>--rounds</c> times (default 5) interleaved with the others; the best time counts. Written to
/// <c>benchmarks/results/breakdown.md</c> unless <c>--no-write</c>.
/// </remarks>
internal static class Breakdown
{
    private const int ChunkBytes = 128 * 1024;

    public static int Run(string[] args, TextWriter output)
    {
        int rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        BenchmarkInputs.EnsureCreated(output);
        string load = MachineInfo.LoadAverage();
        var report = new StringBuilder();
        var sb = new StringBuilder();
        sb.AppendLine("# Stopwatch breakdown");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {MachineInfo.Describe()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at start {load}; best of {rounds} interleaved rounds, {(ThreadClock.IsAvailable ? "thread CPU time" : "wall time")}");
        sb.AppendLine();

        foreach ((string name, string path, (string, Func<string, long>)[] steps) in Files())
        {
            long bytes = new FileInfo(path).Length;
            var best = new double[steps.Length];
            Array.Fill(best, double.MaxValue);
            foreach ((_, Func<string, long> step) in steps) step(path);
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < steps.Length; i++)
                {
                    GC.Collect();
                    best[i] = Math.Min(best[i], Milliseconds(() => steps[i].Item2(path)));
                }
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {name} ({bytes:N0} bytes)");
            sb.AppendLine();
            sb.AppendLine("| Step | Best ms | MB/s |");
            sb.AppendLine("|---|--:|--:|");
            for (int i = 0; i < steps.Length; i++)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {steps[i].Item1} | {best[i]:F1} | {bytes / 1e6 / (best[i] / 1000):F0} |");
            }
            sb.AppendLine();
            output.Write(sb.ToString());
            report.Append(sb);
            sb.Clear();
        }

        sb.AppendLine("## Field parsers, per call (shared by ours and the baseline)");
        sb.AppendLine();
        sb.AppendLine("| Parser | Input | ns/call |");
        sb.AppendLine("|---|---|--:|");
        foreach ((string parser, string input, Func<long> run, int calls) in Parsers())
        {
            run();
            double bestNs = double.MaxValue;
            for (int r = 0; r < rounds; r++) bestNs = Math.Min(bestNs, Milliseconds(() => run()) * 1e6 / calls);
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {parser} | `{input}` | {bestNs:F1} |");
        }
        output.Write(sb.ToString());
        report.Append(sb);
        ResultsFolder.Write(args, "breakdown.md", report.ToString(), output);
        return 0;
    }

    private static IEnumerable<(string Name, string Path, (string, Func<string, long>)[] Steps)> Files()
    {
        yield return ("bank.csv", BenchmarkInputs.BankPath,
        [
            ("read the file (FileStream, 128 KiB reads)", ReadOnly),
            ("read + Utf8.IsValid per chunk", ReadAndValidate),
            ("read + Utf8Validator per chunk (ours' validation)", ReadAndValidateOurs),
            ("read through PipeReader + copy to a window (the pipe path)", PipeCopy),
            ("ours: CsvReader tokenize", p => OursScenarios.Tokenize(p).Checksum),
            ("ours: CsvReader + the baseline's conversion loop (no BankReader)", p => OursScenarios.BankCoreWithHandLoop(p).Checksum),
            ("ours: BankReader typed", p => OursScenarios.BankTyped(p).Checksum),
            ("CsvHelper 34: tokenize", p => CsvHelperScenarios.Tokenize(p).Checksum),
            ("CsvHelper 34: typed (same field parsers)", p => CsvHelperScenarios.BankTyped(p).Checksum),
        ]);
        yield return ("attendance.csv", BenchmarkInputs.AttendancePath,
        [
            ("read the file (FileStream, 128 KiB reads)", ReadOnly),
            ("read + Utf8.IsValid per chunk", ReadAndValidate),
            ("read through PipeReader + copy to a window (the pipe path)", PipeCopy),
            ("ours: CsvReader tokenize", p => OursScenarios.Tokenize(p).Checksum),
            ("ours: AttendanceReader typed", p => OursScenarios.AttendanceTyped(p).Checksum),
            ("CsvHelper 34: tokenize", p => CsvHelperScenarios.Tokenize(p).Checksum),
            ("CsvHelper 34: typed (same field parsers)", p => CsvHelperScenarios.AttendanceTyped(p).Checksum),
        ]);
        yield return ("bank-gb18030.csv", BenchmarkInputs.BankGb18030Path,
        [
            ("read the file (FileStream, 128 KiB reads)", ReadOnly),
            ("read + Gb18030Transcoder to UTF-8 per chunk", ReadAndTranscode),
            ("read + Encoding(54936).GetChars per chunk (what a decoder-based reader pays)", ReadAndDecode),
            ("ours: BankReader typed", p => OursScenarios.BankTyped(p).Checksum),
            ("CsvHelper 34: typed, Encoding = GB18030", p => CsvHelperScenarios.BankGb18030Typed(p).Checksum),
        ]);
    }

    private static IEnumerable<(string Parser, string Input, Func<long> Run, int Calls)> Parsers()
    {
        const int Calls = 1_000_000;
        byte[] dateTime = "2022-01-03 08:30:33"u8.ToArray();
        byte[] amount = "4070.60"u8.ToArray();
        byte[] grouped = "1,913,786.10"u8.ToArray();
        byte[] balance = "79995929.40"u8.ToArray();
        byte[] debit = "借"u8.ToArray();
        byte[] credit = "贷"u8.ToArray();
        byte[] punchIn = "进"u8.ToArray();
        byte[] punchOut = "出"u8.ToArray();
        yield return ("DateParser.TryParseDateOrDateTime", "2022-01-03 08:30:33", () => Repeat(Calls, () => DateParser.TryParseDateOrDateTime(dateTime, out DateOnly d, out TimeOnly? t) ? d.DayNumber + (t?.Ticks ?? 0) : 0), Calls);
        yield return ("DateParser.TryParseDateTime", "2022-01-03 08:30:33", () => Repeat(Calls, () => DateParser.TryParseDateTime(dateTime, out DateTime v) ? v.Ticks : 0), Calls);
        yield return ("candidate: fixed-layout date-time fast path", "2022-01-03 08:30:33", () => Repeat(Calls, () => CandidateFastPaths.TryParseCanonicalDateTime(dateTime, out DateTime v) ? v.Ticks : 0), Calls);
        yield return ("MoneyParser.TryParse", "4070.60", () => Repeat(Calls, () => MoneyParser.TryParse(amount, out Money m) ? m.Fen : 0), Calls);
        yield return ("MoneyParser.TryParse", "1,913,786.10", () => Repeat(Calls, () => MoneyParser.TryParse(grouped, out Money m) ? m.Fen : 0), Calls);
        yield return ("MoneyParser.TryParse", "79995929.40", () => Repeat(Calls, () => MoneyParser.TryParse(balance, out Money m) ? m.Fen : 0), Calls);
        yield return ("TokenParser.TryParseBankDirection", "借", () => Repeat(Calls, () => TokenParser.TryParseBankDirection(debit, out BankDirection d) ? (long)d : -1), Calls);
        yield return ("TokenParser.TryParseBankDirection", "贷", () => Repeat(Calls, () => TokenParser.TryParseBankDirection(credit, out BankDirection d) ? (long)d : -1), Calls);
        yield return ("TokenParser.TryParsePunchDirection", "进", () => Repeat(Calls, () => TokenParser.TryParsePunchDirection(punchIn, out PunchDirection d) ? (long)d : -1), Calls);
        yield return ("TokenParser.TryParsePunchDirection", "出", () => Repeat(Calls, () => TokenParser.TryParsePunchDirection(punchOut, out PunchDirection d) ? (long)d : -1), Calls);
    }

    /// <summary>Thread CPU time of one call where available (robust to a busy machine), else wall time.</summary>
    private static double Milliseconds(Action action)
    {
        double cpu = ThreadClock.Seconds();
        long start = Stopwatch.GetTimestamp();
        action();
        return ThreadClock.IsAvailable ? (ThreadClock.Seconds() - cpu) * 1000 : Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static long Repeat(int calls, Func<long> call)
    {
        long acc = 0;
        for (int i = 0; i < calls; i++) acc += call();
        return acc;
    }

    private static long ReadOnly(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        long total = 0;
        int n;
        while ((n = file.Read(buffer, 0, ChunkBytes)) > 0) total += n + buffer[n - 1];
        ArrayPool<byte>.Shared.Return(buffer);
        return total;
    }

    private static long ReadAndValidate(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        long valid = 0;
        int n;
        while ((n = file.Read(buffer, 0, ChunkBytes)) > 0)
        {
            // Chunks may cut a character at either end; a cut costs nothing extra, the count just ignores it.
            if (Utf8.IsValid(buffer.AsSpan(0, n))) valid++;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        return valid;
    }

    private static long ReadAndValidateOurs(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        long valid = 0;
        int n;
        while ((n = file.Read(buffer, 0, ChunkBytes)) > 0)
        {
            if (Utf8Validator.IsValid(buffer.AsSpan(0, n))) valid++;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        return valid;
    }

    private static long PipeCopy(string path)
    {
        byte[] window = ArrayPool<byte>.Shared.Rent(2 * ChunkBytes);
        PipeReader pipe = PipeReader.Create(SequentialFileStream.Open(path), new StreamPipeReaderOptions(bufferSize: ChunkBytes, minimumReadSize: 4096));
        long total = 0;
        while (true)
        {
            ReadResult result = pipe.ReadAsync().AsTask().GetAwaiter().GetResult();
            ReadOnlySequence<byte> buffer = result.Buffer;
            int n = (int)Math.Min(buffer.Length, window.Length);
            buffer.Slice(0, n).CopyTo(window);
            total += n;
            pipe.AdvanceTo(buffer.GetPosition(n));
            if (result.IsCompleted && n == buffer.Length) break;
        }
        pipe.Complete();
        ArrayPool<byte>.Shared.Return(window);
        return total;
    }

    private static long ReadAndTranscode(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(ChunkBytes * 2);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        long written = 0;
        int n;
        while ((n = file.Read(buffer, 0, ChunkBytes)) > 0)
        {
            Gb18030Transcoder.Transcode(buffer.AsSpan(0, n), utf8, isFinal: false, out _, out int w);
            written += w;
        }
        ArrayPool<byte>.Shared.Return(buffer);
        ArrayPool<byte>.Shared.Return(utf8);
        return written;
    }

    private static long ReadAndDecode(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        char[] chars = ArrayPool<char>.Shared.Rent(ChunkBytes);
        Decoder decoder = Gb18030Transcoder.Encoding.GetDecoder();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        long decoded = 0;
        int n;
        while ((n = file.Read(buffer, 0, ChunkBytes)) > 0) decoded += decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
        ArrayPool<byte>.Shared.Return(buffer);
        ArrayPool<char>.Shared.Return(chars);
        return decoded;
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
