using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class AttendanceStoreTests
{
    private static int Ordinal(int year, int month) => new YearMonth(year, month).Ordinal;

    // Two workers without entry or exit dates.
    private static readonly List<int> NoEntry = [int.MinValue, int.MinValue];
    private static readonly List<int> NoExit = [int.MaxValue, int.MaxValue];

    private static void Add(AttendanceStore store, int worker, int month, int day, int second, long line) =>
        store.Add(worker, month, day, second, 0, line, NoEntry, NoExit);

    [Fact]
    public void Add_MonthsInsideAndFarOutsideTheWindow_EachMonthOneBlockWithItsOwnTotals()
    {
        var store = new AttendanceStore();
        // The first punch places the window; 1990 and 2090 are decades away and go through the fallback index.
        (int Year, int Month)[] months = [(2024, 3), (2024, 1), (1990, 6), (2090, 12), (2025, 7)];
        foreach (var (year, month) in months)
        {
            Add(store, 0, Ordinal(year, month), 2, 8 * 3600, 1);
            Add(store, 0, Ordinal(year, month), 2, 17 * 3600, 2);
            Add(store, 1, Ordinal(year, month), 5, 9 * 3600, 3);
        }
        // Back to every month again, in another order: no new block.
        foreach (var (year, month) in months.Reverse())
            Add(store, 0, Ordinal(year, month), 3, 10 * 3600, 4);

        Assert.Equal(2 * months.Length, store.BlockCount);
        foreach (var (year, month) in months)
        {
            Assert.True(store.TryGetBlock(0, Ordinal(year, month), out int block));
            Assert.Equal(0, store.WorkerOf(block));
            Assert.Equal(Ordinal(year, month), store.MonthOf(block));
            Assert.Equal((2, 9L * 3600), store.Totals(block));
            Assert.Equal(new DateOnly(year, month, 2).DayNumber, store.FirstDay(block));
            Assert.True(store.TryGetBlock(1, Ordinal(year, month), out int other));
            Assert.Equal((1, 0L), store.Totals(other));
        }
        Assert.False(store.TryGetBlock(0, Ordinal(2024, 2), out _));
        Assert.False(store.TryGetBlock(0, Ordinal(2150, 1), out _));
        Assert.False(store.TryGetBlock(7, Ordinal(2024, 3), out _));
    }

    [Fact]
    public void TryGetBlock_NoPunchYet_False()
    {
        var store = new AttendanceStore();
        Assert.False(store.TryGetBlock(0, Ordinal(2024, 1), out _));
        Assert.Equal(0, store.BlockCount);
    }

    [Fact]
    public void Add_EntryAndExitInsideTheMonth_OnlyDaysOutsideTenureAreEvidence()
    {
        var store = new AttendanceStore();
        List<int> entry = [new DateOnly(2024, 3, 10).DayNumber];
        List<int> exit = [new DateOnly(2024, 3, 20).DayNumber];
        int march = Ordinal(2024, 3);
        static long Ticks(int day, int hour) => new DateTime(2024, 3, day, hour, 0, 0).Ticks;
        // Inside tenure first (no evidence), then after exit (a late outside punch), then before entry (the earliest).
        foreach (var (day, hour, line) in new[] { (10, 8, 2L), (20, 17, 3L), (21, 9, 4L), (9, 7, 5L), (9, 6, 6L), (31, 8, 7L) })
            store.Add(0, march, day, hour * 3600, Ticks(day, hour), line, entry, exit);

        Assert.True(store.TryGetBlock(0, march, out int block));
        Assert.True(store.TryGetOutsideTenure(block, out DateTime time, out long evidence));
        Assert.Equal(new DateTime(2024, 3, 9, 6, 0, 0), time);
        Assert.Equal(6, evidence);
        Assert.Equal(new DateOnly(2024, 3, 9).DayNumber, store.FirstDay(block));
        // Day 9: 06:00–07:00; day 10: one punch; day 20: one; day 21: one; day 31: one.
        Assert.Equal((5, 3600L), store.Totals(block));
    }

    [Fact]
    public void Add_WholeMonthInsideTenure_NoEvidence()
    {
        var store = new AttendanceStore();
        List<int> entry = [new DateOnly(2024, 2, 29).DayNumber];
        List<int> exit = [new DateOnly(2024, 4, 1).DayNumber];
        for (int day = 1; day <= 31; day++) store.Add(0, Ordinal(2024, 3), day, 3600, 0, day + 1, entry, exit);
        Assert.True(store.TryGetBlock(0, Ordinal(2024, 3), out int block));
        Assert.False(store.TryGetOutsideTenure(block, out _, out _));
        Assert.Equal((31, 0L), store.Totals(block));
    }

    [Fact]
    public void Add_TwoWorkersInterleavedAcrossMonths_EachWorkerKeepsItsOwnBlocks()
    {
        // Each worker's cursor keeps its last month: a punch of another month, or of the other worker, must not write into it.
        var store = new AttendanceStore();
        store.Add(0, Ordinal(2024, 5), 1, 100, 0, 2, NoEntry, NoExit);
        store.Add(1, Ordinal(2024, 5), 1, 200, 0, 3, NoEntry, NoExit);
        store.Add(0, Ordinal(2024, 6), 1, 400, 0, 4, NoEntry, NoExit);
        store.Add(0, Ordinal(2024, 5), 1, 300, 0, 5, NoEntry, NoExit);
        store.Add(1, Ordinal(2024, 5), 2, 500, 0, 6, NoEntry, NoExit);
        Assert.True(store.TryGetBlock(0, Ordinal(2024, 5), out int may));
        Assert.True(store.TryGetBlock(0, Ordinal(2024, 6), out int june));
        Assert.True(store.TryGetBlock(1, Ordinal(2024, 5), out int other));
        Assert.Equal((1, 200L), store.Totals(may));
        Assert.Equal((1, 0L), store.Totals(june));
        Assert.Equal((2, 0L), store.Totals(other));
        Assert.Equal(3, store.BlockCount);
    }

    [Fact]
    public void MergeFrom_PunchesCutIntoParts_SameAsOneStoreOfAll()
    {
        // Workers 0–5 (worker 2's tenure ends mid-month), months inside and decades outside the window, both ends of days.
        List<int> entry = [int.MinValue, int.MinValue, int.MinValue, new DateOnly(2024, 2, 10).DayNumber, int.MinValue, int.MinValue];
        List<int> exit = [int.MaxValue, int.MaxValue, new DateOnly(2024, 3, 15).DayNumber, int.MaxValue, int.MaxValue, int.MaxValue];
        int[] months = [Ordinal(2024, 1), Ordinal(2024, 2), Ordinal(2024, 3), Ordinal(1990, 6), Ordinal(2090, 1)];
        var punch = Gen.Choose(0, 5).SelectMany(w => Gen.Elements(months).SelectMany(m => Gen.Choose(1, 28).SelectMany(d => Gen.Choose(0, 86_399).Select(t => (w, m, d, t)))));
        Prop.ForAll(Arb.From(Gen.ListOf(punch)), Arb.From(Gen.Choose(0, 1000)), Arb.From(Gen.Choose(0, 1000)), (punches, a, b) =>
        {
            int cut1 = punches.Count == 0 ? 0 : Math.Min(a, b) % (punches.Count + 1);
            int cut2 = punches.Count == 0 ? 0 : Math.Max(cut1, Math.Max(a, b) % (punches.Count + 1));
            var whole = new AttendanceStore();
            var parts = new[] { new AttendanceStore(), new AttendanceStore(), new AttendanceStore() };
            for (int i = 0; i < punches.Count; i++)
            {
                var (w, m, d, t) = punches[i];
                long ticks = new DateTime(m / 12, (m % 12) + 1, d).Ticks + (t * TimeSpan.TicksPerSecond);
                whole.Add(w, m, d, t, ticks, i + 2, entry, exit);
                parts[i < cut1 ? 0 : i < cut2 ? 1 : 2].Add(w, m, d, t, ticks, i + 2, entry, exit);
            }
            var merged = new AttendanceStore();
            foreach (var part in parts) merged.MergeFrom(part);

            Assert.Equal(whole.BlockCount, merged.BlockCount);
            AssertSummariesAsPerBlock(whole);
            AssertSummariesAsPerBlock(merged);
            for (int w = 0; w < 6; w++)
            {
                foreach (int m in months)
                {
                    Assert.Equal(whole.TryGetBlock(w, m, out int x), merged.TryGetBlock(w, m, out int y));
                    if (x < 0) continue;
                    Assert.Equal(whole.Totals(x), merged.Totals(y));
                    Assert.Equal(whole.FirstDay(x), merged.FirstDay(y));
                    Assert.Equal(whole.TryGetOutsideTenure(x, out var tx, out long lx), merged.TryGetOutsideTenure(y, out var ty, out long ly));
                    Assert.Equal((tx, lx), (ty, ly));
                }
            }
            // A punch after the merge lands in the merged block.
            merged.Add(0, months[0], 28, 86_399, 0, 99_999, entry, exit);
            Assert.True(merged.TryGetBlock(0, months[0], out int last));
            Assert.InRange(merged.FirstDay(last), new DateOnly(2024, 1, 1).DayNumber, new DateOnly(2024, 1, 28).DayNumber);
        }).Check(PropertyConfig.Quick(200));
    }

    [Fact]
    public void MergeFrom_SamePunchesAgain_KeepsNoneOfTheSecondStoresChunksAndTheSameTotals()
    {
        // An attendance export appended to itself: the second part's worker-months are all the first's.
        List<int> entry = Enumerable.Repeat(int.MinValue, 200).ToList();
        List<int> exit = Enumerable.Repeat(int.MaxValue, 200).ToList();
        var first = new AttendanceStore();
        var second = new AttendanceStore();
        var alone = new AttendanceStore();
        int line = 2;
        for (int m = 0; m < 3; m++)
            for (int w = 0; w < 200; w++)
                for (int d = 1; d <= 20; d += 3)
                {
                    long ticks = new DateTime(2024, m + 1, d, 7, w % 60, 0).Ticks;
                    int second0 = 7 * 3600 + (w % 60) * 60;
                    foreach (var store in new[] { first, second, alone }) store.Add(w, Ordinal(2024, m + 1), d, second0 + (store == second ? 3600 : 0), ticks, line, entry, exit);
                    line++;
                }
        int chunks = first.ChunkCount;
        first.MergeFrom(second);
        Assert.Equal(chunks, first.ChunkCount);
        Assert.Equal(alone.BlockCount, first.BlockCount);
        for (int w = 0; w < 200; w++)
        {
            Assert.True(first.TryGetBlock(w, Ordinal(2024, 2), out int merged));
            Assert.True(alone.TryGetBlock(w, Ordinal(2024, 2), out int single));
            // Each day's last punch is the second part's, an hour after the first's.
            Assert.Equal((alone.Totals(single).Days, alone.Totals(single).Seconds + (7 * 3600)), first.Totals(merged));
        }
        AssertSummariesAsPerBlock(first);
    }

    [Fact]
    public void Summaries_ManyWorkersAcrossWideChunks_SameAsEachBlocksTotalsAndFirstDay()
    {
        // Up to 300 workers a month: chunks of every width up to 64 columns, some columns left unused.
        List<int> entry = Enumerable.Repeat(int.MinValue, 300).ToList();
        List<int> exit = Enumerable.Repeat(int.MaxValue, 300).ToList();
        var punch = Gen.Choose(0, 299).SelectMany(w => Gen.Choose(0, 2).SelectMany(m => Gen.Choose(1, 31).SelectMany(d => Gen.Choose(0, 86_399).Select(t => (w, m, d, t)))));
        Prop.ForAll(Arb.From(Gen.Choose(0, 3000).SelectMany(n => Gen.ArrayOf(punch, n))), punches =>
        {
            var store = new AttendanceStore();
            for (int i = 0; i < punches.Length; i++)
            {
                var (w, m, d, t) = punches[i];
                int ordinal = Ordinal(2024, 1) + m;
                int day = Math.Min(d, DateTime.DaysInMonth(2024, m + 1));
                store.Add(w, ordinal, day, t, new DateTime(2024, m + 1, day).Ticks + (t * TimeSpan.TicksPerSecond), i + 2, entry, exit);
            }
            AssertSummariesAsPerBlock(store);
        }).Check(PropertyConfig.Quick(50));
    }

    private static void AssertSummariesAsPerBlock(AttendanceStore store)
    {
        var days = new int[store.BlockCount];
        var seconds = new long[store.BlockCount];
        var firstDays = new int[store.BlockCount];
        store.Summaries(days, seconds, firstDays);
        for (int block = 0; block < store.BlockCount; block++)
        {
            Assert.Equal(store.Totals(block), (days[block], seconds[block]));
            Assert.Equal(store.FirstDay(block), firstDays[block]);
        }
    }
}

/// <summary>A punch through the cursor the store keeps for the worker, as the log adds a punch of an id of another length.</summary>
internal static class AttendanceStoreTestExtensions
{
    public static void Add(this AttendanceStore store, int worker, int monthOrdinal, int day, int secondOfDay, long ticks, long line, List<int> entryDays, List<int> exitDays) =>
        store.Add(ref store.CursorOf(worker), worker, monthOrdinal, day, secondOfDay, ticks, line, entryDays, exitDays);
}
