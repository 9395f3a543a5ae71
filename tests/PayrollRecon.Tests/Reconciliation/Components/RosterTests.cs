using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class RosterTests
{
    [Fact]
    public void Add_RepeatedIdNumberInLowerCase_ReportsTheLaterRowAndKeepsTheFirst()
    {
        var findings = new List<Finding>();
        var roster = Rows.Roster(findings);
        string id = Scenario.Id(1, 1990)[..17] + "X";
        roster.Add(Rows.Worker(2, id, "张三", Scenario.Card(1)));
        roster.Add(Rows.Worker(3, id.ToLowerInvariant(), "李四", Scenario.Card(2)));

        Assert.Equal(1, roster.Count);
        var duplicate = Assert.Single(findings, f => f.Code == FindingCode.DuplicateWorker);
        Assert.Equal("workers.csv:3", duplicate.Source);
        Assert.Equal("workers.csv:2", duplicate.Detail);
        Assert.Equal("李四", duplicate.WorkerName);
        // R9: the later row is reported with its own fields, its id as written; R7 made it the same id.
        Assert.Equal(id.ToLowerInvariant(), duplicate.IdNumber);
        Assert.Equal(id, FindingIds.WorkerKey(duplicate));
        Assert.Equal(0, roster.Find(Rows.U(id.ToLowerInvariant())));
    }

    [Fact]
    public void Find_IdsOfEveryShape_ResolvedUpperCasedOrMinusOne()
    {
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));
        roster.Add(Rows.Worker(3, "hk-a123456", "李四"));

        Assert.Equal(0, roster.Find(Rows.U(Scenario.Id(1))));
        Assert.Equal(1, roster.Find("HK-A123456"u8));
        Assert.Equal(1, roster.Find("hk-a123456"u8));
        Assert.Equal(-1, roster.Find(Rows.U(Scenario.Id(2))));
        Assert.Equal(-1, roster.Find("HK-A12345"u8));
        // Compared upper-cased (R7), written out as the roster has it.
        Assert.Equal("hk-a123456", roster[1].IdNumber);
    }

    [Fact]
    public void Add_OneMoreThanTheLimit_ThrowsWithTheRosterLine()
    {
        var roster = Rows.Roster([], limit: 1);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三"));

        var e = Assert.Throws<PayrollDataException>(() => roster.Add(Rows.Worker(3, Scenario.Id(2), "李四")));

        Assert.Equal("workers.csv:3: more than 1 workers on the roster; a project holds at most 1", e.Message);
    }

    [Fact]
    public void Tenure_AroundEntryAndExit_PunchOutsideBeforeEntryAndAfterExit()
    {
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三", entry: new DateOnly(2024, 1, 10), exit: new DateOnly(2024, 1, 20)));
        roster.Add(Rows.Worker(3, Scenario.Id(2), "李四"));

        Assert.Equal([new DateOnly(2024, 1, 10).DayNumber, int.MinValue], roster.EntryDays);
        Assert.Equal([new DateOnly(2024, 1, 20).DayNumber, int.MaxValue], roster.ExitDays);
        Assert.True(OutsideTenure(roster, Scenario.Id(1), new DateOnly(2024, 1, 9)));
        Assert.False(OutsideTenure(roster, Scenario.Id(1), new DateOnly(2024, 1, 10)));
        Assert.False(OutsideTenure(roster, Scenario.Id(1), new DateOnly(2024, 1, 20)));
        Assert.True(OutsideTenure(roster, Scenario.Id(1), new DateOnly(2024, 1, 21)));
        Assert.False(OutsideTenure(roster, Scenario.Id(2), new DateOnly(1900, 1, 1)));

        // One punch of the worker on the day, through the punch path that checks tenure (R13).
        static bool OutsideTenure(Roster roster, string id, DateOnly day)
        {
            var log = new AttendanceLog(roster, "attendance.csv", Reconciler.MaxWorkerMonths, []);
            log.Add(Rows.Punch(2, id, day.ToDateTime(new TimeOnly(8, 0))));
            Assert.Equal(1, log.BlockCount);
            return log.TryGetOutsideTenure(0, out _, out _);
        }
    }

    [Fact]
    public void ReportUnderage_NoEntryDate_MeasuredAtTheFirstPunch()
    {
        var findings = new List<Finding>();
        var roster = Rows.Roster(findings);
        roster.Add(Rows.Worker(2, Scenario.Id(1, 2008, 3, 1), "小王"));
        roster.Add(Rows.Worker(3, Scenario.Id(2, 2008, 3, 1), "小李"));
        roster.NoteFirstPunchDay(0, new DateOnly(2024, 2, 29).DayNumber);
        roster.NoteFirstPunchDay(0, new DateOnly(2024, 2, 10).DayNumber);
        roster.NoteFirstPunchDay(1, new DateOnly(2024, 3, 1).DayNumber); // sixteen that day

        roster.ReportUnderage();

        var underage = Assert.Single(findings, f => f.Code == FindingCode.UnderageWorker);
        Assert.Equal("小王", underage.WorkerName);
        Assert.Equal(new DateOnly(2024, 2, 10), underage.EventDate);
        Assert.Equal("2008-03-01", underage.Detail);
        Assert.Equal("workers.csv:2", underage.Source);
    }

    [Fact]
    public void HoldersOfAndSoleNamed_SharedCardAndSharedName_AllHoldersAndNoSoleName()
    {
        var roster = Rows.Roster([]);
        roster.Add(Rows.Worker(2, Scenario.Id(1), "张三", "6222000000000000001"));
        roster.Add(Rows.Worker(3, Scenario.Id(2), "张 三", "6222000000000000001"));
        roster.Add(Rows.Worker(4, Scenario.Id(3), "李四", "6222 0000 0000 0000 003"));

        Assert.Equal([0, 1], roster.HoldersOf("6222000000000000001"));
        Assert.Null(roster.HoldersOf("6222000000000000003")); // only all-digit accounts match by account (R12)
        Assert.Null(roster.HoldersOf(""));
        Assert.Equal(-1, roster.SoleNamed("张三")); // two workers normalise to 张三
        Assert.Equal(2, roster.SoleNamed("李四"));
        Assert.Equal(-1, roster.SoleNamed(""));
    }
}
