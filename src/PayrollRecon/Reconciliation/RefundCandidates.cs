namespace PayrollRecon.Reconciliation;

/// <summary>
/// Wage payments in date order under a key (amount and account digits, or amount and normalised name), from which a
/// refund takes the latest one not yet cancelled (R17).
/// </summary>
/// <remarks>
/// Each key holds a chain through the entries, newest first, instead of a list per key: adding a payment allocates
/// nothing once the tables have grown. A payment passed over because it was cancelled is dropped from its chain for
/// good, as it can never be chosen again.
/// </remarks>
internal sealed class RefundCandidates
{
    private readonly Dictionary<Key, int> _newest;
    private readonly List<(int Line, int Older)> _entries;

    /// <summary>Creates an index with room for <paramref name="capacity"/> payments.</summary>
    public RefundCandidates(int capacity)
    {
        _newest = new Dictionary<Key, int>(capacity);
        _entries = new List<(int Line, int Older)>(capacity);
    }

    /// <summary>Adds payment <paramref name="line"/> under (<paramref name="amountFen"/>, <paramref name="text"/>).</summary>
    public void Add(long amountFen, string text, int line)
    {
        ref int newest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_newest, new Key(amountFen, text), out bool exists);
        _entries.Add((line, exists ? newest : -1));
        newest = _entries.Count - 1;
    }

    /// <summary>Removes and returns the newest payment under the key for which <paramref name="isCancelled"/> is false, or -1.</summary>
    public int TakeNewest(long amountFen, string text, Func<int, bool> isCancelled)
    {
        var key = new Key(amountFen, text);
        if (!_newest.TryGetValue(key, out int entry)) return -1;
        while (entry >= 0)
        {
            var (line, older) = _entries[entry];
            entry = older;
            if (!isCancelled(line))
            {
                _newest[key] = entry;
                return line;
            }
        }
        _newest[key] = -1;
        return -1;
    }

    private readonly record struct Key(long AmountFen, string Text);
}
