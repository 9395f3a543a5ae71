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
    private readonly Roster _roster;
    private readonly string _file;
    private readonly int _workerMonthLimit;
    private readonly List<Diagnostic> _diagnostics;

    private readonly Dictionary<string, int> _unregisteredIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unregisteredLookup;
    private readonly List<string> _unregisteredNames = [];
    private readonly Dictionary<long, UnregisteredMonth> _unregisteredMonths = [];

    // The id bytes of the previous punch and the roster index they resolved to (-1: not on the roster). Punches of
    // one worker usually come together, so most punches skip the upper-casing and the dictionary.
    private readonly byte[] _punchId = new byte[Roster.MaxStackIdLength];
    private int _punchIdLength = -1;
    private int _punchWorker = -1;
    // The calendar day of the previous punch, split into month ordinal and day of month.
    private int _punchDayNumber = -1;
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
        int dayNumber = (int)(ticks / TimeSpan.TicksPerDay);
        int secondOfDay = (int)((ticks - dayNumber * TimeSpan.TicksPerDay) / TimeSpan.TicksPerSecond);
        if (dayNumber != _punchDayNumber) SetPunchDay(dayNumber);
        if (!_punchDayInRange)
        {
            PunchOutOfRange(row.Line);
            return;
        }

        ReadOnlySpan<byte> id = row.IdNumber;
        int worker = _punchIdLength >= 0 && id.SequenceEqual(_punchId.AsSpan(0, _punchIdLength)) ? _punchWorker : RememberPunchId(id);
        if (worker < 0)
        {
            AddUnregisteredPunch(id, _punchMonthOrdinal, _punchDayOfMonth, ticks, row.Line);
            return;
        }

        // R13: punches outside tenure still count towards days and hours; they are reported once per month.
        bool outside = _roster.NotePunch(worker, dayNumber);
        _store.Add(worker, _punchMonthOrdinal, _punchDayOfMonth, secondOfDay, outside, ticks, row.Line);
        if (_store.BlockCount > _blockLimit) PunchPastWorkerMonthCap(row.Line);
    }

    // The store's blocks, read when the worker-months are built and checked.
    public int BlockCount => _store.BlockCount;

    public int WorkerOf(int block) => _store.WorkerOf(block);

    public int MonthOf(int block) => _store.MonthOf(block);

    public (int Days, long Seconds) Totals(int block) => _store.Totals(block);

    public bool TryGetBlock(int worker, int monthOrdinal, out int block) => _store.TryGetBlock(worker, monthOrdinal, out block);

    public bool TryGetOutsideTenure(int block, out DateTime time, out long line) => _store.TryGetOutsideTenure(block, out time, out line);

    /// <summary>Frees the per-day state once every block's totals are read.</summary>
    public void ReleaseDays() => _store.ReleaseDays();

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
        _punchDayNumber = dayNumber;
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

    /// <summary>Punch days of an unregistered id in one month, and its earliest punch.</summary>
    private struct UnregisteredMonth
    {
        public uint DayMask;
        public long FirstTicks;
        public long FirstLine;
    }
}
