using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>The engine's documented caps (<see cref="Reconciler.MaxWorkers"/>, <see cref="Reconciler.MaxWorkerMonths"/>,
/// months in 1900-01..2199-12), exercised with the caps lowered so the inputs stay small.</summary>
public sealed class EngineLimitTests
{
    [Fact]
    public void Limits_Default_AreTheDocumentedCaps()
    {
        var options = new ReconcilerOptions();
        Assert.Equal(1_000_000, Reconciler.MaxWorkers);
        Assert.Equal(5_000_000, Reconciler.MaxWorkerMonths);
        Assert.Equal(1_000_000, Reconciler.MaxBatchLines);
        Assert.Equal(Reconciler.MaxWorkers, options.WorkerLimit);
        Assert.Equal(Reconciler.MaxWorkerMonths, options.WorkerMonthLimit);
        Assert.Equal(Reconciler.MaxBatchLines, options.BatchLineLimit);
    }

    [Fact]
    public void AddBatchLine_OneMoreThanTheCap_StopsWithTheBatchLine()
    {
        var s = new Scenario { Configure = o => o with { BatchLineLimit = 2 } };
        var a = s.AddWorker(1, "张三");
        s.Batches.Add(new Scenario.Bat("PL1", a.Account, "张三", 100_00));
        s.Batches.Add(new Scenario.Bat("PL1", a.Account, "张三", 200_00));
        s.Batches.Add(new Scenario.Bat("PL2", a.Account, "张三", 300_00));

        var error = Assert.Throws<PayrollDataException>(() => s.Run());

        Assert.Equal("batches.csv:4: more than 2 batch detail lines; a project holds at most 2", error.Message);
        Assert.Equal("batches.csv:4: 代发明细超过 2 行；一个项目最多 2 行", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        Assert.Equal("batches.csv", error.File);
    }

    [Fact]
    public void AddBatchLine_AtTheCap_Accepted()
    {
        var s = new Scenario { Configure = o => o with { BatchLineLimit = 2 } };
        var a = s.AddWorker(1, "张三");
        s.Batches.Add(new Scenario.Bat("PL1", a.Account, "张三", 100_00));
        s.Batches.Add(new Scenario.Bat("PL1", a.Account, "张三", 200_00));
        s.Bank.Add(new Scenario.B("L1", new DateOnly(2024, 2, 6), true, 300_00) { BatchId = "PL1" });

        var result = s.Run();

        Assert.Equal(3, result.BankLines.Count);
    }

    [Fact]
    public void AddWorker_OneMoreThanTheCap_StopsWithTheRosterLine()
    {
        var s = new Scenario { Configure = o => o with { WorkerLimit = 2 } };
        s.AddWorker(1, "张三");
        s.AddWorker(2, "李四");
        s.AddWorker(3, "王五");

        var error = Assert.Throws<PayrollDataException>(() => s.Run());

        Assert.Equal("workers.csv:4: more than 2 workers on the roster; a project holds at most 2", error.Message);
        Assert.Equal("workers.csv:4: 花名册超过 2 名工人；一个项目最多 2 名", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        Assert.Equal("workers.csv", error.File);
    }

    [Fact]
    public void AddWorker_AtTheCap_Accepted()
    {
        var s = new Scenario { Configure = o => o with { WorkerLimit = 2 } };
        s.AddWorker(1, "张三");
        s.AddWorker(2, "李四");

        Assert.Equal(2, s.Run().Summary.Workers);
    }

    [Fact]
    public void AddPunch_OneWorkerMonthMoreThanTheCap_StopsWithTheAttendanceLine()
    {
        var s = new Scenario { Configure = o => o with { WorkerMonthLimit = 3 } };
        var a = s.AddWorker(1, "张三");
        var b = s.AddWorker(2, "李四");
        s.Work(a, new DateOnly(2024, 1, 8)); // lines 2, 3
        s.Work(a, new DateOnly(2024, 2, 8)); // lines 4, 5
        s.Work(b, new DateOnly(2024, 1, 8)); // lines 6, 7
        s.Work(b, new DateOnly(2024, 2, 8)); // line 8 opens the fourth worker-month

        var error = Assert.Throws<PayrollDataException>(() => s.Run());

        Assert.Equal("attendance.csv:8: more than 3 worker-months (a worker's months with punches or payroll rows); a project holds at most 3", error.Message);
        Assert.Equal("attendance.csv:8: 超过 3 个人月（工人有考勤打卡或工资表行的月份）；一个项目最多 3 个", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Fact]
    public void AddPunch_UnregisteredIdMonthsCount_StopsWithTheAttendanceLine()
    {
        var s = new Scenario { Configure = o => o with { WorkerMonthLimit = 2 } };
        s.AddWorker(1, "张三");
        s.Punches.Add((Scenario.Id(7), new DateTime(2024, 1, 8, 8, 0, 0)));
        s.Punches.Add((Scenario.Id(8), new DateTime(2024, 1, 8, 8, 0, 0)));
        s.Punches.Add((Scenario.Id(9), new DateTime(2024, 1, 8, 8, 0, 0)));

        var error = Assert.Throws<PayrollDataException>(() => s.Run());

        Assert.Equal("attendance.csv:4: more than 2 worker-months (a worker's months with punches or payroll rows); a project holds at most 2", error.Message);
    }

    [Fact]
    public void AddPayroll_OneWorkerMonthMoreThanTheCap_StopsWithThePayrollLine()
    {
        var s = new Scenario { Configure = o => o with { WorkerMonthLimit = 1 } };
        var a = s.AddWorker(1, "张三");
        s.Work(a, new DateOnly(2024, 1, 8));
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(2024, 2), 300_00, 300_00));

        var error = Assert.Throws<PayrollDataException>(() => s.Run());

        Assert.Equal("payroll.csv:2: more than 1 worker-months (a worker's months with punches or payroll rows); a project holds at most 1", error.Message);
    }

    [Fact]
    public void AddPunchAndPayroll_MonthOutside1900To2199_DataErrorAndLeftOut()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.Punches.Add((a.Id, new DateTime(2200, 1, 3, 8, 0, 0)));
        s.Punches.Add((a.Id, new DateTime(1899, 12, 30, 8, 0, 0)));
        s.Payroll.Add(new Scenario.Pay(a.Id, new YearMonth(9999, 12), 300_00, 300_00));

        var result = s.Run();

        Assert.Equal(
            ["attendance.csv:2: column time: date-time outside 1900–2199", "attendance.csv:3: column time: date-time outside 1900–2199", "payroll.csv:2: column period: period outside 1900-01..2199-12"],
            result.Diagnostics.Select(static d => d.ToString()));
        Assert.Equal(
            ["attendance.csv:2: 时间（time）列：日期时间超出 1900–2199 年的范围", "attendance.csv:3: 时间（time）列：日期时间超出 1900–2199 年的范围", "payroll.csv:2: 工资月份（period）列：工资月份超出 1900-01..2199-12 的范围"],
            result.Diagnostics.Select(static d => PayrollRecon.Reporting.MessageCatalog.Line(d, PayrollRecon.Reporting.ReportLanguage.Zh)));
        Assert.Equal(3, result.Findings.Count(static f => f.Code == FindingCode.DataError));
        Assert.Empty(result.Ledger);
    }
}
