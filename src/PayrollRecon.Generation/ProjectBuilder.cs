using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Generation;

/// <summary>Plans and writes one synthetic project: settings, roster, attendance, payroll, bank statement,
/// batches, calendar and the findings its planted defects must raise.</summary>
/// <remarks>Every random choice comes from one <see cref="Random"/> seeded per project (consumed in a fixed order)
/// or from <see cref="StableHash"/> keyed by worker and day, so the files depend only on the options and the project
/// number, never on threads.</remarks>
internal sealed partial class ProjectBuilder
{
    /// <summary>Defects planted on one worker each.</summary>
    internal static readonly FindingCode[] WorkerCodes =
    [
        FindingCode.Unpaid, FindingCode.Shortfall, FindingCode.Late, FindingCode.Overpaid, FindingCode.NameMismatch,
        FindingCode.AccountMismatch, FindingCode.DuplicatePayment, FindingCode.ExcessivePayment,
        FindingCode.PaidWithoutAttendance, FindingCode.DaysMismatch, FindingCode.MissingPayroll,
        FindingCode.PayrollArithmetic, FindingCode.BelowMinimumWage, FindingCode.HeadcountMismatch,
        FindingCode.AttendanceOutsideTenure, FindingCode.InvalidIdNumber, FindingCode.UnderageWorker,
        FindingCode.DuplicateWorker, FindingCode.SharedBankAccount, FindingCode.InvalidBankAccount,
    ];

    /// <summary>Defects planted on a month of the project (bank, labour funds, unregistered punches, unreadable rows).</summary>
    internal static readonly FindingCode[] ProjectCodes =
    [
        FindingCode.UnknownPayee, FindingCode.NonWageDebit, FindingCode.BatchTotalMismatch, FindingCode.BatchDetailMissing,
        FindingCode.UnmatchedRefund, FindingCode.BalanceBreak, FindingCode.DuplicateTxn, FindingCode.UnregisteredWorker,
        FindingCode.LaborFundsLate, FindingCode.LaborFundsShort, FindingCode.DataError,
    ];

    private readonly GeneratorOptions _o;
    private readonly Random _rng;
    private readonly ulong _hashSeed;
    private readonly int _n;
    private readonly YearMonth[] _months;
    private readonly DateOnly[] _dueDates;
    private readonly DateOnly _asOf;
    private readonly int _payDay;
    private readonly RestDayCalendar _calendar;
    private readonly long _minMonthly;
    private readonly long _minHourly;
    private readonly Encoding _encoding;
    private readonly bool _zh;

    private readonly string _city;
    private readonly string _projectName;
    private readonly string _contractor;
    private readonly string _account;
    private readonly string _client;
    private readonly string _clientAccount;
    private readonly string _bankName;

    private readonly List<Employer> _employers = [];
    private readonly List<WorkerPlan> _workers = [];
    private readonly List<RosterExtra> _extraRows = [];
    private readonly List<Unregistered> _unregistered = [];
    private readonly List<(int Month, int Worker)> _attendanceJunk = [];
    private readonly List<(int Month, int Worker)> _payrollJunk = [];
    private readonly List<BankEvent> _events = [];
    private readonly List<BatchPlan> _batches = [];
    private readonly List<int> _batchMismatchMonths = [];
    private readonly List<int> _breakMonths = [];
    private readonly List<int> _dupMonths = [];
    private readonly bool[] _laborLate;
    private readonly bool[] _laborShort;
    private readonly long[] _laborAmount;
    private readonly DateOnly[] _laborDue;
    private readonly bool[] _zeroPaid;
    private readonly List<ExpectedFinding> _expected = [];
    private readonly HashSet<string> _names = [];
    private readonly HashSet<string> _cards = [];
    private readonly HashSet<string> _ids = [];
    private int _nextWorkerNo;
    private int _batchSeq;

    public ProjectBuilder(GeneratorOptions options, int projectNumber)
    {
        _o = options;
        Code = $"GEN-{options.Seed}-{projectNumber:D4}";
        _hashSeed = StableHash.Mix(unchecked((ulong)(uint)options.Seed), (ulong)projectNumber);
        _rng = new Random((int)(_hashSeed & 0x7FFF_FFFF));
        _n = options.Months;
        _zh = options.ChineseHeaders;
        _encoding = options.Gb18030 ? Encoding.GetEncoding(54936) : new UTF8Encoding(false);

        var start = new YearMonth(options.StartMonth.Year, options.StartMonth.Month);
        _months = new YearMonth[_n];
        for (int i = 0; i < _n; i++) _months[i] = start.AddMonths(i);
        _calendar = new RestDayCalendar(start.Year, start.AddMonths(_n).Year);
        _payDay = Pick([10, 15, 20, 25]);
        _dueDates = new DateOnly[_n];
        for (int i = 0; i < _n; i++)
        {
            var payMonth = _months[i].AddMonths(1);
            _dueDates[i] = _calendar.MoveBackToWorkingDay(new DateOnly(payMonth.Year, payMonth.Month, Math.Min(_payDay, payMonth.DayCount)));
        }
        // The last month is pending: its due date is not before asOf.
        _asOf = _dueDates[_n - 1];
        _minMonthly = Pick([190_000L, 200_000L, 210_000L, 220_000L, 234_000L]);
        _minHourly = Pick([1_900L, 1_960L, 2_060L, 2_100L, 2_200L]);

        _laborLate = new bool[_n];
        _laborShort = new bool[_n];
        _laborAmount = new long[_n];
        _laborDue = new DateOnly[_n];
        _zeroPaid = new bool[_n];
        for (int i = 0; i < _n; i++) _laborDue[i] = new DateOnly(_months[i].Year, _months[i].Month, 25);

        _city = Pick(ChineseText.Cities);
        _projectName = _city + "市" + Pick(ChineseText.Districts) + Pick(ChineseText.ProjectKinds);
        _contractor = Pick(ChineseText.FirmWords) + Pick(ChineseText.ContractorSuffixes);
        _client = _city + "市" + Pick(ChineseText.FirmWords) + Pick(ChineseText.ClientSuffixes);
        _account = IdentityNumbers.NewAccount(_rng, "4105", 20);
        _clientAccount = IdentityNumbers.NewAccount(_rng, "4100", 20);
        _bankName = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(ChineseText.Banks), _city);
    }

    /// <summary>The project code, also the folder name.</summary>
    public string Code { get; }

    /// <summary>Plans the project and writes its folder under <paramref name="outDir"/>.</summary>
    public GeneratedProject Build(string outDir, CancellationToken ct)
    {
        PlanEmployers();
        PlanWorkers();
        PlanWorkerDefects();
        PlanProjectDefects();

        string dir = Path.Combine(outDir, Code);
        Directory.CreateDirectory(dir);
        long bytes = 0;
        long punches = WriteAttendance(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Attendance)), ct, ref bytes);
        ct.ThrowIfCancellationRequested();
        bytes += WritePayroll(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Payroll)));
        PlanBank();
        long bankLines = WriteBank(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Bank)), ref bytes);
        bytes += WriteBatches(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Batches)));
        AddLaborFundFindings();
        for (int i = 0; i < _n - 1; i++)
            if (_zeroPaid[i]) _expected.Add(new(FindingCode.HeadcountMismatch, "", _months[i]));
        bytes += WriteWorkers(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Workers)));
        bytes += WriteCalendar(Path.Combine(dir, InputKinds.DefaultFileName(InputKind.Calendar)));
        bytes += WriteProjectJson(Path.Combine(dir, "project.json"));
        bytes += WriteExpected(Path.Combine(dir, "expected-findings.csv"));
        return new GeneratedProject(Code, dir, _workers.Count + _extraRows.Count, punches, bankLines, _expected.Count, bytes);
    }

    // ---------------------------------------------------------------- roster

    private void PlanEmployers()
    {
        int count = Math.Clamp(_o.Workers / 30 + 2, 1, 12);
        count = Math.Min(count, _o.Workers);
        var used = new HashSet<string>();
        while (_employers.Count < count)
        {
            string name = _city + Pick(ChineseText.FirmWords) + Pick(ChineseText.LabourFirmSuffixes);
            if (!used.Add(name)) continue;
            _employers.Add(new Employer(name, _rng.NextDouble() < 0.5, _rng.NextDouble() < 0.4));
        }
        if (count >= 2 && !_employers.Any(e => e.Batch)) _employers[^1] = _employers[^1] with { Batch = true };
    }

    private void PlanWorkers()
    {
        var first = _months[0].FirstDay;
        var last = _months[_n - 1].FirstDay.AddDays(_months[_n - 1].DayCount - 1);
        for (int i = 0; i < _o.Workers; i++)
        {
            var w = new WorkerPlan(i, _n);
            w.Name = NewPersonName();
            w.PayName = w.Name;
            var birth = first.AddDays(-_rng.Next(18 * 366, 60 * 365 - 5));
            w.IdNumber = NewUniqueId(birth);
            w.BankAccount = w.PayAccount = NewUniqueCard();
            w.Employer = _rng.Next(_employers.Count);
            double r = _rng.NextDouble();
            if (r < 0.70)
            {
                w.WageType = WageType.Daily;
                w.RateFen = _rng.Next(18, 46) * 1_000L;
            }
            else if (r < 0.80)
            {
                w.WageType = WageType.Monthly;
                w.RateFen = _rng.Next(45, 121) * 10_000L;
            }
            else if (r < 0.90)
            {
                w.WageType = WageType.Hourly;
                w.RateFen = _rng.Next(50, 91) * 50L;
            }
            else
            {
                w.WageType = WageType.Piece;
            }
            if (w.WageType == WageType.Monthly)
            {
                w.Team = "项目管理";
                w.Trade = Pick(ChineseText.StaffTrades);
            }
            else
            {
                var (team, trades) = Pick(ChineseText.Teams);
                w.Team = team;
                w.Trade = Pick(trades);
            }

            double t = _rng.NextDouble();
            if (t < 0.75 || _n == 1)
            {
                w.AttendFrom = first;
                w.AttendTo = last;
                w.Entry = _rng.NextDouble() < 0.1 ? null : first.AddDays(-_rng.Next(1, 121));
            }
            else if (t < 0.87)
            {
                int k = _rng.Next(1, _n);
                var entry = new DateOnly(_months[k].Year, _months[k].Month, _rng.Next(1, 29));
                w.Entry = w.AttendFrom = entry;
                w.AttendTo = last;
            }
            else
            {
                int e = _rng.Next(0, _n);
                var exit = new DateOnly(_months[e].Year, _months[e].Month, _rng.Next(5, 29));
                w.Entry = first.AddDays(-_rng.Next(1, 121));
                w.AttendFrom = first;
                w.Exit = w.AttendTo = exit;
            }
            w.MidDayPunches = _rng.NextDouble() < 0.1;
            w.Device = 1 + _rng.Next(3);
            w.HasPayroll = _employers[w.Employer].Payroll || w.WageType == WageType.Piece;
            w.ByBatch = _employers[w.Employer].Batch;
            bool lowerX = w.IdNumber[^1] == 'X' && _rng.NextDouble() < 0.3;
            w.AttendanceId = Encoding.ASCII.GetBytes(lowerX ? w.IdNumber.ToLowerInvariant() : w.IdNumber);
            _workers.Add(w);
        }
        _nextWorkerNo = _o.Workers;
    }

    /// <summary>Spacing and dot variants of names on bank lines, which normalise to the roster name (R18).</summary>
    private void PlanNameVariants()
    {
        foreach (var w in _workers)
        {
            if (!w.IsPlain || _rng.NextDouble() >= 0.04) continue;
            if (w.Name.Contains('·'))
                w.PayName = w.Name.Replace('·', _rng.Next(2) == 0 ? '•' : '.');
            else if (w.Name.Length >= 2)
                w.PayName = string.Concat(w.Name.AsSpan(0, 1), "\u3000", w.Name.AsSpan(1));
        }
    }

    // ---------------------------------------------------------------- helpers

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string NewPersonName()
    {
        while (true)
        {
            string name;
            if (_rng.NextDouble() < 0.02)
            {
                name = Pick(ChineseText.UyghurNames) + "·" + Pick(ChineseText.UyghurNames);
            }
            else
            {
                var sb = new StringBuilder(4);
                sb.Append(Pick(ChineseText.Surnames));
                int given = _rng.NextDouble() < 0.85 ? 2 : 1;
                for (int k = 0; k < given; k++) sb.Append(ChineseText.GivenCharacters[_rng.Next(ChineseText.GivenCharacters.Length)]);
                name = sb.ToString();
            }
            if (_names.Add(name)) return name;
        }
    }

    private string NewUniqueId(DateOnly birth)
    {
        while (true)
        {
            string id = IdentityNumbers.NewId(_rng, birth);
            if (_ids.Add(id)) return id;
        }
    }

    private string NewUniqueCard()
    {
        while (true)
        {
            string card = IdentityNumbers.NewCard(_rng);
            if (_cards.Add(card)) return card;
        }
    }

    private string NewWorkerId() => $"W{++_nextWorkerNo:D4}";

    private DateOnly LastDay(int month) => _months[month].FirstDay.AddDays(_months[month].DayCount - 1);

    /// <summary>A date in month <paramref name="month"/>, between the given days (clipped to the month).</summary>
    private DateOnly DayIn(int month, int fromDay, int toDay)
    {
        int last = _months[month].DayCount;
        int d = _rng.Next(Math.Min(fromDay, last), Math.Min(toDay, last) + 1);
        return new DateOnly(_months[month].Year, _months[month].Month, d);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static long RoundDiv(long numerator, long denominator) => ((2 * numerator) + denominator) / (2 * denominator);

    /// <summary>The wage the roster rate gives for a month (SPEC §3.1), rounded half away from zero to the fen.</summary>
    private static long ComputedWage(WorkerPlan w, int month) => w.WageType switch
    {
        WageType.Daily => w.Days[month] * w.RateFen,
        WageType.Monthly => w.Days[month] >= 22 ? w.RateFen : RoundDiv(w.RateFen * w.Days[month] * 100, 2175),
        WageType.Hourly => RoundDiv(w.RateFen * w.Seconds[month], 3600),
        _ => 0,
    };

    private void Expect(FindingCode code, string workerId = "", YearMonth? period = null) =>
        _expected.Add(new ExpectedFinding(code, workerId, period));

    private sealed record Employer(string Name, bool Batch, bool Payroll);

    /// <summary>A roster row after the regular workers: a repeated id (DUPLICATE_WORKER) or an unreadable row.</summary>
    private sealed record RosterExtra(WorkerPlan Template, string WorkerId, string IdNumber, string BankAccount, bool BlankName);

    /// <summary>Someone punching on site without being on the roster.</summary>
    private sealed record Unregistered(string IdNumber, int Month, DateOnly[] Dates);
}
