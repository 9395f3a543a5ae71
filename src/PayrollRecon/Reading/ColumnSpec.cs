namespace PayrollRecon.Reading;

/// <summary>One logical column of an input kind: its canonical English name and its Chinese aliases (SPEC §2).</summary>
internal sealed class ColumnSpec(string name, params string[] aliases)
{
    /// <summary>The canonical name, used in diagnostics.</summary>
    public string Name { get; } = name;

    /// <summary>The accepted header names, canonical name first.</summary>
    public string[] Names { get; } = [name, .. aliases];
}
