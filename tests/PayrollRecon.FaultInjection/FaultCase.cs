namespace PayrollRecon.FaultInjection;

/// <summary>One mutation of one file of one base project, run through one command; everything follows from the kind and the seed.</summary>
/// <param name="Kind">The mutation kind.</param>
/// <param name="Seed">The case's seed.</param>
/// <param name="Base">The project mutated.</param>
/// <param name="File">The file mutated (<c>bank.csv</c>, <c>project.json</c>…).</param>
/// <param name="Command">The CLI command run: <c>check</c>, <c>batch</c> or <c>inspect</c>.</param>
public sealed record FaultCase(Mutation Kind, int Seed, BaseProject Base, string File, string Command)
{
    /// <summary>The inputs in the order cases cycle through them, so consecutive seeds of a kind damage every input kind.</summary>
    public static readonly string[] InputOrder = ["project", "workers", "bank", "attendance", "payroll", "batches", "calendar"];

    /// <summary>Short identification: <c>flip-bytes seed 1000003 (gen-utf8/bank.csv, check)</c>.</summary>
    public string Id => $"{Kind.Name} seed {Seed} ({Base.Name}/{File}, {Command})";

    /// <summary>The one-line command that replays this case.</summary>
    public string ReplayCommand => $"dotnet run --project tests/PayrollRecon.FaultInjection -c Release -- replay {Kind.Name} {Seed}";

    /// <summary>The random source of the case (mutation details, choice of project and command).</summary>
    public Random Random() => new(unchecked(Seed * 31 + KindIndex(Kind) * 7919));

    /// <summary>Plans the case of <paramref name="kind"/> and <paramref name="seed"/> over <paramref name="bases"/>.</summary>
    public static FaultCase Plan(Mutation kind, int seed, IReadOnlyList<BaseProject> bases)
    {
        var candidates = bases.SelectMany(b => b.Files.Where(f => kind.AppliesTo(b.Format(f))).Select(f => (Base: b, File: f))).ToList();
        if (candidates.Count == 0) throw new InvalidOperationException($"no base project has a file that {kind.Name} applies to");
        string[] inputs = [.. InputOrder.Where(i => candidates.Any(c => BaseProject.InputKind(c.File) == i))];
        string input = inputs[(int)((uint)(seed + KindIndex(kind)) % (uint)inputs.Length)];
        var pool = candidates.Where(c => BaseProject.InputKind(c.File) == input).ToList();
        Random rng = new(unchecked(seed * 31 + KindIndex(kind) * 7919 + 1));
        var (b, file) = pool[rng.Next(pool.Count)];
        int pick = rng.Next(8);
        string command = pick == 0 ? "batch" : pick == 1 ? "inspect" : "check";
        return new FaultCase(kind, seed, b, file, command);
    }

    private static int KindIndex(Mutation kind)
    {
        for (int i = 0; i < MutationCatalog.All.Count; i++)
        {
            if (MutationCatalog.All[i].Name == kind.Name) return i;
        }
        return 0;
    }
}

/// <summary>An invariant a run broke.</summary>
/// <param name="Invariant">Its name: exit-code, stderr, time, memory, outputs, records (records-cr when only lone CR line ends explain the difference), conservation, masking, determinism.</param>
/// <param name="Message">What was seen.</param>
public sealed record Violation(string Invariant, string Message)
{
    /// <summary>The reason from known-failures.txt when the violation is a known one, else null.</summary>
    public string? Known { get; init; }
}

/// <summary>What one case did.</summary>
/// <param name="Case">The case.</param>
/// <param name="Mutation">What the mutation did.</param>
/// <param name="Violations">The invariants it broke (empty: it passed).</param>
/// <param name="Runs">The CLI runs (one, or two for the determinism check).</param>
public sealed record CaseResult(FaultCase Case, string Mutation, IReadOnlyList<Violation> Violations, IReadOnlyList<CliRun> Runs)
{
    /// <summary>True when every violation is a known one.</summary>
    public bool OnlyKnown => Violations.All(v => v.Known is not null);

    /// <summary>The failure as printed: case, mutation, each violation and the replay command.</summary>
    public string Describe()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(OnlyKnown ? "KNOWN " : "FAIL ").AppendLine(Case.Id);
        sb.Append("  mutation: ").AppendLine(Mutation);
        foreach (Violation v in Violations)
        {
            sb.Append("  ").Append(v.Known is null ? "" : "known ").Append(v.Invariant).Append(": ").AppendLine(v.Message);
            if (v.Known is not null) sb.Append("    (known: ").Append(v.Known).AppendLine(")");
        }
        sb.Append("  replay: ").AppendLine(Case.ReplayCommand);
        return sb.ToString();
    }
}
