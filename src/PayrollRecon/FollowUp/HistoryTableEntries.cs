using System.Collections;

namespace PayrollRecon.FollowUp;

/// <summary>The rows of a <see cref="HistoryTable"/> as <see cref="HistoryEntry"/> records, each made when it is asked for.</summary>
internal sealed class HistoryTableEntries(HistoryTable table) : IReadOnlyList<HistoryEntry>
{
    public int Count => table.Count;

    public HistoryEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, table.Count);
            return table.Entry(index);
        }
    }

    public IEnumerator<HistoryEntry> GetEnumerator()
    {
        for (int i = 0; i < table.Count; i++) yield return table.Entry(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
