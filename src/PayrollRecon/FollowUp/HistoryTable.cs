using System.Globalization;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.FollowUp;

/// <summary>
/// A previous run's history held compactly (SPEC §5): one 48-byte row per finding id, the id as the value of its 16
/// hex digits, dates as day numbers and every text (code, severity, status, worker_id, period) as the index of one
/// shared copy, so a history costs its rows and the bytes of its distinct texts, never a string or an object per row.
/// An open-addressing index finds a row by its id.
/// </summary>
/// <remarks>
/// Rows read from a file come in through <see cref="Add(ulong, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, int, int, int, int, ReadOnlySpan{byte}, bool)"/>
/// (their texts interned from the bytes); entries a host hands over come in through <see cref="Add(HistoryEntry)"/>
/// and may hold an id of another form, kept as text. Once built, nothing changes a table, so a previous run can be
/// compared with by several checks at once.
/// </remarks>
internal sealed class HistoryTable
{
    internal const int NoDate = -1;

    private struct Row
    {
        // The value of a well-formed id; for an id of another form (OddId), the index of its text.
        public ulong Id;
        public int Code;
        public int Severity;
        public int Status;
        public int WorkerId;
        public int Period;
        public int FirstSeen;
        public int LastSeen;
        // NoDate while reported.
        public int ResolvedOn;
        public int RunsOpen;
        public bool OddId;
        public bool Reported;
    }

    // Rows in pages of 4,096 (192 KiB): the table grows a page at a time and never copies what it holds, so a history
    // of a million rows costs its 48 MB and not twice that while an array doubles.
    private const int PageShift = 12;
    private const int PageMask = (1 << PageShift) - 1;
    private readonly List<Row[]> _pages = [];
    private int _count;
    // Texts of rows read from a file, interned from their bytes: the few names (code, severity, status) as strings, the
    // worker_id and period as bytes (a history may name a worker of its own on every row). Texts of entries handed
    // over: interned as the strings they are.
    private readonly TextInterner? _names;
    private readonly TextInterner? _values;
    private readonly List<string>? _strings;
    private readonly Dictionary<string, int>? _stringIndex;
    // Per bucket: 0 when free, else 1 + the row; rows with a well-formed id only (ids of another form: _oddIds).
    private int[] _buckets = new int[16];
    private int _indexed;
    private Dictionary<string, int>? _oddIds;

    private HistoryTable(bool fromBytes)
    {
        if (fromBytes)
        {
            _names = new TextInterner();
            _values = new TextInterner(keepStrings: false);
        }
        else
        {
            _strings = [];
            _stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    /// <summary>A table for rows read from a file.</summary>
    public static HistoryTable ForFile() => new(fromBytes: true);

    /// <summary>A table of the entries a host hands over, in their order (an id listed twice is found as its last row).</summary>
    public static HistoryTable Of(IReadOnlyList<HistoryEntry> entries)
    {
        var table = new HistoryTable(fromBytes: false);
        foreach (var e in entries) table.Add(e);
        return table;
    }

    /// <summary>Rows held.</summary>
    public int Count => _count;

    /// <summary>Rows whose run reported the finding (every status but resolved).</summary>
    public int ReportedCount { get; private set; }

    /// <summary>
    /// Adds a row read from a file, its id already checked well-formed and not yet in the table; texts as their UTF-8
    /// bytes, dates as day numbers (<paramref name="resolvedOn"/> <see cref="NoDate"/> when empty).
    /// </summary>
    public void Add(
        ulong id, ReadOnlySpan<byte> code, ReadOnlySpan<byte> severity, ReadOnlySpan<byte> workerId, ReadOnlySpan<byte> period,
        int firstSeen, int lastSeen, int resolvedOn, int runsOpen, ReadOnlySpan<byte> status, bool reported)
    {
        Append(new Row
        {
            Id = id,
            Code = _names!.Index(code),
            Severity = _names.Index(severity),
            Status = _names.Index(status),
            WorkerId = _values!.Index(workerId),
            Period = _values.Index(period),
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            ResolvedOn = resolvedOn,
            RunsOpen = runsOpen,
            Reported = reported,
        });
    }

    /// <summary>Adds an entry a host handed over.</summary>
    private void Add(HistoryEntry e)
    {
        bool odd = !TryParseId(e.FindingId, out ulong id);
        Append(new Row
        {
            Id = odd ? (ulong)Intern(e.FindingId) : id,
            OddId = odd,
            Code = Intern(e.Code),
            Severity = Intern(e.Severity),
            Status = Intern(e.Status),
            WorkerId = Intern(e.WorkerId),
            Period = Intern(e.Period),
            FirstSeen = e.FirstSeen.DayNumber,
            LastSeen = e.LastSeen.DayNumber,
            ResolvedOn = e.ResolvedOn is { } resolved ? resolved.DayNumber : NoDate,
            RunsOpen = e.RunsOpen,
            Reported = e.Reported,
        });
    }

    /// <summary>True when a row of id <paramref name="id"/> is held.</summary>
    public bool Contains(ulong id) => _buckets[FindBucket(id)] != 0;

    /// <summary>The (last) row of finding id <paramref name="findingId"/>, or -1.</summary>
    public int Find(string findingId)
    {
        if (TryParseId(findingId, out ulong id)) return _buckets[FindBucket(id)] - 1;
        return _oddIds is not null && _oddIds.TryGetValue(findingId, out int row) ? row : -1;
    }

    /// <summary>True when row <paramref name="row"/>'s id is 16 lower-case hex digits; <paramref name="id"/> is then its value.</summary>
    public bool WellFormedId(int row, out ulong id)
    {
        ref readonly var r = ref RowAt(row);
        id = r.Id;
        return !r.OddId;
    }

    public string FindingId(int row)
    {
        ref readonly var r = ref RowAt(row);
        return r.OddId ? Name((int)r.Id) : r.Id.ToString("x16", CultureInfo.InvariantCulture);
    }

    public string Code(int row) => Name(RowAt(row).Code);

    public string Severity(int row) => Name(RowAt(row).Severity);

    public string Status(int row) => Name(RowAt(row).Status);

    public string WorkerId(int row) => Value(RowAt(row).WorkerId);

    public string Period(int row) => Value(RowAt(row).Period);

    public DateOnly FirstSeen(int row) => DateOnly.FromDayNumber(RowAt(row).FirstSeen);

    public DateOnly LastSeen(int row) => DateOnly.FromDayNumber(RowAt(row).LastSeen);

    public DateOnly? ResolvedOn(int row) => RowAt(row).ResolvedOn is var day && day == NoDate ? null : DateOnly.FromDayNumber(day);

    public int RunsOpen(int row) => RowAt(row).RunsOpen;

    public bool Reported(int row) => RowAt(row).Reported;

    /// <summary>The entry of row <paramref name="row"/> as the file (or host) gave it.</summary>
    public HistoryEntry Entry(int row) => Entry(row, ResolvedOn(row), Status(row));

    /// <summary>
    /// The entry of row <paramref name="row"/> carried into a run of <paramref name="asOf"/> that does not report it:
    /// resolved on that date when its run reported it, else as it was.
    /// </summary>
    public HistoryEntry Carried(int row, DateOnly asOf) => Reported(row) ? Entry(row, asOf, Statuses.Resolved) : Entry(row);

    private HistoryEntry Entry(int row, DateOnly? resolvedOn, string status) => new()
    {
        FindingId = FindingId(row),
        Code = Code(row),
        Severity = Severity(row),
        WorkerId = WorkerId(row),
        Period = Period(row),
        FirstSeen = FirstSeen(row),
        LastSeen = LastSeen(row),
        ResolvedOn = resolvedOn,
        RunsOpen = RunsOpen(row),
        Status = status,
    };

    /// <summary>The value of a well-formed finding id (16 lower-case hex digits).</summary>
    public static bool TryParseId(string findingId, out ulong id)
    {
        id = 0;
        return Findings.FindingIds.IsWellFormed(findingId)
            && ulong.TryParse(findingId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id);
    }

    private string Name(int index) => index < 0 ? string.Empty : _names is not null ? _names[index] : _strings![index];

    private string Value(int index) => index < 0 ? string.Empty : _values is not null ? _values[index] : _strings![index];

    private int Intern(string text)
    {
        if (text.Length == 0) return -1;
        if (!_stringIndex!.TryGetValue(text, out int index))
        {
            index = _strings!.Count;
            _strings.Add(text);
            _stringIndex.Add(text, index);
        }
        return index;
    }

    private void Append(in Row row)
    {
        int index = _count;
        if ((index & PageMask) == 0) _pages.Add(new Row[1 << PageShift]);
        RowAt(index) = row;
        _count++;
        if (row.Reported) ReportedCount++;
        if (row.OddId)
        {
            (_oddIds ??= new Dictionary<string, int>(StringComparer.Ordinal))[Name((int)row.Id)] = index;
            return;
        }
        if ((_indexed + 1) * 2 > _buckets.Length) Rehash();
        ref int bucket = ref _buckets[FindBucket(row.Id)];
        if (bucket == 0) _indexed++;
        bucket = index + 1;
    }

    private ref Row RowAt(int row) => ref _pages[row >> PageShift][row & PageMask];

    // The bucket holding id, else the free bucket where it would go. The hash is seeded per process, so ids chosen to
    // collide (a history.csv is an input like any other) cannot line up one long probe.
    private int FindBucket(ulong id)
    {
        int mask = _buckets.Length - 1;
        int bucket = HashCode.Combine(id) & mask;
        while (_buckets[bucket] is var slot && slot != 0 && RowAt(slot - 1).Id != id) bucket = (bucket + 1) & mask;
        return bucket;
    }

    private void Rehash()
    {
        var old = _buckets;
        _buckets = new int[checked(old.Length * 2)];
        int mask = _buckets.Length - 1;
        foreach (int slot in old)
        {
            if (slot == 0) continue;
            int bucket = HashCode.Combine(RowAt(slot - 1).Id) & mask;
            while (_buckets[bucket] != 0) bucket = (bucket + 1) & mask;
            _buckets[bucket] = slot;
        }
    }
}
