using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PayrollRecon;

/// <summary>Wall and CPU time of each phase of a check (reading each input, each engine step), for a host that wants to
/// see where the time goes (the CLI's <c>--timings</c>); pass one in <see cref="CheckOptions.Timings"/>.</summary>
/// <remarks>
/// A phase ends where the next one starts; the host may add its own phases (start-up, writing outputs) with
/// <see cref="Lap"/> and <see cref="Record"/>. CPU time is the whole process's (JIT and GC threads included), which on
/// a loaded machine says more than wall time does. Not thread-safe: one recorder per check.
/// </remarks>
public sealed class CheckTimings
{
    /// <summary>The phase column's width when every name fits in it (wider for a longer name).</summary>
    private const int PhaseColumn = 28;

    private readonly List<(string Phase, long WallTicks, TimeSpan Cpu, long Allocated, long WorkingSet, int Collections, TimeSpan Paused, long Bytes)> _laps = [];
    private long _lapStart = Stopwatch.GetTimestamp();
    private TimeSpan _cpuStart = CpuTime();
    private long _allocatedStart = GC.GetTotalAllocatedBytes();
    private int _collectionsStart = GC.CollectionCount(0);
    private TimeSpan _pausedStart = GC.GetTotalPauseDuration();

    /// <summary>Restarts the current lap without recording it (time spent elsewhere, e.g. by the caller).</summary>
    public void Restart()
    {
        _lapStart = Stopwatch.GetTimestamp();
        _cpuStart = CpuTime();
        _allocatedStart = GC.GetTotalAllocatedBytes();
        _collectionsStart = GC.CollectionCount(0);
        _pausedStart = GC.GetTotalPauseDuration();
    }

    /// <summary>Ends the current lap under <paramref name="phase"/>; <paramref name="bytes"/> of input it read, if any.</summary>
    public void Lap(string phase, long bytes = 0)
    {
        long now = Stopwatch.GetTimestamp();
        TimeSpan cpu = CpuTime();
        long allocated = GC.GetTotalAllocatedBytes();
        int collections = GC.CollectionCount(0);
        TimeSpan paused = GC.GetTotalPauseDuration();
        _laps.Add((phase, now - _lapStart, cpu - _cpuStart, allocated - _allocatedStart, WorkingSet(), collections - _collectionsStart, paused - _pausedStart, bytes));
        _lapStart = now;
        _cpuStart = cpu;
        _allocatedStart = allocated;
        _collectionsStart = collections;
        _pausedStart = paused;
    }

    /// <summary>Records a phase measured elsewhere (e.g. runtime start-up, before the first lap could start).</summary>
    public void Record(string phase, TimeSpan wall, TimeSpan cpu) =>
        _laps.Add((phase, (long)(wall.TotalSeconds * Stopwatch.Frequency), cpu, GC.GetTotalAllocatedBytes(), WorkingSet(), GC.CollectionCount(0), GC.GetTotalPauseDuration(), 0));

    /// <summary>One line per phase (wall and CPU milliseconds, MiB allocated, working set at its end, garbage collections
    /// and the time they paused the process, and MB/s of wall time where the phase read input), then the total.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        // The phase column is as wide as the longest name, so that a long one does not push its row's figures out of line.
        int width = PhaseColumn;
        foreach (var lap in _laps) width = Math.Max(width, lap.Phase.Length);
        text.AppendLine(CultureInfo.InvariantCulture, $"{"phase".PadRight(width)}{"wall",12}{"cpu",12}{"alloc",11}{"ws",9}{"gc",4}{"paused",10}{"input",12}{"rate",12}");
        long total = 0;
        TimeSpan totalCpu = TimeSpan.Zero;
        long totalAllocated = 0;
        long totalBytes = 0;
        long peak = 0;
        int totalCollections = 0;
        TimeSpan totalPaused = TimeSpan.Zero;
        foreach (var (phase, ticks, cpu, allocated, workingSet, collections, paused, bytes) in _laps)
        {
            total += ticks;
            totalCpu += cpu;
            totalAllocated += allocated;
            totalCollections += collections;
            totalPaused += paused;
            totalBytes += bytes;
            peak = Math.Max(peak, workingSet);
            Line(text, width, phase, ticks, cpu, allocated, workingSet, collections, paused, bytes);
        }
        Line(text, width, "total", total, totalCpu, totalAllocated, peak, totalCollections, totalPaused, totalBytes);
        return text.ToString();
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>CPU time of the process so far.</summary>
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static void Line(StringBuilder text, int width, string phase, long ticks, TimeSpan cpu, long allocated, long workingSet, int collections, TimeSpan paused, long bytes)
    {
        double seconds = ticks / (double)Stopwatch.Frequency;
        text.Append(CultureInfo.InvariantCulture, $"{phase.PadRight(width)}{seconds * 1000,9:F1} ms{cpu.TotalMilliseconds,9:F1} ms{allocated / 1048576.0,7:F1} MiB{workingSet / 1048576,5} MiB");
        text.Append(CultureInfo.InvariantCulture, $"{collections,4}{paused.TotalMilliseconds,7:F1} ms");
        if (bytes > 0) text.Append(CultureInfo.InvariantCulture, $"{bytes / 1e6,9:F1} MB{(seconds == 0 ? 0 : bytes / 1e6 / seconds),7:F0} MB/s");
        text.AppendLine();
    }
}
