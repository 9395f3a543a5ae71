using System.Runtime.InteropServices;
using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    private readonly AttendanceStore _attendance = new();
    private readonly Dictionary<string, int> _unregisteredIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unregisteredLookup;
    private readonly List<string> _unregisteredNames = [];
    private readonly Dictionary<long, UnregisteredMonth> _unregisteredMonths = [];
    private readonly Dictionary<long, PayrollMonth> _payroll = [];

    // The id bytes of the previous punch not written as a roster id, and the roster index they resolved to (-1: not on
    // the roster): runs of an unregistered worker's punches skip the upper-casing and the dictionary.
    private readonly byte[] _punchId = new byte[MaxStackIdLength];
    private int _punchIdLength = -1;
    private int _punchWorker = -1;
    // The calendar day of the previous punch, split into month ordinal and day of month.
    private long _punchDayStartTicks = long.MinValue;
    private int _punchMonthOrdinal;
    private int _punchDayOfMonth;
    private bool _punchDayInRange;

    /// <summary>Adds one punch (any order, after the roster). Allocates nothing in steady state.</summary>
    public void AddPunch(in AttendanceRow row)
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
        // Most ids are written as on the roster: their table slot also keeps the worker's place in the store.
        int cursor = _workerByPackedId.FindSlot(id, out int worker);
        if (cursor < 0)
        {
            worker = _punchIdLength >= 0 && id.SequenceEqual(_punchId.AsSpan(0, _punchIdLength)) ? _punchWorker : RememberPunchId(id);
            cursor = _workerByPackedId.SlotCount + worker;
        }
        if (worker < 0)
        {
            AddUnregisteredPunch(id, _punchMonthOrdinal, _punchDayOfMonth, ticks, row.Line);
            return;
        }

        // R13: punches outside tenure still count towards days and hours; they are reported once per month.
        _attendance.Add(cursor, worker, _punchMonthOrdinal, _punchDayOfMonth, secondOfDay, ticks, row.Line, _entryDay, _exitDay);
        if (_attendance.BlockCount > _punchBlockLimit) PunchPastWorkerMonthCap(row.Line);
    }

    private void SetPunchDay(int dayNumber)
    {
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out int year, out int month, out int day);
        _punchDayStartTicks = dayNumber * TimeSpan.TicksPerDay;
        _punchDayInRange = InPeriodRange(year);
        _punchMonthOrdinal = year * 12 + month - 1;
        _punchDayOfMonth = day;
    }

    /// <summary>Looks up a punch's id on the roster and remembers it for the next punch (ids too long to keep are not).</summary>
    private int RememberPunchId(ReadOnlySpan<byte> id)
    {
        int worker = FindWorker(id);
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
        if (idNumber.Length > MaxStackIdLength)
        {
            index = UnregisteredIndex(UpperId(idNumber));
        }
        else
        {
            Span<char> upper = stackalloc char[MaxStackIdLength];
            int length = UpperIdChars(idNumber, upper);
            if (!_unregisteredLookup.TryGetValue(upper[..length], out index))
                index = UnregisteredIndex(new string(upper[..length]));
        }

        long key = ((long)index << 32) | (uint)monthOrdinal;
        ref UnregisteredMonth m = ref CollectionsMarshal.GetValueRefOrAddDefault(_unregisteredMonths, key, out bool exists);
        if (!exists)
        {
            if (WorkerMonthRecords > WorkerMonthLimit) throw TooManyWorkerMonths(AttendanceFile, line);
            _punchBlockLimit = WorkerMonthLimit - _payroll.Count - _unregisteredMonths.Count;
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

    private void ReportUnregistered()
    {
        var keys = new List<long>(_unregisteredMonths.Keys);
        keys.Sort();
        foreach (long key in keys)
        {
            var m = _unregisteredMonths[key];
            string id = _unregisteredNames[(int)(key >> 32)];
            _findings.Add(new Finding
            {
                Code = FindingCode.UnregisteredWorker,
                Severity = Severity.Orange,
                WorkerId = id,
                IdNumber = id,
                Period = YearMonth.FromOrdinal((int)(key & 0xFFFF_FFFF)),
                Days = System.Numerics.BitOperations.PopCount(m.DayMask),
                EventDate = DateOnly.FromDateTime(new DateTime(m.FirstTicks)),
                Source = Source(AttendanceFile, m.FirstLine),
            });
        }
    }

    /// <summary>Adds one payroll row (after the roster); rows of ids not on the roster are ignored (R7).</summary>
    public void AddPayroll(in PayrollRow row)
    {
        try
        {
            AddPayrollChecked(row);
        }
        catch (OverflowException)
        {
            throw new PayrollDataException(PayrollFile, $"{Source(PayrollFile, row.Line)}: {SumTooLargeText}");
        }
    }

    private void AddPayrollChecked(in PayrollRow row)
    {
        if (!InPeriodRange(row.Period.Year))
        {
            AddDiagnostic(new Diagnostic(PayrollFile, row.Line, "period", $"period outside {DateParser.MinYear}-01..{DateParser.MaxYear}-12"));
            return;
        }

        int worker = FindWorker(row.IdNumber);
        if (worker < 0) return;

        var w = _workers[worker];
        // R23: the arithmetic is checked per row, before rows of the same month are summed.
        var expectedNet = row.Gross - row.Deductions;
        if (expectedNet != row.Net)
        {
            _findings.Add(WorkerFinding(FindingCode.PayrollArithmetic, Severity.Yellow, w) with
            {
                Period = row.Period,
                Expected = expectedNet,
                Actual = row.Net,
                Source = Source(PayrollFile, row.Line),
            });
        }

        long key = ((long)worker << 32) | (uint)row.Period.Ordinal;
        if (!_payroll.TryGetValue(key, out var month))
        {
            month = new PayrollMonth { FirstLine = row.Line };
            _payroll.Add(key, month);
            if (WorkerMonthRecords > WorkerMonthLimit) throw TooManyWorkerMonths(PayrollFile, row.Line);
        }
        month.GrossFen = checked(month.GrossFen + row.Gross.Fen);
        month.DeductionsFen = checked(month.DeductionsFen + row.Deductions.Fen);
        month.NetFen = checked(month.NetFen + row.Net.Fen);
        if (row.Days is { } days) month.Days = checked((month.Days ?? 0) + days);
    }

    /// <summary>Punch days of an unregistered id in one month, and its earliest punch.</summary>
    private struct UnregisteredMonth
    {
        public uint DayMask;
        public long FirstTicks;
        public long FirstLine;
    }
}
