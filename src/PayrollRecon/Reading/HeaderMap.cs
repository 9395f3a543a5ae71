using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>The header row of an input file, with its names normalised for matching (R3).</summary>
internal sealed class HeaderMap
{
    private readonly string _file;
    private readonly string[] _written;
    private readonly string[] _normalized;

    public HeaderMap(string file, CsvRow header)
    {
        _file = file;
        _written = new string[header.FieldCount];
        _normalized = new string[header.FieldCount];
        for (int i = 0; i < header.FieldCount; i++)
        {
            _written[i] = Encoding.UTF8.GetString(header[i]);
            _normalized[i] = Normalize(_written[i]);
        }
    }

    /// <summary>Number of columns in the header.</summary>
    public int Count => _written.Length;

    /// <summary>R3: drop all white space and one trailing <c>(元)</c> or <c>（元）</c>.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }
        string s = sb.ToString();
        if (s.EndsWith("(元)", StringComparison.Ordinal) || s.EndsWith("（元）", StringComparison.Ordinal)) s = s[..^3];
        return s;
    }

    /// <summary>Index of the first column named like <paramref name="spec"/>, or -1.</summary>
    public int Find(ColumnSpec spec)
    {
        for (int i = 0; i < _normalized.Length; i++)
        {
            foreach (string name in spec.Names)
            {
                if (string.Equals(_normalized[i], name, StringComparison.OrdinalIgnoreCase)) return i;
            }
        }
        return -1;
    }

    /// <summary>Index of the column named like <paramref name="spec"/>; throws when the file has none.</summary>
    public int Require(ColumnSpec spec)
    {
        int i = Find(spec);
        if (i < 0) throw Missing(spec);
        return i;
    }

    /// <summary>The file-level error for a missing required column, naming the header found.</summary>
    public PayrollDataException Missing(ColumnSpec spec) =>
        new(_file, $"{_file}: missing required column '{spec.Name}' (found: {string.Join(", ", _written)})");
}
