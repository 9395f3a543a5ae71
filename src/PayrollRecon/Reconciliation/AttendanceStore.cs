using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// First and last punch of every worker-day, one block (a column of 31 days) per worker-month.
/// </summary>
/// <remarks>
/// Memory grows with workers × months, never with the number of punches. The days are laid out day-major: each
/// month has its own chunks of columns, a column per worker in the order the workers are first seen that month, and
/// in a chunk the columns of one day sit side by side. Attendance exported in time order (all workers interleaved)
/// then touches one dense row of the current day, not a block per worker. A month's first chunk is narrow and the
/// next ones double up to <see cref="MaxColumns"/>, so a month with few workers costs little. Chunks are never
/// copied; adding a punch to a worker-month that already has a block allocates nothing. Each worker remembers its
/// last block and where its column is, so the punches of one worker and month skip any lookup; a worker's other
/// months are found in a table per month, indexed by worker, over a window of months around the first punch (an
/// array index, no hashing), and only months outside that window go through a dictionary. Seconds are stored plus one so that zero
/// means "no punch that day".
/// </remarks>
internal sealed class AttendanceStore
{
    private const int DaysPerBlock = 31;
    // A month's first chunk has 1 << FirstColumnShift columns; each next one twice as many, up to 1 << MaxColumnShift.
    private const int FirstColumnShift = 0;
    private const int MaxColumnShift = 6;
    private const int MaxColumns = 1 << MaxColumnShift;

    // Months indexed directly: a window of WindowMonths around the first punched month (about ten years), one row per
    // month of every worker's block + 1 (0: none). Month-major, because time-ordered punches move every worker to a new
    // month at about the same time: those lookups then fall in one row.
    private const int WindowMonths = 128;

    private Dictionary<long, int> _blockByKey = [];
    private int[]?[] _monthWindow = new int[]?[WindowMonths];
    private int _windowStart = int.MinValue;
    // Per chunk: for each day and column, first then last second of day (+1).
    private List<int[]> _chunks = [];
    // Per month ordinal: the chunk that takes the month's next new worker, and its columns in use.
    private Dictionary<int, (int Chunk, int Used)> _monthChunk = [];
    // Per block: its chunk, and its column with the chunk's column shift (Column << 8 | Shift).
    private int[] _blockChunk = new int[64];
    private int[] _blockColumn = new int[64];
    private int[] _blockWorker = new int[64];
    private int[] _blockMonth = new int[64];
    // Per block with a punch outside tenure (few): the earliest such punch's ticks and line.
    private Dictionary<int, (long Ticks, long Line)> _outside = [];
    private int _blockCount;
    // Per worker: its last block, in one place so that a punch reads one cache line of worker state.
    private Cursor[] _cursors = [];

    /// <summary>Number of worker-months with at least one punch.</summary>
    public int BlockCount => _blockCount;

    /// <summary>Chunks of days held (a merge takes only the other store's chunks that hold worker-months new here).</summary>
    internal int ChunkCount => _chunks.Count;

    /// <summary>The cursor the store keeps for <paramref name="worker"/>, for a caller that keeps none of its own.</summary>
    public ref Cursor CursorOf(int worker)
    {
        if ((uint)worker >= (uint)_cursors.Length) GrowCursors(worker);
        return ref _cursors[worker];
    }

    /// <summary>Records one punch of roster worker <paramref name="worker"/> through a cursor kept for it (the caller's,
    /// starting as <see cref="Cursor.None"/> and only ever given this worker's punches, or <see cref="CursorOf"/>).</summary>
    /// <remarks>
    /// <paramref name="entryDays"/> and <paramref name="exitDays"/> are every worker's tenure as day numbers (no entry:
    /// <see cref="int.MinValue"/>, no exit: <see cref="int.MaxValue"/>); they are read once per worker-month, when a
    /// worker's punches move to another month, and a punch is then only compared with the days they allow.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ref Cursor cursor, int worker, int monthOrdinal, int day, int secondOfDay, long ticks, long line, List<int> entryDays, List<int> exitDays)
    {
        if (cursor.Month != monthOrdinal) SetWorkerMonth(ref cursor, worker, monthOrdinal, entryDays, exitDays);
        AddToCursor(ref cursor, day, secondOfDay, ticks, line);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddToCursor(ref Cursor cursor, int day, int secondOfDay, long ticks, long line)
    {
        int[] chunk = cursor.Chunk!;
        int column = cursor.Column;
        // Day 1..31, second 0..86,399, column below 64: no overflow check is needed. Both ends are written without a
        // branch: whether a punch is a day's first or a later one is a coin toss when workers interleave.
        unchecked
        {
            int slot = (((day - 1) << (column & 0xFF)) + (column >> 8)) * 2;
            ref int firstRef = ref chunk[slot];
            ref int lastRef = ref chunk[slot + 1];
            uint stored = (uint)secondOfDay + 1;
            // An empty day holds 0, which as (0 − 1) is above every stored second − 1.
            firstRef = (int)(Math.Min((uint)firstRef - 1, stored - 1) + 1);
            lastRef = (int)Math.Max((uint)lastRef, stored);
        }

        // R13: punches outside tenure still count towards days and hours; they are reported once per month.
        if (day < cursor.InsideFrom || day > cursor.InsideTo) AddOutside(cursor.Block, ticks, line);
    }

    private void AddOutside(int block, long ticks, long line)
    {
        // The earliest outside punch of the month (line breaks ties) is the evidence, whatever the file order.
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_outside, block, out bool exists);
        if (!exists || ticks < known.Ticks || (ticks == known.Ticks && line < known.Line)) known = (ticks, line);
    }

    private void SetWorkerMonth(ref Cursor cursor, int worker, int monthOrdinal, List<int> entryDays, List<int> exitDays)
    {
        int block = BlockFor(worker, monthOrdinal);
        cursor.Month = monthOrdinal;
        cursor.Block = block;
        cursor.Chunk = _chunks[_blockChunk[block]];
        cursor.Column = _blockColumn[block];
        // The days of this month within tenure, as days of month (an empty range when none is).
        long monthStart = new DateOnly(monthOrdinal / 12, (monthOrdinal % 12) + 1, 1).DayNumber;
        cursor.InsideFrom = (int)Math.Clamp(entryDays[worker] - monthStart + 1, 1, DaysPerBlock + 1);
        cursor.InsideTo = (int)Math.Clamp(exitDays[worker] - monthStart + 1, 0, DaysPerBlock);
    }

    /// <summary>The block of a worker-month, if it has a punch.</summary>
    public bool TryGetBlock(int worker, int monthOrdinal, out int block)
    {
        if (_windowStart == int.MinValue)
        {
            block = -1;
            return false;
        }
        int offset = monthOrdinal - _windowStart;
        if (offset is >= 0 and < WindowMonths)
        {
            int[]? row = _monthWindow[offset];
            block = row is not null && (uint)worker < (uint)row.Length ? row[worker] - 1 : -1;
            return block >= 0;
        }
        return _blockByKey.TryGetValue(((long)worker << 32) | (uint)monthOrdinal, out block);
    }

    /// <summary>The block of a worker-month, created on its first punch (in a given chunk and column when <paramref name="chunk"/> is not -1).</summary>
    private int BlockFor(int worker, int monthOrdinal, int chunk = -1, int column = 0)
    {
        // The window is placed by the first punch seen, with room for months before and after it.
        if (_windowStart == int.MinValue) _windowStart = monthOrdinal - WindowMonths / 2;
        int offset = monthOrdinal - _windowStart;
        if (offset is >= 0 and < WindowMonths)
        {
            ref int[]? row = ref _monthWindow[offset];
            if (row is null || (uint)worker >= (uint)row.Length) Array.Resize(ref row, Math.Max(worker + 1, Math.Max(64, (row?.Length ?? 0) * 2)));
            ref int entry = ref row[worker];
            if (entry == 0) entry = NewBlock(worker, monthOrdinal, chunk, column) + 1;
            return entry - 1;
        }

        long key = ((long)worker << 32) | (uint)monthOrdinal;
        ref int slotRef = ref CollectionsMarshal.GetValueRefOrAddDefault(_blockByKey, key, out bool exists);
        if (!exists) slotRef = NewBlock(worker, monthOrdinal, chunk, column);
        return slotRef;
    }

    /// <summary>
    /// Adds every punch of <paramref name="other"/> (a store of punches read after this one's): each of its blocks is
    /// merged day by day into this store's block of the same worker-month, created after this store's own blocks in the
    /// order <paramref name="other"/> created them. An empty store takes the other's state as it is.
    /// </summary>
    /// <remarks><paramref name="other"/> is of no further use.</remarks>
    public void MergeFrom(AttendanceStore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_blockCount == 0)
        {
            (_blockByKey, other._blockByKey) = (other._blockByKey, _blockByKey);
            (_monthWindow, other._monthWindow) = (other._monthWindow, _monthWindow);
            (_windowStart, other._windowStart) = (other._windowStart, _windowStart);
            (_chunks, other._chunks) = (other._chunks, _chunks);
            (_monthChunk, other._monthChunk) = (other._monthChunk, _monthChunk);
            (_blockChunk, other._blockChunk) = (other._blockChunk, _blockChunk);
            (_blockColumn, other._blockColumn) = (other._blockColumn, _blockColumn);
            (_blockWorker, other._blockWorker) = (other._blockWorker, _blockWorker);
            (_blockMonth, other._blockMonth) = (other._blockMonth, _blockMonth);
            (_outside, other._outside) = (other._outside, _outside);
            (_blockCount, other._blockCount) = (other._blockCount, _blockCount);
            // Each worker's cursor is set again on its next punch: start afresh rather than share them.
            _cursors = [];
            other._cursors = [];
            return;
        }

        // The other's chunks that hold a worker-month new here are taken as they are: those worker-months keep their
        // columns there, and its months new here go on filling its last chunk. Worker-months both stores have are
        // merged day by day, and a chunk of nothing but those is let go (an export appended to itself leaves every
        // chunk of the second part so).
        var known = new bool[other._blockCount];
        var chunkMap = new int[other._chunks.Count];
        Array.Fill(chunkMap, -1);
        for (int from = 0; from < other._blockCount; from++)
        {
            known[from] = TryGetBlock(other._blockWorker[from], other._blockMonth[from], out _);
            if (!known[from]) chunkMap[other._blockChunk[from]] = 0;
        }
        for (int c = 0; c < chunkMap.Length; c++)
        {
            if (chunkMap[c] < 0) continue;
            chunkMap[c] = _chunks.Count;
            _chunks.Add(other._chunks[c]);
        }
        foreach (var (month, current) in other._monthChunk)
        {
            // A month new here has only new worker-months, so its chunks are all taken.
            if (chunkMap[current.Chunk] >= 0) _monthChunk.TryAdd(month, (chunkMap[current.Chunk], current.Used));
        }
        for (int from = 0; from < other._blockCount; from++)
        {
            int worker = other._blockWorker[from];
            int month = other._blockMonth[from];
            if (!known[from])
            {
                int to = BlockFor(worker, month, chunkMap[other._blockChunk[from]], other._blockColumn[from]);
                if (other._outside.TryGetValue(from, out var outside)) _outside[to] = outside;
                continue;
            }
            TryGetBlock(worker, month, out int into);
            int[] source = other._chunks[other._blockChunk[from]];
            int[] target = _chunks[_blockChunk[into]];
            int sourceColumn = other._blockColumn[from];
            int targetColumn = _blockColumn[into];
            for (int day = 0; day < DaysPerBlock; day++)
            {
                int s = ((day << (sourceColumn & 0xFF)) + (sourceColumn >> 8)) * 2;
                if (source[s] == 0) continue;
                int t = ((day << (targetColumn & 0xFF)) + (targetColumn >> 8)) * 2;
                if (target[t] == 0 || source[s] < target[t]) target[t] = source[s];
                target[t + 1] = Math.Max(target[t + 1], source[s + 1]);
            }
            if (other._outside.TryGetValue(from, out var earliest)) AddOutside(into, earliest.Ticks, earliest.Line);
        }
        other.ReleaseDays();
    }

    /// <summary>
    /// Drops the per-day punch times and the block index once every block's totals have been taken: the largest part
    /// of the engine's state, no longer needed while bank lines are classified and the outputs built.
    /// </summary>
    /// <remarks>Afterwards only <see cref="WorkerOf"/>, <see cref="MonthOf"/> and <see cref="TryGetOutsideTenure"/> answer.</remarks>
    public void ReleaseDays()
    {
        _chunks.Clear();
        _chunks.TrimExcess();
        _monthChunk.Clear();
        _monthChunk.TrimExcess();
        _blockByKey.Clear();
        _blockByKey.TrimExcess();
        _monthWindow = new int[]?[WindowMonths];
        _windowStart = int.MinValue;
        _cursors = [];
    }

    /// <summary>Moves the line of every block's earliest punch outside tenure by <paramref name="offset"/>.</summary>
    public void ShiftLines(long offset)
    {
        foreach (int block in _outside.Keys) CollectionsMarshal.GetValueRefOrNullRef(_outside, block).Line += offset;
    }

    /// <summary>Roster index of a block's worker.</summary>
    public int WorkerOf(int block) => _blockWorker[block];

    /// <summary>Month ordinal (<see cref="Model.YearMonth.Ordinal"/>) of a block.</summary>
    public int MonthOf(int block) => _blockMonth[block];

    /// <summary>Distinct punch days and Σ (last − first) seconds of a block.</summary>
    public (int Days, long Seconds) Totals(int block)
    {
        int[] chunk = _chunks[_blockChunk[block]];
        int column = _blockColumn[block];
        int stride = 2 << (column & 0xFF);
        int start = (column >> 8) * 2;
        int days = 0;
        long seconds = 0;
        for (int i = start; i < chunk.Length; i += stride)
        {
            if (chunk[i] == 0) continue;
            days++;
            seconds += chunk[i + 1] - chunk[i];
        }
        return (days, seconds);
    }

    /// <summary>
    /// Every block's distinct punch days, Σ (last − first) seconds (as <see cref="Totals"/>) and first day with a punch
    /// (as <see cref="FirstDay"/>), indexed by block, in one pass over the chunks.
    /// </summary>
    /// <remarks>
    /// A block's days lie a row apart in its chunk, so reading them block by block strides through the chunk 31 times;
    /// here each chunk is read once, row after row, front to back, and each row's columns are added into the columns'
    /// running sums.
    /// </remarks>
    public void Summaries(Span<int> days, Span<long> seconds, Span<int> firstDays)
    {
        if (days.Length < _blockCount || seconds.Length < _blockCount || firstDays.Length < _blockCount)
            throw new ArgumentException("A value per block is needed.", nameof(days));
        if (!BitConverter.IsLittleEndian)
        {
            // The pass below reads a day's first and last second as one 64-bit value, first in the low half.
            for (int block = 0; block < _blockCount; block++)
            {
                (days[block], seconds[block]) = Totals(block);
                firstDays[block] = FirstDay(block);
            }
            return;
        }
        // The block of each chunk's columns (-1: none, e.g. the columns of another store's blocks merged into this one's).
        var columnBase = new int[_chunks.Count + 1];
        for (int c = 0; c < _chunks.Count; c++) columnBase[c + 1] = columnBase[c] + (1 << ColumnShift(_chunks[c]));
        var blockAt = new int[columnBase[_chunks.Count]];
        blockAt.AsSpan().Fill(-1);
        for (int block = 0; block < _blockCount; block++) blockAt[columnBase[_blockChunk[block]] + (_blockColumn[block] >> 8)] = block;

        // Per column of the chunk being read: punch days, Σ seconds, first punched day (as 64-bit lanes: a day's first and
        // last second side by side are one 64-bit value, so four columns are one 256-bit vector).
        Span<long> dayCount = stackalloc long[MaxColumns];
        Span<long> secondSum = stackalloc long[MaxColumns];
        Span<long> firstDay = stackalloc long[MaxColumns];
        for (int c = 0; c < _chunks.Count; c++)
        {
            int width = columnBase[c + 1] - columnBase[c];
            dayCount[..width].Clear();
            secondSum[..width].Clear();
            firstDay[..width].Fill(DaysPerBlock);
            ReadOnlySpan<long> pairs = MemoryMarshal.Cast<int, long>(_chunks[c].AsSpan());
            for (int day = 0; day < DaysPerBlock; day++) AddRow(pairs.Slice(day * width, width), day, dayCount, secondSum, firstDay);
            for (int column = 0; column < width; column++)
            {
                int block = blockAt[columnBase[c] + column];
                if (block < 0) continue;
                days[block] = (int)dayCount[column];
                seconds[block] = secondSum[column];
                int month = _blockMonth[block];
                firstDays[block] = new DateOnly(month / 12, (month % 12) + 1, 1).DayNumber + (int)firstDay[column];
            }
        }
    }

    /// <summary>Adds one day's row of a chunk (a first and last second + 1 per column, 0 and 0 for no punch) into the
    /// columns' running punch days, Σ (last − first) seconds and first punched day.</summary>
    private static void AddRow(ReadOnlySpan<long> row, int day, Span<long> dayCount, Span<long> secondSum, Span<long> firstDay)
    {
        int column = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.Create(0xFFFF_FFFFL);
            var dayVector = Vector256.Create((long)day);
            var none = Vector256.Create((long)DaysPerBlock);
            ref long rowStart = ref MemoryMarshal.GetReference(row);
            ref long days = ref MemoryMarshal.GetReference(dayCount);
            ref long sums = ref MemoryMarshal.GetReference(secondSum);
            ref long firsts = ref MemoryMarshal.GetReference(firstDay);
            for (; column + Vector256<long>.Count <= row.Length; column += Vector256<long>.Count)
            {
                var pair = Vector256.LoadUnsafe(ref rowStart, (nuint)column);
                var first = pair & low;
                var last = Vector256.ShiftRightLogical(pair, 32);
                // All ones where the column has no punch that day, else zero: the day counts 1 + that.
                var empty = Vector256.Equals(first, Vector256<long>.Zero);
                (Vector256.LoadUnsafe(ref days, (nuint)column) + Vector256<long>.One + empty).StoreUnsafe(ref days, (nuint)column);
                (Vector256.LoadUnsafe(ref sums, (nuint)column) + (last - first)).StoreUnsafe(ref sums, (nuint)column);
                Vector256.Min(Vector256.LoadUnsafe(ref firsts, (nuint)column), Vector256.ConditionalSelect(empty, none, dayVector)).StoreUnsafe(ref firsts, (nuint)column);
            }
        }
        for (; column < row.Length; column++)
        {
            long pair = row[column];
            long first = pair & 0xFFFF_FFFFL;
            if (first == 0) continue;
            dayCount[column]++;
            secondSum[column] += (pair >>> 32) - first;
            firstDay[column] = Math.Min(firstDay[column], day);
        }
    }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of the block's first day with a punch.</summary>
    public int FirstDay(int block)
    {
        int[] chunk = _chunks[_blockChunk[block]];
        int column = _blockColumn[block];
        int stride = 2 << (column & 0xFF);
        int start = (column >> 8) * 2;
        int day = 0;
        for (int i = start; i < chunk.Length && chunk[i] == 0; i += stride) day++;
        int month = _blockMonth[block];
        return new DateOnly(month / 12, (month % 12) + 1, 1).DayNumber + day;
    }

    /// <summary>The earliest punch outside tenure in the block, if any.</summary>
    public bool TryGetOutsideTenure(int block, out DateTime time, out long line)
    {
        bool found = _outside.TryGetValue(block, out var outside);
        line = outside.Line;
        time = found ? new DateTime(outside.Ticks) : default;
        return found;
    }

    private void GrowCursors(int index)
    {
        int size = Math.Max(index + 1, _cursors.Length * 2);
        int old = _cursors.Length;
        Array.Resize(ref _cursors, size);
        _cursors.AsSpan(old).Fill(Cursor.None);
    }

    private static int ColumnShift(int[] chunk) => System.Numerics.BitOperations.Log2((uint)(chunk.Length / (DaysPerBlock * 2)));

    private int NewBlock(int worker, int monthOrdinal, int chunk, int column)
    {
        int block = _blockCount++;
        if (block == _blockWorker.Length)
        {
            int size = block * 2;
            Array.Resize(ref _blockWorker, size);
            Array.Resize(ref _blockMonth, size);
            Array.Resize(ref _blockChunk, size);
            Array.Resize(ref _blockColumn, size);
        }

        _blockWorker[block] = worker;
        _blockMonth[block] = monthOrdinal;
        if (chunk >= 0)
        {
            _blockChunk[block] = chunk;
            _blockColumn[block] = column;
            return block;
        }

        ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(_monthChunk, monthOrdinal, out bool exists);
        int shift = exists ? ColumnShift(_chunks[current.Chunk]) : FirstColumnShift - 1;
        if (!exists || current.Used == 1 << shift)
        {
            shift = Math.Min(shift + 1, MaxColumnShift);
            current = (_chunks.Count, 0);
            _chunks.Add(new int[(DaysPerBlock << shift) * 2]);
        }
        _blockChunk[block] = current.Chunk;
        _blockColumn[block] = (current.Used++ << 8) | shift;
        return block;
    }

    /// <summary>A worker's last block: its month, the chunk and column of its days, the block, and the days of the month
    /// within the worker's tenure (32 bytes with padding), kept at the worker's roster index or by the caller.</summary>
    internal struct Cursor
    {
        /// <summary>A cursor on no month yet.</summary>
        public static Cursor None => new() { Month = int.MinValue };

        public int[]? Chunk;
        public int Month;
        public int Column;
        public int Block;
        public int InsideFrom;
        public int InsideTo;
    }
}
