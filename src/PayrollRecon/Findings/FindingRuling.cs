namespace PayrollRecon.Findings;

/// <summary>One row of <c>rulings.csv</c>: a reviewer's ruling on a finding id.</summary>
/// <param name="FindingId">The finding ruled on (16 lower-case hex digits).</param>
/// <param name="Kind">The ruling.</param>
/// <param name="Reason">Why (required for a false alarm).</param>
/// <param name="Reviewer">Who ruled.</param>
/// <param name="Date">When; null when the ruling gives no date.</param>
/// <param name="Source">Where it was read, e.g. <c>rulings.csv:4</c>.</param>
public sealed record FindingRuling(string FindingId, RulingKind Kind, string Reason, string Reviewer, DateOnly? Date, string Source)
{
    /// <summary><c>confirmed</c>, <c>false_alarm</c> or <c>fixed</c>, as written in outputs.</summary>
    public static string Name(RulingKind kind) => kind switch
    {
        RulingKind.Confirmed => "confirmed",
        RulingKind.FalseAlarm => "false_alarm",
        _ => "fixed",
    };
}
