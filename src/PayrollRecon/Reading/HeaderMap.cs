using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>A candidate header row of an input file, with its names normalised for matching (R3), and what binding it found.</summary>
/// <remarks>
/// A reader binds its columns with <see cref="Find"/> and <see cref="Require"/>; a required column that is missing is
/// recorded, not thrown, so a preamble row (R33) can be tried and passed over. The bracket fallback of R3 (a header
/// that matches no name of the kind exactly is compared once more without its bracketed parts and a trailing 元) binds
/// only a column that no header binds exactly.
/// </remarks>
internal sealed class HeaderMap
{
    private const int MaxShownNames = 12;
    private const int MaxShownNameChars = 40;
    private const int MaxShownChars = 160;

    private readonly string _file;
    private readonly string[] _written;
    private readonly string[] _normalized;
    private readonly string?[] _stripped;
    private readonly string?[] _boundTo;
    private readonly List<string> _missing = [];
    private readonly List<object?> _missingText = [];

    /// <summary>Reads the header names of a record; <paramref name="kindColumns"/> are every column the kind knows.</summary>
    public HeaderMap(string file, scoped in CsvRow header, long line, IReadOnlyList<ColumnSpec> kindColumns)
        : this(file, Names(in header), line, kindColumns)
    {
    }

    /// <summary>A header from names already decoded (a workbook row).</summary>
    public HeaderMap(string file, IReadOnlyList<string> names, long line, IReadOnlyList<ColumnSpec> kindColumns)
    {
        _file = file;
        Line = line;
        int n = names.Count;
        _written = new string[n];
        _normalized = new string[n];
        _stripped = new string?[n];
        _boundTo = new string?[n];
        for (int i = 0; i < n; i++)
        {
            _written[i] = names[i];
            _normalized[i] = Normalize(names[i]);
        }
        for (int i = 0; i < n; i++)
        {
            bool exact = false;
            foreach (ColumnSpec spec in kindColumns)
            {
                if (spec.Matches(_normalized[i])) { exact = true; break; }
            }
            if (!exact)
            {
                string s = StripBrackets(_normalized[i]);
                if (s.Length > 0 && s != _normalized[i]) _stripped[i] = s;
            }
        }
    }

    /// <summary>Number of columns in the header.</summary>
    public int Count => _written.Length;

    /// <summary>1-based line (or worksheet row) of the header record.</summary>
    public long Line { get; }

    /// <summary>Distinct columns bound so far.</summary>
    public int BoundCount { get; private set; }

    /// <summary>True when every required column was found.</summary>
    public bool Complete => _missing.Count == 0;

    /// <summary>The required columns that were missing, in the user's terms (<c>身份证号 / id_number</c>).</summary>
    public IReadOnlyList<string> MissingColumns => _missing;

    /// <summary>The header names as written.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>For each header, the canonical column it was bound to, or null when it was ignored.</summary>
    public IReadOnlyList<string?> BoundTo => _boundTo;

    /// <summary>R3: drop all white space and one trailing <c>(元)</c>; full-width brackets compare as ASCII ones.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            sb.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                '【' => '[',
                '】' => ']',
                _ => c,
            });
        }
        string s = sb.ToString();
        if (s.EndsWith("(元)", StringComparison.Ordinal)) s = s[..^3];
        return s;
    }

    /// <summary>R3's second comparison: every bracketed part removed, then a trailing <c>/元</c> or <c>元</c>.</summary>
    /// <remarks>A bracketed part is an opening bracket and its closing one with what lies between (nested parts go with
    /// the outer one); a bracket that is never closed, or a closing one that was never opened, is text like any other
    /// (<c>借方发生额(支取</c> stays as it is and binds nothing).</remarks>
    internal static string StripBrackets(string normalized)
    {
        var sb = new StringBuilder(normalized.Length);
        // Where each bracket still open was written: closing it cuts the text back to there.
        var open = new Stack<int>();
        foreach (char c in normalized)
        {
            if (c is '(' or '[')
            {
                open.Push(sb.Length);
                sb.Append(c);
            }
            else if (c is ')' or ']' && open.Count > 0)
            {
                sb.Length = open.Pop();
            }
            else
            {
                sb.Append(c);
            }
        }
        string s = sb.ToString();
        if (s.EndsWith("/元", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith('元') && s.Length > 1) s = s[..^1];
        return s;
    }

    /// <summary>Index of the first column named like <paramref name="spec"/>, or -1 (exact names first, then R3's fallback).</summary>
    public int Find(ColumnSpec spec)
    {
        // The spec's names first, exactly then without brackets (R3: the first column wins); names beyond the spec's
        // only when those bind nothing, so a header that also has a listed name binds as a literal reading binds it.
        int found = FindMatching(spec.MatchesListed);
        if (found < 0) found = FindMatching(spec.MatchesBeyondSpec);
        if (found >= 0 && _boundTo[found] is null)
        {
            _boundTo[found] = spec.Name;
            BoundCount++;
        }
        return found;
    }

    /// <summary>The first column whose normalised name matches, else the first not bound yet whose name without brackets
    /// and <c>元</c> matches (R3's second comparison); -1 when none does.</summary>
    private int FindMatching(Func<string, bool> matches)
    {
        for (int i = 0; i < _normalized.Length; i++)
        {
            if (matches(_normalized[i])) return i;
        }
        for (int i = 0; i < _stripped.Length; i++)
        {
            if (_stripped[i] is { } s && _boundTo[i] is null && matches(s)) return i;
        }
        return -1;
    }

    /// <summary>Index of the column named like <paramref name="spec"/>; -1, recorded as missing, when the header has none.</summary>
    public int Require(ColumnSpec spec)
    {
        int i = Find(spec);
        if (i < 0) Missing(spec);
        return i;
    }

    /// <summary>Records a required column (or choice of columns) the header lacks.</summary>
    public void Missing(params ColumnSpec[] choices)
    {
        _missing.Add(string.Join(" or ", choices.Select(static c => $"'{c.Display}'")));
        _missingText.Add(Reporting.LocalizedText.Join([.. choices.Select(static c => (object?)$"'{c.Display}'")], Reporting.MessageKey.ColumnOr));
    }

    /// <summary>The file-level error when no record of the first ones was a header: names this (best) candidate and what it lacks.</summary>
    public PayrollDataException Unbound()
    {
        var text = new Reporting.LocalizedText(_missing.Count == 1 ? Reporting.MessageKey.MissingColumn : Reporting.MessageKey.MissingColumns,
            _file, Reporting.LocalizedText.Join(_missingText), Line, Shown());
        return new(_file, text.ToString()) { Text = text };
    }

    /// <summary>The header as a short list for messages: a cell of binary junk never reaches stderr; ID and card numbers
    /// in it are masked where the message is shown (stderr, portfolio), like every value a message quotes.</summary>
    private string Shown()
    {
        var parts = new List<string>();
        int chars = 0;
        for (int i = 0; i < _written.Length && parts.Count < MaxShownNames && chars < MaxShownChars; i++)
        {
            string name = _written[i].Trim();
            if (name.Length == 0) continue;
            if (name.Length > MaxShownNameChars) name = name[..MaxShownNameChars] + "…";
            parts.Add(Reporting.OutputText.ControlsShown(name));
            chars += name.Length;
        }
        int nonEmpty = _written.Count(static w => w.Trim().Length > 0);
        string list = parts.Count == 0 ? "(empty)" : string.Join(", ", parts);
        return nonEmpty > parts.Count ? list + ", …" : list;
    }

    private static string[] Names(scoped in CsvRow header)
    {
        var names = new string[header.FieldCount];
        for (int i = 0; i < names.Length; i++) names[i] = Encoding.UTF8.GetString(header[i]);
        return names;
    }
}
