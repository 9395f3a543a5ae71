namespace PayrollRecon.FaultInjection;

/// <summary>One entry of known-failures.txt: failures of a mutation kind on some files and invariants, with the reason.</summary>
/// <param name="Kind">Mutation kind, or <c>*</c>.</param>
/// <param name="File">File name pattern (<c>bank.csv</c>, <c>*.csv</c>, <c>*</c>).</param>
/// <param name="Invariant">Invariant name, or <c>*</c>.</param>
/// <param name="Reason">Why it fails and where the fix is being made.</param>
/// <param name="Line">Its line in the file.</param>
public sealed record KnownFailure(string Kind, string File, string Invariant, string Reason, int Line)
{
    /// <summary>Whether the entry covers this violation.</summary>
    public bool Covers(string kind, string file, string invariant) =>
        (Kind == "*" || Kind == kind) && (Invariant == "*" || Invariant == invariant) && Glob(File, file);

    private static bool Glob(string pattern, string name) =>
        pattern == "*" || pattern == name || (pattern.StartsWith('*') && name.EndsWith(pattern[1..], StringComparison.Ordinal));

    /// <summary>The entry as written.</summary>
    public override string ToString() => $"{Kind} {File} {Invariant}: {Reason}";
}

/// <summary>
/// The committed list of failures the suite reports as "known" rather than failing (tests/PayrollRecon.FaultInjection/known-failures.txt):
/// one line per entry, <c>KIND FILE INVARIANT: REASON</c>; delete a line once its fix has landed.
/// </summary>
public sealed class KnownFailures(IReadOnlyList<KnownFailure> entries)
{
    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<KnownFailure> Entries { get; } = entries;

    /// <summary>No known failures: every violation fails.</summary>
    public static KnownFailures None { get; } = new([]);

    /// <summary>Reads the list (blank lines and <c>#</c> comments ignored).</summary>
    public static KnownFailures Load(string path)
    {
        var entries = new List<KnownFailure>();
        string[] lines = System.IO.File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            string[] head = colon < 0 ? [] : line[..colon].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (head.Length != 3 || line[(colon + 1)..].Trim().Length == 0)
                throw new FormatException($"{path}:{i + 1}: expected 'KIND FILE INVARIANT: REASON', got '{line}'");
            if (head[0] != "*") MutationCatalog.Get(head[0]);
            entries.Add(new KnownFailure(head[0], head[1], head[2], line[(colon + 1)..].Trim(), i + 1));
        }
        return new KnownFailures(entries);
    }

    /// <summary>The reason of the first entry covering the violation, or null when it is a new failure.</summary>
    public string? Match(string kind, string file, string invariant) =>
        Entries.FirstOrDefault(e => e.Covers(kind, file, invariant)) is { } e ? $"known-failures.txt:{e.Line}: {e.Reason}" : null;
}
