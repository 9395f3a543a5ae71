using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class ResultTests
{
    [Fact]
    public void WarningLevel_NoFindings_IsGreen()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.PayTo(a, new DateOnly(2024, 2, 10), 900_00);
        var result = s.Run();
        Assert.Empty(result.Findings);
        Assert.Null(result.Summary.WarningLevel);
        Assert.Equal('A', Assert.Single(result.Summary.EmployerGrades).Grade);
    }

    [Fact]
    public void EmployerGrades_UnpaidIsC_LateIsB_CleanIsA()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三", employer: "甲劳务");
        var b = s.AddWorker(2, "李四", employer: "乙劳务");
        var c = s.AddWorker(3, "王五", employer: "丙劳务");
        foreach (var w in new[] { a, b, c }) s.WorkDays(w, 2024, 2, 3); // due 2024-03-15, 17 days overdue: yellow
        s.PayTo(b, new DateOnly(2024, 3, 20), 900_00);
        s.PayTo(c, new DateOnly(2024, 3, 10), 900_00);
        var result = s.Run();

        Assert.Equal(Severity.Red, result.Summary.WarningLevel); // HEADCOUNT_MISMATCH 1/3 is red
        Assert.Equal(
            [new EmployerGrade("丙劳务", 'A', Money.Zero, 1), new EmployerGrade("乙劳务", 'B', Money.Zero, 1), new EmployerGrade("甲劳务", 'C', new Money(900_00), 1)],
            result.Summary.EmployerGrades.OrderBy(g => g.Grade));
        Assert.Equal(["丙劳务", "乙劳务", "甲劳务"], result.Summary.EmployerGrades.Select(g => g.Employer)); // ordinal order
    }

    [Fact]
    public void EmployerGrades_OrangeFindingOfTheEmployer_IsB()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.Bank.Add(new Scenario.B("P", new DateOnly(2024, 2, 10), true, 900_00) { Name = "张叁", Account = a.Account });
        var result = s.Run();
        Assert.Equal(Severity.Orange, result.Summary.WarningLevel);
        Assert.Equal('B', Assert.Single(result.Summary.EmployerGrades).Grade);
    }

    [Fact]
    public void Diagnostics_BecomeDataErrorFindings()
    {
        var s = new Scenario();
        s.Diagnostics.Add(new Diagnostic("bank.csv", 17, "amount", "invalid amount '12.3.4'"));
        s.Diagnostics.Add(new Diagnostic("workers.csv", 3, null, "expected 11 fields, found 9"));
        var result = s.Run();
        var errors = result.Of(FindingCode.DataError);
        Assert.Equal(["bank.csv:17", "workers.csv:3"], errors.Select(f => f.Source));
        Assert.Equal("column amount: invalid amount '12.3.4'", errors[0].Detail);
        Assert.Equal("expected 11 fields, found 9", errors[1].Detail);
        Assert.All(errors, f => Assert.Equal(Severity.Yellow, f.Severity));
        Assert.Equal(2, result.Diagnostics.Count);
    }

    [Fact]
    public void Findings_SortedBySeverityCodeEmployerWorkerPeriodSource()
    {
        var findings = new List<Finding>
        {
            new() { Code = FindingCode.Unpaid, Severity = Severity.Yellow, Employer = "乙", WorkerId = "W2" },
            new() { Code = FindingCode.DataError, Severity = Severity.Yellow, Source = "bank.csv:10" },
            new() { Code = FindingCode.DataError, Severity = Severity.Yellow, Source = "bank.csv:9" },
            new() { Code = FindingCode.Unpaid, Severity = Severity.Yellow, Employer = "甲", WorkerId = "W1", Period = new YearMonth(2024, 2) },
            new() { Code = FindingCode.Unpaid, Severity = Severity.Yellow, Employer = "甲", WorkerId = "W1", Period = new YearMonth(2024, 1) },
            new() { Code = FindingCode.Late, Severity = Severity.Yellow, Employer = "甲", WorkerId = "W1" },
            new() { Code = FindingCode.BalanceBreak, Severity = Severity.Red },
            new() { Code = FindingCode.DataError, Severity = Severity.Yellow, Source = "attendance.csv:99" },
            new() { Code = FindingCode.Unpaid, Severity = Severity.Yellow, WorkerId = "W0" },
        };
        var sorted = FindingOrder.Sort(findings);
        Assert.Equal(
            [
                "BALANCE_BREAK", "DATA_ERROR attendance.csv:99", "DATA_ERROR bank.csv:9", "DATA_ERROR bank.csv:10", "LATE 甲",
                "UNPAID  W0", "UNPAID 乙 W2", "UNPAID 甲 W1 2024-01", "UNPAID 甲 W1 2024-02",
            ],
            sorted.Select(Describe));
    }

    private static string Describe(Finding f) => FindingCodes.Name(f.Code) switch
    {
        "DATA_ERROR" => $"DATA_ERROR {f.Source}",
        "UNPAID" => $"UNPAID {f.Employer} {f.WorkerId}{(f.Period is { } p ? " " + p : "")}",
        "LATE" => $"LATE {f.Employer}",
        var name => name,
    };

    [Fact]
    public void Ledger_RosterOrderThenMonth()
    {
        var s = new Scenario();
        var a = s.AddWorker(2, "张三");
        var b = s.AddWorker(1, "李四");
        s.WorkDays(b, 2024, 2, 1);
        s.WorkDays(a, 2024, 2, 1);
        s.WorkDays(a, 2024, 1, 1);
        var result = s.Run();
        Assert.Equal(
            [(a.Id, new YearMonth(2024, 1)), (a.Id, new YearMonth(2024, 2)), (b.Id, new YearMonth(2024, 2))],
            result.Ledger.Select(e => (e.IdNumber, e.Period)));
    }

    [Fact]
    public void Summary_TotalsOverDueMonthsAndConservation()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.WorkDays(a, 2024, 3, 3); // pending: not in the totals
        s.PayTo(a, new DateOnly(2024, 2, 10), 500_00);
        s.Bank.Add(new Scenario.B("L", new DateOnly(2024, 1, 5), false, 10000_00) { Name = "某开发有限公司" });
        s.Bank.Add(new Scenario.B("F", new DateOnly(2024, 1, 6), true, 10_00) { Name = "中国银行", Memo = "手续费" });
        var summary = s.Run().Summary;
        Assert.Equal(new Money(900_00), summary.TotalDue);
        Assert.Equal(new Money(500_00), summary.TotalPaid);
        Assert.Equal(new Money(400_00), summary.TotalOutstanding);
        Assert.Equal(new Money(500_00), summary.WagePaymentsOut);
        Assert.Equal(new Money(10000_00), summary.LaborFundsIn);
        Assert.Equal(new Money(510_00), summary.Conservation.Debits);
        Assert.Equal(new Money(500_00), summary.Conservation.WagePayments);
        Assert.Equal(new Money(10_00), summary.Conservation.Fees);
        Assert.True(summary.Conservation.Balanced);
        Assert.Equal(1, summary.CountsByCode[FindingCode.Shortfall]);
        Assert.Equal(1, summary.CountsBySeverity[Severity.Orange]);
        Assert.Equal(0, summary.CountsBySeverity[Severity.Red]);
    }

    [Fact]
    public void Source_HostNamedFiles_UsedInEvidence()
    {
        var s = new Scenario { Configure = o => o with { BankFile = "流水.csv", WorkersFile = "花名册.csv" } };
        s.Workers.Add(new Scenario.W(Scenario.Id(1), "张三", "123"));
        s.Bank.Add(new Scenario.B("X", new DateOnly(2024, 2, 1), true, 1_00) { Name = "路人" });
        var result = s.Run();
        Assert.Equal("流水.csv:2", result.Single(FindingCode.UnknownPayee).Source);
        Assert.Equal("花名册.csv:2", result.Single(FindingCode.InvalidBankAccount).Source);
        Assert.Equal("流水.csv:2", Assert.Single(result.BankLines).Source);
    }

    [Fact]
    public void Constructor_AsOfNotResolved_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new Reconciler(new ProjectSettings { Code = "X" }));
        Assert.Equal("settings.AsOf must be resolved before reconciling. (Parameter 'settings')", e.Message);
    }

    [Fact]
    public void Complete_CalledTwice_Throws()
    {
        var r = new Reconciler(new ProjectSettings { Code = "X", AsOf = new DateOnly(2024, 1, 1) });
        r.Complete();
        var e = Assert.Throws<InvalidOperationException>(() => r.Complete());
        Assert.Equal("Complete has already been called on this reconciler.", e.Message);
    }
}
