using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>A small in-memory project fed to <see cref="Reconciler"/> in the documented order; line numbers start at 2.</summary>
internal sealed class Scenario
{
    public ProjectSettings Settings { get; set; } = new() { Code = "T-1", AsOf = new DateOnly(2024, 4, 1), PayDay = 15 };
    public List<(DateOnly Date, CalendarKind Kind)> Calendar { get; } = [];
    public List<W> Workers { get; } = [];
    public List<(string Id, DateTime Time)> Punches { get; } = [];
    public bool AttendanceSupplied { get; set; } = true;
    public List<Pay> Payroll { get; } = [];
    public List<Bat> Batches { get; } = [];
    public bool BatchesSupplied { get; set; } = true;
    public List<B> Bank { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];
    /// <summary>Changes the engine's options (evidence names, lowered caps) before it is created.</summary>
    public Func<ReconcilerOptions, ReconcilerOptions>? Configure { get; set; }

    /// <summary>A valid 18-character id with the given birth date and sequence.</summary>
    public static string Id(int seq, int birthYear = 1990, int birthMonth = 1, int birthDay = 1)
    {
        string first17 = $"110101{birthYear:D4}{birthMonth:D2}{birthDay:D2}{seq % 1000:D3}";
        return first17 + IdNumbers.CheckCharacter(first17);
    }

    /// <summary>A valid 19-digit card number.</summary>
    public static string Card(int seq) => $"6222{seq:D15}";

    public W AddWorker(int seq, string name, WageType type = WageType.Daily, long rate = 300_00, string employer = "甲劳务")
    {
        var w = new W(Id(seq), name, Card(seq)) { Type = type, Rate = rate, Employer = employer };
        Workers.Add(w);
        return w;
    }

    /// <summary>One day on site: a punch in at 08:00 and out at 08:00 + hours.</summary>
    public void Work(W worker, DateOnly date, double hours = 8)
    {
        var start = date.ToDateTime(new TimeOnly(8, 0));
        Punches.Add((worker.Id, start));
        Punches.Add((worker.Id, start.AddHours(hours)));
    }

    /// <summary>Days 1..n of a month on site (whatever the weekday).</summary>
    public void WorkDays(W worker, int year, int month, int days)
    {
        for (int d = 1; d <= days; d++) Work(worker, new DateOnly(year, month, d));
    }

    public B PayTo(W worker, DateOnly date, long fen, string memo = "", string? txn = null)
    {
        var line = new B(txn ?? $"T{Bank.Count + 1:D4}", date, true, fen) { Name = worker.Name, Account = worker.Account, Memo = memo };
        Bank.Add(line);
        return line;
    }

    public ReconciliationResult Run(IEnumerable<(string Id, DateTime Time)>? punchOrder = null)
    {
        var options = new ReconcilerOptions { AttendanceSupplied = AttendanceSupplied, BatchesSupplied = BatchesSupplied };
        var r = new Reconciler(Settings, Configure is { } configure ? configure(options) : options);
        int line = 2;
        foreach (var (date, kind) in Calendar) r.AddCalendar(new CalendarRow { Line = line++, Date = date, Kind = kind });
        line = 2;
        foreach (var w in Workers)
        {
            r.AddWorker(new WorkerRow
            {
                Line = line++,
                WorkerId = U(w.WorkerId ?? ""),
                Name = U(w.Name),
                IdNumber = U(w.Id),
                BankAccount = U(w.Account),
                Employer = U(w.Employer),
                Team = default,
                Trade = default,
                WageType = w.Type,
                WageRateFen = w.Type == WageType.Piece ? null : w.Rate,
                EntryDate = w.Entry,
                ExitDate = w.Exit,
            });
        }
        line = 2;
        foreach (var (id, time) in punchOrder ?? Punches)
            r.AddPunch(new AttendanceRow { Line = PunchLine(id, time), IdNumber = U(id), Time = time, Direction = PunchDirection.Unknown });
        line = 2;
        foreach (var p in Payroll)
        {
            r.AddPayroll(new PayrollRow
            {
                Line = line++,
                IdNumber = U(p.Id),
                Period = p.Period,
                Days = p.Days,
                DaysCentis = p.DaysCentis,
                HoursCentis = null,
                Gross = new Money(p.Gross),
                Deductions = new Money(p.Deductions),
                Net = new Money(p.Net),
            });
        }
        line = 2;
        foreach (var b in Batches)
        {
            r.AddBatchLine(new BatchRow
            {
                Line = line++,
                BatchId = U(b.BatchId),
                BankAccount = U(b.Account),
                Name = U(b.Name),
                Amount = new Money(b.Amount),
                Status = b.Status,
                Memo = U(b.Memo),
            });
        }
        line = 2;
        foreach (var b in Bank)
        {
            r.AddBankLine(new BankRow
            {
                Line = b.Line ?? line,
                TxnId = U(b.Txn ?? ""),
                Date = b.Date,
                TimeOfDay = null,
                Direction = b.Debit ? BankDirection.Debit : BankDirection.Credit,
                Amount = new Money(b.Amount),
                Balance = b.Balance is { } bal ? new Money(bal) : null,
                CounterpartyName = U(b.Name),
                CounterpartyAccount = U(b.Account),
                Memo = U(b.Memo),
                BatchId = U(b.BatchId),
                Status = b.Status,
            });
            line++;
        }
        foreach (var d in Diagnostics) r.AddDiagnostic(d);
        return r.Complete();
    }

    /// <summary>A punch keeps its line number (its position in <see cref="Punches"/>) whatever order it is fed in.</summary>
    private int PunchLine(string id, DateTime time)
    {
        _punchLines ??= BuildPunchLines();
        return _punchLines[(id, time)];
    }

    private Dictionary<(string, DateTime), int>? _punchLines;

    private Dictionary<(string, DateTime), int> BuildPunchLines()
    {
        var map = new Dictionary<(string, DateTime), int>();
        for (int i = 0; i < Punches.Count; i++) map.TryAdd(Punches[i], i + 2);
        return map;
    }

    private static ReadOnlySpan<byte> U(string s) => Encoding.UTF8.GetBytes(s);

    public sealed record W(string Id, string Name, string Account)
    {
        public string? WorkerId { get; init; }
        public string Employer { get; init; } = "甲劳务";
        public WageType Type { get; init; } = WageType.Daily;
        public long Rate { get; init; } = 300_00;
        public DateOnly? Entry { get; init; }
        public DateOnly? Exit { get; init; }
    }

    public sealed record Pay(string Id, YearMonth Period, long Gross, long Net)
    {
        public long Deductions { get; init; }
        public int? Days { get; init; }
        public long? DaysCentis { get; init; }
    }

    public sealed record Bat(string BatchId, string Account, string Name, long Amount)
    {
        public BatchStatus Status { get; init; } = BatchStatus.Success;
        public string Memo { get; init; } = "";
    }

    public sealed record B(string? Txn, DateOnly Date, bool Debit, long Amount)
    {
        public string Name { get; init; } = "";
        public string Account { get; init; } = "";
        public string Memo { get; init; } = "";
        public string BatchId { get; init; } = "";
        public long? Balance { get; init; }
        /// <summary>The statement's status of the line (R39).</summary>
        public BankLineStatus Status { get; init; }
        /// <summary>Overrides the file line (to feed lines out of date order).</summary>
        public long? Line { get; init; }
    }
}

internal static class ResultExtensions
{
    public static Finding[] Of(this ReconciliationResult result, FindingCode code) =>
        result.Findings.Where(f => f.Code == code).ToArray();

    public static Finding Single(this ReconciliationResult result, FindingCode code) =>
        Assert.Single(result.Findings, f => f.Code == code);

    public static LedgerEntry Month(this ReconciliationResult result, string idNumber, int year, int month) =>
        Assert.Single(result.Ledger, e => e.IdNumber == idNumber && e.Period == new YearMonth(year, month));
}
