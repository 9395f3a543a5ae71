using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// First and last punch of every worker-day, in dense blocks of 31 days per worker-month.
/// </summary>
/// <remarks>
/// Memory grows with workers × months, never with the number of punches. Adding a punch to a worker-month that
/// already has a block allocates nothing. Seconds are stored plus one so that zero means "no punch that day".
/// </remarks>
internal sealed class AttendanceStore
{
    private const int DaysPerBlock = 31;

    private readonly Dictionary<long, int> _blockByKey = [];
    private int[] _first = new int[DaysPerBlock * 16];
    private int[] _last = new int[DaysPerBlock * 16];
    private int[] _blockWorker = new int[16];
    private int[] _blockMonth = new int[16];
    private long[] _outsideTicks = new long[16];
    private long[] _outsideLine = new long[16];
    private int _blockCount;
    private long _cachedKey = -1;
    private int _cachedBlock;

    /// <summary>Number of worker-months with at least one punch.</summary>
    public int BlockCount => _blockCount;

    /// <summary>Records one punch of roster worker <paramref name="worker"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int worker, int monthOrdinal, int day, int secondOfDay, bool outsideTenure, long ticks, long line)
    {
        long key = ((long)worker << 32) | (uint)monthOrdinal;
        int block;
        if (key == _cachedKey)
        {
            block = _cachedBlock;
        }
        else
        {
            ref int slotRef = ref CollectionsMarshal.GetValueRefOrAddDefault(_blockByKey, key, out bool exists);
            if (!exists) slotRef = NewBlock(worker, monthOrdinal);
            block = slotRef;
            _cachedKey = key;
            _cachedBlock = block;
        }

        int slot = block * DaysPerBlock + day - 1;
        int stored = secondOfDay + 1;
        int first = _first[slot];
        if (first == 0 || stored < first) _first[slot] = stored;
        if (stored > _last[slot]) _last[slot] = stored;

        if (outsideTenure)
        {
            // The earliest outside punch of the month (line breaks ties) is the evidence, whatever the file order.
            long known = _outsideLine[block];
            if (known == 0 || ticks < _outsideTicks[block] || (ticks == _outsideTicks[block] && line < known))
            {
                _outsideTicks[block] = ticks;
                _outsideLine[block] = line;
            }
        }
    }

    /// <summary>Roster index of a block's worker.</summary>
    public int WorkerOf(int block) => _blockWorker[block];

    /// <summary>Month ordinal (<see cref="Model.YearMonth.Ordinal"/>) of a block.</summary>
    public int MonthOf(int block) => _blockMonth[block];

    /// <summary>Distinct punch days and Σ (last − first) seconds of a block.</summary>
    public (int Days, long Seconds) Totals(int block)
    {
        int days = 0;
        long seconds = 0;
        int start = block * DaysPerBlock;
        for (int i = start; i < start + DaysPerBlock; i++)
        {
            if (_first[i] == 0) continue;
            days++;
            seconds += _last[i] - _first[i];
        }
        return (days, seconds);
    }

    /// <summary>True when the worker punched on that day of the block's month.</summary>
    public bool HasPunch(int block, int day) => _first[block * DaysPerBlock + day - 1] != 0;

    /// <summary>The earliest punch outside tenure in the block, if any.</summary>
    public bool TryGetOutsideTenure(int block, out DateTime time, out long line)
    {
        line = _outsideLine[block];
        time = line == 0 ? default : new DateTime(_outsideTicks[block]);
        return line != 0;
    }

    private int NewBlock(int worker, int monthOrdinal)
    {
        int block = _blockCount++;
        if (block == _blockWorker.Length)
        {
            int size = block * 2;
            Array.Resize(ref _blockWorker, size);
            Array.Resize(ref _blockMonth, size);
            Array.Resize(ref _outsideTicks, size);
            Array.Resize(ref _outsideLine, size);
            Array.Resize(ref _first, size * DaysPerBlock);
            Array.Resize(ref _last, size * DaysPerBlock);
        }
        _blockWorker[block] = worker;
        _blockMonth[block] = monthOrdinal;
        return block;
    }
}
