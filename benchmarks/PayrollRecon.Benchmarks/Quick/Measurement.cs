namespace PayrollRecon.Benchmarks.Quick;

/// <summary>The timed runs of one library on one scenario.</summary>
internal sealed class Measurement
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public long Rows { get; private set; }

    public long Checksum { get; private set; }

    /// <summary>Bytes allocated on the reading thread by the cheapest run (the same in every run when nothing is per row).</summary>
    public long AllocatedBytes { get; private set; } = long.MaxValue;

    public double BestWallSeconds => _wall.Min();

    /// <summary>The best thread CPU time, or the best wall time where thread CPU time cannot be read.</summary>
    public double BestSeconds => ThreadClock.IsAvailable ? _cpu.Min() : _wall.Min();

    public void Add(double wallSeconds, double cpuSeconds, long allocated, long rows, long checksum)
    {
        _wall.Add(wallSeconds);
        _cpu.Add(cpuSeconds);
        AllocatedBytes = Math.Min(AllocatedBytes, allocated);
        Rows = rows;
        Checksum = checksum;
    }
}
