using PayrollRecon.Findings;

namespace PayrollRecon.Records;

/// <summary>One accepted row of <c>rulings.csv</c> (SPEC §7).</summary>
public readonly ref struct RulingRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>The finding ruled on: 16 hex digits, lower-cased.</summary>
    public required ReadOnlySpan<byte> FindingId { get; init; }
    /// <summary>The ruling.</summary>
    public required RulingKind Kind { get; init; }
    /// <summary>Why (never empty for a false alarm).</summary>
    public ReadOnlySpan<byte> Reason { get; init; }
    /// <summary>Who ruled.</summary>
    public ReadOnlySpan<byte> Reviewer { get; init; }
    /// <summary>When; null when the row gives no date (the column is optional, and so is its value).</summary>
    public DateOnly? Date { get; init; }
}
