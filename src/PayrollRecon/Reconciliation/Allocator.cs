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

    /// <summary>Every allocation made, worker by worker (roster order), each worker's in date order; a line's are
    /// <c>AllocationStart</c>.. + <c>AllocationCount</c>.</summary>
    public ArraySegment<Allocation> Allocations => _allocations.Items;

    /// <summary>Payments from which the allocation is shared between two threads.</summary>
    internal const int PaymentsPerThread = 4096;

    /// <summary>Allocates every non-cancelled wage payment, on up to <paramref name="threads"/> threads (two when there are
    /// <paramref name="paymentsPerThread"/> payments for each).</summary>
    /// <remarks>
    /// What one payment allocates depends only on its worker's earlier payments, so the payments are taken worker by
    /// worker, each worker's in processed (date) order: the worker's months stay in cache while its payments are
    /// allocated, where taking the statement's order fetched another worker's months for every payment. The workers are
    /// cut into two runs of about as many payments each for two threads, and the allocations come out in roster order
    /// whatever the number of threads. A sum past the largest amount is reported at the earliest line (processed order)
    /// where one occurs, which is the line the statement's order would have stopped at.
    /// </remarks>
    public void Run(int threads = 1, int paymentsPerThread = PaymentsPerThread)
    {
        var lines = _lines.AsSpan();
        int workers = _roster.Count;
        // Lines [0, middle) and [middle, end) are gathered by one thread each when there are two.
        int middle = lines.Length / 2;
        // Each worker's payments in each half of the lines; then, by a counting sort, where each worker's go.
        var counts = new int[2 * workers];
        for (int line = 0; line < lines.Length; line++)
        {
            ref var processed = ref lines[line];
            if (IsPayment(processed)) counts[(line < middle ? 0 : workers) + processed.Worker]++;
        }
        var first = new int[workers + 1];
        for (int w = 0; w < workers; w++) first[w + 1] = first[w] + counts[w] + counts[workers + w];
        int total = first[workers];
        int parts = threads > 1 && total >= 2 * Math.Max(1, paymentsPerThread) ? 2 : 1;

        // The payments, worker by worker, each worker's in processed order, with what the allocation needs of the line
        // (its date, amount and memo month) read in one pass down the statement.
        var payments = new Payment[total];
        var next = new int[2 * workers];
        for (int w = 0; w < workers; w++)
        {
            next[w] = first[w];
            next[workers + w] = first[w] + counts[w];
        }
        void Gather(int from, int to, int half)
        {
            var gathered = _lines.AsSpan();
            for (int line = from; line < to; line++)
            {
                ref var processed = ref gathered[line];
                if (!IsPayment(processed)) continue;
                DateOnly date = processed.Date;
                int memo = MemoMonth.TryFind(_lines.Memo(line), date, out var memoMonth) ? memoMonth.Ordinal : -1;
                payments[next[half * workers + processed.Worker]++] = new Payment(line, date, processed.AmountFen, memo);
            }
        }
        if (parts == 1) Gather(0, lines.Length, 0);
        else Reading.SideBySide.Run(2, half => Gather(half == 0 ? 0 : middle, half == 0 ? middle : _lines.Count, half));

        // Part k allocates workers cut[k] .. cut[k + 1] − 1.
        var cut = new int[parts + 1];
        cut[parts] = workers;
        if (parts == 2)
        {
            int half = first.AsSpan(0, workers + 1).BinarySearch(total / 2);
            cut[1] = half >= 0 ? half : ~half;
        }
        // The first part allocates into the result, the second into a list of its own appended to it.
        var made = new GrowingArray<Allocation>[parts];
        var overflowAt = new int[parts];
        void Part(int k)
        {
            made[k] = k == 0 ? _allocations : new GrowingArray<Allocation>(first[cut[2]] - first[cut[1]] + 16);
            overflowAt[k] = AllocateWorkers(cut[k], cut[k + 1], first, payments, made[k], parts == 1 ? _sums : new SumSite());
        }
        if (parts == 1) Part(0);
        else Reading.SideBySide.Run(parts, Part);

        if (parts == 2)
        {
            int offset = _allocations.Count;
            _allocations.EnsureCapacity(offset + made[1].Count);
            foreach (var allocation in made[1].AsSpan()) _allocations.Add(allocation);
            foreach (ref readonly var payment in payments.AsSpan(first[cut[1]])) lines[payment.Line].AllocationStart += offset;
        }
        int overflow = int.MaxValue;
        foreach (int at in overflowAt) overflow = Math.Min(overflow, at);
        if (overflow != int.MaxValue)
        {
            _lines.SummingAt(_sums, overflow);
            throw new OverflowException();
        }
    }

    private static bool IsPayment(in ProcessedLine processed) => processed.Class == BankLineClass.WagePayment && !processed.Cancelled;

    /// <summary>Allocates the payments of workers <paramref name="from"/> .. <paramref name="to"/> − 1 into
    /// <paramref name="allocations"/>; returns the earliest processed line whose allocation overflowed, or int.MaxValue.</summary>
    private int AllocateWorkers(int from, int to, int[] first, Payment[] payments, GrowingArray<Allocation> allocations, SumSite sums)
    {
        var lines = _lines.AsSpan();
        int overflowAt = int.MaxValue;
        for (int worker = from; worker < to; worker++)
        {
            var months = _roster[worker].Months;
            // The worker's first month that may still be owed something: a month with nothing left owed takes nothing
            // from any later payment (what is allocated only grows), so the oldest-first walk starts past such months.
            int owed = 0;
            foreach (ref readonly var payment in payments.AsSpan(first[worker], first[worker + 1] - first[worker]))
            {
                int line = payment.Line;
                _lines.SummingAt(sums, line);
                DateOnly date = payment.Date;
                long remaining = payment.AmountFen;
                int start = allocations.Count;
                try
                {
                    if (payment.MemoOrdinal >= 0)
                    {
                        var named = FindMonth(months, YearMonth.FromOrdinal(payment.MemoOrdinal));
                        if (named is not null) remaining -= Allocate(allocations, named, line, date, remaining);
                    }

                    // Civil Code Art. 560: what is left discharges the earliest debt first, never a month after the payment's.
                    var paymentMonth = YearMonth.Of(date);
                    while (owed < months.Count && months[owed].IsSettled) owed++;
                    for (int m = owed; m < months.Count; m++)
                    {
                        var month = months[m];
                        if (remaining == 0 || month.Period > paymentMonth) break;
                        remaining -= Allocate(allocations, month, line, date, remaining);
                    }
                }
                catch (OverflowException)
                {
                    // The worker's later payments cannot come before this line in the statement's order.
                    overflowAt = Math.Min(overflowAt, line);
                    break;
                }

                ref var processed = ref lines[line];
                processed.AllocationStart = start;
                processed.AllocationCount = allocations.Count - start;
                processed.ExcessFen = remaining;
                processed.MemoMonthOrdinal = payment.MemoOrdinal;
            }
        }
        return overflowAt;
    }

    /// <summary>A payment as the allocation reads it: its processed line, date, amount and the month its memo names (-1: none).</summary>
    private readonly record struct Payment(int Line, DateOnly Date, long AmountFen, int MemoOrdinal);

    private long Allocate(GrowingArray<Allocation> allocations, WorkerMonth month, int line, DateOnly date, long available)
    {
        long take = month.Allocate(available, line, date, _terms);
        if (take > 0) allocations.Add(new Allocation(month.Period, new Money(take)));
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
