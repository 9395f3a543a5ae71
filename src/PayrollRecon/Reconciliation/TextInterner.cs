namespace PayrollRecon.Reconciliation;

/// <summary>
/// Turns UTF-8 field bytes into strings, one string per distinct value, so that a long statement whose names,
/// accounts and memos repeat does not hold one string per line.
/// </summary>
/// <remarks>
/// Values are looked up by a hash over their bytes, so a value already seen is neither decoded nor allocated.
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

    /// <summary>The string for <paramref name="utf8"/>; the empty string for no bytes.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return string.Empty;
        if (_index.TryGetValue(utf8, default, out int existing)) return _values[existing];
        int offset = _bytes.Add(utf8);
        string value = _bytes.GetString(offset, utf8.Length);
        _index.Add(offset, utf8.Length, default, _values.Count);
        _values.Add(value);
        return value;
    }
}
