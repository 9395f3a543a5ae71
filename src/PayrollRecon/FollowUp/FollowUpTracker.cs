using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.FollowUp;

/// <summary>
/// Follow-up over time (SPEC §7): sets each finding's status, first_seen and runs_open against the previous run,
/// applies the rulings (a false alarm is waived, a fix still reported is flagged), reports rulings that match nothing
/// as STALE_RULING, and works out what was resolved and the history to carry forward.
/// </summary>
internal static class FollowUpTracker
{
    /// <summary>The outcome: findings in report order with their follow-up fields, the resolved ones and the history.</summary>
    internal sealed record Outcome(Finding[] Findings, IReadOnlyList<ResolvedFinding> Resolved, IReadOnlyList<HistoryEntry> History);

    /// <param name="project">The project code.</param>
    /// <param name="asOf">This run's as-of date.</param>
    /// <param name="findings">This run's findings in report order, their ids not yet set.</param>
    /// <param name="findingIds">The findings' ids (<see cref="FindingIds.Ids"/>), in the same order.</param>
    /// <param name="rulings">The rulings read, in file order (a later ruling of the same id wins).</param>
    /// <param name="previous">The previous run, or null.</param>
    /// <param name="sort">Puts findings in report order (after STALE_RULING findings are added).</param>
    internal static Outcome Apply(
        string project, DateOnly asOf, Finding[] findings, string[] findingIds, IReadOnlyList<FindingRuling> rulings, PreviousRun? previous,
        Func<IReadOnlyList<Finding>, Finding[]> sort)
    {
        var latestRuling = new Dictionary<string, FindingRuling>(StringComparer.Ordinal);
        foreach (var r in rulings) latestRuling[r.FindingId] = r;

        // Rulings that match no finding of this run: reported, so that an outdated ruling cannot hide a new problem.
        var ids = rulings.Count == 0 ? [] : new HashSet<string>(findingIds, StringComparer.Ordinal);
        var stale = new List<Finding>();
        foreach (var r in rulings)
        {
            if (ids.Contains(r.FindingId)) continue;
            stale.Add(new Finding
            {
                Code = FindingCode.StaleRuling,
                Severity = Severity.Info,
                EventDate = r.Date,
                Source = r.Source,
                Detail = r.FindingId,
                Anchor = r.FindingId,
            });
        }
        if (stale.Count > 0)
        {
            var withStale = new List<Finding>(findings.Length + stale.Count);
            withStale.AddRange(findings);
            withStale.AddRange(stale);
            findings = sort(withStale);
            findingIds = FindingIds.Ids(project, findings);
        }

        // The previous run's history stays as it was read (compact, shared); this run's rows are one per finding.
        HistoryTable? before = previous?.Table;
        var result = new Finding[findings.Length];
        // This run's ids as numbers; the text too of any that is not 16 hex digits (the engine's always are).
        var currentIds = new HashSet<ulong>(findings.Length);
        HashSet<string>? currentIdTexts = null;
        for (int i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            string id = findingIds[i];
            if (HistoryTable.TryParseId(id, out ulong value)) currentIds.Add(value);
            else (currentIdTexts ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
            FindingStatus status = FindingStatus.New;
            DateOnly firstSeen = asOf;
            int runs = 1;
            int earlier = before?.Find(id) ?? -1;
            if (earlier >= 0)
            {
                firstSeen = before!.FirstSeen(earlier);
                if (before.Reported(earlier))
                {
                    status = FindingStatus.Open;
                    runs = checked(before.RunsOpen(earlier) + 1);
                }
                else
                {
                    status = FindingStatus.Reopened;
                }
            }
            FindingRuling? ruling = f.Code == FindingCode.StaleRuling ? null : latestRuling.GetValueOrDefault(id);
            if (ruling?.Kind == RulingKind.FalseAlarm) status = FindingStatus.Waived;
            f = f with
            {
                FindingId = id,
                Status = status,
                FirstSeen = previous is null ? null : firstSeen,
                RunsOpen = previous is null ? null : runs,
                Ruling = ruling,
                // Ruled fixed before this run's date (or on no stated date), yet reported again: the fix is not confirmed.
                FixNotConfirmed = ruling is { Kind: RulingKind.Fixed } && (ruling.Date is not { } ruled || ruled < asOf),
            };
            result[i] = f;
        }

        // The previous run's rows this run does not report: resolved now when that run reported them, else carried on.
        var carried = new GrowingArray<int>();
        if (before is not null)
        {
            for (int r = 0; r < before.Count; r++)
            {
                bool reportedNow = before.WellFormedId(r, out ulong id) ? currentIds.Contains(id) : currentIdTexts?.Contains(before.FindingId(r)) == true;
                if (!reportedNow) carried.Add(r);
            }
        }

        var history = new FollowUpHistory(result, before, carried.Items.ToArray(), asOf);
        return new Outcome(result, history.Resolved(), history);
    }

    /// <summary>The order of history rows: first seen, then code, then finding id (ordinal).</summary>
    /// <remarks>A history can hold a million rows: the three fields are compared as integers, the code as its rank
    /// among the codes present and the id (16 lower-case hex digits) as its value, which orders as the text does (rows
    /// that tie on all three, one id listed twice by a host, keep their order); ids of another form, which only a
    /// host's own history can hold, fall back to comparing the text.</remarks>
    internal static int[] HistoryOrder(IHistoryRows rows)
    {
        int count = rows.Count;
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        bool wellFormed = true;
        var codeRank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            wellFormed &= rows.WellFormedId(i, out _);
            codeRank.TryAdd(rows.Code(i), 0);
        }
        if (!wellFormed)
        {
            Array.Sort(order, (a, b) =>
            {
                int c = rows.FirstSeen(a).CompareTo(rows.FirstSeen(b));
                if (c == 0) c = string.CompareOrdinal(rows.Code(a), rows.Code(b));
                return c != 0 ? c : string.CompareOrdinal(rows.FindingId(a), rows.FindingId(b));
            });
            return order;
        }
        var codes = codeRank.Keys.Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < codes.Length; i++) codeRank[codes[i]] = i;
        var keys = new (long DayAndCode, ulong Id, int Index)[count];
        for (int i = 0; i < count; i++)
        {
            rows.WellFormedId(i, out ulong id);
            keys[i] = (((long)rows.FirstSeen(i).DayNumber << 32) | (uint)codeRank[rows.Code(i)], id, i);
        }
        Array.Sort(keys);
        for (int i = 0; i < keys.Length; i++) order[i] = keys[i].Index;
        return order;
    }
}
