using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

public sealed class AllocatorTests
{
    private static DateOnly Mar(int day) => new(2024, 3, day);

    /// <summary>One worker owed 3,000 yuan for each of January to March, due on the 15th of the month after.</summary>
    private static Parts OwedThreeMonths()
    {
        var parts = new Parts();
        parts.Roster.Add(Rows.Worker(2, Scenario.Id(1), "张三", Scenario.Card(1)));
        var worker = parts.Roster[0];
        for (int month = 1; month <= 3; month++)
        {
            var period = new YearMonth(2024, month);
            var wm = new WorkerMonth(worker, period);
            wm.SetDue(3000_00, DueSource.Computed, new DateOnly(2024, month + 1, 15), graceDays: 0, Rows.AsOf);
            worker.Months.Add(wm);
        }
        return parts;
    }

    private static Allocator Allocate(Parts parts)
    {
        parts.Classifier.Run();
        var allocator = new Allocator(parts.Lines, parts.Roster, new PaymentTerms(Rows.AsOf, ToleranceFen: 0, GraceDays: 0), parts.Sums, parts.Classifier.WagePaymentLines);
        allocator.Run();
        return allocator;
    }

    private static Allocation[] Of(Allocator allocator, ProcessedLine line) =>
        [.. allocator.Allocations.Skip(line.AllocationStart).Take(line.AllocationCount)];

    [Fact]
    public void Run_PaymentsAcrossMonthsWithARefund_OldestFirstMemoMonthFirstCancelledLeftOutExcessKept()
    {
        var parts = OwedThreeMonths();
        string card = Scenario.Card(1);
        var s = parts.Statement;
        s.AddBankLine(Rows.Bank(2, "T1", Mar(10), true, 4000_00, name: "张三", account: card));
        s.AddBankLine(Rows.Bank(3, "T2", Mar(12), true, 2500_00, name: "张三", account: card));
        s.AddBankLine(Rows.Bank(4, "T3", Mar(13), false, 2500_00, name: "张三", account: card)); // refunds T2
        s.AddBankLine(Rows.Bank(5, "T4", Mar(20), true, 3000_00, name: "张三", account: card, memo: "2024年3月工资"));
        s.AddBankLine(Rows.Bank(6, "T5", Mar(25), true, 2500_00, name: "张三", account: card));

        var allocator = Allocate(parts);

        var jan = new YearMonth(2024, 1);
        var feb = new YearMonth(2024, 2);
        var mar = new YearMonth(2024, 3);
        var lines = parts.Lines;
        Assert.Equal([new Allocation(jan, new Money(3000_00)), new Allocation(feb, new Money(1000_00))], Of(allocator, lines[0]));
        Assert.True(lines[1].Cancelled);
        Assert.Empty(Of(allocator, lines[1]));
        Assert.Equal([new Allocation(mar, new Money(3000_00))], Of(allocator, lines[3]));
        Assert.Equal(mar.Ordinal, lines[3].MemoMonthOrdinal);
        Assert.Equal([new Allocation(feb, new Money(2000_00))], Of(allocator, lines[4]));
        Assert.Equal(500_00, lines[4].ExcessFen);
        Assert.Equal(4, allocator.Allocations.Count);

        var months = parts.Roster[0].Months;
        Assert.Equal((3000_00L, 0L, 0), (months[0].PaidFen, months[0].PaidOnTimeFen, months[0].CompletingLine));
        Assert.Equal((3000_00L, 1000_00L, 4), (months[1].PaidFen, months[1].PaidOnTimeFen, months[1].CompletingLine));
        Assert.Equal((3000_00L, 3000_00L, 3), (months[2].PaidFen, months[2].PaidOnTimeFen, months[2].CompletingLine));
        Assert.Equal(Mar(25), months[1].LastPaidDate);
    }

    [Fact]
    public void Run_PaymentBeforeAnyMonthOwed_NeverGoesToALaterMonth()
    {
        var parts = OwedThreeMonths();
        parts.Statement.AddBankLine(Rows.Bank(2, "T1", new DateOnly(2023, 12, 28), true, 1000_00, name: "张三", account: Scenario.Card(1)));

        var allocator = Allocate(parts);

        Assert.Equal(0, allocator.Allocations.Count);
        Assert.Equal(1000_00, parts.Lines[0].ExcessFen);
        Assert.All(parts.Roster[0].Months, m => Assert.Equal(0, m.AllocatedFen));
    }

    [Fact]
    public void FindMonth_PeriodsPresentAndAbsent_TheMonthOrNull()
    {
        var parts = OwedThreeMonths();
        var months = parts.Roster[0].Months;

        Assert.Same(months[1], Allocator.FindMonth(months, new YearMonth(2024, 2)));
        Assert.Null(Allocator.FindMonth(months, new YearMonth(2024, 4)));
        Assert.Null(Allocator.FindMonth([], new YearMonth(2024, 2)));
    }
}
