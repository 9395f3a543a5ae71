using PayrollRecon;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Docs;

/// <summary>The README's "rows from a database" example is this code: it compiles, runs on a one-worker project held as
/// ordinary values, and its evidence cites the database's sources.</summary>
public sealed class ReadmeDatabaseTests
{
    private sealed record WorkerRecord(long RowNo, string WorkerId, string Name, string IdNumber, string Card, string Employer, decimal DailyRate);

    private sealed record PunchRecord(long RowNo, string IdNumber, DateTime Time);

    private sealed record PayrollRecord(long RowNo, string IdNumber, int Year, int Month, decimal Gross, decimal Deductions, decimal Net);

    private sealed record BankRecord(long RowNo, string TxnId, DateTime Time, bool IsDebit, decimal Amount, decimal Balance, string Name, string Account, string Memo);

    private static ReconciliationResult Database(
        ProjectSettings settings, DateOnly asOf, WorkerRecord[] workers, PunchRecord[] punches, PayrollRecord[] payroll, BankRecord[] bankLines)
    {
        // README:database-begin
        var engine = new Reconciler(settings with { AsOf = asOf }, new ReconcilerOptions
        {
            WorkersFile = "db:workers", AttendanceFile = "db:attendance", PayrollFile = "db:payroll", BankFile = "db:bank",
            AttendanceSupplied = true,
        });
        foreach (var w in workers)
            engine.AddWorker(RowValues.Worker(w.RowNo, w.WorkerId, w.Name, w.IdNumber, w.Card, w.Employer, WageType.Daily, Money.FromYuan(w.DailyRate)));
        foreach (var p in punches) engine.AddPunch(RowValues.Punch(p.RowNo, p.IdNumber, p.Time));
        foreach (var p in payroll)
        {
            engine.AddPayroll(RowValues.Payroll(p.RowNo, p.IdNumber, new YearMonth(p.Year, p.Month),
                Money.FromYuan(p.Gross), Money.FromYuan(p.Deductions), Money.FromYuan(p.Net)));
        }
        foreach (var b in bankLines)
        {
            engine.AddBankLine(RowValues.BankLine(b.RowNo, b.TxnId, DateOnly.FromDateTime(b.Time), TimeOnly.FromDateTime(b.Time),
                b.IsDebit ? BankDirection.Debit : BankDirection.Credit, Money.FromYuan(b.Amount), Money.FromYuan(b.Balance), b.Name, b.Account, b.Memo));
        }
        var result = engine.Complete();   // a finding's Source reads e.g. "db:bank:1042"
        // README:database-end
        return result;
    }

    [Fact]
    public void Database_OneWorkerPaidShort_FindingsCiteTheDatabaseRows()
    {
        const string id = "410302199001013418";
        var result = Database(
            new ProjectSettings { Code = "DB-1", PayDay = 15, PayMonthOffset = 1 },
            new DateOnly(2024, 3, 1),
            [new(1, "W1", "张三", id, "6222021234567890123", "某某劳务有限公司", 300.00m)],
            [new(1, id, new DateTime(2024, 1, 8, 7, 0, 0)), new(2, id, new DateTime(2024, 1, 8, 17, 30, 0)),
             new(3, id, new DateTime(2024, 1, 9, 7, 0, 0)), new(4, id, new DateTime(2024, 1, 9, 17, 30, 0))],
            [new(1, id, 2024, 1, 600.00m, 0m, 600.00m)],
            [new(1, "T1", new DateTime(2024, 2, 10, 9, 0, 0), false, 10_000.00m, 10_000.00m, "洛阳某某置业有限公司", "41050000000000000001", "1月人工费"),
             new(2, "T2", new DateTime(2024, 2, 14, 9, 0, 0), true, 400.00m, 9_600.00m, "张三", "6222021234567890123", "2024年1月工资"),
             new(3, "T3", new DateTime(2024, 2, 20, 9, 0, 0), true, 500.00m, 9_100.00m, "李四", "6222029999999999999", "借支")]);

        var shortfall = Assert.Single(result.Findings, f => f.Code == FindingCode.Shortfall);
        Assert.Equal((new YearMonth(2024, 1), new Money(20_000)), (shortfall.Period!.Value, shortfall.Amount!.Value));
        Assert.Equal("db:bank:3", Assert.Single(result.Findings, f => f.Code == FindingCode.UnknownPayee).Source);
        Assert.Equal(["db:bank:1", "db:bank:2", "db:bank:3"], result.BankLines.Select(b => b.Source));
    }

    [Fact]
    public void Readme_DatabaseBlock_IsTheTestedCode() =>
        Assert.Contains(ReadmeCode.Tested("ReadmeDatabaseTests.cs", "database-"), ReadmeCode.Readme);

    [Fact]
    public void Readme_DatabaseUsings_WithTheQuickStartsAreThisFilesUsings()
    {
        // This file's usings are the quick-start's and those the block needs (the block compiles with them), no more.
        var usings = ReadmeCode.UsingsBefore(ReadmeCode.Tested("ReadmeDatabaseTests.cs", "database-"));
        Assert.Equal(["PayrollRecon.Model", "PayrollRecon.Reconciliation", "PayrollRecon.Records"], usings);
        Assert.Equal(ReadmeCode.FileUsings("ReadmeDatabaseTests.cs"), ReadmeCode.QuickStartUsings.Union(usings).Order(StringComparer.Ordinal));
    }
}