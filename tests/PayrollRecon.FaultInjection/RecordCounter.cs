using System.Text;

namespace PayrollRecon.FaultInjection;

/// <summary>The number of records a file holds, counted independently of the reader, exact or as a range.</summary>
/// <param name="Min">At least this many.</param>
/// <param name="Max">At most this many.</param>
/// <param name="Why">How the count was made, and why it is a range when it is one.</param>
public sealed record RecordCount(long Min, long Max, string Why)
{
    /// <summary>Whether <paramref name="accounted"/> is within the count.</summary>
    public bool Holds(long accounted) => accounted >= Min && accounted <= Max;

    /// <summary>The count as text: one number or a range.</summary>
    public override string ToString() => Min == Max ? $"{Min}" : $"{Min}..{Max}";
}

/// <summary>
/// Counts the records of a CSV file the way SPEC §2.1 and R2 define them, with no code from the library: RFC 4180
/// records, where a quote opens a quoted field only as the field's first byte, line feeds and line breaks (LF, CRLF
/// and a lone CR) inside quotes belong to the field, and a blank record (one field that is empty after unquoting and
/// trimming Unicode white space) does not count. A record longer than the 1 MiB cap is a record (an error row) even
/// when it is white space. The separator, which decides where a quote can open a field, is the first non-blank
/// line's (R1: tab when it has more tabs than commas).
/// </summary>
/// <remarks>
/// One case has no exact count: a record over the cap in a file with quotes. The reader does not keep such a record
/// whole, so where the quotes it drops would have opened or closed a field is not defined. The count is then the
/// documented weaker bound: at least the records before the first over-long one plus one, at most the non-blank
/// physical lines (or the exact count, when larger). Workbooks are bounded elsewhere.
/// </remarks>
public static class RecordCounter
{
    /// <summary>The record cap of the CLI (<c>CsvReaderOptions.DefaultMaxRecordBytes</c>).</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>Counts the non-blank records of a CSV file.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="loneCrBreaks">Whether a lone CR ends a record (the reading here); false gives the count of a reader that only breaks at LF.</param>
    public static RecordCount CountCsv(byte[] bytes, bool loneCrBreaks = true)
    {
        ReadOnlySpan<byte> body = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;
        bool gb18030 = !System.Text.Unicode.Utf8.IsValid(body);
        string encoding = gb18030 ? "GB18030" : "UTF-8";
        byte sep = Separator(body);
        var (records, beforeLong) = Count(body, sep, gb18030, loneCrBreaks, quotes: true);
        if (beforeLong < 0 || !body.Contains((byte)'"'))
            return new RecordCount(records, records, $"RFC 4180 records, blank ones excluded ({encoding})");
        long lines = Count(body, sep, gb18030, loneCrBreaks, quotes: false).Records;
        return new RecordCount(beforeLong + 1, Math.Max(records, lines),
            $"a record over {MaxRecordBytes} bytes in a file with quotes ({encoding}): between the {beforeLong} records before it + 1 and the {lines} non-blank lines");
    }

    /// <summary>Whether the file has a CR not followed by LF (a classic Mac or mixed line end), inside quotes or not.</summary>
    public static bool HasLoneCr(byte[] bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n')) return true;
        }
        return false;
    }

    /// <summary>R1: tab when the first non-blank line holds more tabs than commas.</summary>
    private static byte Separator(ReadOnlySpan<byte> b)
    {
        while (!b.IsEmpty)
        {
            int end = b.IndexOfAny((byte)'\n', (byte)'\r');
            ReadOnlySpan<byte> line = end < 0 ? b : b[..end];
            if (line.Trim(" \t"u8).Length > 0) return line.Count((byte)'\t') > line.Count((byte)',') ? (byte)'\t' : (byte)',';
            b = end < 0 ? default : b[(end + 1)..];
        }
        return (byte)',';
    }

    /// <summary>The non-blank records, and how many came before the first one over the cap (-1: none is).</summary>
    private static (long Records, long BeforeLong) Count(ReadOnlySpan<byte> b, byte sep, bool gb18030, bool loneCrBreaks, bool quotes)
    {
        long records = 0;
        long beforeLong = -1;
        int recordStart = 0;
        int fields = 1;
        bool fieldStart = true;
        bool inQuote = false;
        int i = 0;
        void End(ReadOnlySpan<byte> record, ref long count)
        {
            if (record.Length > MaxRecordBytes && beforeLong < 0) beforeLong = count;
            if (!IsBlank(record, fields, gb18030)) count++;
        }
        while (i < b.Length)
        {
            byte c = b[i];
            if (inQuote)
            {
                if (c == (byte)'"')
                {
                    if (i + 1 < b.Length && b[i + 1] == (byte)'"')
                    {
                        i += 2;
                        continue;
                    }
                    inQuote = false;
                }
                i++;
                continue;
            }
            if (c == (byte)'\n' || (c == (byte)'\r' && (loneCrBreaks || (i + 1 < b.Length && b[i + 1] == (byte)'\n'))))
            {
                int end = i;
                i += c == (byte)'\r' && i + 1 < b.Length && b[i + 1] == (byte)'\n' ? 2 : 1;
                End(b[recordStart..end], ref records);
                recordStart = i;
                fields = 1;
                fieldStart = true;
                continue;
            }
            if (c == sep)
            {
                fields++;
                fieldStart = true;
            }
            else
            {
                if (quotes && fieldStart && c == (byte)'"') inQuote = true;
                fieldStart = false;
            }
            i++;
        }
        if (recordStart < b.Length) End(b[recordStart..], ref records);
        return (records, beforeLong);
    }

    private static bool IsBlank(ReadOnlySpan<byte> record, int fields, bool gb18030)
    {
        if (fields != 1) return false;
        if (record.Length > MaxRecordBytes) return false;
        string text = (gb18030 ? MutationCatalog.Gb18030 : Encoding.UTF8).GetString(record);
        if (!text.StartsWith('"')) return text.Trim().Length == 0;
        // A quoted field: blank when its value is white space and only white space follows the closing quote.
        var value = new StringBuilder();
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                value.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '"')
            {
                value.Append('"');
                i++;
                continue;
            }
            return text[(i + 1)..].Trim().Length == 0 && value.ToString().Trim().Length == 0;
        }
        // Still open at the end of the input: an unterminated quoted field, an error row.
        return false;
    }
}
