using PayrollRecon.Reconciliation;

namespace PayrollRecon.FollowUp;

/// <summary>
/// Distinct UTF-8 texts held as their bytes only, each with an index; a text becomes a string each time it is asked
/// for. For texts a table may hold one of per row (a worker_id of its own on every history row), where keeping a string
/// of each would cost some 60 bytes a row more than its bytes.
/// </summary>
internal sealed class Utf8Texts
{
    private readonly Utf8Arena _bytes = new();
    private readonly ArenaSliceSet<NoTag> _index;
    private readonly GrowingArray<(int Offset, int Length)> _slices = new();

    public Utf8Texts()
    {
        _index = new ArenaSliceSet<NoTag>(_bytes, 256);
    }

    /// <summary>The index of <paramref name="utf8"/>'s text; -1 for no bytes.</summary>
    public int Index(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return -1;
        if (_index.TryGetValue(utf8, default, out int existing)) return existing;
        int offset = _bytes.Add(utf8);
        _index.Add(offset, utf8.Length, default, _slices.Count);
        _slices.Add((offset, utf8.Length));
        return _slices.Count - 1;
    }

    /// <summary>The text of index <paramref name="index"/>, decoded afresh; the empty string for -1.</summary>
    public string this[int index]
    {
        get
        {
            if (index < 0) return string.Empty;
            var (offset, length) = _slices[index];
            return _bytes.GetString(offset, length);
        }
    }
}
