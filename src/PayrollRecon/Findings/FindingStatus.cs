namespace PayrollRecon.Findings;

/// <summary>Where a finding stands against the previous run and the rulings (SPEC §7).</summary>
public enum FindingStatus
{
    /// <summary>Not in the previous run (every finding, without one).</summary>
    New,
    /// <summary>In the previous run too.</summary>
    Open,
    /// <summary>Resolved in an earlier run, reported again.</summary>
    Reopened,
    /// <summary>Ruled a false alarm: shown, but counted neither for the warning level, the employer grades nor <c>--fail-on</c>.</summary>
    Waived,
}
