namespace PayrollRecon.Reading;

/// <summary>One logical column of an input kind: its canonical English name and its Chinese aliases (SPEC §2, R38).</summary>
internal sealed class ColumnSpec
{
    private readonly string[] _normalized;

    public ColumnSpec(string name, params string[] aliases)
    {
        Name = name;
        Names = [name, .. aliases];
        _normalized = [.. Names.Select(HeaderMap.Normalize)];
        Display = aliases.Length > 0 ? $"{aliases[0]} / {name}" : name;
    }

    /// <summary>The canonical name, used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>The accepted header names, canonical name first.</summary>
    public string[] Names { get; }

    /// <summary>The column in the user's terms: the first Chinese name and the canonical one (<c>身份证号 / id_number</c>).</summary>
    public string Display { get; }

    /// <summary>True when a normalised header name (R3) is one of this column's names.</summary>
    public bool Matches(string normalizedHeader)
    {
        foreach (string name in _normalized)
        {
            if (string.Equals(normalizedHeader, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
