namespace PayrollRecon.Reconciliation;

/// <summary>
/// Turns UTF-8 field bytes into strings, one string per distinct value, so that a long statement whose names,
/// accounts and memos repeat does not hold one string per line.
/// </summary>
/// <remarks>
/// Values are looked up by a hash over their bytes, so a value already seen is neither decoded nor allocated. Each
/// distinct value also has an index (<see cref="Index"/>), for stores that keep four bytes a row instead of a reference.
/// </remarks>
internal sealed class TextInterner
{
    private readonly Utf8Arena _bytes = new();
    private readonly ArenaSliceSet<NoTag> _index;
    private readonly List<string> _values = [];

    public TextInterner()
    {
        _index = new ArenaSliceSet<NoTag>(_bytes, 256);
    }

    /// <summary>Distinct non-empty values held.</summary>
    public int Count => _values.Count;

    /// <summary>The string for <paramref name="utf8"/>; the empty string for no bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : _values[Index(utf8)];

    /// <summary>The index of <paramref name="utf8"/>'s value (see <see cref="this[int]"/>); -1 for no bytes.</summary>
    public int Index(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return -1;
        if (_index.TryGetValue(utf8, default, out int existing)) return existing;
        int offset = _bytes.Add(utf8);
        _index.Add(offset, utf8.Length, default, _values.Count);
        _values.Add(_bytes.GetString(offset, utf8.Length));
        return _values.Count - 1;
    }

    /// <summary>The value of index <paramref name="index"/>; the empty string for -1.</summary>
    public string this[int index] => index < 0 ? string.Empty : _values[index];
}
