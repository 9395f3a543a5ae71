namespace PayrollRecon.Reconciliation;

/// <summary>
/// R15's memory of the lines read so far: a line repeats an earlier one with the same txn id, date, direction and
/// amount. Lines are read in date order (R14, R40), so every line a line can repeat was read on its own date: the set
/// holds one date's lines, and its size follows the busiest date, not the statement's length. Banks reuse serial
/// numbers for distinct lines (a fee and its transfer), so the id alone is not enough.
/// </summary>
/// <remarks>
/// A bucket holds the run of one date it was written in (a count that moves on with every change of date); a bucket of
/// an earlier run is free. Moving to the next date therefore clears nothing, and a probe stops at the first bucket of
/// another run, since every line of this run was put after the earlier runs were left behind. Were a date ever to come
/// back after another, it would start a run of its own: repeats across the two runs would go unseen, but no probe
/// could find the table full.
/// </remarks>
internal sealed class TxnRepeatSet
{
    private readonly Utf8Arena _txnIds;
    private readonly GrowingArray<StoredBankLine> _lines;
    private Bucket[] _buckets = new Bucket[64];
    private int _day = int.MinValue;
    // The run of the current date (1 for the first date read; 0 marks a bucket never written).
    private int _run;
    private int _count;

    /// <param name="txnIds">The bytes the lines' txn ids point into.</param>
    /// <param name="lines">The statement lines, looked up by index.</param>
    public TxnRepeatSet(Utf8Arena txnIds, GrowingArray<StoredBankLine> lines)
    {
        _txnIds = txnIds;
        _lines = lines;
    }

    /// <summary>Forgets every line read.</summary>
    public void Clear()
    {
        Array.Clear(_buckets);
        _day = int.MinValue;
        _run = 0;
        _count = 0;
    }

    /// <summary>
    /// True when line <paramref name="index"/> repeats a line read before it on its date, <paramref name="first"/> the
    /// first such line; else remembers it and returns false. Lines of one date come together: once a later date's line
    /// is read, the lines of earlier dates are forgotten. A line without a txn id repeats nothing and is not kept.
    /// </summary>
    public bool TryGetOrAdd(int index, out int first)
    {
        ref readonly var line = ref _lines[index];
        first = -1;
        if (line.TxnLength == 0) return false;
        int day = line.Date.DayNumber;
        if (day != _day)
        {
            _day = day;
            _run++;
            _count = 0;
        }
        int run = _run;
        var txn = _txnIds.Slice(line.TxnOffset, line.TxnLength);
        uint hash = ByteHash.Of(txn, unchecked((ulong)line.AmountFen ^ (line.IsDebit ? 1UL << 63 : 0)));

        Bucket[] buckets = _buckets;
        int mask = buckets.Length - 1;
        int bucket = (int)(hash & (uint)mask);
        while (true)
        {
            Bucket b = buckets[bucket];
            if (b.Run != run) break;
            if (b.Hash == hash && Repeats(in line, txn, b.Index))
            {
                first = b.Index;
                return true;
            }
            bucket = (bucket + 1) & mask;
        }

        if (2 * (_count + 1) > buckets.Length)
        {
            Grow();
            bucket = Free(_buckets, hash, run);
        }
        _buckets[bucket] = new Bucket(run, hash, index);
        _count++;
        return false;
    }

    private bool Repeats(in StoredBankLine line, ReadOnlySpan<byte> txn, int earlier)
    {
        ref readonly var e = ref _lines[earlier];
        return e.IsDebit == line.IsDebit && e.AmountFen == line.AmountFen && _txnIds.Slice(e.TxnOffset, e.TxnLength).SequenceEqual(txn);
    }

    /// <summary>Doubles the buckets, keeping this date's lines (the others are free anyway).</summary>
    private void Grow()
    {
        var old = _buckets;
        var buckets = FreshPages.Touch(new Bucket[checked(old.Length * 2)]);
        foreach (Bucket b in old)
        {
            if (b.Run == _run) buckets[Free(buckets, b.Hash, _run)] = b;
        }
        _buckets = buckets;
    }

    private static int Free(Bucket[] buckets, uint hash, int run)
    {
        int mask = buckets.Length - 1;
        int bucket = (int)(hash & (uint)mask);
        while (buckets[bucket].Run == run) bucket = (bucket + 1) & mask;
        return bucket;
    }

    /// <summary>The run of a date a bucket was written in (0: never written; runs count from 1), the line's hash and its index.</summary>
    private readonly record struct Bucket(int Run, uint Hash, int Index);
}
