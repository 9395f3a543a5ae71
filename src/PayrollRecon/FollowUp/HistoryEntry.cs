namespace PayrollRecon.FollowUp;

/// <summary>One row of <c>history.csv</c>: the life of one finding id over a chain of runs (SPEC §7).</summary>
public sealed record HistoryEntry
{
    /// <summary>The finding id.</summary>
    public required string FindingId { get; init; }
    /// <summary>The finding code name, e.g. <c>UNPAID</c>.</summary>
    public required string Code { get; init; }
    /// <summary><c>red</c>, <c>orange</c>, <c>yellow</c> or <c>info</c>, as last reported.</summary>
    public required string Severity { get; init; }
    /// <summary>The worker_id as last reported (empty for project-level findings).</summary>
    public string WorkerId { get; init; } = "";
    /// <summary>The worker's id_number when known from this run (for masking); null for rows carried from a file.</summary>
    public string? IdNumber { get; init; }
    /// <summary><c>yyyy-MM</c> or empty.</summary>
    public string Period { get; init; } = "";
    /// <summary>The asOf of the run that first reported it.</summary>
    public required DateOnly FirstSeen { get; init; }
    /// <summary>The asOf of the last run that reported it.</summary>
    public required DateOnly LastSeen { get; init; }
    /// <summary>The asOf of the run in which it was found gone; null while reported.</summary>
    public DateOnly? ResolvedOn { get; init; }
    /// <summary>Consecutive runs that reported it, up to <see cref="LastSeen"/>.</summary>
    public required int RunsOpen { get; init; }
    /// <summary><c>new</c>, <c>open</c>, <c>reopened</c>, <c>waived</c> (reported by the run) or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>True when the run that wrote the row reported the finding.</summary>
    public bool Reported => Status != Statuses.Resolved;
}

/// <summary>Status names as written in <c>findings.csv</c> and <c>history.csv</c>.</summary>
public static class Statuses
{
    /// <summary>Not in the previous run.</summary>
    public const string New = "new";
    /// <summary>In the previous run too.</summary>
    public const string Open = "open";
    /// <summary>Resolved before, reported again.</summary>
    public const string Reopened = "reopened";
    /// <summary>Ruled a false alarm.</summary>
    public const string Waived = "waived";
    /// <summary>Reported before, gone now (销号).</summary>
    public const string Resolved = "resolved";

    /// <summary>The name of a finding's status.</summary>
    public static string Name(Findings.FindingStatus status) => status switch
    {
        Findings.FindingStatus.Open => Open,
        Findings.FindingStatus.Reopened => Reopened,
        Findings.FindingStatus.Waived => Waived,
        _ => New,
    };
}
