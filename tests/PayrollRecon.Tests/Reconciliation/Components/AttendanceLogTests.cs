using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class AttendanceLogTests
{
    private static (Roster Roster, AttendanceLog Log, List<Diagnostic> Diagnostics) NewLog(int workerMonthLimit = Reconciler.MaxWorkerMonths)
    {
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三", entry: new DateOnly(2024, 1, 5)));
        var diagnostics = new List<Diagnostic>();
        return (roster, new AttendanceLog(roster, "attendance.csv", workerMonthLimit, diagnostics), diagnostics);
    }

    [Fact]
    public void Add_RosterWorkerPunches_OneBlockPerMonthWithDaysAndSeconds()
    {
        var (_, log, _) = NewLog();
        string id = Scenario.Id(1);
        log.Add(Rows.Punch(2, id, new DateTime(2024, 1, 8, 8, 0, 0)));
        log.Add(Rows.Punch(3, id, new DateTime(2024, 1, 8, 17, 30, 0)));
        log.Add(Rows.Punch(4, id, new DateTime(2024, 1, 9, 8, 0, 0)));
        log.Add(Rows.Punch(5, id, new DateTime(2024, 1, 9, 12, 0, 0)));
        log.Add(Rows.Punch(6, id, new DateTime(2024, 2, 1, 8, 0, 0)));

        Assert.Equal(2, log.BlockCount);
        Assert.Equal(2, log.WorkerMonthRecords);
        Assert.True(log.TryGetBlock(0, new YearMonth(2024, 1).Ordinal, out int january));
        Assert.Equal((2, (9 * 3600L) + 1800 + (4 * 3600)), log.Totals(january));
        Assert.Equal(0, log.WorkerOf(january));
        Assert.Equal(new YearMonth(2024, 1).Ordinal, log.MonthOf(january));
        Assert.False(log.TryGetBlock(0, new YearMonth(2024, 3).Ordinal, out _));
    }

    [Fact]
    public void Add_PunchBeforeEntry_OutsideTenureWithItsLine()
    {
        var (_, log, _) = NewLog();
        log.Add(Rows.Punch(2, Scenario.Id(1), new DateTime(2024, 1, 8, 8, 0, 0)));
        log.Add(Rows.Punch(3, Scenario.Id(1), new DateTime(2024, 1, 3, 8, 0, 0)));

        Assert.True(log.TryGetBlock(0, new YearMonth(2024, 1).Ordinal, out int block));
        Assert.True(log.TryGetOutsideTenure(block, out var time, out long line));
        Assert.Equal(new DateTime(2024, 1, 3, 8, 0, 0), time);
        Assert.Equal(3, line);
    }

    [Fact]
    public void ReportUnregistered_IdNotOnRoster_OneFindingPerMonthWithDaysAndEarliestPunch()
    {
        var (_, log, _) = NewLog();
        string stranger = Scenario.Id(9);
        log.Add(Rows.Punch(10, stranger, new DateTime(2024, 1, 5, 8, 0, 0)));
        log.Add(Rows.Punch(11, stranger, new DateTime(2024, 1, 3, 9, 0, 0)));
        log.Add(Rows.Punch(12, stranger, new DateTime(2024, 1, 3, 18, 0, 0)));
        log.Add(Rows.Punch(13, stranger, new DateTime(2024, 2, 1, 8, 0, 0)));
        var findings = new List<Finding>();

        log.ReportUnregistered(findings);

        Assert.Equal(0, log.BlockCount);
        Assert.Equal(2, log.WorkerMonthRecords);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingCode.UnregisteredWorker, f.Code));
        Assert.Equal(new YearMonth(2024, 1), findings[0].Period);
        Assert.Equal(2, findings[0].Days);
        Assert.Equal(new DateOnly(2024, 1, 3), findings[0].EventDate);
        Assert.Equal("attendance.csv:11", findings[0].Source);
        Assert.Equal(stranger, findings[0].IdNumber);
        Assert.Equal(new YearMonth(2024, 2), findings[1].Period);
        Assert.Equal("attendance.csv:13", findings[1].Source);
    }

    [Fact]
    public void Add_DateOutside1900To2199_DiagnosticAndNoBlock()
    {
        var (_, log, diagnostics) = NewLog();
        log.Add(Rows.Punch(7, Scenario.Id(1), new DateTime(2200, 1, 1, 8, 0, 0)));

        Assert.Equal("attendance.csv:7: column time: date-time outside 1900–2199", Assert.Single(diagnostics).ToString());
        Assert.Equal(0, log.BlockCount);
    }

    [Fact]
    public void Add_UnregisteredMonthPastTheCap_ThrowsWithTheAttendanceLine()
    {
        var (_, log, _) = NewLog(workerMonthLimit: 1);
        log.Add(Rows.Punch(2, Scenario.Id(1), new DateTime(2024, 1, 8, 8, 0, 0)));

        var e = Assert.Throws<PayrollDataException>(() => log.Add(Rows.Punch(3, Scenario.Id(9), new DateTime(2024, 1, 8, 8, 0, 0))));

        Assert.Equal("attendance.csv:3: more than 1 worker-months (a worker's months with punches or payroll rows); a project holds at most 1", e.Message);
    }

    [Fact]
    public void Add_IdWrittenWithLowerAndUpperX_OneWorkerOneBlockPerMonth()
    {
        // R7: a trailing x equals X. The two spellings have a slot each in the log's id table, both naming the one worker,
        // whose days in a month are one block whichever spelling a punch used.
        string upper = Enumerable.Range(1, 200).Select(n => Scenario.Id(n)).First(static id => id.EndsWith('X'));
        string lower = upper[..^1] + "x";
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, upper, "张三"));
        roster.Add(Rows.Worker(3, Scenario.Id(500), "李四"));
        var log = new AttendanceLog(roster, "attendance.csv", Reconciler.MaxWorkerMonths, []);
        log.Add(Rows.Punch(2, lower, new DateTime(2024, 1, 8, 8, 0, 0)));
        log.Add(Rows.Punch(3, Scenario.Id(500), new DateTime(2024, 1, 8, 8, 1, 0)));
        log.Add(Rows.Punch(4, upper, new DateTime(2024, 1, 8, 17, 0, 0)));
        log.Add(Rows.Punch(5, upper, new DateTime(2024, 2, 1, 8, 0, 0)));
        log.Add(Rows.Punch(6, lower, new DateTime(2024, 1, 9, 8, 0, 0)));
        log.Add(Rows.Punch(7, lower, new DateTime(2024, 2, 1, 9, 0, 0)));

        Assert.Equal(3, log.BlockCount);
        Assert.True(log.TryGetBlock(0, new YearMonth(2024, 1).Ordinal, out int january));
        Assert.True(log.TryGetBlock(0, new YearMonth(2024, 2).Ordinal, out int february));
        Assert.Equal((2, 9 * 3600L), log.Totals(january));
        Assert.Equal((1, 3600L), log.Totals(february));
        var findings = new List<Finding>();
        log.ReportUnregistered(findings);
        Assert.Empty(findings);
    }
}
