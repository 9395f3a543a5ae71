using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;
using PayrollRecon.Tests.Reconciliation.Components;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>The engine takes its inputs in one order (calendar, roster, punches, payroll, batch lines, bank lines, rulings, then Complete once).</summary>
public sealed class ReconcilerInputOrderTests
{
    private const string Order = "feed the calendar, roster, punches, payroll rows, batch lines, bank lines and rulings in that order, then call Complete once.";

    private static readonly string Id = Scenario.Id(1);

    private static Reconciler NewEngine() => new(Rows.Settings);

    private static void Feed(Reconciler r, string input)
    {
        switch (input)
        {
            case "calendar": r.AddCalendar(new CalendarRow { Line = 2, Date = new DateOnly(2024, 2, 12), Kind = CalendarKind.Holiday }); break;
            case "roster": r.AddWorker(Rows.Worker(2, Id, "张三")); break;
            case "punches": r.AddPunch(Rows.Punch(2, Id, new DateTime(2024, 1, 8, 8, 0, 0))); break;
            case "payroll": r.AddPayroll(Rows.Payroll(2, Id, new YearMonth(2024, 1), 300_00, 0, 300_00)); break;
            case "batches": r.AddBatchLine(new BatchRow { Line = 2, BatchId = "PL1"u8, BankAccount = default, Name = "张三"u8, Amount = new Money(1_00), Status = BatchStatus.Success, Memo = default }); break;
            case "bank": r.AddBankLine(Rows.Bank(2, "T1", new DateOnly(2024, 2, 15), true, 300_00, name: "张三")); break;
            case "rulings": r.AddRuling(new RulingRow { Line = 2, FindingId = "T-1-0001"u8, Kind = RulingKind.FalseAlarm, Reason = "ok"u8, Reviewer = "王"u8, Date = new DateOnly(2024, 3, 1) }, "rulings.csv"); break;
            default: throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }
    }

    [Theory]
    [InlineData("roster", "calendar", "AddCalendar: calendar rows cannot come after roster rows; ")]
    [InlineData("punches", "roster", "AddWorker: roster rows cannot come after punches; ")]
    [InlineData("payroll", "punches", "AddPunch: punches cannot come after payroll rows; ")]
    [InlineData("batches", "payroll", "AddPayroll: payroll rows cannot come after batch lines; ")]
    [InlineData("bank", "batches", "AddBatchLine: batch lines cannot come after bank lines; ")]
    [InlineData("rulings", "bank", "AddBankLine: bank lines cannot come after rulings; ")]
    [InlineData("bank", "roster", "AddWorker: roster rows cannot come after bank lines; ")]
    [InlineData("rulings", "calendar", "AddCalendar: calendar rows cannot come after rulings; ")]
    public void Add_AfterALaterInput_ThrowsNamingBothAndTheOrder(string first, string then, string expected)
    {
        var r = NewEngine();
        Feed(r, first);

        var e = Assert.Throws<InvalidOperationException>(() => Feed(r, then));

        Assert.Equal(expected + Order, e.Message);
    }

    [Theory]
    [InlineData("calendar", "AddCalendar")]
    [InlineData("roster", "AddWorker")]
    [InlineData("punches", "AddPunch")]
    [InlineData("payroll", "AddPayroll")]
    [InlineData("batches", "AddBatchLine")]
    [InlineData("bank", "AddBankLine")]
    [InlineData("rulings", "AddRuling")]
    public void Add_AfterComplete_Throws(string input, string method)
    {
        var r = NewEngine();
        r.Complete();

        var e = Assert.Throws<InvalidOperationException>(() => Feed(r, input));

        Assert.Equal($"{method}: Complete has been called; the reconciler takes no more input.", e.Message);
    }

    [Fact]
    public void AddDiagnosticAndFileStats_AfterComplete_Throw()
    {
        var r = NewEngine();
        r.Complete();

        var diagnostic = Assert.Throws<InvalidOperationException>(() => r.AddDiagnostic(new Diagnostic("bank.csv", 2, null, "bad")));
        var stats = Assert.Throws<InvalidOperationException>(() => r.AddFileStats(new InputFileStats("bank.csv", 0, 0, TextEncodingKind.Utf8, 0)));

        Assert.Equal("AddDiagnostic: Complete has been called; the reconciler takes no more input.", diagnostic.Message);
        Assert.Equal("AddFileStats: Complete has been called; the reconciler takes no more input.", stats.Message);
    }

    [Fact]
    public void Add_EveryInputInOrderAndDiagnosticsBetween_Accepted()
    {
        var r = NewEngine();
        foreach (string input in new[] { "calendar", "calendar", "roster", "punches", "punches", "payroll", "batches", "bank", "bank", "rulings" })
        {
            Feed(r, input);
            r.AddDiagnostic(new Diagnostic("attendance.csv", 9, "time", "bad"));
        }

        var result = r.Complete();

        Assert.Equal(10, result.Diagnostics.Count);
        Assert.Equal(2, result.BankLines.Count);
        Assert.Single(result.Rulings);
    }

    [Fact]
    public void Add_InputsSkipped_Accepted()
    {
        // Any input may be absent: a roster and a statement alone are a project.
        var r = NewEngine();
        Feed(r, "roster");
        Feed(r, "bank");

        var result = r.Complete();

        Assert.Equal(1, result.Summary.Workers);
        Assert.Equal(BankLineClass.WagePayment, Assert.Single(result.BankLines).Class);
    }

    [Fact]
    public void AddBankLine_StatusNoneOfTheFour_ThrowsAndTakesNothing()
    {
        var r = NewEngine();
        static BankRow Row(BankLineStatus status) => Rows.Bank(2, "T1", new DateOnly(2024, 2, 15), true, 300_00, name: "张三") with { Status = status };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => r.AddBankLine(Row((BankLineStatus)300)));
        Assert.Equal("BankRow.Status is none of the values of BankLineStatus. (Parameter 'row')\nActual value was 300.", e.Message.ReplaceLineEndings("\n"));
        r.AddBankLine(Row(BankLineStatus.Reversed));
        var line = Assert.Single(r.Complete().BankLines);
        Assert.Equal(BankLineStatus.Reversed, line.Status);
    }
}
