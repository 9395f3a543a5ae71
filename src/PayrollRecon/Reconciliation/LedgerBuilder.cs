using System.Collections;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation.Rules;

namespace PayrollRecon.Reconciliation;

/// <summary>The reconstructed payroll ledger (工资支付台账): one entry per worker-month, roster order then month.</summary>
internal static class LedgerBuilder
{
    /// <summary>Checks every month's outstanding amount, then hands the roster's months over as the ledger.</summary>
    /// <param name="workers">The roster, months allocated; nothing changes them afterwards.</param>
    /// <param name="toleranceFen">A month short by at most this much counts as paid in full.</param>
    /// <param name="workersFile">Names a month in an overflow error.</param>
    /// <param name="sums">Notes the month being summed.</param>
    public static LedgerEntryList Build(ReadOnlySpan<RosterWorker> workers, long toleranceFen, string workersFile, SumSite sums)
    {
        var start = new int[workers.Length + 1];
        int count = 0;
        for (int w = 0; w < workers.Length; w++)
        {
            var worker = workers[w];
            start[w] = count;
            foreach (var month in worker.Months)
            {
                sums.At(workersFile, worker.Line, month.Period.Ordinal);
                _ = checked(month.DueFen - month.PaidFen);
            }
            count = checked(count + worker.Months.Count);
        }
        start[workers.Length] = count;
        return new LedgerEntryList(workers.ToArray(), start, toleranceFen);
    }
}

/// <summary>
/// The ledger made on demand from the roster's worker-months, which the engine hands over when it completes and never
/// changes again: a large project's ledger is then no object per worker-month (the writers read it as
/// <see cref="LedgerLine"/> values through <see cref="LedgerLines"/>).
/// </summary>
internal sealed class LedgerEntryList : IReadOnlyList<LedgerEntry>
{
    private readonly RosterWorker[] _workers;
    private readonly int[] _start;
    private readonly long _toleranceFen;

    /// <param name="workers">The roster, months allocated and their outstanding amounts checked.</param>
    /// <param name="start">Index of each worker's first entry, then the count.</param>
    /// <param name="toleranceFen">A month short by at most this much counts as paid in full.</param>
    public LedgerEntryList(RosterWorker[] workers, int[] start, long toleranceFen)
    {
        _workers = workers;
        _start = start;
        _toleranceFen = toleranceFen;
    }

    public int Count => _start[^1];

    public LedgerEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The last worker whose first entry is at or before index (workers without months share their start).
            int lo = 0, hi = _workers.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >>> 1;
                if (_start[mid] <= index) lo = mid;
                else hi = mid - 1;
            }
            var worker = _workers[lo];
            return new LedgerLine(worker, worker.Months[index - _start[lo]], _toleranceFen).ToEntry();
        }
    }

    /// <summary>The rows in order as values.</summary>
    public Enumerator Lines() => new(_workers, _toleranceFen);

    public IEnumerator<LedgerEntry> GetEnumerator()
    {
        var lines = Lines();
        while (lines.MoveNext()) yield return lines.Current.ToEntry();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the workers' months in roster order then month order.</summary>
    public struct Enumerator
    {
        private readonly RosterWorker[] _workers;
        private readonly long _toleranceFen;
        private int _worker;
        private int _month;

        internal Enumerator(RosterWorker[] workers, long toleranceFen)
        {
            _workers = workers;
            _toleranceFen = toleranceFen;
            _worker = 0;
            _month = -1;
        }

        public readonly LedgerLine Current
        {
            get
            {
                var worker = _workers[_worker];
                return new LedgerLine(worker, worker.Months[_month], _toleranceFen);
            }
        }

        public bool MoveNext()
        {
            _month++;
            while (_worker < _workers.Length && _month >= _workers[_worker].Months.Count)
            {
                _worker++;
                _month = 0;
            }
            return _worker < _workers.Length;
        }
    }
}

/// <summary>One ledger row as the writers read it: the fields of a <see cref="LedgerEntry"/>, without an object per row.</summary>
internal readonly struct LedgerLine
{
    /// <summary>The row of a worker-month of the engine (its outstanding amount checked).</summary>
    public LedgerLine(RosterWorker worker, WorkerMonth month, long toleranceFen)
    {
        WorkerId = worker.WorkerId;
        WorkerName = worker.Name;
        IdNumber = worker.IdNumber;
        Employer = worker.Employer;
        Period = month.Period;
        Days = month.Days;
        Seconds = month.Seconds;
        Due = new Money(month.DueFen);
        DueSource = month.DueSource;
        DueDate = month.DueDate;
        Paid = new Money(month.PaidFen);
        PaidOnTime = new Money(month.PaidOnTimeFen);
        Outstanding = new Money(Math.Max(0, month.DueFen - month.PaidFen));
        LastPaidDate = month.LastPaidDate;
        Status = MonthRules.StatusOf(month, toleranceFen);
    }

    /// <summary>The row of a ledger entry as given.</summary>
    public LedgerLine(LedgerEntry entry)
    {
        WorkerId = entry.WorkerId;
        WorkerName = entry.WorkerName;
        IdNumber = entry.IdNumber;
        Employer = entry.Employer;
        Period = entry.Period;
        Days = entry.Days;
        Seconds = entry.Seconds;
        Due = entry.Due;
        DueSource = entry.DueSource;
        DueDate = entry.DueDate;
        Paid = entry.Paid;
        PaidOnTime = entry.PaidOnTime;
        Outstanding = entry.Outstanding;
        LastPaidDate = entry.LastPaidDate;
        Status = entry.Status;
    }

    public string? WorkerId { get; }
    public string WorkerName { get; }
    public string IdNumber { get; }
    public string Employer { get; }
    public YearMonth Period { get; }
    public int Days { get; }
    public long Seconds { get; }
    public Money Due { get; }
    public DueSource DueSource { get; }
    public DateOnly DueDate { get; }
    public Money Paid { get; }
    public Money PaidOnTime { get; }
    public Money Outstanding { get; }
    public DateOnly? LastPaidDate { get; }
    public LedgerStatus Status { get; }

    public LedgerEntry ToEntry() => new()
    {
        WorkerId = WorkerId,
        WorkerName = WorkerName,
        IdNumber = IdNumber,
        Employer = Employer,
        Period = Period,
        Days = Days,
        Seconds = Seconds,
        Due = Due,
        DueSource = DueSource,
        DueDate = DueDate,
        Paid = Paid,
        PaidOnTime = PaidOnTime,
        Outstanding = Outstanding,
        LastPaidDate = LastPaidDate,
        Status = Status,
    };
}

/// <summary>The rows of any ledger as <see cref="LedgerLine"/> values: read straight from the worker-months for the
/// engine's own ledger, else entry by entry.</summary>
internal readonly struct LedgerLines(IReadOnlyList<LedgerEntry> ledger)
{
    public Enumerator GetEnumerator() => new(ledger);

    public struct Enumerator
    {
        private readonly IReadOnlyList<LedgerEntry> _ledger;
        private LedgerEntryList.Enumerator _lines;
        private readonly bool _own;
        private int _index;

        internal Enumerator(IReadOnlyList<LedgerEntry> ledger)
        {
            _ledger = ledger;
            _own = ledger is LedgerEntryList;
            _lines = ledger is LedgerEntryList list ? list.Lines() : default;
            _index = -1;
        }

        public readonly LedgerLine Current => _own ? _lines.Current : new LedgerLine(_ledger[_index]);

        public bool MoveNext() => _own ? _lines.MoveNext() : ++_index < _ledger.Count;
    }
}
