namespace PayrollRecon.Benchmarks.Quick;

/// <summary>The timed runs of one library on one scenario.</summary>
internal sealed class Measurement
{
    private readonly List<double> _seconds = [];

    public long Rows { get; private set; }

    public long Checksum { get; private set; }

    /// <summary>Bytes allocated on the reading thread by the cheapest run (the same in every run when nothing is per row).</summary>
    public long AllocatedBytes { get; private set; } = long.MaxValue;

    public double BestSeconds => _seconds.Min();

    public double MedianSeconds
    {
        get
        {
            double[] sorted = [.. _seconds.Order()];
            int n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    public void Add(double seconds, long allocated, long rows, long checksum)
    {
        _seconds.Add(seconds);
        AllocatedBytes = Math.Min(AllocatedBytes, allocated);
        Rows = rows;
        Checksum = checksum;
    }
}
