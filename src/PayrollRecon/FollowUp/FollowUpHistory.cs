using System.Collections;

using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.FollowUp;

/// <summary>
/// A run's history (<c>history.csv</c>, SPEC §7): a row per finding of this run and the previous run's rows it carries
/// on, in history order. This run's rows are its findings and the carried rows stay in the previous run's
/// <see cref="HistoryTable"/>; each entry is made when it is asked for, so a long history costs four bytes a row here.
/// </summary>
internal sealed class FollowUpHistory : IReadOnlyList<HistoryEntry>
{
    // This run's findings with their follow-up fields (first seen and runs open null without a previous run).
    private readonly Finding[] _current;
    private readonly HistoryTable? _before;
    // Rows of _before this run does not report: resolved now when that run reported them, else carried as they were.
    private readonly int[] _carried;
    private readonly DateOnly _asOf;
    // k < _current.Length: this run's finding k; else previous row _carried[k - _current.Length].
    private readonly int[] _order;

    /// <param name="current">This run's findings, their follow-up fields set: a row each.</param>
    /// <param name="before">The previous run's history, or null.</param>
    /// <param name="carried">Its rows whose ids this run does not report, in its order.</param>
    /// <param name="asOf">This run's as-of date (the date the carried rows reported then are resolved on).</param>
    public FollowUpHistory(Finding[] current, HistoryTable? before, int[] carried, DateOnly asOf)
    {
        _current = current;
        _before = before;
        _carried = carried;
        _asOf = asOf;
        _order = FollowUpTracker.HistoryOrder(new Rows(this));
    }

    public int Count => _order.Length;

    public HistoryEntry this[int index] => Entry(_order[index]);

    public IEnumerator<HistoryEntry> GetEnumerator()
    {
        foreach (int k in _order) yield return Entry(k);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The carried rows that the previous run reported (销号清单), in history order, which is the order of <c>resolved.csv</c>.</summary>
    public IReadOnlyList<ResolvedFinding> Resolved()
    {
        if (_before is null) return [];
        var rows = new GrowingArray<int>();
        foreach (int k in _order)
        {
            if (k >= _current.Length && _carried[k - _current.Length] is var row && _before.Reported(row)) rows.Add(row);
        }
        return new ResolvedFindings(_before, rows.Items.ToArray(), _asOf);
    }

    /// <summary>The row at <paramref name="index"/> in history order: this run's finding (its row is <see cref="Current"/>'s),
    /// or null and the previous run's row it carries (<see cref="CarriedEntry"/>), for a writer that makes no entry per row.</summary>
    internal Finding? Row(int index, out int carriedRow)
    {
        int k = _order[index];
        if (k < _current.Length)
        {
            carriedRow = -1;
            return _current[k];
        }
        carriedRow = _carried[k - _current.Length];
        return null;
    }

    /// <summary>Asks for the finding at <paramref name="index"/> in history order to be brought into the cache (history order
    /// is unrelated to where the findings lie in memory).</summary>
    internal void Prefetch(int index)
    {
        int k = _order[index];
        if (k < _current.Length) Reporting.CacheHint.Load(_current[k]);
    }

    /// <summary>The entry of a previous run's row that this run carries (<see cref="Row"/>).</summary>
    internal HistoryEntry CarriedEntry(int carriedRow) => _before!.Carried(carriedRow, _asOf);

    /// <summary>This run's as-of date: the last seen date of its findings' rows.</summary>
    internal DateOnly AsOf => _asOf;

    private HistoryEntry Entry(int k) => k < _current.Length ? Current(_current[k]) : _before!.Carried(_carried[k - _current.Length], _asOf);

    /// <summary>The row of a finding of this run.</summary>
    private HistoryEntry Current(Finding f) => new()
    {
        FindingId = f.FindingId,
        Code = FindingCodes.Name(f.Code),
        Severity = CsvReports.SeverityName(f.Severity),
        WorkerId = f.WorkerId ?? "",
        IdNumber = f.IdNumber,
        Period = FindingIds.Period(f),
        FirstSeen = FirstSeen(f),
        LastSeen = _asOf,
        RunsOpen = f.RunsOpen ?? 1,
        Status = Statuses.Name(f.Status),
    };

    /// <summary>When a finding of this run was first reported: this run, unless the previous run had it.</summary>
    internal DateOnly FirstSeen(Finding f) => f.FirstSeen ?? _asOf;

    /// <summary>The ordering fields of this run's rows followed by the carried ones.</summary>
    private sealed class Rows(FollowUpHistory h) : IHistoryRows
    {
        public int Count => h._current.Length + h._carried.Length;

        public DateOnly FirstSeen(int row) => row < h._current.Length ? h.FirstSeen(h._current[row]) : h._before!.FirstSeen(Carried(row));

        public string Code(int row) => row < h._current.Length ? FindingCodes.Name(h._current[row].Code) : h._before!.Code(Carried(row));

        public bool WellFormedId(int row, out ulong id) =>
            row < h._current.Length ? HistoryTable.TryParseId(h._current[row].FindingId, out id) : h._before!.WellFormedId(Carried(row), out id);

        public string FindingId(int row) => row < h._current.Length ? h._current[row].FindingId : h._before!.FindingId(Carried(row));

        private int Carried(int row) => h._carried[row - h._current.Length];
    }
}
