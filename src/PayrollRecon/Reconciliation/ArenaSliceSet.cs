namespace PayrollRecon.Reconciliation;

/// <summary>
/// An open-addressing set of keys made of a byte string that lives in a <see cref="Utf8Arena"/> and a small value
/// <typeparamref name="TTag"/> stored beside it, each key mapped to an int value; finds and adds without allocating
/// (the bucket array is sized once for the number of keys expected).
/// </summary>
/// <typeparam name="TTag">
/// The rest of the key: two keys are equal when their bytes and their tags are. <see cref="NoTag"/> for a key of
/// bytes alone. A struct, so the set is specialised for it and comparing it costs no call through an interface.
/// </typeparam>
internal sealed class ArenaSliceSet<TTag>
    where TTag : struct, IEquatable<TTag>
{
    private readonly Utf8Arena _arena;
    // Per bucket: 0 when free, else 1 + the slot of the entry.
    private int[] _buckets;
    private int[] _offsets;
    private int[] _lengths;
    private TTag[] _tags;
    private int[] _values;
    private int _count;

    public ArenaSliceSet(Utf8Arena arena, int expectedKeys)
    {
        _arena = arena;
        int capacity = Math.Max(expectedKeys, 4);
        _buckets = FreshPages.Touch(new int[BucketCount(capacity)]);
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _tags = new TTag[capacity];
        _values = new int[capacity];
    }

    /// <summary>Number of keys in the set.</summary>
    public int Count => _count;

    /// <summary>
    /// The value of the key made of the bytes stored at (<paramref name="offset"/>, <paramref name="length"/>) and
    /// <paramref name="tag"/> when an equal key is already in the set; otherwise adds the key with
    /// <paramref name="value"/> and returns false.
    /// </summary>
    public bool TryGetOrAdd(int offset, int length, TTag tag, int value, out int existing)
    {
        var key = _arena.Slice(offset, length);
        int hash = Hash(key, tag);
        int bucket = Find(key, tag, hash);
        if (_buckets[bucket] != 0)
        {
            existing = _values[_buckets[bucket] - 1];
            return true;
        }
        Insert(bucket, hash, offset, length, tag, value);
        existing = -1;
        return false;
    }

    /// <summary>The value of the key equal to <paramref name="key"/> (which need not be in the arena) and <paramref name="tag"/>, if any.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> key, TTag tag, out int value)
    {
        int bucket = Find(key, tag, Hash(key, tag));
        if (_buckets[bucket] == 0)
        {
            value = -1;
            return false;
        }
        value = _values[_buckets[bucket] - 1];
        return true;
    }

    /// <summary>Adds the key of the bytes stored at (<paramref name="offset"/>, <paramref name="length"/>) and <paramref name="tag"/>; it must not be in the set yet.</summary>
    public void Add(int offset, int length, TTag tag, int value)
    {
        var key = _arena.Slice(offset, length);
        int hash = Hash(key, tag);
        Insert(Find(key, tag, hash), hash, offset, length, tag, value);
    }

    // The bucket holding a key equal to (key, tag), else the free bucket where it would go.
    private int Find(ReadOnlySpan<byte> key, TTag tag, int hash)
    {
        int mask = _buckets.Length - 1;
        int bucket = hash & mask;
        while (_buckets[bucket] != 0)
        {
            int slot = _buckets[bucket] - 1;
            if (_lengths[slot] == key.Length && _tags[slot].Equals(tag) && _arena.Slice(_offsets[slot], key.Length).SequenceEqual(key)) return bucket;
            bucket = (bucket + 1) & mask;
        }
        return bucket;
    }

    private void Insert(int bucket, int hash, int offset, int length, TTag tag, int value)
    {
        if (_count == _offsets.Length)
        {
            Grow();
            bucket = hash & (_buckets.Length - 1);
            while (_buckets[bucket] != 0) bucket = (bucket + 1) & (_buckets.Length - 1);
        }
        _offsets[_count] = offset;
        _lengths[_count] = length;
        _tags[_count] = tag;
        _values[_count] = value;
        _buckets[bucket] = ++_count;
    }

    private void Grow()
    {
        int capacity = checked(_offsets.Length * 2);
        Array.Resize(ref _offsets, capacity);
        Array.Resize(ref _lengths, capacity);
        Array.Resize(ref _tags, capacity);
        Array.Resize(ref _values, capacity);
        _buckets = FreshPages.Touch(new int[BucketCount(capacity)]);
        int mask = _buckets.Length - 1;
        for (int slot = 0; slot < _count; slot++)
        {
            int bucket = Hash(_arena.Slice(_offsets[slot], _lengths[slot]), _tags[slot]) & mask;
            while (_buckets[bucket] != 0) bucket = (bucket + 1) & mask;
            _buckets[bucket] = slot + 1;
        }
    }

    // A power of two at least twice the keys, so linear probes stay short.
    private static int BucketCount(int keys) => (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys * 2), 1u << 30);

    private static int Hash(ReadOnlySpan<byte> key, TTag tag)
    {
        var hash = new HashCode();
        hash.AddBytes(key);
        hash.Add(tag);
        return hash.ToHashCode();
    }
}

/// <summary>The tag of an <see cref="ArenaSliceSet{TTag}"/> whose keys are their bytes alone.</summary>
internal readonly record struct NoTag;
