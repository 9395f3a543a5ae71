using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

// asOf 2024-04-01, pay day 15 of the next month: January is due 2024-02-15 (46 days overdue), February 2024-03-15
// (17 days), March 2024-04-15 (not yet due).
public sealed class ArrearsTests
{
    private static (Scenario S, Scenario.W W) OneWorker(params int[] months)
    {
        var s = new Scenario();
        var w = s.AddWorker(1, "张三");
        foreach (int m in months) s.WorkDays(w, 2024, m, 3); // 900 yuan a month
        return (s, w);
    }

    [Fact]
    public void Unpaid_NothingPaid_GradedByDaysOverdue()
    {
        var (s, w) = OneWorker(1, 2, 3);
        var result = s.Run();
        var unpaid = result.Of(FindingCode.Unpaid);
        Assert.Equal(2, unpaid.Length);

        var jan = Assert.Single(unpaid, f => f.Period == new YearMonth(2024, 1));
        Assert.Equal(Severity.Orange, jan.Severity);
        Assert.Equal(46, jan.Days);
        Assert.Equal(new Money(900_00), jan.Amount);
        Assert.Equal(new Money(900_00), jan.Expected);
        Assert.Equal(Money.Zero, jan.Actual);
        Assert.Equal(new DateOnly(2024, 2, 15), jan.DueDate);
        Assert.Equal("甲劳务", jan.Employer);
        Assert.Equal(w.Id, jan.WorkerId);
        Assert.Equal("张三", jan.WorkerName);

        var feb = Assert.Single(unpaid, f => f.Period == new YearMonth(2024, 2));
        Assert.Equal(Severity.Yellow, feb.Severity);
        Assert.Equal(17, feb.Days);

        Assert.Equal(LedgerStatus.Pending, result.Month(w.Id, 2024, 3).Status);
        Assert.Equal(LedgerStatus.Unpaid, result.Month(w.Id, 2024, 1).Status);
    }

    [Fact]
    public void Unpaid_MoreThan60Days_IsRed()
    {
        var (s, _) = OneWorker(1);
        s.Settings = s.Settings with { AsOf = new DateOnly(2024, 4, 16) }; // 61 days after 2024-02-15
        Assert.Equal(Severity.Red, s.Run().Single(FindingCode.Unpaid).Severity);
    }

    [Fact]
    public void Unpaid_ExactlySixtyDays_IsOrange()
    {
        var (s, _) = OneWorker(1);
        s.Settings = s.Settings with { AsOf = new DateOnly(2024, 4, 15) };
        var f = s.Run().Single(FindingCode.Unpaid);
        Assert.Equal(60, f.Days);
        Assert.Equal(Severity.Orange, f.Severity);
    }

    [Fact]
    public void Shortfall_PartlyPaid_ReportsTheRestAndLastPaymentDate()
    {
        var (s, w) = OneWorker(1);
        s.PayTo(w, new DateOnly(2024, 2, 5), 300_00);
        s.PayTo(w, new DateOnly(2024, 2, 10), 200_00);
        var result = s.Run();
        var f = result.Single(FindingCode.Shortfall);
        Assert.Equal(Severity.Orange, f.Severity);
        Assert.Equal(new Money(400_00), f.Amount);
        Assert.Equal(new Money(900_00), f.Expected);
        Assert.Equal(new Money(500_00), f.Actual);
        Assert.Equal(new DateOnly(2024, 2, 10), f.EventDate);
        Assert.Equal(46, f.Days);
        var entry = result.Month(w.Id, 2024, 1);
        Assert.Equal(LedgerStatus.Short, entry.Status);
        Assert.Equal(new Money(400_00), entry.Outstanding);
        Assert.Equal(new DateOnly(2024, 2, 10), entry.LastPaidDate);
    }

    [Fact]
    public void Late_CompletedAfterDueDate_DaysFromTheCompletingPayment()
    {
        var (s, w) = OneWorker(1);
        s.PayTo(w, new DateOnly(2024, 2, 10), 400_00);
        s.PayTo(w, new DateOnly(2024, 2, 20), 500_00, txn: "LATE-2");
        var result = s.Run();
        var f = result.Single(FindingCode.Late);
        Assert.Equal(Severity.Yellow, f.Severity);
        Assert.Equal(new YearMonth(2024, 1), f.Period);
        Assert.Equal(new Money(900_00), f.Expected);
        Assert.Equal(new Money(400_00), f.Actual);
        Assert.Null(f.Amount);
        Assert.Equal(new DateOnly(2024, 2, 15), f.DueDate);
        Assert.Equal(new DateOnly(2024, 2, 20), f.EventDate);
        Assert.Equal(5, f.Days);
        Assert.Equal(["LATE-2"], f.TxnIds);
        Assert.Equal("bank.csv:3", f.Source);
        Assert.Equal(LedgerStatus.Late, result.Month(w.Id, 2024, 1).Status);
    }

    [Fact]
    public void Late_WithinGraceDays_IsOnTime()
    {
        var (s, w) = OneWorker(1);
        s.Settings = s.Settings with { GraceDays = 5 };
        s.PayTo(w, new DateOnly(2024, 2, 20), 900_00);
        var result = s.Run();
        Assert.Empty(result.Findings);
        Assert.Equal(LedgerStatus.Ok, result.Month(w.Id, 2024, 1).Status);
    }

    [Fact]
    public void Late_GraceNotSubtractedFromDays()
    {
        var (s, w) = OneWorker(1);
        s.Settings = s.Settings with { GraceDays = 2 };
        s.PayTo(w, new DateOnly(2024, 2, 20), 900_00);
        Assert.Equal(5, s.Run().Single(FindingCode.Late).Days);
    }

    [Fact]
    public void Tolerance_ShortByLessThanTolerance_IsOk()
    {
        var (s, w) = OneWorker(1);
        s.Settings = s.Settings with { AmountTolerance = new Money(1_00) };
        s.PayTo(w, new DateOnly(2024, 2, 10), 899_50);
        var result = s.Run();
        Assert.Empty(result.Findings);
        var entry = result.Month(w.Id, 2024, 1);
        Assert.Equal(LedgerStatus.Ok, entry.Status);
        Assert.Equal(new Money(50), entry.Outstanding);
    }

    [Fact]
    public void Paid_PaymentAfterAsOf_DoesNotCount()
    {
        var (s, w) = OneWorker(1);
        s.PayTo(w, new DateOnly(2024, 4, 5), 900_00);
        var result = s.Run();
        Assert.Single(result.Of(FindingCode.Unpaid));
        var entry = result.Month(w.Id, 2024, 1);
        Assert.Equal(Money.Zero, entry.Paid);
        Assert.Equal(new Money(900_00), entry.Outstanding);
        // The payment is still allocated, so it does not show up as an excess either.
        Assert.Empty(result.Of(FindingCode.Overpaid));
    }

    [Fact]
    public void Overpaid_ExcessLeftAfterAllocation_OnePerPayment()
    {
        var (s, w) = OneWorker(1);
        s.PayTo(w, new DateOnly(2024, 2, 10), 1000_00, txn: "OVER-1");
        s.PayTo(w, new DateOnly(2024, 2, 11), 50_00, txn: "OVER-2");
        var result = s.Run();
        var over = result.Of(FindingCode.Overpaid);
        Assert.Equal(2, over.Length);
        Assert.Equal(new Money(100_00), over[0].Amount);
        Assert.Equal(["OVER-1"], over[0].TxnIds);
        Assert.Equal(new DateOnly(2024, 2, 10), over[0].EventDate);
        Assert.Equal("bank.csv:2", over[0].Source);
        Assert.Null(over[0].Period);
        Assert.Equal(Severity.Yellow, over[0].Severity);
        Assert.Equal(new Money(50_00), over[1].Amount);
    }
}
