using System.Collections;

namespace PayrollRecon.FollowUp;

/// <summary>The findings resolved by a run (销号清单) as rows of the previous run's <see cref="HistoryTable"/>; each
/// <see cref="ResolvedFinding"/> made when it is asked for.</summary>
internal sealed class ResolvedFindings(HistoryTable table, int[] rows, DateOnly resolvedOn) : IReadOnlyList<ResolvedFinding>
{
    public int Count => rows.Length;

    public ResolvedFinding this[int index]
    {
        get
        {
            int row = rows[index];
            var firstSeen = table.FirstSeen(row);
            return new ResolvedFinding(
                table.FindingId(row), table.Code(row), table.Severity(row), table.WorkerId(row), table.Period(row), firstSeen, resolvedOn,
                resolvedOn.DayNumber - firstSeen.DayNumber);
        }
    }

    public IEnumerator<ResolvedFinding> GetEnumerator()
    {
        for (int i = 0; i < rows.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
