namespace PayrollRecon.Tests.Checker;

public sealed class CheckTimingsTests
{
    [Fact]
    public void Describe_Laps_OneLinePerPhaseThenTotalWithRateOnlyWhereInputWasRead()
    {
        var timings = new CheckTimings();
        timings.Record("runtime start-up, parse args", TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(90));
        timings.Restart();
        timings.Lap("read attendance.csv", 250_000_000);
        timings.Lap("engine: findings");

        var lines = timings.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("phase ", lines[0]);
        Assert.StartsWith("runtime start-up, parse args    100.0 ms     90.0 ms", lines[1]);
        Assert.StartsWith("read attendance.csv ", lines[2]);
        Assert.Contains("250.0 MB", lines[2]);
        Assert.EndsWith("MB/s", lines[2]);
        Assert.StartsWith("engine: findings ", lines[3]);
        Assert.DoesNotContain("MB/s", lines[3]);
        Assert.StartsWith("total ", lines[4]);
        Assert.Contains("250.0 MB", lines[4]);
    }

    [Fact]
    public void Describe_PhaseNameLongerThanTheColumn_ColumnWidenedFiguresStayInLine()
    {
        var timings = new CheckTimings();
        timings.Lap("read workers.csv", 1_000);
        timings.Lap("engine: bank lines beside worker-months");
        timings.Lap("engine: findings");

        var lines = timings.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("phase".PadRight("engine: bank lines beside worker-months".Length) + "        wall", lines[0]);
        // The wall column ends at one place on every line, the header's "wall" above it.
        int wallEnd = lines[0].IndexOf("wall", StringComparison.Ordinal) + "wall".Length;
        Assert.All(lines[1..], l => Assert.Equal(wallEnd, l.IndexOf(" ms", StringComparison.Ordinal) + " ms".Length));
        Assert.StartsWith("engine: bank lines beside worker-months ", lines[2]);
    }
}