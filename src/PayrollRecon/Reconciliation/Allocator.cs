using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// §3.3: each worker's non-cancelled payments, in date order, go to the month their memo names, then to the oldest
/// months still owed, never to a month after the payment's (Civil Code Art. 560).
/// </summary>
internal sealed class Allocator
{
    private readonly ProcessedLines _lines;
    private readonly Roster _roster;
    private readonly PaymentTerms _terms;
    private readonly SumSite _sums;
    private readonly GrowingArray<Allocation> _allocations;

    /// <param name="lines">The payments, in reading order; each gets its allocations, excess and memo month.</param>
    /// <param name="roster">Each worker's months, in month order, due terms set.</param>
    /// <param name="terms">As-of date, tolerance and grace days.</param>
    /// <param name="sums">Notes the line being summed.</param>
    /// <param name="capacity">Expected allocations (about one per payment).</param>
    public Allocator(ProcessedLines lines, Roster roster, in PaymentTerms terms, SumSite sums, int capacity)
    {
        _lines = lines;
        _roster = roster;
        _terms = terms;
        _sums = sums;
        _allocations = new GrowingArray<Allocation>(capacity);
    }

    /// <summary>Every allocation made, in the order made; a line's are <c>AllocationStart</c>.. + <c>AllocationCount</c>.</summary>
    public ArraySegment<Allocation> Allocations => _allocations.Items;

    /// <summary>Allocates every non-cancelled wage payment.</summary>
    public void Run()
    {
        // Payments are taken in processed (date) order across all workers, which is each worker's date order too;
        // walking the lines front to back keeps the statement reads sequential.
        var lines = _lines.AsSpan();
        // Per worker, its first month that may still be owed something: a month with nothing left owed takes nothing
        // from any later payment (what is allocated only grows), so the oldest-first walk starts past such months.
        var firstOwed = new int[_roster.Count];
        for (int line = 0; line < lines.Length; line++)
        {
            ref var processed = ref lines[line];
            if (processed.Class != BankLineClass.WagePayment || processed.Cancelled) continue;
            _lines.SummingAt(_sums, line);
            var months = _roster[processed.Worker].Months;
            DateOnly date = _lines.Date(line);
            long remaining = _lines.Amount(line);
            int start = _allocations.Count;
            int memoOrdinal = -1;

            if (MemoMonth.TryFind(_lines.Memo(line), date, out var memoMonth))
            {
                memoOrdinal = memoMonth.Ordinal;
                var named = FindMonth(months, memoMonth);
                if (named is not null) remaining -= Allocate(named, line, date, remaining);
            }

            // Civil Code Art. 560: what is left discharges the earliest debt first, never a month after the payment's.
            var paymentMonth = YearMonth.Of(date);
            ref int first = ref firstOwed[processed.Worker];
            while (first < months.Count && months[first].IsSettled) first++;
            for (int m = first; m < months.Count; m++)
            {
                var month = months[m];
                if (remaining == 0 || month.Period > paymentMonth) break;
                remaining -= Allocate(month, line, date, remaining);
            }

            processed.AllocationStart = start;
            processed.AllocationCount = _allocations.Count - start;
            processed.ExcessFen = remaining;
            processed.MemoMonthOrdinal = memoOrdinal;
        }
    }

    private long Allocate(WorkerMonth month, int line, DateOnly date, long available)
    {
        long take = month.Allocate(available, line, date, _terms);
        if (take > 0) _allocations.Add(new Allocation(month.Period, new Money(take)));
        return take;
    }

    /// <summary>The month of <paramref name="period"/> among <paramref name="months"/> (in month order), or null.</summary>
    internal static WorkerMonth? FindMonth(List<WorkerMonth> months, YearMonth period)
    {
        // A worker's months are usually consecutive: the month as many places after the first as it is months later.
        if (months.Count > 0)
        {
            int guess = period.Ordinal - months[0].Period.Ordinal;
            if (guess >= 0 && guess < months.Count && months[guess].Period == period) return months[guess];
        }
        int lo = 0, hi = months.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = months[mid].Period.CompareTo(period);
            if (c == 0) return months[mid];
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }
}
