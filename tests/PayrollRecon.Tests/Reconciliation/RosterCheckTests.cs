using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class RosterCheckTests
{
    [Fact]
    public void InvalidIdNumber_BadCheckCharacter_Reported()
    {
        var s = new Scenario();
        string good = Scenario.Id(1);
        string bad = good[..17] + (good[17] == '0' ? '1' : '0');
        s.Workers.Add(new Scenario.W(bad, "张三", Scenario.Card(1)) { WorkerId = "W001" });
        var f = s.Run().Single(FindingCode.InvalidIdNumber);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal("W001", f.WorkerId);
        Assert.Equal(bad, f.IdNumber);
        Assert.Equal("workers.csv:2", f.Source);
    }

    [Fact]
    public void InvalidIdNumber_BirthAfterAsOf_Reported()
    {
        var s = new Scenario();
        s.Workers.Add(new Scenario.W(Scenario.Id(1, 2024, 6, 1), "张三", Scenario.Card(1)));
        Assert.Single(s.Run().Of(FindingCode.InvalidIdNumber));
    }

    [Fact]
    public void UnderageWorker_UnderSixteenOnEntryDate()
    {
        var s = new Scenario();
        s.Workers.Add(new Scenario.W(Scenario.Id(1, 2008, 3, 1), "小明", Scenario.Card(1)) { Entry = new DateOnly(2024, 2, 29) });
        s.Workers.Add(new Scenario.W(Scenario.Id(2, 2008, 2, 29), "小红", Scenario.Card(2)) { Entry = new DateOnly(2024, 2, 29) });
        s.Workers.Add(new Scenario.W(Scenario.Id(3, 2008, 2, 29), "小刚", Scenario.Card(3)) { Entry = new DateOnly(2024, 3, 1) });
        var found = s.Run().Of(FindingCode.UnderageWorker);
        Assert.Equal(["小明", "小红"], found.Select(f => f.WorkerName).Order());
        var f = Assert.Single(found, f => f.WorkerName == "小明");
        Assert.Equal(Severity.Red, f.Severity);
        Assert.Equal(new DateOnly(2024, 2, 29), f.EventDate);
        Assert.Equal("2008-03-01", f.Detail);
        // R11: born on 29 February, sixteen on 1 March, so still under 16 on 29 February 2024.
        Assert.Equal("2008-02-29", Assert.Single(found, f => f.WorkerName == "小红").Detail);
    }

    [Fact]
    public void UnderageWorker_NoEntryDate_UsesFirstPunch()
    {
        var s = new Scenario();
        var w = s.Workers.AddAndReturn(new Scenario.W(Scenario.Id(1, 2008, 3, 1), "小明", Scenario.Card(1)));
        s.Work(w, new DateOnly(2024, 3, 1));
        s.Work(w, new DateOnly(2024, 2, 28));
        var f = s.Run().Single(FindingCode.UnderageWorker);
        Assert.Equal(new DateOnly(2024, 2, 28), f.EventDate);
    }

    [Fact]
    public void DuplicateWorker_LaterRowReportedAndIgnored()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.Workers.Add(new Scenario.W(a.Id.ToLowerInvariant(), "张三丰", "123") { WorkerId = "W9", Employer = "乙劳务" });
        var result = s.Run();
        var f = result.Single(FindingCode.DuplicateWorker);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal("W9", f.WorkerId);
        Assert.Equal("张三丰", f.WorkerName);
        Assert.Equal("乙劳务", f.Employer);
        Assert.Equal("workers.csv:3", f.Source);
        Assert.Equal("workers.csv:2", f.Detail);
        // The ignored row takes part in nothing else: its bad account is not checked.
        Assert.Empty(result.Of(FindingCode.InvalidBankAccount));
        Assert.Equal(1, result.Summary.Workers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("6222 0000 0000 0000")]
    [InlineData("1234567890123456789012345678901")]
    public void InvalidBankAccount_EmptyNonDigitsOrWrongLength(string account)
    {
        var s = new Scenario();
        s.Workers.Add(new Scenario.W(Scenario.Id(1), "张三", account));
        var f = s.Run().Single(FindingCode.InvalidBankAccount);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal("workers.csv:2", f.Source);
    }

    [Fact]
    public void SharedBankAccount_EveryWorkerAfterTheFirst()
    {
        var s = new Scenario();
        string card = Scenario.Card(7);
        s.Workers.Add(new Scenario.W(Scenario.Id(1), "张三", card));
        s.Workers.Add(new Scenario.W(Scenario.Id(2), "李四", card));
        s.Workers.Add(new Scenario.W(Scenario.Id(3), "王五", card));
        var found = s.Run().Of(FindingCode.SharedBankAccount);
        Assert.Equal(["李四", "王五"], found.Select(f => f.WorkerName));
        Assert.All(found, f => Assert.Equal("张三", f.Detail));
    }

    [Fact]
    public void LaborFunds_ShortAtAsOf_AndLateButMadeGood()
    {
        var s = new Scenario();
        s.Settings = s.Settings with
        {
            LaborFunds =
            [
                new LaborFundItem(new YearMonth(2024, 2), new Money(100000_00), new DateOnly(2024, 2, 25)),
                new LaborFundItem(new YearMonth(2024, 1), new Money(100000_00), new DateOnly(2024, 1, 25)),
                new LaborFundItem(new YearMonth(2024, 3), new Money(100000_00), new DateOnly(2024, 3, 25)),
                new LaborFundItem(new YearMonth(2024, 4), new Money(100000_00), new DateOnly(2024, 4, 25)), // not yet due
            ],
        };
        s.Bank.Add(new Scenario.B("L1", new DateOnly(2024, 1, 20), false, 100000_00) { Name = "某开发有限公司" });
        s.Bank.Add(new Scenario.B("L2", new DateOnly(2024, 3, 5), false, 150000_00) { Name = "某开发有限公司" });
        var result = s.Run();

        var late = result.Single(FindingCode.LaborFundsLate);
        Assert.Equal(Severity.Orange, late.Severity);
        Assert.Equal(new YearMonth(2024, 2), late.Period);
        Assert.Equal(new DateOnly(2024, 2, 25), late.DueDate);
        Assert.Equal(new Money(200000_00), late.Expected);
        Assert.Equal(new Money(100000_00), late.Actual);
        Assert.Equal(new DateOnly(2024, 3, 5), late.EventDate);

        var shortItem = result.Single(FindingCode.LaborFundsShort);
        Assert.Equal(Severity.Red, shortItem.Severity);
        Assert.Equal(new YearMonth(2024, 3), shortItem.Period);
        Assert.Equal(new Money(50000_00), shortItem.Amount);
        Assert.Equal(new Money(300000_00), shortItem.Expected);
        Assert.Equal(new Money(250000_00), shortItem.Actual);
        Assert.Null(shortItem.WorkerId);
    }
}
