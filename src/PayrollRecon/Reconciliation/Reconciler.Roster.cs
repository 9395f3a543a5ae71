using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    private const int MaxStackIdLength = 64;

    private readonly List<RosterWorker> _workers = [];
    private readonly Dictionary<string, int> _workerByUpperId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _workerLookup;
    // The same ids, those of the GB 11643 shape packed into integers: the lookup of every punch and payroll row.
    private readonly IdNumberTable _workerByPackedId = new();
    // Registered account as written → the first worker with it (R10).
    private readonly Dictionary<string, int> _firstWorkerByAccount = new(StringComparer.Ordinal);
    // All-digit registered accounts → workers in roster order (R12: only these match by account).
    private readonly Dictionary<string, List<int>> _workersByDigitAccount = new(StringComparer.Ordinal);
    // Normalised name → workers in roster order (§3.2 step 3).
    private readonly Dictionary<string, List<int>> _workersByName = new(StringComparer.Ordinal);
    private readonly List<int> _entryDay = [];
    private readonly List<int> _exitDay = [];
    private readonly List<int> _firstPunchDay = [];

    /// <summary>Adds one roster row, in file order, after the calendar and before everything else.</summary>
    public void AddWorker(in WorkerRow row)
    {
        string id = UpperId(row.IdNumber);
        string? workerId = row.WorkerId.IsEmpty ? null : Text(row.WorkerId);
        string name = Text(row.Name);
        string employer = Text(row.Employer);

        if (_workerByUpperId.TryGetValue(id, out int firstIndex))
        {
            // R9: the later row is reported with its own fields and takes part in nothing else.
            _findings.Add(new Finding
            {
                Code = FindingCode.DuplicateWorker,
                Severity = Severity.Orange,
                Employer = employer.Length == 0 ? null : employer,
                WorkerId = workerId ?? id,
                WorkerName = name,
                IdNumber = id,
                Source = Source(WorkersFile, row.Line),
                Detail = Source(WorkersFile, _workers[firstIndex].Line),
            });
            return;
        }

        if (_workers.Count >= WorkerLimit) throw TooManyWorkers(row.Line);
        var worker = new RosterWorker
        {
            Index = _workers.Count,
            Line = row.Line,
            WorkerId = workerId,
            Name = name,
            NormalizedName = NameNormalizer.Normalize(name),
            IdNumber = id,
            BankAccount = Text(row.BankAccount),
            Employer = employer,
            WageType = row.WageType,
            RateFen = row.WageRateFen ?? 0,
            EntryDate = row.EntryDate,
            ExitDate = row.ExitDate,
        };
        _workers.Add(worker);
        _workerByUpperId.Add(id, worker.Index);
        if (IdNumberTable.TryPack(row.IdNumber, out ulong packed)) _workerByPackedId.Add(packed, worker.Index);
        _entryDay.Add(row.EntryDate?.DayNumber ?? int.MinValue);
        _exitDay.Add(row.ExitDate?.DayNumber ?? int.MaxValue);
        _firstPunchDay.Add(int.MaxValue);

        if (worker.NormalizedName.Length > 0) ListFor(_workersByName, worker.NormalizedName).Add(worker.Index);
        if (worker.BankAccount.Length > 0 && AccountNumbers.IsAllDigits(worker.BankAccount))
            ListFor(_workersByDigitAccount, worker.BankAccount).Add(worker.Index);

        CheckRosterRow(worker);
    }

    private void CheckRosterRow(RosterWorker worker)
    {
        string source = Source(WorkersFile, worker.Line);
        if (!IdNumbers.IsValid(worker.IdNumber, _asOf))
            _findings.Add(WorkerFinding(FindingCode.InvalidIdNumber, Severity.Orange, worker) with { Source = source });

        if (worker.BankAccount.Length > 0)
        {
            if (_firstWorkerByAccount.TryGetValue(worker.BankAccount, out int first))
            {
                _findings.Add(WorkerFinding(FindingCode.SharedBankAccount, Severity.Red, worker) with
                {
                    Source = source,
                    Detail = _workers[first].Name,
                });
            }
            else
            {
                _firstWorkerByAccount.Add(worker.BankAccount, worker.Index);
            }
        }

        if (AccountNumbers.IsInvalid(worker.BankAccount))
            _findings.Add(WorkerFinding(FindingCode.InvalidBankAccount, Severity.Yellow, worker) with { Source = source });

        if (worker.WageType == WageType.Hourly && _settings.MinimumWageHourly is { } hourlyMinimum && worker.RateFen < hourlyMinimum.Fen)
        {
            _findings.Add(WorkerFinding(FindingCode.BelowMinimumWage, Severity.Orange, worker) with
            {
                Expected = hourlyMinimum,
                Actual = new Money(worker.RateFen),
                Source = source,
            });
        }
    }

    private void ReportUnderage()
    {
        foreach (var worker in _workers)
        {
            DateOnly reference;
            if (worker.EntryDate is { } entry) reference = entry;
            else if (_firstPunchDay[worker.Index] != int.MaxValue) reference = DateOnly.FromDayNumber(_firstPunchDay[worker.Index]);
            else continue;

            if (!IdNumbers.TryGetBirthDate(worker.IdNumber, out DateOnly birth)) continue;
            if (!IdNumbers.IsUnder16(birth, reference)) continue;
            _findings.Add(WorkerFinding(FindingCode.UnderageWorker, Severity.Red, worker) with
            {
                EventDate = reference,
                Source = Source(WorkersFile, worker.Line),
                Detail = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    private static Finding WorkerFinding(FindingCode code, Severity severity, RosterWorker worker) => new()
    {
        Code = code,
        Severity = severity,
        Employer = worker.EmployerOrNull,
        WorkerId = worker.DisplayId,
        WorkerName = worker.Name,
        IdNumber = worker.IdNumber,
    };

    /// <summary>The roster index of an id_number (compared upper-cased, R7), or -1; allocates nothing for short ids.</summary>
    private int FindWorker(ReadOnlySpan<byte> idNumber)
    {
        // A GB 11643-shaped id equals only ids of that shape, and every such roster id is in the packed table.
        if (IdNumberTable.TryPack(idNumber, out ulong packed)) return _workerByPackedId.Find(packed);
        if (idNumber.Length > MaxStackIdLength)
            return _workerByUpperId.TryGetValue(UpperId(idNumber), out int found) ? found : -1;
        Span<char> upper = stackalloc char[MaxStackIdLength];
        int length = UpperIdChars(idNumber, upper);
        return _workerLookup.TryGetValue(upper[..length], out int index) ? index : -1;
    }

    /// <summary>Upper-cases an id into <paramref name="destination"/> (at least as long as the bytes); returns the length.</summary>
    private static int UpperIdChars(ReadOnlySpan<byte> idNumber, Span<char> destination)
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

    private static string UpperId(ReadOnlySpan<byte> idNumber) => Encoding.UTF8.GetString(idNumber).ToUpperInvariant();
}
