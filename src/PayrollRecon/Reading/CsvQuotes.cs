using static PayrollRecon.Reading.CsvMasks;

namespace PayrollRecon.Reading;

/// <summary>Quoted fields (RFC 4180): finding where one closes, counting the line ends inside it, and unquoting it in place.</summary>
internal static class CsvQuotes
{
    /// <summary>
    /// Finds the quote that closes a quoted field, searching <paramref name="window"/> from <paramref name="pos"/> (just
    /// after the opening quote, or where an earlier call stopped); returns its index, or -1 when it is not in the window
    /// yet. Line ends inside the quotes are added to <paramref name="newlines"/> up to the returned quote, or up to
    /// <paramref name="pos"/>, where a search that returned -1 resumes once more input has arrived.
    /// </summary>
    /// <remarks>
    /// A quote followed by another is an escaped one (<c>""</c>); so is a quote as the window's last byte, or a carriage
    /// return the line ends of the next byte decide, while <paramref name="inputDone"/> is false: they wait for it.
    /// </remarks>
    public static int FindClosing(ReadOnlySpan<byte> window, ref int pos, bool inputDone, ref long newlines)
    {
        while (true)
        {
            ReadOnlySpan<byte> rest = window[pos..];
            int rel = rest.IndexOf(Quote);
            if (rel < 0)
            {
                // A carriage return as the window's last byte is counted once the next byte shows whether it is a CRLF.
                int counted = !inputDone && !rest.IsEmpty && rest[^1] == CarriageReturn ? rest.Length - 1 : rest.Length;
                newlines += LineEnds(rest[..counted]);
                pos += counted;
                return -1;
            }
            // The text before a quote ends with it, so a carriage return at its end is a lone one.
            newlines += LineEnds(rest[..rel]);
            int q = pos + rel;
            if (q + 1 >= window.Length)
            {
                // Whether this is "" or a closing quote depends on the next byte.
                pos = q;
                return inputDone ? q : -1;
            }
            if (window[q + 1] != Quote) return q;
            pos = q + 2;
        }
    }

    /// <summary>Line ends in <paramref name="text"/>: line feeds, and carriage returns not followed by one (a CR at the end counts).</summary>
    public static int LineEnds(ReadOnlySpan<byte> text)
    {
        int count = text.Count(LineFeed);
        int cr = text.IndexOf(CarriageReturn);
        while (cr >= 0)
        {
            if (cr + 1 >= text.Length || text[cr + 1] != LineFeed) count++;
            int next = text[(cr + 1)..].IndexOf(CarriageReturn);
            cr = next < 0 ? -1 : cr + 1 + next;
        }
        return count;
    }

    /// <summary>Rewrites a raw field that starts with a quote in place (quotes dropped, <c>""</c> → <c>"</c>); returns the new length, or -1 for a stray quote.</summary>
    public static int Unquote(Span<byte> raw)
    {
        int r = 1;
        int w = 0;
        while (r < raw.Length)
        {
            int rel = raw[r..].IndexOf(Quote);
            if (rel < 0)
            {
                // Unterminated at the end of the input: the rest is the value.
                raw[r..].CopyTo(raw[w..]);
                return w + raw.Length - r;
            }
            raw.Slice(r, rel).CopyTo(raw[w..]);
            w += rel;
            r += rel + 1;
            if (r < raw.Length && raw[r] == Quote)
            {
                raw[w++] = Quote;
                r++;
                continue;
            }
            // Closing quote: only white space may follow it up to the separator (trimming removes it); anything else makes
            // the quote a stray one, since the field's value would depend on how a reader guesses.
            if (Utf8WhiteSpace.TrimRange(raw[r..]).Length != 0) return -1;
            return w;
        }
        return w;
    }
}
