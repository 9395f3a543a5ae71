using System.Text;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation.Components;

/// <summary>Rows (a worker's card is a valid one numbered by its line unless given) and engine parts built directly, for testing one component of the engine at a time.</summary>
internal static class Rows
{
    public static readonly DateOnly AsOf = new(2024, 4, 1);

    public static ProjectSettings Settings { get; } = new() { Code = "T-1", AsOf = AsOf, PayDay = 15 };

    public static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    public static Roster Roster(List<Finding> findings, int limit = Reconciler.MaxWorkers, ProjectSettings? settings = null) =>
        new(settings ?? Settings, AsOf, "workers.csv", limit, new TextInterner(), findings);

    public static WorkerRow Worker(long line, string id, string name, string? account = null, WageType type = WageType.Daily, long rate = 300_00,
        DateOnly? entry = null, DateOnly? exit = null) => new()
        {
            Line = line,
            WorkerId = default,
            Name = U(name),
            IdNumber = U(id),
            BankAccount = U(account ?? Scenario.Card((int)line)),
            Employer = "甲劳务"u8,
            Team = default,
            Trade = default,
            WageType = type,
            WageRateFen = type == WageType.Piece ? null : rate,
            EntryDate = entry,
            ExitDate = exit,
        };

    public static AttendanceRow Punch(long line, string id, DateTime time) =>
        new() { Line = line, IdNumber = U(id), Time = time, Direction = PunchDirection.Unknown };

    public static PayrollRow Payroll(long line, string id, YearMonth period, long gross, long deductions, long net, int? days = null) => new()
    {
        Line = line,
        IdNumber = U(id),
        Period = period,
        Days = days,
        HoursCentis = null,
        Gross = new Money(gross),
        Deductions = new Money(deductions),
        Net = new Money(net),
    };

    public static BankRow Bank(long line, string txn, DateOnly date, bool debit, long fen, long? balance = null, string name = "", string account = "", string memo = "") => new()
    {
        Line = line,
        TxnId = U(txn),
        Date = date,
        TimeOfDay = null,
        Direction = debit ? BankDirection.Debit : BankDirection.Credit,
        Amount = new Money(fen),
        Balance = balance is { } b ? new Money(b) : null,
        CounterpartyName = U(name),
        CounterpartyAccount = U(account),
        Memo = U(memo),
        BatchId = default,
    };
}
