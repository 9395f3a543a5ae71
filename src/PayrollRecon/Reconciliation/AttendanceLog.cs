using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The punches (<c>attendance.csv</c>): those of roster workers in an <see cref="AttendanceStore"/>, one block per
/// worker-month; those of ids not on the roster as punch days per id and month (UNREGISTERED_WORKER).
/// </summary>
internal sealed class AttendanceLog
{
    private readonly AttendanceStore _store = new();
    private readonly PunchIds _ids;
    private readonly Roster _roster;
    private readonly string _file;
    private readonly int _workerMonthLimit;
    private readonly List<Diagnostic> _diagnostics;
    private const int IdBytes = 18;

    private readonly Dictionary<string, int> _unregisteredIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unregisteredLookup;
    private readonly List<string> _unregisteredNames = [];
    private readonly Dictionary<long, UnregisteredMonth> _unregisteredMonths = [];

    // The id bytes of the previous punch of an id of another length than 18 bytes, and the roster index they resolved to
    // (-1: not on the roster): runs of such a worker's punches skip the upper-casing and the dictionary.
    private readonly byte[] _punchId = new byte[Roster.MaxStackIdLength];
    private int _punchIdLength = -1;
    private int _punchWorker = -1;
    // The calendar day of the previous punch (its first tick), split into month ordinal and day of month.
    private long _punchDayStartTicks = long.MinValue;
    private int _punchMonthOrdinal;
    private int _punchDayOfMonth;
    private bool _punchDayInRange;
    // The most attendance blocks the unregistered ids' months leave room for: one comparison per punch.
    private int _blockLimit;

    /// <param name="roster">Resolves punch ids to workers and knows their tenure.</param>
    /// <param name="file">The attendance file's name in evidence.</param>
    /// <param name="workerMonthLimit">Most worker-months (blocks and unregistered ids' months) the punches may open.</param>
    /// <param name="diagnostics">Receives punches dated outside 1900–2199.</param>
    public AttendanceLog(Roster roster, string file, int workerMonthLimit, List<Diagnostic> diagnostics)
    {
        _roster = roster;
        _ids = new PunchIds(roster.Count);
        _file = file;
        _workerMonthLimit = workerMonthLimit;
        _blockLimit = workerMonthLimit;
        _diagnostics = diagnostics;
        _unregisteredLookup = _unregisteredIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Worker-month records the punches opened: roster workers' blocks and unregistered ids' months.</summary>
    public int WorkerMonthRecords => _store.BlockCount + _unregisteredMonths.Count;

    /// <summary>Adds one punch (any order). Allocates nothing in steady state.</summary>
    public void Add(in AttendanceRow row)
    {
        long ticks = row.Time.Ticks;
        // Most punches fall on the previous punch's day: then only the second of day is worked out. A DateTime's ticks
        // are below 3.2 × 10^18, so nothing here can overflow.
        long inDay = unchecked(ticks - _punchDayStartTicks);
        if (unchecked((ulong)inDay) >= TimeSpan.TicksPerDay)
        {
            SetPunchDay(unchecked((int)(ticks / TimeSpan.TicksPerDay)));
            inDay = unchecked(ticks - _punchDayStartTicks);
        }
        int secondOfDay = unchecked((int)(inDay / TimeSpan.TicksPerSecond));
        if (!_punchDayInRange)
        {
            PunchOutOfRange(row.Line);
            return;
        }

        ReadOnlySpan<byte> id = row.IdNumber;
        int worker;
        ref AttendanceStore.Cursor cursor = ref Unsafe.NullRef<AttendanceStore.Cursor>();
        if (id.Length == IdBytes)
        {
            // Every GB 11643 id: its slot in this log's own table holds its worker and the worker's cursor, one line of
            // memory for the punch (PunchIds); an id seen for the first time is resolved through the roster.
            ulong high = BinaryPrimitives.ReadUInt64LittleEndian(id);
            ulong low = BinaryPrimitives.ReadUInt64LittleEndian(id[8..]);
            uint tail = BinaryPrimitives.ReadUInt16LittleEndian(id[16..]) | PunchIds.Used;
            ref PunchIds.Slot slot = ref _ids.Find(high, low, tail, out bool found);
            if (!found) slot = ref NewId(id, high, low, tail);
            worker = slot.Worker;
            cursor = ref slot.Cursor;
        }
        else
        {
            worker = _punchIdLength >= 0 && id.SequenceEqual(_punchId.AsSpan(0, _punchIdLength)) ? _punchWorker : RememberPunchId(id);
            if (worker >= 0) cursor = ref _store.CursorOf(worker);
        }
        if (worker < 0)
        {
            AddUnregisteredPunch(id, _punchMonthOrdinal, _punchDayOfMonth, ticks, row.Line);
            return;
        }

        // R13: punches outside tenure still count towards days and hours; they are reported once per month. The store
        // checks tenure once per worker-month, and the first punch day is taken from its blocks (Summaries).
        _store.Add(ref cursor, worker, _punchMonthOrdinal, _punchDayOfMonth, secondOfDay, ticks, row.Line, _roster.EntryDays, _roster.ExitDays);
        if (_store.BlockCount > _blockLimit) PunchPastWorkerMonthCap(row.Line);
    }

    /// <summary>An 18-byte id not seen before in this log: its worker from the roster (written as there, or otherwise, such
    /// as with a lower-case <c>x</c>; -1 when not on it), kept in a new slot.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ref PunchIds.Slot NewId(ReadOnlySpan<byte> id, ulong high, ulong low, uint tail)
    {
        int worker = _roster.IdTable.FindSlot(id, out int written) >= 0 ? written : _roster.Find(id);
        return ref _ids.Add(high, low, tail, worker);
    }

    // The store's blocks, read when the worker-months are built and checked.
    public int BlockCount => _store.BlockCount;

    public int WorkerOf(int block) => _store.WorkerOf(block);

    public int MonthOf(int block) => _store.MonthOf(block);

    public (int Days, long Seconds) Totals(int block) => _store.Totals(block);

    /// <summary>Every block's punch days, Σ seconds and first punched day (<see cref="AttendanceStore.Summaries"/>).</summary>
    public void Summaries(Span<int> days, Span<long> seconds, Span<int> firstDays) => _store.Summaries(days, seconds, firstDays);

    public bool TryGetBlock(int worker, int monthOrdinal, out int block) => _store.TryGetBlock(worker, monthOrdinal, out block);

    public bool TryGetOutsideTenure(int block, out DateTime time, out long line) => _store.TryGetOutsideTenure(block, out time, out line);

    /// <summary>Frees the per-day state once every block's totals are read.</summary>
    public void ReleaseDays()
    {
        _store.ReleaseDays();
        _ids.Clear();
    }

    /// <summary>UNREGISTERED_WORKER: one finding per id not on the roster and month with punches, by id then month.</summary>
    public void ReportUnregistered(List<Finding> findings)
    {
        var keys = new List<long>(_unregisteredMonths.Keys);
        keys.Sort();
        foreach (long key in keys)
        {
            var m = _unregisteredMonths[key];
            string id = _unregisteredNames[(int)(key >> 32)];
            findings.Add(new Finding
            {
                Code = FindingCode.UnregisteredWorker,
                Severity = Severity.Orange,
                WorkerId = id,
                IdNumber = id,
                Period = YearMonth.FromOrdinal((int)(key & 0xFFFF_FFFF)),
                Days = System.Numerics.BitOperations.PopCount(m.DayMask),
                EventDate = DateOnly.FromDateTime(new DateTime(m.FirstTicks)),
                Source = $"{_file}:{m.FirstLine}",
            });
        }
    }

    private void SetPunchDay(int dayNumber)
    {
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out int year, out int month, out int day);
        _punchDayStartTicks = dayNumber * TimeSpan.TicksPerDay;
        _punchDayInRange = EngineLimits.InPeriodRange(year);
        _punchMonthOrdinal = year * 12 + month - 1;
        _punchDayOfMonth = day;
    }

    /// <summary>Looks up a punch's id on the roster and remembers it for the next punch (ids too long to keep are not).</summary>
    private int RememberPunchId(ReadOnlySpan<byte> id)
    {
        int worker = _roster.Find(id);
        if (id.Length <= _punchId.Length)
        {
            id.CopyTo(_punchId);
            _punchIdLength = id.Length;
            _punchWorker = worker;
        }
        else
        {
            _punchIdLength = -1;
        }
        return worker;
    }

    private void AddUnregisteredPunch(ReadOnlySpan<byte> idNumber, int monthOrdinal, int day, long ticks, long line)
    {
        int index;
        if (idNumber.Length > Roster.MaxStackIdLength)
        {
            index = UnregisteredIndex(Roster.UpperId(idNumber));
        }
        else
        {
            Span<char> upper = stackalloc char[Roster.MaxStackIdLength];
            int length = Roster.UpperIdChars(idNumber, upper);
            if (!_unregisteredLookup.TryGetValue(upper[..length], out index))
                index = UnregisteredIndex(new string(upper[..length]));
        }

        long key = ((long)index << 32) | (uint)monthOrdinal;
        ref UnregisteredMonth m = ref CollectionsMarshal.GetValueRefOrAddDefault(_unregisteredMonths, key, out bool exists);
        if (!exists)
        {
            if (WorkerMonthRecords > _workerMonthLimit) throw EngineLimits.TooManyWorkerMonths(_file, line, _workerMonthLimit);
            _blockLimit = _workerMonthLimit - _unregisteredMonths.Count;
        }
        m.DayMask |= 1u << (day - 1);
        if (!exists || ticks < m.FirstTicks || (ticks == m.FirstTicks && line < m.FirstLine))
        {
            m.FirstTicks = ticks;
            m.FirstLine = line;
        }
    }

    private int UnregisteredIndex(string upperId)
    {
        if (_unregisteredIds.TryGetValue(upperId, out int index)) return index;
        index = _unregisteredNames.Count;
        _unregisteredIds.Add(upperId, index);
        _unregisteredNames.Add(upperId);
        return index;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PunchOutOfRange(long line) =>
        _diagnostics.Add(EngineLimits.OutOfRange(_file, line, "time", DiagnosticReason.DateTimeOutOfRange));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PunchPastWorkerMonthCap(long line) => throw EngineLimits.TooManyWorkerMonths(_file, line, _workerMonthLimit);

    /// <summary>
    /// A log that takes only the punches of one part of the attendance file, on a thread of its own: it shares this
    /// one's roster (read, never written, while the parts are read) and keeps its own worker-day store, unregistered ids
    /// and diagnostics (<paramref name="diagnostics"/>), which <see cref="TakeShards"/> then merges in file order.
    /// </summary>
    public AttendanceLog CreateShard(List<Diagnostic> diagnostics) => new(_roster, _file, _workerMonthLimit, diagnostics);

    /// <summary>
    /// Takes the punches of shards that read consecutive parts of the attendance file, given in file order, as if this
    /// log had been given every punch itself: the same worker-days, the same earliest evidence (lines as given to the
    /// shards), unregistered ids in the order first seen and the shards' diagnostics in order. Returns false, and takes
    /// nothing, when together they pass the worker-month cap: the caller then reads the file again on one thread, so
    /// that the error names the line a single reader would.
    /// </summary>
    /// <remarks>Only before any punch of this log. The shards are of no further use.</remarks>
    public bool TakeShards(IReadOnlyList<AttendanceLog> shards, IReadOnlyList<List<Diagnostic>> shardDiagnostics)
    {
        if (_store.BlockCount != 0 || _unregisteredMonths.Count != 0)
            throw new InvalidOperationException("Punch shards are taken before any punch.");
        if (shards.Count == 0) return true;

        var first = shards[0];
        for (int i = 1; i < shards.Count; i++) first.MergePunches(shards[i]);
        if (first.WorkerMonthRecords > _workerMonthLimit) return false;

        _store.MergeFrom(first._store);
        foreach (string id in first._unregisteredNames) UnregisteredIndex(id);
        foreach (var (key, month) in first._unregisteredMonths) _unregisteredMonths.Add(key, month);
        _blockLimit = _workerMonthLimit - _unregisteredMonths.Count;
        foreach (var list in shardDiagnostics) _diagnostics.AddRange(list);
        return true;
    }

    /// <summary>Moves the lines of the earliest punches kept as evidence by <paramref name="offset"/> (see <see cref="PunchShard.ShiftLines"/>).</summary>
    public void ShiftLines(long offset)
    {
        _store.ShiftLines(offset);
        foreach (long key in _unregisteredMonths.Keys)
            CollectionsMarshal.GetValueRefOrNullRef(_unregisteredMonths, key).FirstLine += offset;
    }

    /// <summary>Adds the punches of <paramref name="later"/>, a shard of the part of the file after this one's.</summary>
    private void MergePunches(AttendanceLog later)
    {
        _store.MergeFrom(later._store);

        var index = new int[later._unregisteredNames.Count];
        for (int i = 0; i < index.Length; i++) index[i] = UnregisteredIndex(later._unregisteredNames[i]);
        foreach (var (key, m) in later._unregisteredMonths)
        {
            long mapped = ((long)index[(int)(key >> 32)] << 32) | (key & 0xFFFF_FFFF);
            ref UnregisteredMonth month = ref CollectionsMarshal.GetValueRefOrAddDefault(_unregisteredMonths, mapped, out bool exists);
            if (!exists)
            {
                month = m;
                continue;
            }
            month.DayMask |= m.DayMask;
            if (m.FirstTicks < month.FirstTicks || (m.FirstTicks == month.FirstTicks && m.FirstLine < month.FirstLine))
            {
                month.FirstTicks = m.FirstTicks;
                month.FirstLine = m.FirstLine;
            }
        }
    }

    /// <summary>Punch days of an unregistered id in one month, and its earliest punch.</summary>
    private struct UnregisteredMonth
    {
        public uint DayMask;
        public long FirstTicks;
        public long FirstLine;
    }
}
