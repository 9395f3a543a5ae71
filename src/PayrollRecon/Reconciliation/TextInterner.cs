namespace PayrollRecon.Reconciliation;

/// <summary>
/// Turns UTF-8 field bytes into strings, one string per distinct value, so that a long statement whose names,
/// accounts and memos repeat does not hold one string per line.
/// </summary>
/// <remarks>
/// Values are looked up by a hash over their bytes, so a value already seen is neither decoded nor allocated. Each
/// distinct value also has an index (<see cref="Index"/>), for stores that keep four bytes a row instead of a reference.
/// A table that may hold a value of its own on every row (a worker_id per history row) keeps the bytes only
/// (<c>keepStrings: false</c>) and decodes a value each time it is asked for: a string of each would cost some 60 bytes
/// a value more than its bytes.
/// </remarks>
internal sealed class TextInterner
{
    private readonly Utf8Arena _bytes = new();
    private readonly ArenaSliceSet _index;
    // Per value: its string (keepStrings), else where its bytes lie.
    private readonly List<string>? _values;
    private readonly GrowingArray<(int Offset, int Length)>? _slices;

    public TextInterner(bool keepStrings = true)
    {
        _index = new ArenaSliceSet(_bytes, 256);
        if (keepStrings) _values = [];
        else _slices = new();
    }

    /// <summary>Distinct non-empty values held.</summary>
    public int Count => _values?.Count ?? _slices!.Count;

    /// <summary>The string for <paramref name="utf8"/>; the empty string for no bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : this[Index(utf8)];

    /// <summary>The index of <paramref name="utf8"/>'s value (see <see cref="this[int]"/>); -1 for no bytes.</summary>
    public int Index(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return -1;
        if (_index.TryGetValue(utf8, out int existing)) return existing;
        int offset = _bytes.Add(utf8);
        int added = Count;
        _index.Add(offset, utf8.Length, added);
        if (_values is not null) _values.Add(_bytes.GetString(offset, utf8.Length));
        else _slices!.Add((offset, utf8.Length));
        return added;
    }

    /// <summary>The value of index <paramref name="index"/> (decoded afresh when only bytes are kept); the empty string for -1.</summary>
    public string this[int index]
    {
        get
        {
            if (index < 0) return string.Empty;
            if (_values is not null) return _values[index];
            var (offset, length) = _slices![index];
            return _bytes.GetString(offset, length);
        }
    }
}
