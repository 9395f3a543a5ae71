using System.Text;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// A plain, character-by-character reading of the CSV rules the reader implements, to compare the reader against:
/// R1 separator from the raw counts of the first non-blank line (or of each record's own line in a header search),
/// quotes that open a field only as its first character, <c>""</c> escapes, white space only after a closing quote
/// (anything else is a stray quote), blank records skipped, fields trimmed of Unicode white space. A line ends at a LF,
/// or at a CR that no LF follows (a CRLF ends at its LF; its CR is white space of the last field, trimmed away).
/// </summary>
/// <remarks>Records come out as <see cref="ReadingTestSupport.Format"/> writes them: <c>line:field|field</c> or <c>line!Error</c>.</remarks>
internal sealed class ReferenceCsv
{
    private readonly string _text;
    private int _pos;
    private long _line = 1;

    private ReferenceCsv(string text) => _text = text;

    /// <summary>Every record of <paramref name="text"/>, the separator decided once on the first non-blank line.</summary>
    public static List<string> Read(string text)
    {
        var csv = new ReferenceCsv(text);
        char separator = csv.DetectSeparator();
        var records = new List<string>();
        while (csv.TryRecord(separator, out string? record))
        {
            if (record is not null) records.Add(record);
        }
        return records;
    }

    /// <summary>
    /// Every record of <paramref name="text"/> read as in a header search locked after record <paramref name="lockAfter"/>
    /// (0-based; past the end means never): each record up to it with its own line's separator, the rest with that one's.
    /// </summary>
    public static List<(string Record, char Separator)> ReadSearchingHeader(string text, int lockAfter)
    {
        var csv = new ReferenceCsv(text);
        var records = new List<(string, char)>();
        char separator = '\0';
        while (records.Count <= lockAfter)
        {
            char own = csv.DetectSeparator();
            if (!csv.TryRecord(own, out string? record)) return records;
            if (record is null) continue;
            separator = own;
            records.Add((record, separator));
        }
        while (csv.TryRecord(separator, out string? record))
        {
            if (record is not null) records.Add((record, separator));
        }
        return records;
    }

    /// <summary>R1: skips the lines blank under either separator and counts tabs and commas of the next one, quotes included (padding tabs next to commas not counted).</summary>
    private char DetectSeparator()
    {
        while (true)
        {
            int lf = _text.IndexOfAny(['\n', '\r'], _pos);
            string line = lf < 0 ? _text[_pos..] : _text[_pos..lf];
            int tabs = line.Count(c => c == '\t');
            int commas = line.Count(c => c == ',');
            if (lf >= 0 && tabs == 0 && commas == 0 && line.Trim().Length == 0)
            {
                _pos = lf + (_text[lf] == '\r' && lf + 1 < _text.Length && _text[lf + 1] == '\n' ? 2 : 1);
                _line++;
                continue;
            }
            return tabs > commas ? '\t' : ',';
        }
    }

    /// <summary>A LF, or a CR that no LF follows.</summary>
    private static bool IsLineEnd(string text, int i) =>
        text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'));

    private static int LineEnds(string text) => Enumerable.Range(0, text.Length).Count(i => IsLineEnd(text, i));

    /// <summary>Reads one record: false at the end of the text, else the record, or null for a blank one.</summary>
    private bool TryRecord(char separator, out string? record)
    {
        if (_pos < _text.Length)
        {
            long line = _line;
            var fields = new List<string>();
            bool stray = false;
            int newlines = 0;
            while (true)
            {
                var value = new StringBuilder();
                int i = _pos;
                if (i < _text.Length && _text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        int q = _text.IndexOf('"', i);
                        if (q < 0)
                        {
                            _pos = _text.Length;
                            record = $"{line}!UnterminatedQuote";
                            return true;
                        }
                        value.Append(_text, i, q - i);
                        if (q + 1 < _text.Length && _text[q + 1] == '"')
                        {
                            value.Append('"');
                            i = q + 2;
                            continue;
                        }
                        i = q + 1;
                        break;
                    }
                    newlines += LineEnds(value.ToString());
                    int restStart = i;
                    while (i < _text.Length && _text[i] != separator && !IsLineEnd(_text, i)) i++;
                    if (_text[restStart..i].Trim().Length != 0) stray = true;
                }
                else
                {
                    while (i < _text.Length && _text[i] != separator && !IsLineEnd(_text, i)) i++;
                    value.Append(_text, _pos, i - _pos);
                }
                fields.Add(value.ToString().Trim());
                if (i < _text.Length && _text[i] == separator)
                {
                    _pos = i + 1;
                    continue;
                }
                _pos = Math.Min(i + 1, _text.Length);
                break;
            }
            _line += 1 + newlines;
            if (stray)
            {
                record = $"{line}!StrayQuote";
                return true;
            }
            record = fields.Count == 1 && fields[0].Length == 0 ? null : $"{line}:" + string.Join('|', fields);
            return true;
        }
        record = null;
        return false;
    }
}
