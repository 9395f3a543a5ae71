using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class PayrollSheetTests
{
    private static readonly YearMonth January = new(2024, 1);

    private static (PayrollSheet Sheet, List<Finding> Findings, List<Diagnostic> Diagnostics) NewSheet(int workerMonthLimit = Reconciler.MaxWorkerMonths)
    {
        var findings = new List<Finding>();
        var diagnostics = new List<Diagnostic>();
        var roster = Rows.Roster(findings);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));
        var attendance = new AttendanceLog(roster, "attendance.csv", workerMonthLimit, diagnostics);
        return (new PayrollSheet(roster, attendance, "payroll.csv", workerMonthLimit, findings, diagnostics), findings, diagnostics);
    }

    private static List<(long Key, PayrollMonth Month)> Months(PayrollSheet sheet)
    {
        var months = new List<(long, PayrollMonth)>();
        foreach (var (key, month) in sheet) months.Add((key, month));
        return months;
    }

    [Fact]
    public void Add_TwoRowsOfOneMonth_SummedWithTheFirstLineAndArithmeticCheckedPerRow()
    {
        var (sheet, findings, _) = NewSheet();
        sheet.Add(Rows.Payroll(2, Scenario.Id(1), January, 2000_00, 100_00, 1900_00, days: 10));
        sheet.Add(Rows.Payroll(3, Scenario.Id(1), January, 1000_00, 0, 999_00, days: 5));

        var (key, month) = Assert.Single(Months(sheet));
        Assert.Equal(((long)0 << 32) | (uint)January.Ordinal, key);
        Assert.Equal(3000_00, month.GrossFen);
        Assert.Equal(100_00, month.DeductionsFen);
        Assert.Equal(2899_00, month.NetFen);
        Assert.Equal(1500, month.DaysCentis);
        Assert.Equal(2, month.FirstLine);

        var arithmetic = Assert.Single(findings);
        Assert.Equal(FindingCode.PayrollArithmetic, arithmetic.Code);
        Assert.Equal(new Money(1000_00), arithmetic.Expected);
        Assert.Equal(new Money(999_00), arithmetic.Actual);
        Assert.Equal("payroll.csv:3", arithmetic.Source);
    }

    [Fact]
    public void Add_IdNotOnRosterAndPeriodOutOfRange_IgnoredAndDiagnosed()
    {
        var (sheet, findings, diagnostics) = NewSheet();
        sheet.Add(Rows.Payroll(2, Scenario.Id(2), January, 1_00, 0, 2_00));
        sheet.Add(Rows.Payroll(3, Scenario.Id(1), new YearMonth(2200, 1), 1_00, 0, 1_00));

        Assert.Empty(Months(sheet));
        Assert.Empty(findings);
        Assert.Equal("payroll.csv:3: column period: period outside 1900-01..2199-12", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Add_MonthSumPastALong_ThrowsNamingTheRow()
    {
        var (sheet, _, _) = NewSheet();
        sheet.Add(Rows.Payroll(2, Scenario.Id(1), January, long.MaxValue - 1, 0, long.MaxValue - 1));

        var e = Assert.Throws<PayrollDataException>(() => sheet.Add(Rows.Payroll(3, Scenario.Id(1), January, 2, 0, 2)));

        Assert.Equal("payroll.csv:3: a sum of amounts goes past 92 233 720 368 547 758.07 yuan here and cannot be held exactly", e.Message);
    }

    [Fact]
    public void Add_NewMonthPastTheCap_ThrowsWithThePayrollLine()
    {
        var (sheet, _, _) = NewSheet(workerMonthLimit: 1);
        sheet.Add(Rows.Payroll(2, Scenario.Id(1), January, 1_00, 0, 1_00));

        var e = Assert.Throws<PayrollDataException>(() => sheet.Add(Rows.Payroll(3, Scenario.Id(1), new YearMonth(2024, 2), 1_00, 0, 1_00)));

        Assert.Equal("payroll.csv:3: more than 1 worker-months (a worker's months with punches or payroll rows); a project holds at most 1", e.Message);
    }
}
