using static PayrollRecon.Reading.CsvMasks;

namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    /// <summary>Starts a header search: until <see cref="LockSeparator"/>, each record gets the separator its own line calls for (R1).</summary>
    /// <remarks>
    /// For inputs with preamble rows before the header (R33): a record's line is tab-separated when it holds more tabs
    /// than commas, counted on the raw bytes of its first physical line, quotes included. That is the count the reader
    /// makes without a header search, so a header on the first line gets the same separator either way, and the count
    /// cannot depend on the separator it is to decide (which bytes are quoted depends on where fields start). Records
    /// go through the slow path one by one; that is meant for the few dozen records of a preamble. Blank lines are
    /// skipped as always. Call before the first read.
    /// </remarks>
    /// <exception cref="InvalidOperationException">When a record has already been read.</exception>
    internal void BeginHeaderSearch()
    {
        if (_separator != 0) throw new InvalidOperationException("a header search must begin before the first record is read");
        _headerSearch = true;
    }

    /// <summary>Ends a header search: the separator of the record handed out last holds for the rest of the input, read by the bulk path again.</summary>
    /// <remarks>
    /// Meant to be called right after the header record was handed out. When no record was handed out yet, the next
    /// non-blank line decides, as without a header search. Nothing happens outside a header search.
    /// </remarks>
    internal void LockSeparator()
    {
        if (!_headerSearch) return;
        _headerSearch = false;
        _separatorPending = false;
        if (_rowSeparator == 0 || _rowSeparator == _separator) return;

        // A later call already looked at the next record's own line; that record is split again with the locked separator.
        // Its bytes are all still in the window unless it is too long, and a too-long record is an error whatever its split.
        if (_slow && !_tooLong) _slow = false;
        SetSeparator(_rowSeparator);
    }

    /// <summary>R1: finds the first non-blank line, skipping blank lines before it, and picks the separator from it.</summary>
    /// <remarks>Only the first <c>MaxRecordBytes + 1</c> bytes of a line are looked at, so the choice never depends on how the input arrives.</remarks>
    private bool TryDetectSeparator()
    {
        int limit = _maxRecordBytes + 1;
        int pos = _start;
        while (true)
        {
            ReadOnlySpan<byte> head = _buf.AsSpan(pos, Math.Min(_end - pos, limit));
            int rel = head.IndexOfAny(LineFeed, CarriageReturn);
            if (rel < 0 && head.Length < limit && !_inputDone) return false;
            int lineEnd = 1;
            if (rel >= 0 && head[rel] == CarriageReturn)
            {
                // CRLF is one line end; whether a LF follows a CR at the window's end is known with the next byte.
                if (pos + rel + 1 < _end) lineEnd = _buf[pos + rel + 1] == LineFeed ? 2 : 1;
                else if (!_inputDone) return false;
            }
            ReadOnlySpan<byte> line = rel < 0 ? head : head[..rel];
            int tabs = line.Count((byte)'\t');
            int commas = line.Count((byte)',');
            if (rel >= 0 && tabs == 0 && commas == 0 && Utf8WhiteSpace.TrimRange(line).Length == 0)
            {
                // Blank under either separator: consume it here so a long run of blank lines cannot fill the window.
                pos += rel + lineEnd;
                _line++;
                _start = _scanPos = _fieldStart = pos;
                continue;
            }
            if (!_firstLineSeen)
            {
                _firstLineSeen = true;
                _startsWithMarkup = _container is null && IsMarkup(line);
            }
            SetSeparator(tabs > commas ? (byte)'\t' : (byte)',');
            return true;
        }
    }

    /// <summary>True when the text's first non-blank line starts like an HTML document (<c>&lt;html</c>, <c>&lt;!DOCTYPE</c>,
    /// <c>&lt;table</c>, <c>&lt;?xml</c>): a web-banking export under a name that is not read as HTML (R32). Only said
    /// in the refusal of a file without a header; the text is read as any other.</summary>
    internal bool StartsWithMarkup => _startsWithMarkup;

    /// <summary>True when the input is an HTML document read as its first <c>&lt;table&gt;</c> (R32).</summary>
    internal bool IsHtmlTable => _container is HtmlTableRecordStream;

    private static bool IsMarkup(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        line = line.TrimStart(" \t\f"u8);
        return line.Length >= 2 && line[0] == (byte)'<' && (char.IsAsciiLetter((char)line[1]) || line[1] is (byte)'!' or (byte)'?');
    }

    private void SetSeparator(byte separator)
    {
        _separator = separator;
        _separatorPending = false;
    }

}
