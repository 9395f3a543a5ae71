namespace PayrollRecon.Reconciliation;

/// <summary>
/// An open-addressing set of byte strings that live in a <see cref="Utf8Arena"/>, each mapped to an int value; finds
/// and adds without allocating once sized (it doubles as keys are added).
/// </summary>
/// <remarks>
/// A bucket holds the key's hash beside its slot, so a probe past another key compares four bytes of the bucket and
/// reads neither the key's slice nor its bytes.
/// </remarks>
internal sealed class ArenaSliceSet
{
    private readonly Utf8Arena _arena;
    private Bucket[] _buckets;
    private int[] _offsets;
    private int[] _lengths;
    private int[] _values;
    private int _count;

    public ArenaSliceSet(Utf8Arena arena, int expectedKeys)
    {
        _arena = arena;
        int capacity = Math.Max(expectedKeys, 4);
        _buckets = FreshPages.Touch(new Bucket[BucketCount(capacity)]);
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _values = new int[capacity];
    }

    /// <summary>Number of keys in the set.</summary>
    public int Count => _count;

    /// <summary>The value of the key equal to <paramref name="key"/> (which need not be in the arena), if any.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, out int value)
    {
        int bucket = Find(key, ByteHash.Of(key));
        int slot = _buckets[bucket].Slot;
        value = slot == 0 ? -1 : _values[slot - 1];
        return slot != 0;
    }

    /// <summary>Adds the key of the bytes stored at (<paramref name="offset"/>, <paramref name="length"/>); it must not be in the set yet.</summary>
    public void Add(int offset, int length, int value)
    {
        var key = _arena.Slice(offset, length);
        uint hash = ByteHash.Of(key);
        int bucket = Find(key, hash);
        if (_count == _offsets.Length)
        {
            Grow();
            bucket = Free(hash);
        }
        _offsets[_count] = offset;
        _lengths[_count] = length;
        _values[_count] = value;
        _buckets[bucket] = new Bucket(hash, ++_count);
    }

    // The bucket holding a key equal to key, else the free bucket where it would go.
    private int Find(ReadOnlySpan<byte> key, uint hash)
    {
        Bucket[] buckets = _buckets;
        int mask = buckets.Length - 1;
        int bucket = (int)(hash & (uint)mask);
        while (true)
        {
            Bucket b = buckets[bucket];
            if (b.Slot == 0) return bucket;
            if (b.Hash == hash)
            {
                int slot = b.Slot - 1;
                if (_lengths[slot] == key.Length && _arena.Slice(_offsets[slot], key.Length).SequenceEqual(key)) return bucket;
            }
            bucket = (bucket + 1) & mask;
        }
    }

    private int Free(uint hash)
    {
        int mask = _buckets.Length - 1;
        int bucket = (int)(hash & (uint)mask);
        while (_buckets[bucket].Slot != 0) bucket = (bucket + 1) & mask;
        return bucket;
    }

    private void Grow()
    {
        int capacity = checked(_offsets.Length * 2);
        Array.Resize(ref _offsets, capacity);
        Array.Resize(ref _lengths, capacity);
        Array.Resize(ref _values, capacity);
        var old = _buckets;
        _buckets = FreshPages.Touch(new Bucket[BucketCount(capacity)]);
        foreach (Bucket b in old)
        {
            if (b.Slot != 0) _buckets[Free(b.Hash)] = b;
        }
    }

    // A power of two at least twice the keys, so linear probes stay short.
    private static int BucketCount(int keys) => (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys * 2), 1u << 30);

    /// <summary>A key's hash and 1 + its slot (0: a free bucket).</summary>
    private readonly record struct Bucket(uint Hash, int Slot);
}
