using System.Diagnostics;
using System.Globalization;
using System.Text;

using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// <c>--punches</c>: the engine's per-punch path alone (<see cref="Reconciler.AddPunch"/> on rows already parsed), in
/// nanoseconds of thread CPU time per punch, for the punches of 5,000 workers × 12 months in time order (all workers
/// interleaved, as devices export them) and grouped by worker. Best of <c>--rounds N</c> (default 5), interleaved.
/// </summary>
/// <remarks>
/// Two layouts of the id bytes: "roster ids", every punch pointing into one array of the 5,000 ids (so reading a punch's
/// id is itself a cache miss when workers interleave), and "as read", every punch's id bytes one after another in file
/// order, as they lie in a reader's window.
/// </remarks>
internal static class PunchPath
{
    private const int Workers = 5_000;
    private const int IdLength = 18;

    public static int Run(string[] args, TextWriter output)
    {
        int rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        byte[] ids = Ids();
        var (byWorker, byTime) = Punches();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Workers:N0} workers, {byTime.Length:N0} punches; load average {MachineInfo.LoadAverage()}"));

        var best = new Dictionary<string, (double Ns, long Allocated)>();
        byte[] timeRows = AsRead(ids, byTime);
        byte[] workerRows = AsRead(ids, byWorker);
        var cases = new[]
        {
            ("time order, roster ids", byTime, (byte[]?)null),
            ("time order, as read", byTime, timeRows),
            ("worker order, roster ids", byWorker, null),
            ("worker order, as read", byWorker, workerRows),
        };
        foreach (var (name, punches, rows) in cases) Measure(name, punches, rows); // warm-up
        best.Clear();
        for (int r = 0; r < rounds; r++)
        {
            foreach (var (name, punches, rows) in cases) Measure(name, punches, rows);
        }
        foreach (var (name, (ns, allocated)) in best)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ns:F1} ns/punch | {allocated:N0} B allocated |"));
        return 0;

        void Measure(string name, (int Worker, long Ticks)[] punches, byte[]? rows)
        {
            var engine = new Reconciler(new ProjectSettings { Code = "BENCH", AsOf = new DateOnly(2025, 3, 1) }, new ReconcilerOptions { AttendanceSupplied = true });
            for (int w = 0; w < Workers; w++)
            {
                engine.AddWorker(new WorkerRow
                {
                    Line = w + 2, WorkerId = default, Name = "张三"u8, IdNumber = ids.AsSpan(w * IdLength, IdLength), BankAccount = default,
                    Employer = "某劳务有限公司"u8, Team = default, Trade = default, WageType = WageType.Daily, WageRateFen = 30_000,
                    EntryDate = null, ExitDate = null,
                });
            }
            GC.Collect();
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            double cpu = ThreadClock.Seconds();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < punches.Length; i++)
            {
                var (w, ticks) = punches[i];
                var id = rows is null ? ids.AsSpan(w * IdLength, IdLength) : rows.AsSpan(i * IdLength, IdLength);
                engine.AddPunch(new AttendanceRow { Line = i + 2, IdNumber = id, Time = new DateTime(ticks), Direction = PunchDirection.Unknown });
            }
            double seconds = ThreadClock.IsAvailable ? ThreadClock.Seconds() - cpu : Stopwatch.GetElapsedTime(start).TotalSeconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            double ns = seconds * 1e9 / punches.Length;
            if (!best.TryGetValue(name, out var b) || ns < b.Ns) best[name] = (ns, allocated);
        }
    }

    /// <summary>18-character ids of the GB 11643 shape, one after another.</summary>
    private static byte[] Ids()
    {
        var ids = new byte[Workers * IdLength];
        var random = new Random(7);
        for (int w = 0; w < Workers; w++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"{random.Next(110000, 659999)}19{random.Next(60, 99)}{random.Next(1, 13):D2}{random.Next(1, 29):D2}{random.Next(0, 999):D3}") + "0123456789X"[random.Next(11)];
            Encoding.ASCII.GetBytes(id, ids.AsSpan(w * IdLength, IdLength));
        }
        return ids;
    }

    /// <summary>Each punch's id bytes in punch order.</summary>
    private static byte[] AsRead(byte[] ids, (int Worker, long Ticks)[] punches)
    {
        var rows = new byte[punches.Length * IdLength];
        for (int i = 0; i < punches.Length; i++) ids.AsSpan(punches[i].Worker * IdLength, IdLength).CopyTo(rows.AsSpan(i * IdLength));
        return rows;
    }

    /// <summary>In and out punches of every worker on most days of 2024, grouped by worker and sorted by time.</summary>
    private static ((int, long)[] ByWorker, (int, long)[] ByTime) Punches()
    {
        var random = new Random(11);
        var list = new List<(int Worker, long Ticks)>();
        var first = new DateTime(2024, 1, 1);
        for (int w = 0; w < Workers; w++)
        {
            for (int d = 0; d < 366; d++)
            {
                var day = first.AddDays(d);
                if (day.DayOfWeek == DayOfWeek.Sunday || random.Next(100) >= 90) continue;
                list.Add((w, day.AddSeconds(random.Next(6 * 3600, 8 * 3600)).Ticks));
                list.Add((w, day.AddSeconds(random.Next(17 * 3600, 19 * 3600)).Ticks));
            }
        }
        var byWorker = list.ToArray();
        var byTime = list.OrderBy(p => p.Ticks).ThenBy(p => p.Worker).ToArray();
        return (byWorker, byTime);
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
