using System.Runtime;
using PayrollRecon.Cli;
using PayrollRecon.Tests.Reading;

namespace PayrollRecon.Tests.Cli;

/// <summary>The collector's quiet stretch is process-wide, so these run alone (with the allocation measurements).</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class QuietHeapTests
{
    [Fact]
    public void Enter_NoCollectionsUntilDisposed_ThenCollectionsResume()
    {
        int before = GC.CollectionCount(0);
        using (var quiet = QuietHeap.Enter(96L << 20, 64L << 20))
        {
            Assert.NotNull(quiet);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            int entered = GC.CollectionCount(0);
            // 32 MiB in small and large arrays, well within the budget: not one collection.
            var kept = new List<byte[]>();
            for (int i = 0; i < 256; i++) kept.Add(new byte[i % 2 == 0 ? 1024 : 256 * 1024]);
            Assert.Equal(entered, GC.CollectionCount(0));
            // A second stretch cannot start inside the first.
            Assert.Null(QuietHeap.Enter(96L << 20, 64L << 20));
            GC.KeepAlive(kept);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > before);
    }

    [Fact]
    public void Dispose_AfterTheBudgetRanOut_CollectionsAlreadyBackAndNothingThrown()
    {
        var quiet = QuietHeap.Enter(4L << 20, 2L << 20);
        Assert.NotNull(quiet);
        int entered = GC.CollectionCount(0);
        for (int i = 0; i < 64; i++) GC.KeepAlive(new byte[1 << 20]);
        // 64 MiB of large arrays against a budget of 2: the runtime collected and left the stretch itself.
        Assert.True(GC.CollectionCount(0) > entered);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        quiet.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
