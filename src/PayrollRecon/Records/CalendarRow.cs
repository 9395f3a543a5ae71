namespace PayrollRecon.Records;

/// <summary>One accepted row of <c>calendar.csv</c>.</summary>
public readonly ref struct CalendarRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>The date.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Holiday or swapped working day.</summary>
    public required CalendarKind Kind { get; init; }
}
