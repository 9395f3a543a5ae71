using System.Buffers;

namespace PayrollRecon.Reading;

/// <summary>
/// Where a CSV text can be cut into parts that readers may take one each: only at record ends, trusted only when no
/// quote could make a line end data (else the caller reads the file on one thread).
/// </summary>
/// <remarks>
/// A record ends at a LF, or at a CR that no LF follows, as <see cref="CsvReader"/> ends them; a part starts just
/// after such an end, never between the CR and LF of a CRLF. Without any quote byte in the text every line end is a
/// record end, so the line a part starts on is one more than the line ends before it, which the readers of the parts
/// before it count. Cutting at a LF or CR is also safe inside multi-byte characters: neither byte occurs within a
/// UTF-8 or GB18030 character.
/// </remarks>
internal static class RecordSplit
{
    private const int ScanBytes = 256 * 1024;

    /// <summary>Bytes a part must have at least; a smaller text is read as one part.</summary>
    public const int MinPartBytes = 64 * 1024;

    /// <summary>The offset just after the <paramref name="lines"/>-th line end, or -1 when the text has fewer.</summary>
    public static long AfterLines(ByteSource source, long lines)
    {
        if (lines == 0) return 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ScanBytes + 1);
        try
        {
            long seen = 0;
            for (long offset = 0; ;)
            {
                // One byte more than is looked at, to tell a lone CR from a CRLF at the end of a read.
                int n = source.Read(offset, buffer.AsSpan(0, ScanBytes + 1));
                if (n == 0) return -1;
                int look = Math.Min(n, ScanBytes);
                for (int i = 0; i < look; i++)
                {
                    byte b = buffer[i];
                    if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= n || buffer[i + 1] != (byte)'\n')))
                    {
                        if (++seen == lines) return offset + i + 1;
                    }
                }
                offset += look;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The start of the first record that begins after <paramref name="offset"/> (just after the next line end), or the length.</summary>
    public static long NextRecordStart(ByteSource source, long offset)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ScanBytes + 1);
        try
        {
            while (true)
            {
                int n = source.Read(offset, buffer.AsSpan(0, ScanBytes + 1));
                if (n == 0) return source.Length;
                int look = Math.Min(n, ScanBytes);
                int i = buffer.AsSpan(0, look).IndexOfAny((byte)'\n', (byte)'\r');
                if (i >= 0)
                {
                    if (buffer[i] == (byte)'\r' && i + 1 < n && buffer[i + 1] == (byte)'\n') i++;
                    return offset + i + 1;
                }
                offset += look;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Where to cut [<paramref name="bodyStart"/>, length) into at most <paramref name="parts"/> parts of about equal size:
    /// the start of each part (the first at 0, also holding everything before <paramref name="bodyStart"/>), each just
    /// after a line end; null when the text is too small to be worth cutting.
    /// </summary>
    /// <remarks>
    /// The cuts are trusted only if no part holds a quote byte, which the parts' readers tell (<see
    /// cref="QuoteWatchStream"/>): without one every line end is a record end.
    /// </remarks>
    public static long[]? Cut(ByteSource source, long bodyStart, int parts, int minPartBytes)
    {
        long length = source.Length;
        parts = (int)Math.Min(parts, Math.Max(1, (length - bodyStart) / Math.Max(1, minPartBytes)));
        if (parts < 2) return null;

        var starts = new List<long> { 0 };
        for (int k = 1; k < parts; k++)
        {
            long target = bodyStart + ((length - bodyStart) * k / parts) - 1;
            if (target < starts[^1]) continue;
            long start = NextRecordStart(source, target);
            if (start <= starts[^1] || start >= length || start <= bodyStart) continue;
            starts.Add(start);
        }
        return starts.Count < 2 ? null : [.. starts];
    }
}
