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
/// when it is white space.
/// </summary>
/// <remarks>
/// The separator only matters for where a quote can open a field. The reader picks it on the header line (R1), and
/// while it searches for the header each line uses its own; this counter counts with a comma and with a tab, and when
/// the two disagree (a quote right after a tab in a comma file, or the reverse) the count is the range between them:
/// the documented weaker bound for files whose quoting is ambiguous. Workbooks are bounded elsewhere.
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
        long comma = Count(body, (byte)',', gb18030, loneCrBreaks);
        long tab = Count(body, (byte)'\t', gb18030, loneCrBreaks);
        string encoding = gb18030 ? "GB18030" : "UTF-8";
        return comma == tab
            ? new RecordCount(comma, comma, $"RFC 4180 records, blank ones excluded ({encoding})")
            : new RecordCount(Math.Min(comma, tab), Math.Max(comma, tab), $"comma and tab separators give {comma} and {tab} records ({encoding}): quoting is ambiguous, so a range");
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

    private static long Count(ReadOnlySpan<byte> b, byte sep, bool gb18030, bool loneCrBreaks)
    {
        long records = 0;
        int recordStart = 0;
        int fields = 1;
        bool fieldStart = true;
        bool inQuote = false;
        int i = 0;
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
                if (!IsBlank(b[recordStart..end], fields, gb18030)) records++;
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
                if (fieldStart && c == (byte)'"') inQuote = true;
                fieldStart = false;
            }
            i++;
        }
        if (recordStart < b.Length && !IsBlank(b[recordStart..], fields, gb18030)) records++;
        return records;
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
