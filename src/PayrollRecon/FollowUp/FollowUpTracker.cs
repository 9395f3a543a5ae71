using System.Globalization;
using PayrollRecon.Findings;
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
    internal sealed record Outcome(Finding[] Findings, ResolvedFinding[] Resolved, HistoryEntry[] History);

    /// <param name="project">The project code.</param>
    /// <param name="asOf">This run's as-of date.</param>
    /// <param name="findings">This run's findings with their ids, in report order.</param>
    /// <param name="rulings">The rulings read, in file order (a later ruling of the same id wins).</param>
    /// <param name="previous">The previous run, or null.</param>
    /// <param name="sort">Puts findings in report order (after STALE_RULING findings are added).</param>
    internal static Outcome Apply(
        string project, DateOnly asOf, Finding[] findings, IReadOnlyList<FindingRuling> rulings, PreviousRun? previous, Func<IReadOnlyList<Finding>, Finding[]> sort)
    {
        var latestRuling = new Dictionary<string, FindingRuling>(StringComparer.Ordinal);
        foreach (var r in rulings) latestRuling[r.FindingId] = r;

        // Rulings that match no finding of this run: reported, so that an outdated ruling cannot hide a new problem.
        var ids = new HashSet<string>(findings.Length, StringComparer.Ordinal);
        foreach (var f in findings) ids.Add(f.FindingId);
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
            findings = FindingIds.Assign(project, sort(withStale.Select(static f => f with { FindingId = "" }).ToList()));
        }

        var before = new Dictionary<string, HistoryEntry>(StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var e in previous.History) before[e.FindingId] = e;
        }

        var result = new Finding[findings.Length];
        var history = new List<HistoryEntry>(findings.Length + before.Count);
        var current = new HashSet<string>(findings.Length, StringComparer.Ordinal);
        for (int i = 0; i < findings.Length; i++)
        {
            var f = findings[i];
            current.Add(f.FindingId);
            FindingStatus status = FindingStatus.New;
            DateOnly firstSeen = asOf;
            int runs = 1;
            if (before.TryGetValue(f.FindingId, out var earlier))
            {
                firstSeen = earlier.FirstSeen;
                if (earlier.Reported)
                {
                    status = FindingStatus.Open;
                    runs = checked(earlier.RunsOpen + 1);
                }
                else
                {
                    status = FindingStatus.Reopened;
                }
            }
            FindingRuling? ruling = f.Code == FindingCode.StaleRuling ? null : latestRuling.GetValueOrDefault(f.FindingId);
            if (ruling?.Kind == RulingKind.FalseAlarm) status = FindingStatus.Waived;
            f = f with
            {
                Status = status,
                FirstSeen = previous is null ? null : firstSeen,
                RunsOpen = previous is null ? null : runs,
                Ruling = ruling,
                // Ruled fixed before this run's date (or on no stated date), yet reported again: the fix is not confirmed.
                FixNotConfirmed = ruling is { Kind: RulingKind.Fixed } && (ruling.Date is not { } ruled || ruled < asOf),
            };
            result[i] = f;
            history.Add(new HistoryEntry
            {
                FindingId = f.FindingId,
                Code = FindingCodes.Name(f.Code),
                Severity = CsvReports.SeverityName(f.Severity),
                WorkerId = f.WorkerId ?? "",
                IdNumber = f.IdNumber,
                Period = FindingIds.Period(f),
                FirstSeen = firstSeen,
                LastSeen = asOf,
                RunsOpen = runs,
                Status = Statuses.Name(status),
            });
        }

        var resolved = new List<ResolvedFinding>();
        if (previous is not null)
        {
            foreach (var e in previous.History)
            {
                if (current.Contains(e.FindingId)) continue;
                if (e.Reported)
                {
                    int days = asOf.DayNumber - e.FirstSeen.DayNumber;
                    resolved.Add(new ResolvedFinding(e.FindingId, e.Code, e.Severity, e.WorkerId, e.Period, e.FirstSeen, asOf, days));
                    history.Add(e with { ResolvedOn = asOf, Status = Statuses.Resolved, IdNumber = null });
                }
                else
                {
                    history.Add(e with { IdNumber = null });
                }
            }
        }

        resolved.Sort(static (a, b) =>
        {
            int c = a.FirstSeen.CompareTo(b.FirstSeen);
            if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.FindingId, b.FindingId);
        });
        return new Outcome(result, [.. resolved], SortHistory(history));
    }

    /// <summary>The history in its order: first seen, then code, then finding id (ordinal).</summary>
    /// <remarks>A run can hold a finding per worker-month (hundreds of thousands): the three fields are compared as
    /// integers, the code as its rank among the codes present and the id (16 lower-case hex digits) as its value, which
    /// orders as the text does; ids of another form, from a hand-edited history, fall back to comparing the text.</remarks>
    internal static HistoryEntry[] SortHistory(List<HistoryEntry> history)
    {
        var entries = history.ToArray();
        if (!entries.All(static e => FindingIds.IsWellFormed(e.FindingId)))
        {
            Array.Sort(entries, static (a, b) =>
            {
                int c = a.FirstSeen.CompareTo(b.FirstSeen);
                if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
                return c != 0 ? c : string.CompareOrdinal(a.FindingId, b.FindingId);
            });
            return entries;
        }
        var codes = entries.Select(static e => e.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var codeRank = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (int i = 0; i < codes.Length; i++) codeRank.Add(codes[i], i);
        var keys = new (long DayAndCode, ulong Id, int Index)[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            ulong id = ulong.Parse(e.FindingId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            keys[i] = (((long)e.FirstSeen.DayNumber << 32) | (uint)codeRank[e.Code], id, i);
        }
        Array.Sort(keys);
        var sorted = new HistoryEntry[entries.Length];
        for (int i = 0; i < keys.Length; i++) sorted[i] = entries[keys[i].Index];
        return sorted;
    }
}
