using System.Runtime;

namespace PayrollRecon.Cli;

/// <summary>
/// No garbage collection while one <c>check</c> runs in a process of its own, up to a budget of allocated bytes.
/// </summary>
/// <remarks>
/// A check allocates its state once and keeps nearly all of it to the end: the punch store, the worker-months, the
/// processed bank lines (a 5,000-worker × 24-month project allocates 108 MiB and holds ~95 MiB at its peak). The
/// collections the runtime would start on the way (three full ones there, each set off by the large arrays' budget)
/// find almost nothing to free, and each walks and moves what is live while both cores wait. The budget bounds what
/// the process may hold beyond its live data; past it (a larger project), collections resume as usual. Only the CLI's
/// own process asks for this: a host that embeds the library keeps its own collector settings, and tests that run the
/// CLI in-process ask for nothing.
/// </remarks>
internal sealed class QuietHeap : IDisposable
{
    /// <summary>Bytes a check may allocate before collections resume: 64 MiB in small objects and 64 MiB in large ones (a
    /// 5,000 × 24 project takes 108 MiB in all and fits; with 56 and 56 it still did). The budget is also what a larger
    /// check may hold at its peak beyond what it would with collections all along.</summary>
    public const long BudgetBytes = 128L << 20;

    /// <summary>Of <see cref="BudgetBytes"/>, the bytes for large objects (arrays of 85,000 bytes and more).</summary>
    public const long LargeObjectBudgetBytes = 64L << 20;

    private QuietHeap()
    {
    }

    /// <summary>Starts the quiet stretch; null when the runtime cannot promise the budget or one is already running.</summary>
    public static QuietHeap? Enter(long bytes = BudgetBytes, long largeObjectBytes = LargeObjectBudgetBytes)
    {
        try
        {
            return GC.TryStartNoGCRegion(bytes, largeObjectBytes) ? new QuietHeap() : null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Ends the quiet stretch, unless an allocation past the budget already ended it.</summary>
    public void Dispose()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // Ended by the runtime in the meantime (the budget ran out): collections are back, as wanted.
        }
    }
}
