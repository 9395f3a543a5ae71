using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class AttendanceStoreTests
{
    private static int Ordinal(int year, int month) => new YearMonth(year, month).Ordinal;

    [Fact]
    public void Add_MonthsInsideAndFarOutsideTheWindow_EachMonthOneBlockWithItsOwnTotals()
    {
        var store = new AttendanceStore();
        // The first punch places the window; 1990 and 2090 are decades away and go through the fallback index.
        (int Year, int Month)[] months = [(2024, 3), (2024, 1), (1990, 6), (2090, 12), (2025, 7)];
        foreach (var (year, month) in months)
        {
            store.Add(0, Ordinal(year, month), 2, 8 * 3600, false, 0, 1);
            store.Add(0, Ordinal(year, month), 2, 17 * 3600, false, 0, 2);
            store.Add(1, Ordinal(year, month), 5, 9 * 3600, false, 0, 3);
        }
        // Back to every month again, in another order: no new block.
        foreach (var (year, month) in months.Reverse())
            store.Add(0, Ordinal(year, month), 3, 10 * 3600, false, 0, 4);

        Assert.Equal(2 * months.Length, store.BlockCount);
        foreach (var (year, month) in months)
        {
            Assert.True(store.TryGetBlock(0, Ordinal(year, month), out int block));
            Assert.Equal(0, store.WorkerOf(block));
            Assert.Equal(Ordinal(year, month), store.MonthOf(block));
            Assert.Equal((2, 9L * 3600), store.Totals(block));
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
}
