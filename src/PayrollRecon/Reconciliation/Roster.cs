using System.Runtime.InteropServices;
using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The roster (<c>workers.csv</c>): its workers in file order, their lookup by id_number (R7), account (R12) and
/// name, each worker's tenure and first punch, and the findings about roster rows (R9–R11, R29, underage).
/// </summary>
internal sealed class Roster
{
    /// <summary>Ids up to this many bytes are upper-cased on the stack.</summary>
    public const int MaxStackIdLength = 64;

    private readonly ProjectSettings _settings;
    private readonly DateOnly _asOf;
    private readonly string _file;
    private readonly int _limit;
    private readonly TextInterner _strings;
    private readonly List<Finding> _findings;

    private readonly List<RosterWorker> _workers = [];
    private readonly Dictionary<string, int> _byUpperId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byUpperIdSpan;
    // The same ids, those of the GB 11643 shape packed into integers: the lookup of every punch and payroll row.
    private readonly IdNumberTable _byPackedId = new();
    // Registered account as written → the first worker with it (R10).
    private readonly Dictionary<string, int> _firstByAccount = new(StringComparer.Ordinal);
    // All-digit registered accounts → workers in roster order (R12: only these match by account).
    private readonly Dictionary<string, List<int>> _byDigitAccount = new(StringComparer.Ordinal);
    // Normalised name → workers in roster order (§3.2 step 3).
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly List<int> _entryDay = [];
    private readonly List<int> _exitDay = [];
    private readonly List<int> _firstPunchDay = [];

    /// <param name="settings">The project; its hourly minimum wage is checked per row (R29).</param>
    /// <param name="asOf">The reference date of the id_number check.</param>
    /// <param name="file">The roster's name in evidence.</param>
    /// <param name="limit">Most workers the roster may hold.</param>
    /// <param name="strings">Interns the text fields.</param>
    /// <param name="findings">Receives the roster's findings.</param>
    public Roster(ProjectSettings settings, DateOnly asOf, string file, int limit, TextInterner strings, List<Finding> findings)
    {
        _settings = settings;
        _asOf = asOf;
        _file = file;
        _limit = limit;
        _strings = strings;
        _findings = findings;
        _byUpperIdSpan = _byUpperId.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Workers kept (rows repeating an id_number are not).</summary>
    public int Count => _workers.Count;

    /// <summary>The worker at roster index <paramref name="index"/>.</summary>
    public RosterWorker this[int index] => _workers[index];

    /// <summary>The workers in roster order.</summary>
    public ReadOnlySpan<RosterWorker> Workers => CollectionsMarshal.AsSpan(_workers);

    /// <summary>Adds one roster row, in file order; a repeated id_number is reported (R9) and takes part in nothing else.</summary>
    public void Add(in WorkerRow row)
    {
        // R7 compares ids upper-cased (the keys below); the worker's id_number is written out as the roster has it.
        string written = _strings.Get(row.IdNumber);
        string id = written.ToUpperInvariant();
        string? workerId = row.WorkerId.IsEmpty ? null : _strings.Get(row.WorkerId);
        string name = _strings.Get(row.Name);
        string employer = _strings.Get(row.Employer);

        if (_byUpperId.TryGetValue(id, out int firstIndex))
        {
            // R9: the later row is reported with its own fields and takes part in nothing else.
            _findings.Add(new Finding
            {
                Code = FindingCode.DuplicateWorker,
                Severity = Severity.Orange,
                Employer = employer.Length == 0 ? null : employer,
                WorkerId = workerId ?? written,
                WorkerName = name,
                IdNumber = written,
                Source = Source(row.Line),
                Detail = Source(_workers[firstIndex].Line),
            });
            return;
        }

        if (_workers.Count >= _limit) throw EngineLimits.TooManyWorkers(_file, row.Line, _limit);
        var worker = new RosterWorker
        {
            Index = _workers.Count,
            Line = row.Line,
            WorkerId = workerId,
            Name = name,
            NormalizedName = NameNormalizer.Normalize(name),
            IdNumber = written,
            BankAccount = _strings.Get(row.BankAccount),
            Employer = employer,
            WageType = row.WageType,
            RateFen = row.WageRateFen ?? 0,
            EntryDate = row.EntryDate,
            ExitDate = row.ExitDate,
        };
        _workers.Add(worker);
        _byUpperId.Add(id, worker.Index);
        if (IdNumberTable.TryPack(row.IdNumber, out ulong packed)) _byPackedId.Add(packed, worker.Index);
        _entryDay.Add(row.EntryDate?.DayNumber ?? int.MinValue);
        _exitDay.Add(row.ExitDate?.DayNumber ?? int.MaxValue);
        _firstPunchDay.Add(int.MaxValue);

        if (worker.NormalizedName.Length > 0) ListFor(_byName, worker.NormalizedName).Add(worker.Index);
        if (worker.BankAccount.Length > 0 && AccountNumbers.IsAllDigits(worker.BankAccount))
            ListFor(_byDigitAccount, worker.BankAccount).Add(worker.Index);

        CheckRow(worker);
    }

    /// <summary>The roster index of an id_number (compared upper-cased, R7), or -1; allocates nothing for short ids.</summary>
    public int Find(ReadOnlySpan<byte> idNumber)
    {
        // A GB 11643-shaped id equals only ids of that shape, and every such roster id is in the packed table.
        if (IdNumberTable.TryPack(idNumber, out _)) return _byPackedId.Find(idNumber);
        if (idNumber.Length > MaxStackIdLength)
            return _byUpperId.TryGetValue(UpperId(idNumber), out int found) ? found : -1;
        Span<char> upper = stackalloc char[MaxStackIdLength];
        int length = UpperIdChars(idNumber, upper);
        return _byUpperIdSpan.TryGetValue(upper[..length], out int index) ? index : -1;
    }

    /// <summary>Notes that <paramref name="worker"/> punched on day <paramref name="dayNumber"/>: the earliest such day is
    /// the reference of the underage check when the roster gives no entry date.</summary>
    public void NoteFirstPunchDay(int worker, int dayNumber)
    {
        ref int firstPunch = ref CollectionsMarshal.AsSpan(_firstPunchDay)[worker];
        if (dayNumber < firstPunch) firstPunch = dayNumber;
    }

    /// <summary>The ids written as on the roster, by their bytes.</summary>
    public IdNumberTable IdTable => _byPackedId;

    /// <summary>Each worker's entry day number (<see cref="int.MinValue"/> without one), in roster order.</summary>
    public List<int> EntryDays => _entryDay;

    /// <summary>Each worker's exit day number (<see cref="int.MaxValue"/> without one), in roster order.</summary>
    public List<int> ExitDays => _exitDay;

    /// <summary>The workers whose registered all-digit account is <paramref name="digits"/>, in roster order, or null.</summary>
    public List<int>? HoldersOf(string digits) =>
        digits.Length > 0 && _byDigitAccount.TryGetValue(digits, out var holders) ? holders : null;

    /// <summary>The one worker whose normalised name is <paramref name="normalized"/>, or -1 (none, or several).</summary>
    public int SoleNamed(string normalized) =>
        normalized.Length > 0 && _byName.TryGetValue(normalized, out var named) && named.Count == 1 ? named[0] : -1;

    /// <summary>UNDERAGE_WORKER: under 16 at entry, or at the first punch when the roster gives no entry date.</summary>
    public void ReportUnderage()
    {
        foreach (var worker in _workers)
        {
            DateOnly reference;
            if (worker.EntryDate is { } entry) reference = entry;
            else if (_firstPunchDay[worker.Index] != int.MaxValue) reference = DateOnly.FromDayNumber(_firstPunchDay[worker.Index]);
            else continue;

            if (!IdNumbers.TryGetBirthDate(worker.IdNumber, out DateOnly birth)) continue;
            if (!IdNumbers.IsUnder16(birth, reference)) continue;
            _findings.Add(worker.Finding(FindingCode.UnderageWorker, Severity.Red) with
            {
                EventDate = reference,
                Source = Source(worker.Line),
                Detail = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    /// <summary>Upper-cases an id into <paramref name="destination"/> (at least as long as the bytes); returns the length.</summary>
    public static int UpperIdChars(ReadOnlySpan<byte> idNumber, Span<char> destination)
    {
        int i = 0;
        for (; i < idNumber.Length; i++)
        {
            byte b = idNumber[i];
            if (b >= 0x80) break;
            destination[i] = (char)(b is >= (byte)'a' and <= (byte)'z' ? b - 32 : b);
        }
        if (i == idNumber.Length) return i;

        // Rare non-ASCII id: decode, then upper-case like string.ToUpperInvariant does for roster ids.
        Span<char> decoded = stackalloc char[MaxStackIdLength];
        int n = Encoding.UTF8.GetChars(idNumber, decoded);
        return decoded[..n].ToUpperInvariant(destination);
    }

    /// <summary>The id upper-cased as a string (R7).</summary>
    public static string UpperId(ReadOnlySpan<byte> idNumber) => Encoding.UTF8.GetString(idNumber).ToUpperInvariant();

    private void CheckRow(RosterWorker worker)
    {
        string source = Source(worker.Line);
        if (!IdNumbers.IsValid(worker.IdNumber, _asOf))
            _findings.Add(worker.Finding(FindingCode.InvalidIdNumber, Severity.Orange) with { Source = source });

        if (worker.BankAccount.Length > 0)
        {
            if (_firstByAccount.TryGetValue(worker.BankAccount, out int first))
            {
                _findings.Add(worker.Finding(FindingCode.SharedBankAccount, Severity.Red) with
                {
                    Source = source,
                    Detail = _workers[first].Name,
                });
            }
            else
            {
                _firstByAccount.Add(worker.BankAccount, worker.Index);
            }
        }

        if (AccountNumbers.IsInvalid(worker.BankAccount))
            _findings.Add(worker.Finding(FindingCode.InvalidBankAccount, Severity.Yellow) with { Source = source });

        if (worker.WageType == WageType.Hourly && _settings.MinimumWageHourly is { } hourlyMinimum && worker.RateFen < hourlyMinimum.Fen)
        {
            _findings.Add(worker.Finding(FindingCode.BelowMinimumWage, Severity.Orange) with
            {
                Expected = hourlyMinimum,
                Actual = new Money(worker.RateFen),
                Source = source,
            });
        }
    }

    private string Source(long line) => $"{_file}:{line}";

    private static List<int> ListFor(Dictionary<string, List<int>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }
        return list;
    }
}
