using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reconciliation.Rules;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class FundRulesTests
{
    [Fact]
    public void Report_ScheduleAgainstCredits_LateWhenMadeGoodShortWhenNotAndFutureItemsSkipped()
    {
        var schedule = new[]
        {
            new LaborFundItem(new YearMonth(2024, 1), new Money(10000_00), new DateOnly(2024, 1, 31)),
            new LaborFundItem(new YearMonth(2024, 2), new Money(10000_00), new DateOnly(2024, 2, 29)),
            new LaborFundItem(new YearMonth(2024, 3), new Money(10000_00), new DateOnly(2024, 3, 31)),
            new LaborFundItem(new YearMonth(2024, 4), new Money(90000_00), new DateOnly(2024, 4, 30)),
        };
        var credits = new List<(DateOnly, long)> { (new DateOnly(2024, 1, 20), 5000_00), (new DateOnly(2024, 2, 10), 15000_00) };
        var findings = new List<Finding>();

        new FundRules(schedule, Rows.AsOf, new SumSite(), findings).Report(credits);

        Assert.Equal(2, findings.Count);
        var late = findings[0];
        Assert.Equal((FindingCode.LaborFundsLate, Severity.Orange), (late.Code, late.Severity));
        Assert.Equal(new Money(10000_00), late.Expected);
        Assert.Equal(new Money(5000_00), late.Actual);
        Assert.Equal(new DateOnly(2024, 2, 10), late.EventDate);
        Assert.Equal("2024-01|2024-01-31", late.Anchor);
        var shortOf = findings[1];
        Assert.Equal((FindingCode.LaborFundsShort, Severity.Red), (shortOf.Code, shortOf.Severity));
        Assert.Equal(new Money(30000_00), shortOf.Expected);
        Assert.Equal(new Money(20000_00), shortOf.Actual);
        Assert.Equal(new Money(10000_00), shortOf.Amount);
    }

    [Fact]
    public void Report_SumPastALong_OverflowNamesTheSchedule()
    {
        var schedule = new[] { new LaborFundItem(new YearMonth(2024, 1), new Money(long.MaxValue), new DateOnly(2024, 1, 31)) };
        var sums = new SumSite();

        Assert.Throws<OverflowException>(() => new FundRules(schedule, Rows.AsOf, sums, []).Report([(new DateOnly(2024, 1, 2), 1), (new DateOnly(2024, 1, 3), long.MaxValue)]));
        Assert.Equal("project.json 'laborFunds': a sum of amounts goes past 92 233 720 368 547 758.07 yuan here and cannot be held exactly", sums.TooLarge("T-1").Message);
    }
}

public sealed class MonthRulesTests
{
    private static (MonthRules Rules, Parts Parts) NewRules()
    {
        var parts = new Parts(new ReconcilerOptions { AttendanceSupplied = true });
        var attendance = new AttendanceLog(parts.Roster, "attendance.csv", Reconciler.MaxWorkerMonths, []);
        return (new MonthRules(Rows.Settings, Rows.AsOf, parts.Options, attendance, parts.Lines, parts.Sums, parts.Findings), parts);
    }

    private static WorkerMonth Month(RosterWorker worker, int month, int days, long dueFen)
    {
        var m = new WorkerMonth(worker, new YearMonth(2024, month), days: days);
        m.SetDue(dueFen, DueSource.Computed, new DateOnly(2024, month + 1, 15), graceDays: 0, Rows.AsOf);
        worker.Months.Add(m);
        return m;
    }

    [Theory]
    [InlineData(1, Severity.Yellow)]
    [InlineData(30, Severity.Yellow)]
    [InlineData(31, Severity.Orange)]
    [InlineData(60, Severity.Orange)]
    [InlineData(61, Severity.Red)]
    public void SeverityByAge_DaysOverdue_YellowOrangeRed(int days, Severity expected) =>
        Assert.Equal(expected, MonthRules.SeverityByAge(days));

    [Fact]
    public void ReportMonths_UnpaidAndPaidWithoutAttendance_FindingsWithAmountsAndAge()
    {
        var (rules, parts) = NewRules();
        parts.Roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));
        var worker = parts.Roster[0];
        Month(worker, 1, days: 10, dueFen: 3000_00);                              // due 2024-02-15, nothing paid
        var march = Month(worker, 3, days: 0, dueFen: 500_00);                     // not due yet, paid without attendance
        march.Allocate(500_00, line: 0, new DateOnly(2024, 3, 20), new PaymentTerms(Rows.AsOf, 0, 0));

        rules.ReportMonths(parts.Roster.Workers);

        Assert.Equal([FindingCode.Unpaid, FindingCode.PaidWithoutAttendance], parts.Findings.Select(f => f.Code));
        var unpaid = parts.Findings[0];
        Assert.Equal(Severity.Orange, unpaid.Severity); // 46 days overdue
        Assert.Equal(46, unpaid.Days);
        Assert.Equal(new Money(3000_00), unpaid.Amount);
        Assert.Equal(new DateOnly(2024, 2, 15), unpaid.DueDate);
        Assert.Equal(new Money(500_00), parts.Findings[1].Actual);
        Assert.Equal(LedgerStatus.Unpaid, MonthRules.StatusOf(worker.Months[0], 0));
        Assert.Equal(LedgerStatus.Pending, MonthRules.StatusOf(march, 0));
    }

    [Fact]
    public void ReportHeadcount_OneOfTwoWorkersOnSiteUnpaid_RedWithTheCount()
    {
        var (rules, parts) = NewRules();
        parts.Roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));
        parts.Roster.Add(Rows.Worker(3, Scenario.Id(2), "李四"));
        Month(parts.Roster[0], 1, days: 10, dueFen: 3000_00).Allocate(3000_00, 0, new DateOnly(2024, 2, 10), new PaymentTerms(Rows.AsOf, 0, 0));
        Month(parts.Roster[1], 1, days: 8, dueFen: 2400_00);
        Month(parts.Roster[1], 2, days: 0, dueFen: 0);

        rules.ReportHeadcount(parts.Roster.Workers);

        var headcount = Assert.Single(parts.Findings);
        Assert.Equal(FindingCode.HeadcountMismatch, headcount.Code);
        Assert.Equal(Severity.Red, headcount.Severity);
        Assert.Equal(new YearMonth(2024, 1), headcount.Period);
        Assert.Equal("1/2", headcount.Detail);
    }
}

public sealed class CauseRulesTests
{
    [Fact]
    public void Link_UnreadableRowBeforeABreakAndInAnUnpaidMonth_BothNameIt()
    {
        var findings = new List<Finding>();
        var statement = new Statement("bank.csv", "batches.csv", Reconciler.MaxBatchLines, new TextInterner(), new CounterpartyText(), findings);
        statement.AddBankLine(Rows.Bank(2, "A", new DateOnly(2024, 2, 1), false, 100_00, balance: 100_00));
        statement.AddBankLine(Rows.Bank(4, "B", new DateOnly(2024, 2, 5), false, 100_00, balance: 900_00));
        findings.Add(new Finding { Code = FindingCode.BalanceBreak, Severity = Severity.Red, Source = "bank.csv:4" });
        findings.Add(new Finding { Code = FindingCode.Unpaid, Severity = Severity.Red, Period = new YearMonth(2024, 2) });
        findings.Add(new Finding { Code = FindingCode.Unpaid, Severity = Severity.Red, Period = new YearMonth(2024, 3) });
        var diagnostics = new[] { new Diagnostic("bank.csv", 3, "amount", "not a number"), new Diagnostic("workers.csv", 3, null, "bad") };

        new CauseRules(statement, new ReconcilerOptions(), Rows.AsOf).Link(findings, diagnostics);

        Assert.Equal(["bank.csv:3", "bank.csv:3", null], findings.Select(f => f.CausedBy));
    }
}
