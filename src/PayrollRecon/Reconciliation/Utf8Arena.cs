using System.Text;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// One growing byte buffer holding UTF-8 texts back to back, so that a text kept per line (a statement's txn id)
/// costs its bytes and an (offset, length) pair instead of a string object.
/// </summary>
internal sealed class Utf8Arena
{
    private byte[] _bytes;
    private int _length;

    public Utf8Arena(int capacity = 4096)
    {
        _bytes = new byte[Math.Max(capacity, 16)];
    }

    /// <summary>Bytes in use.</summary>
    public int Length => _length;

    /// <summary>Makes room for <paramref name="bytes"/> more bytes, so adding them allocates nothing.</summary>
    public void Reserve(int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        int needed = checked(_length + bytes);
        if (needed > _bytes.Length) Grow(needed);
    }

    /// <summary>Copies <paramref name="utf8"/> to the end of the arena and returns its offset.</summary>
    public int Add(ReadOnlySpan<byte> utf8)
    {
        int offset = _length;
        int needed = checked(offset + utf8.Length);
        if (needed > _bytes.Length) Grow(needed);
        utf8.CopyTo(_bytes.AsSpan(offset));
        _length = needed;
        return offset;
    }

    /// <summary>Every byte stored so far, without a copy (the array is shared: it stays as it is only once nothing more is added).</summary>
    public ArraySegment<byte> Written => new(_bytes, 0, _length);

    /// <summary>The bytes stored at <paramref name="offset"/>.</summary>
    public ReadOnlySpan<byte> Slice(int offset, int length) => _bytes.AsSpan(offset, length);

    /// <summary>The stored text as a string, for evidence a human reads.</summary>
    public string GetString(int offset, int length) => Encoding.UTF8.GetString(_bytes, offset, length);

    private void Grow(int needed)
    {
        // Doubling keeps the copies amortised to a constant per byte stored.
        long size = Math.Max((long)_bytes.Length * 2, needed);
        var bytes = new byte[(int)Math.Min(size, Array.MaxLength)];
        if (bytes.Length < needed) throw new InsufficientMemoryException("The text arena cannot grow past 2 GiB.");
        _bytes.AsSpan(0, _length).CopyTo(bytes);
        _bytes = bytes;
    }
}
