namespace PayrollRecon.Reading;

/// <summary>One logical column of an input kind: its canonical English name and its Chinese aliases (SPEC §2, R38).</summary>
internal sealed class ColumnSpec
{
    private readonly string[] _normalized;
    private readonly string[] _normalizedBeyond;

    public ColumnSpec(string name, params string[] aliases)
        : this(name, aliases, [])
    {
    }

    /// <param name="name">The canonical name.</param>
    /// <param name="aliases">The aliases SPEC §2.1 and R38 list.</param>
    /// <param name="beyondSpec">Names further exports write that the spec does not list: they bind a column only when no
    /// header name binds it by the spec's names (see <see cref="HeaderMap.Find"/>).</param>
    public ColumnSpec(string name, string[] aliases, string[] beyondSpec)
    {
        Name = name;
        Names = [name, .. aliases, .. beyondSpec];
        _normalized = [.. new[] { name }.Concat(aliases).Select(HeaderMap.Normalize)];
        _normalizedBeyond = [.. beyondSpec.Select(HeaderMap.Normalize)];
        string? chinese = aliases.Length > 0 ? aliases[0] : beyondSpec.Length > 0 ? beyondSpec[0] : null;
        Display = chinese is not null ? $"{chinese} / {name}" : name;
    }

    /// <summary>The canonical name, used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>The accepted header names, canonical name first.</summary>
    public string[] Names { get; }

    /// <summary>The column in the user's terms: the first Chinese name and the canonical one (<c>身份证号 / id_number</c>).</summary>
    public string Display { get; }

    /// <summary>True when a normalised header name (R3) is one of this column's names.</summary>
    public bool Matches(string normalizedHeader) => MatchesListed(normalizedHeader) || MatchesBeyondSpec(normalizedHeader);

    /// <summary>True when a normalised header name (R3) is the canonical name or an alias the spec lists.</summary>
    public bool MatchesListed(string normalizedHeader) => AnyEqual(_normalized, normalizedHeader);

    /// <summary>True when a normalised header name (R3) is one of the names beyond the spec's.</summary>
    public bool MatchesBeyondSpec(string normalizedHeader) => AnyEqual(_normalizedBeyond, normalizedHeader);

    private static bool AnyEqual(string[] names, string normalizedHeader)
    {
        foreach (string name in names)
        {
            if (string.Equals(normalizedHeader, name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
