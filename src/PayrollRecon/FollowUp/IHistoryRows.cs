namespace PayrollRecon.FollowUp;

/// <summary>The fields of history rows that order them (<see cref="FollowUpTracker.HistoryOrder"/>).</summary>
internal interface IHistoryRows
{
    int Count { get; }

    DateOnly FirstSeen(int row);

    string Code(int row);

    /// <summary>True when the row's id is 16 lower-case hex digits; <paramref name="id"/> is then its value.</summary>
    bool WellFormedId(int row, out ulong id);

    string FindingId(int row);
}
