using System.Diagnostics;
using System.Globalization;
using System.Text;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Scenarios;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// <c>--quick</c>: every scenario in this process, ours and the baseline interleaved (one warm-up each, then the best
/// of N rounds), printed as one markdown table and written to <c>benchmarks/results/quick.md</c>.
/// </summary>
/// <remarks>
/// Options: <c>--rounds N</c> (default 5), <c>--only TEXT</c> (scenarios whose name contains it),
/// <c>--out PATH</c>, <c>--no-write</c>, <c>--vector-width 512|256|128|0</c> (the CSV core's width, capped by the CPU), <c>--side ours|baseline|sep|sylvan</c> (run one library only, N times, for a profiler). MB are 10^6 bytes of the input file as stored (GB18030 bytes for that file).
/// </remarks>
internal static class QuickRunner
{
    private const double MB = 1e6;

    public static int Run(string[] args, TextWriter output)
    {
        int rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        // The CSV core's vector width (512, 256, 128 or 0 for scalar; capped by the CPU), to compare its paths on one machine.
        using IDisposable? width = Option(args, "--vector-width") is { } bits
            ? Reading.CsvMasks.Use((Reading.CsvVectorWidth)int.Parse(bits, CultureInfo.InvariantCulture))
            : null;
        string? only = Option(args, "--only");

        var total = Stopwatch.StartNew();
        string load = MachineInfo.LoadAverage();
        BenchmarkInputs.EnsureCreated(output);
        if (Option(args, "--side") is { } side) return RunOneSide(side, only, rounds, output);

        var lines = new List<string>
        {
            "| Scenario | Library | Input MB | Rows | CPU ms | Wall ms | MB/s | Mrows/s | Allocated B | B/row | Ours vs this | Target |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
        };
        bool mismatch = false;
        foreach (Scenario scenario in Scenario.All)
        {
            if (only is not null && !scenario.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            string path = scenario.Path();
            long bytes = new FileInfo(path).Length;
            var ours = new Measurement();
            var baseline = new Measurement();
            var extra = scenario.Extra.Select(_ => new Measurement()).ToArray();

            // Warm-up (tiering, page cache), then interleaved rounds so every library sees the same machine load.
            Time(scenario.Baseline, path);
            foreach (var (_, run) in scenario.Extra) Time(run, path);
            Time(scenario.Ours, path);
            for (int r = 0; r < rounds; r++)
            {
                Record(baseline, scenario.Baseline, path);
                for (int k = 0; k < extra.Length; k++) Record(extra[k], scenario.Extra[k].Run, path);
                Record(ours, scenario.Ours, path);
            }

            mismatch |= Mismatch(scenario.Name, "CsvHelper 34", ours, baseline, output);
            for (int k = 0; k < extra.Length; k++) mismatch |= Mismatch(scenario.Name, scenario.Extra[k].Library, ours, extra[k], output);
            lines.Add(Row(scenario.Name, "CsvHelper 34 (baseline)", bytes, baseline, Ratio(baseline, ours), ""));
            output.WriteLine(lines[^1]);
            for (int k = 0; k < extra.Length; k++)
            {
                lines.Add(Row(scenario.Name, scenario.Extra[k].Library, bytes, extra[k], Ratio(extra[k], ours), ""));
                output.WriteLine(lines[^1]);
            }
            lines.Add(Row(scenario.Name, "PayrollRecon", bytes, ours, Ratio(baseline, ours), scenario.Target));
            output.WriteLine(lines[^1]);
        }
        total.Stop();

        string report = Report(lines, rounds, load, total.Elapsed);
        output.WriteLine();
        output.Write(report);
        ResultsFolder.Write(args, "quick.md", report, output);
        return mismatch ? 1 : 0;
    }

    /// <summary>How fast ours is against <paramref name="other"/> (above 1: ours is faster).</summary>
    private static string Ratio(Measurement other, Measurement ours) =>
        (other.BestSeconds / ours.BestSeconds).ToString("F2", CultureInfo.InvariantCulture);

    private static bool Mismatch(string scenario, string library, Measurement ours, Measurement other, TextWriter output)
    {
        if (ours.Rows == other.Rows && ours.Checksum == other.Checksum) return false;
        output.WriteLine($"MISMATCH in {scenario}: ours {ours.Rows} rows / {ours.Checksum}, {library} {other.Rows} rows / {other.Checksum}");
        return true;
    }

    /// <summary>Runs one side of the matching scenarios with nothing else in the process, so a profile shows only it.</summary>
    private static int RunOneSide(string side, string? only, int rounds, TextWriter output)
    {
        if (side is not ("ours" or "baseline" or "sep" or "sylvan")) throw new ArgumentException("--side takes ours, baseline, sep or sylvan");
        foreach (Scenario scenario in Scenario.All)
        {
            if (only is not null && !scenario.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            string path = scenario.Path();
            long bytes = new FileInfo(path).Length;
            for (int r = 0; r <= rounds; r++)
            {
                Func<string, ParseResult> run = side switch
                {
                    "ours" => scenario.Ours,
                    "baseline" => scenario.Baseline,
                    "sep" => scenario.Extra[0].Run,
                    _ => scenario.Extra[1].Run,
                };
                (double wall, double cpu, long allocated, ParseResult result) = Time(run, path);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{scenario.Name} {side} {(r == 0 ? "warm-up" : $"round {r}")}: {wall * 1000:F0} ms wall, {cpu * 1000:F0} ms CPU, {bytes / MB / wall:F0} MB/s wall, {result.Rows:N0} rows, {allocated:N0} B"));
            }
        }
        return 0;
    }

    private static void Record(Measurement m, Func<string, ParseResult> run, string path)
    {
        (double wall, double cpu, long allocated, ParseResult result) = Time(run, path);
        m.Add(wall, cpu, allocated, result.Rows, result.Checksum);
    }

    private static (double Wall, double Cpu, long Allocated, ParseResult Result) Time(Func<string, ParseResult> run, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetAllocatedBytesForCurrentThread();
        double cpuStart = ThreadClock.Seconds();
        long start = Stopwatch.GetTimestamp();
        ParseResult result = run(path);
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpu = ThreadClock.Seconds() - cpuStart;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (result.Rejected != 0) throw new InvalidOperationException($"{path}: {result.Rejected} rows rejected; the generated input should be clean");
        return (wall, cpu, allocated, result);
    }

    private static string Row(string scenario, string library, long bytes, Measurement m, string ratio, string target)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        return string.Create(inv,
            $"| {scenario} | {library} | {bytes / MB:F1} | {m.Rows:N0} | {m.BestSeconds * 1000:F0} | {m.BestWallSeconds * 1000:F0} | "
            + $"{bytes / MB / m.BestSeconds:F0} | {m.Rows / 1e6 / m.BestSeconds:F2} | {m.AllocatedBytes:N0} | "
            + $"{(double)m.AllocatedBytes / m.Rows:F4} | {ratio} | {target} |");
    }

    private static string Report(List<string> table, int rounds, string load, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Quick benchmark");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {MachineInfo.Describe()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at start {load}");
        foreach (string path in new[] { BenchmarkInputs.BankPath, BenchmarkInputs.AttendancePath, BenchmarkInputs.BankGb18030Path })
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {Path.GetFileName(path)}: {new FileInfo(path).Length:N0} bytes");
        }
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"- Method: `--quick`, one process, single thread, file on disk (page cache warm); per scenario one warm-up each, then {rounds} rounds with ours and the baseline interleaved. {(ThreadClock.IsAvailable ? "CPU ms is the best thread CPU time (user + system, so the kernel's page-cache copy counts; time spent waiting for a core on this shared machine does not); Wall ms the best wall time; MB/s, rows/s and the ratio come from CPU time" : "MB/s, rows/s and the ratio come from the best wall time")}. MB = 10^6 bytes of the file as stored; allocations counted on the reading thread. Total run time {elapsed.TotalSeconds:F0} s.");
        sb.AppendLine("- Baseline: CsvHelper 34 `CsvReader.FromFile` (SIMD UTF-8 parser; GB18030 through its `Encoding` option), fields as UTF-8 spans via `GetSpan`, the same PayrollRecon field parsers; ours: `BankReader` / `AttendanceReader` / `CsvReader` from `PayrollRecon.Reading`.");
        sb.AppendLine("- Extra baselines, same fields, parsers and checksum: Sep 0.18 (`Sep.Reader(...).FromFile`, `Unescape = true`) and Sylvan.Data.Csv 1.4 (`CsvDataReader.Create`, `GetFieldSpan`); both hand out UTF-16 `char` spans, so every field they convert or fold is transcoded to UTF-8 first (GB18030 through a `StreamReader`).");
        sb.AppendLine("- Ours vs this: the library's CPU time over ours (above 1: ours is faster); on ours' row, against CsvHelper 34.");
        sb.AppendLine();
        foreach (string line in table) sb.AppendLine(line);
        return sb.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
