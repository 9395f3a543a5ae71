namespace PayrollRecon.Records;

/// <summary>One accepted punch of <c>attendance.csv</c>.</summary>
public readonly ref struct AttendanceRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>身份证号 as written (compare upper-cased).</summary>
    public required ReadOnlySpan<byte> IdNumber { get; init; }
    /// <summary>Punch time (local, no time zone), to the second.</summary>
    public required DateTime Time { get; init; }
    /// <summary>进出 direction if given.</summary>
    public required PunchDirection Direction { get; init; }
}
