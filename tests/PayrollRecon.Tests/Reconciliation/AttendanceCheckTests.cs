using PayrollRecon.Cli;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Records;
using PayrollRecon.Tests.Cli;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class AttendanceCheckTests
{
    [Fact]
    public void PaidWithoutAttendance_PayrollMonthWithoutPunches_Reported()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 900_00, 900_00));
        s.PayTo(a, new DateOnly(2024, 2, 10), 900_00);
        var result = s.Run();
        var f = result.Single(FindingCode.PaidWithoutAttendance);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
        Assert.Equal(new Money(900_00), f.Actual);
    }

    [Fact]
    public void PaidWithoutAttendance_NoAttendanceFile_NotReported()
    {
        var s = new Scenario { AttendanceSupplied = false };
        var a = s.AddWorker(1, "张三");
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 900_00, 900_00) { Days = 20 });
        s.PayTo(a, new DateOnly(2024, 2, 10), 900_00);
        var result = s.Run();
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void DaysMismatch_PayrollDaysSummedDifferFromAttendance()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 500_00, 500_00) { Days = 2 });
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 500_00, 500_00) { Days = 3 });
        var f = s.Run().Single(FindingCode.DaysMismatch);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal(3, f.Days);
        Assert.Equal("5", f.Detail);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
    }

    [Fact]
    public void DaysMismatch_HalfDaysOnThePayroll_ComparedExactly()
    {
        // The spec gives payroll days no format; a payroll of 21.5 days (half days are common) is read and compared as it
        // stands: 2.5 against 3 attendance days is a mismatch, 1.5 + 1.5 against 3 is not.
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        var b = s.AddWorker(2, "李四");
        s.WorkDays(a, 2024, 1, 3);
        s.WorkDays(b, 2024, 1, 3);
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 500_00, 500_00) { DaysCentis = 250 });
        s.Payroll.Add(new Scenario.Pay(b.Id, new YearMonth(2024, 1), 500_00, 500_00) { DaysCentis = 150 });
        s.Payroll.Add(new Scenario.Pay(b.Id, new YearMonth(2024, 1), 500_00, 500_00) { DaysCentis = 150 });
        var f = s.Run().Single(FindingCode.DaysMismatch);
        Assert.Equal(a.Id, f.IdNumber);
        Assert.Equal(3, f.Days);
        Assert.Equal("2.5", f.Detail);
    }

    [Theory]
    [InlineData(2150, "21.5")]
    [InlineData(2125, "21.25")]
    [InlineData(2105, "21.05")]
    [InlineData(2100, "21")]
    [InlineData(50, "0.5")]
    public void DaysText_Hundredths_AsThePayrollWritesThem(long centis, string expected) =>
        Assert.Equal(expected, PayrollRecon.Reconciliation.Rules.MonthRules.DaysText(centis));

    [Fact]
    public void PayrollArithmetic_PerRow()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 3);
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 1000_00, 950_00) { Deductions = 100_00 });
        var f = s.Run().Single(FindingCode.PayrollArithmetic);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal(new Money(900_00), f.Expected);
        Assert.Equal(new Money(950_00), f.Actual);
        Assert.Equal("payroll.csv:2", f.Source);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
    }

    [Fact]
    public void BelowMinimumWage_MonthlyProratedExactComparison()
    {
        var s = new Scenario();
        s.Settings = s.Settings with { MinimumWageMonthly = new Money(2100_00) };
        var monthly = s.AddWorker(1, "张三", WageType.Monthly, 2000_00);
        var daily = s.AddWorker(2, "李四", WageType.Daily, 100_00);
        s.WorkDays(monthly, 2024, 1, 10); // 2000 × 10 / 21.75 = 919.54 < 2100 × 10 / 21.75 = 965.52
        s.WorkDays(daily, 2024, 1, 10);   // 1000 ≥ 965.52
        var result = s.Run();
        var f = result.Single(FindingCode.BelowMinimumWage);
        Assert.Equal(monthly.Id, f.IdNumber);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
        Assert.Equal(new Money(965_52), f.Expected);
        Assert.Equal(new Money(919_54), f.Actual);
        Assert.Equal(10, f.Days);
    }

    [Fact]
    public void BelowMinimumWage_PayrollGrossIsTheWage()
    {
        var s = new Scenario();
        s.Settings = s.Settings with { MinimumWageMonthly = new Money(2100_00) };
        var a = s.AddWorker(1, "张三", WageType.Piece);
        s.WorkDays(a, 2024, 1, 22);
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 1), 2099_99, 2099_99));
        var f = s.Run().Single(FindingCode.BelowMinimumWage);
        Assert.Equal(new Money(2100_00), f.Expected);
        Assert.Equal(new Money(2099_99), f.Actual);
    }

    [Fact]
    public void BelowMinimumWage_HourlyRate_OncePerWorkerWithoutPeriod()
    {
        var s = new Scenario();
        s.Settings = s.Settings with { MinimumWageHourly = new Money(20_60) };
        var a = s.AddWorker(1, "张三", WageType.Hourly, 20_00);
        s.WorkDays(a, 2024, 1, 2);
        s.WorkDays(a, 2024, 2, 2);
        var f = s.Run().Single(FindingCode.BelowMinimumWage);
        Assert.Null(f.Period);
        Assert.Equal(new Money(20_60), f.Expected);
        Assert.Equal(new Money(20_00), f.Actual);
        Assert.Equal("workers.csv:2", f.Source);
    }

    [Fact]
    public void HeadcountMismatch_TenPercentOrMoreUnpaid_IsRed()
    {
        var s = new Scenario();
        var workers = Enumerable.Range(1, 3).Select(i => s.AddWorker(i, $"工人{i}")).ToList();
        foreach (var w in workers) s.WorkDays(w, 2024, 1, 3);
        s.PayTo(workers[0], new DateOnly(2024, 2, 10), 900_00);
        s.PayTo(workers[1], new DateOnly(2024, 2, 10), 900_00);
        var f = s.Run().Single(FindingCode.HeadcountMismatch);
        Assert.Equal(Severity.Red, f.Severity);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
        Assert.Equal(1, f.Days);
        Assert.Equal("1/3", f.Detail);
        Assert.Null(f.WorkerId);
    }

    [Fact]
    public void HeadcountMismatch_UnderTenPercent_IsYellow()
    {
        var s = new Scenario();
        var workers = Enumerable.Range(1, 11).Select(i => s.AddWorker(i, $"工人{i}")).ToList();
        foreach (var w in workers) s.WorkDays(w, 2024, 1, 1);
        foreach (var w in workers.Skip(1)) s.PayTo(w, new DateOnly(2024, 2, 10), 300_00);
        var f = s.Run().Single(FindingCode.HeadcountMismatch);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal("1/11", f.Detail);
    }

    [Fact]
    public void UnregisteredWorker_OnePerIdAndMonth_EarliestPunchIsTheSource()
    {
        var s = new Scenario();
        s.AddWorker(1, "张三");
        string stranger = "11010119800101123x";
        s.Punches.Add((stranger, new DateTime(2024, 1, 9, 8, 0, 0)));
        s.Punches.Add((stranger, new DateTime(2024, 1, 5, 8, 0, 0)));
        s.Punches.Add((stranger.ToUpperInvariant(), new DateTime(2024, 1, 5, 18, 0, 0)));
        s.Punches.Add((stranger, new DateTime(2024, 2, 1, 8, 0, 0)));
        var found = s.Run().Of(FindingCode.UnregisteredWorker);
        Assert.Equal(2, found.Length);
        var jan = found[0];
        Assert.Equal(Severity.Orange, jan.Severity);
        Assert.Equal("11010119800101123X", jan.WorkerId);
        Assert.Equal("11010119800101123X", jan.IdNumber);
        Assert.Equal(new YearMonth(2024, 1), jan.Period);
        Assert.Equal(2, jan.Days);
        Assert.Equal("attendance.csv:3", jan.Source);
        Assert.Equal(new YearMonth(2024, 2), found[1].Period);
    }

    [Fact]
    public void AttendanceOutsideTenure_OnePerMonth_StillCounts()
    {
        var s = new Scenario();
        var a = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(1), "张三", Scenario.Card(1))
        {
            Entry = new DateOnly(2024, 1, 10),
            Exit = new DateOnly(2024, 2, 5),
        });
        s.Work(a, new DateOnly(2024, 1, 12));
        s.Work(a, new DateOnly(2024, 1, 5));
        s.Work(a, new DateOnly(2024, 1, 3));
        s.Work(a, new DateOnly(2024, 2, 6));
        s.Work(a, new DateOnly(2024, 2, 1));
        var result = s.Run();
        var found = result.Of(FindingCode.AttendanceOutsideTenure);
        Assert.Equal(2, found.Length);
        Assert.Equal(new DateOnly(2024, 1, 3), found[0].EventDate);
        Assert.Equal("attendance.csv:6", found[0].Source);
        Assert.Equal(Severity.Yellow, found[0].Severity);
        Assert.Equal(new DateOnly(2024, 2, 6), found[1].EventDate);
        Assert.Equal(3, result.Month(a.Id, 2024, 1).Days);
    }

    [Fact]
    public void AttendanceOutsideTenure_TenureOfFarYears_BoundsAsWritten()
    {
        // Roster dates of any year (workers.csv 1899-12-31 … 9999-12-31, as exports write "no exit"): punches of 2024
        // are inside, and one before a far entry is outside.
        var s = new Scenario();
        var open = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(1), "张三", Scenario.Card(1))
        {
            Entry = new DateOnly(1899, 12, 31),
            Exit = new DateOnly(9999, 12, 31),
        });
        var later = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(2), "李四", Scenario.Card(2)) { Entry = new DateOnly(9999, 12, 31) });
        s.Work(open, new DateOnly(2024, 1, 12));
        s.Work(later, new DateOnly(2024, 1, 12));
        var result = s.Run();
        var found = Assert.Single(result.Of(FindingCode.AttendanceOutsideTenure));
        Assert.Equal("李四", found.WorkerName);
        Assert.Equal(1, result.Month(open.Id, 2024, 1).Days);
        // R11 read as written: the entry date is the reference, so an entry of 1899 (a placeholder, or Excel's day 0)
        // is before any 16th birthday.
        Assert.Equal("张三", Assert.Single(result.Of(FindingCode.UnderageWorker)).WorkerName);
    }

    [Fact]
    public void Check_PunchDirectionsOfOtherSpellings_CountAsPunches()
    {
        // SPEC R13: "direction is ignored"; R6: "An unknown wage_type, bank direction, batch status or calendar kind is a
        // DATA_ERROR" (a punch's direction is not among them). Punches marked 上班/下班 (or anything else) count towards
        // days and hours, so the month is owed for both days and the row is no DATA_ERROR.
        var files = TempProject.Small();
        files["attendance.csv"] = "id_number,time,direction\n" +
                                  "110105199003070017,2024-01-08 07:30,上班\n110105199003070017,2024-01-08 17:30,下班\n" +
                                  "110105199003070017,2024-01-09 07:30,签到\n110105199003070017,2024-01-09 17:30,out\n" +
                                  "110105199003070025,2024-01-08 07:30,in\n110105199003070025,2024-01-08 17:30,out\n";
        using var project = new TempProject(files);

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.DoesNotContain(result.Findings, f => f.Code == FindingCode.DataError);
        var january = Assert.Single(result.Ledger, e => e.IdNumber == "110105199003070017");
        Assert.Equal(2, january.Days);
        Assert.Equal(20 * 3600, january.Seconds);
        Assert.Equal(new Money(600_00), january.Due);
        // Paid 300.00 of the 600.00 owed.
        var shortfall = Assert.Single(result.Findings, f => f.Code == FindingCode.Shortfall);
        Assert.Equal(new Money(300_00), shortfall.Amount);
    }
}
