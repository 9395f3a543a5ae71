using System.Buffers;

namespace PayrollRecon.Reading;

/// <summary>
/// Where a CSV text can be cut into parts that readers may take one each: only at record ends, and only when no quote
/// could make a line end data (then the caller reads the file on one thread).
/// </summary>
/// <remarks>
/// A record ends at a LF, or at a CR that no LF follows, as <see cref="CsvReader"/> ends them; a part starts just
/// after such an end, never between the CR and LF of a CRLF. Without any quote byte in the text every line end is a
/// record end, so the line a part starts on is one more than the line ends before it. Cutting at a LF or CR is also
/// safe inside multi-byte characters: neither byte occurs within a UTF-8 or GB18030 character.
/// </remarks>
internal static class RecordSplit
{
    private const int ScanBytes = 256 * 1024;

    private static readonly SearchValues<byte> QuoteCrOrNonAscii =
        SearchValues.Create([(byte)'"', (byte)'\r', .. Enumerable.Range(0x80, 0x80).Select(static b => (byte)b)]);

    /// <summary>Bytes a part must have at least; a smaller text is read as one part.</summary>
    public const int MinPartBytes = 64 * 1024;

    /// <summary>One part: its bytes [<see cref="Start"/>, <see cref="End"/>) and the line ends before it.</summary>
    public readonly record struct Part(long Start, long End, long LinesBefore);

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
    /// Cuts [<paramref name="bodyStart"/>, length) into at most <paramref name="parts"/> parts of about equal size (the
    /// first part also holds everything before <paramref name="bodyStart"/>), or returns null when the text must be read
    /// as one part: it has a quote byte, or is too small to be worth cutting.
    /// </summary>
    /// <param name="source">The text.</param>
    /// <param name="bodyStart">Where the records after the header begin; no cut is made before it.</param>
    /// <param name="parts">Most parts wanted.</param>
    /// <param name="minPartBytes">Fewest bytes a part may have.</param>
    /// <param name="keepAfterFirstNonAscii">
    /// Bytes after the text's first non-ASCII byte that no cut may fall in: the reader decides the encoding on them, so
    /// the part holding that byte must hold all of them to decide as a reader of the whole text would.
    /// </param>
    /// <param name="parallelism">Above 1: the parts are scanned for line ends, quotes and non-ASCII bytes side by side, a thread each.</param>
    /// <param name="firstNonAscii">Offset of the text's first byte above 0x7F, or -1 (also when null is returned).</param>
    public static Part[]? Plan(ByteSource source, long bodyStart, int parts, int minPartBytes, int keepAfterFirstNonAscii, int parallelism, out long firstNonAscii)
    {
        firstNonAscii = -1;
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
        if (starts.Count < 2) return null;

        // One pass over each part, side by side: its line ends, whether it holds a quote, its first non-ASCII byte.
        var scans = new RegionScan[starts.Count];
        if (parallelism > 1)
            SideBySide.Run(starts.Count, k => scans[k] = Scan(source, starts[k], k + 1 < starts.Count ? starts[k + 1] : length));
        else
            for (int k = 0; k < starts.Count; k++) scans[k] = Scan(source, starts[k], k + 1 < starts.Count ? starts[k + 1] : length);
        if (scans.Any(static s => s.Quote)) return null;

        var result = new List<Part>(starts.Count);
        long before = 0;
        for (int k = 0; k < starts.Count; k++)
        {
            result.Add(new Part(starts[k], k + 1 < starts.Count ? starts[k + 1] : length, before));
            before += scans[k].Lines;
            if (firstNonAscii < 0) firstNonAscii = scans[k].FirstNonAscii;
        }

        if (firstNonAscii >= 0)
        {
            // A cut in the bytes the encoding is decided on moves to the first record after them.
            long keepEnd = firstNonAscii + keepAfterFirstNonAscii;
            for (int k = 1; k < result.Count; k++)
            {
                if (result[k].Start <= firstNonAscii || result[k].Start > keepEnd) continue;
                long moved = NextRecordStart(source, keepEnd);
                long lines = result[k].LinesBefore + Scan(source, result[k].Start, moved).Lines;
                while (k < result.Count && result[k].Start <= moved) result.RemoveAt(k);
                if (moved < length) result.Insert(k, new Part(moved, k < result.Count ? result[k].Start : length, lines));
                result[k - 1] = result[k - 1] with { End = k < result.Count ? result[k].Start : length };
                break;
            }
        }
        return result.Count < 2 ? null : [.. result];
    }

    /// <summary>What one pass over a range found.</summary>
    /// <param name="Lines">Line ends in the range.</param>
    /// <param name="Quote">Whether a quote byte is there (the pass stops at it).</param>
    /// <param name="FirstNonAscii">Offset of its first byte above 0x7F, or -1.</param>
    public readonly record struct RegionScan(long Lines, bool Quote, long FirstNonAscii);

    /// <summary>Line ends in [<paramref name="start"/>, <paramref name="end"/>), whether any quote byte is there, and its first non-ASCII byte.</summary>
    /// <remarks>A CR at <paramref name="end"/> − 1 counts as a line end: a part never ends between a CR and its LF.</remarks>
    public static RegionScan Scan(ByteSource source, long start, long end)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ScanBytes);
        try
        {
            long lines = 0;
            long firstNonAscii = -1;
            bool pendingCr = false;
            for (long offset = start; offset < end;)
            {
                int n = source.Read(offset, buffer.AsSpan(0, (int)Math.Min(ScanBytes, end - offset)));
                if (n == 0) break;
                var span = buffer.AsSpan(0, n);
                if (pendingCr && span[0] != (byte)'\n') lines++;
                pendingCr = false;
                lines += span.Count((byte)'\n');
                // One more pass finds what is rare: a quote (then stop), a CR, and until it is found a non-ASCII byte.
                for (int i = 0; i < n;)
                {
                    var rest = span[i..];
                    int hit = firstNonAscii < 0 ? rest.IndexOfAny(QuoteCrOrNonAscii) : rest.IndexOfAny((byte)'"', (byte)'\r');
                    if (hit < 0) break;
                    i += hit;
                    byte b = span[i];
                    if (b == (byte)'"') return new RegionScan(lines, true, firstNonAscii);
                    if (b == (byte)'\r')
                    {
                        if (i + 1 == n) pendingCr = true;
                        else if (span[i + 1] != (byte)'\n') lines++;
                    }
                    else if (firstNonAscii < 0)
                    {
                        firstNonAscii = offset + i;
                    }
                    i++;
                }
                offset += n;
            }
            if (pendingCr) lines++;
            return new RegionScan(lines, false, firstNonAscii);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
