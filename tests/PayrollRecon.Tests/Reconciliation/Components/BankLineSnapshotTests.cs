using System.Reflection;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class BankLineSnapshotTests
{
    [Fact]
    public void BankLines_AfterComplete_HoldNothingOfTheEngine()
    {
        var s = new Scenario();
        var a = s.AddWorker(1, "张三");
        s.WorkDays(a, 2024, 1, 10);
        s.PayTo(a, new DateOnly(2024, 2, 10), 3000_00);
        s.PayTo(a, new DateOnly(2024, 2, 12), 500_00);
        s.Bank.Add(new Scenario.B("R1", new DateOnly(2024, 2, 13), false, 500_00) { Name = a.Name, Account = a.Account });

        var lines = s.Run().BankLines;

        var engineTypes = new[] { typeof(Reconciler), typeof(ProcessedLines), typeof(Statement), typeof(Roster), typeof(Allocator), typeof(BankClassifier) };
        var fields = lines.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        Assert.NotEmpty(fields);
        Assert.DoesNotContain(fields, f => engineTypes.Contains(f.FieldType) || engineTypes.Contains(f.FieldType.GetElementType()));

        Assert.Equal(3, lines.Count);
        Assert.Equal([new Allocation(new YearMonth(2024, 1), new Money(3000_00))], lines[0].Allocations);
        Assert.Equal("T0001", lines[0].TxnId);
        Assert.True(lines[1].Cancelled);
        Assert.Equal("bank.csv:3", lines[2].CancelsSource);
        Assert.Equal(a.Id, lines[2].WorkerIdNumber);
        Assert.Equal(lines.Select(l => l.Source), lines.ToArray().Select(l => l.Source));
    }
}
