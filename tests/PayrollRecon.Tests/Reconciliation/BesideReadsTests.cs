using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>
/// Payroll rows taken while the punches are still being read (<see cref="Reconciler.BeginBeside"/>): the engine ends
/// as if every punch had come first, the worker-month cap and the order of diagnostics included.
/// </summary>
public sealed class BesideReadsTests
{
    private const string CapError = "more than 3 worker-months (a worker's months with punches or payroll rows); a project holds at most 3";

    private static Reconciler Engine(int limit = Reconciler.MaxWorkerMonths)
    {
        var r = new Reconciler(
            new ProjectSettings { Code = "T-1", AsOf = new DateOnly(2024, 6, 1), PayDay = 15 },
            new ReconcilerOptions { AttendanceSupplied = true, WorkerMonthLimit = limit });
        for (int i = 1; i <= 2; i++)
        {
            r.AddWorker(new WorkerRow
            {
                Line = i + 1, WorkerId = default, Name = Encoding.UTF8.GetBytes("工人" + i), IdNumber = Encoding.ASCII.GetBytes(Scenario.Id(i)),
                BankAccount = Encoding.ASCII.GetBytes(Scenario.Card(i)), Employer = Encoding.UTF8.GetBytes("甲劳务"), Team = default, Trade = default,
                WageType = WageType.Daily, WageRateFen = 300_00, EntryDate = null, ExitDate = null,
            });
        }
        return r;
    }

    private static AttendanceRow Punch(int worker, DateTime time, long line) =>
        new() { Line = line, IdNumber = Encoding.ASCII.GetBytes(Scenario.Id(worker)), Time = time, Direction = PunchDirection.Unknown };

    private static PayrollRow Pay(int worker, YearMonth period, long line) => new()
    {
        Line = line, IdNumber = Encoding.ASCII.GetBytes(Scenario.Id(worker)), Period = period, Days = null, HoursCentis = null,
        Gross = new Money(300_00), Deductions = default, Net = new Money(300_00),
    };

    // Punches open two worker-months (worker 1 in January and February); payroll rows then open worker 2's January
    // (line 2), add to it (line 3) and open worker 2's February (line 4, the fourth).
    private static readonly (int Worker, DateTime Time, long Line)[] Punches =
    [
        (1, new DateTime(2024, 1, 8, 8, 0, 0), 2),
        (1, new DateTime(2024, 2, 8, 8, 0, 0), 3),
    ];

    private static readonly (int Worker, YearMonth Period, long Line)[] Rows =
    [
        (2, new YearMonth(2024, 1), 2),
        (2, new YearMonth(2024, 1), 3),
        (2, new YearMonth(2024, 2), 4),
    ];

    [Fact]
    public void EndBeside_PunchesAndPayrollPastTheCap_StopsAtThePayrollLineOfAReaderInFileOrder()
    {
        var sequential = Engine(limit: 3);
        foreach (var (w, t, l) in Punches) sequential.AddPunch(Punch(w, t, l));
        sequential.AddPayroll(Pay(Rows[0].Worker, Rows[0].Period, Rows[0].Line));
        sequential.AddPayroll(Pay(Rows[1].Worker, Rows[1].Period, Rows[1].Line));
        var expected = Assert.Throws<PayrollDataException>(() => sequential.AddPayroll(Pay(Rows[2].Worker, Rows[2].Period, Rows[2].Line)));
        Assert.Equal("payroll.csv:4: " + CapError, expected.Message);

        // Beside: every payroll row comes before any punch and passes (the punches are not counted yet); the cap is
        // applied once the punches are in, at the same line.
        var engine = Engine(limit: 3);
        var diagnostics = new List<Diagnostic>();
        engine.BeginBeside(diagnostics);
        foreach (var (w, p, l) in Rows) engine.AddPayroll(Pay(w, p, l));
        foreach (var (w, t, l) in Punches) engine.AddPunch(Punch(w, t, l));
        var error = Assert.Throws<PayrollDataException>(() => engine.EndBeside(diagnostics, []));
        Assert.Equal(expected.Message, error.Message);
    }

    [Fact]
    public void EndBeside_AtTheCap_Accepted()
    {
        var engine = Engine(limit: 4);
        var diagnostics = new List<Diagnostic>();
        engine.BeginBeside(diagnostics);
        foreach (var (w, p, l) in Rows) engine.AddPayroll(Pay(w, p, l));
        foreach (var (w, t, l) in Punches) engine.AddPunch(Punch(w, t, l));
        engine.EndBeside(diagnostics, []);

        Assert.Equal(4, engine.Complete().Ledger.Count);
    }

    [Fact]
    public void AddPayroll_PastTheCapWithoutThePunches_StopsBesideAndTheCapNamesTheFirstLineOver()
    {
        // Payroll alone opens four months under a cap of 3: the row on line 5 throws beside, but with two worker-months
        // of punches the row a reader in file order stops at is line 3.
        var engine = Engine(limit: 3);
        var diagnostics = new List<Diagnostic>();
        engine.BeginBeside(diagnostics);
        engine.AddPayroll(Pay(2, new YearMonth(2024, 1), 2));
        engine.AddPayroll(Pay(2, new YearMonth(2024, 2), 3));
        engine.AddPayroll(Pay(2, new YearMonth(2024, 3), 4));
        var beside = Assert.Throws<PayrollDataException>(() => engine.AddPayroll(Pay(2, new YearMonth(2024, 4), 5)));
        Assert.Equal("payroll.csv:5: " + CapError, beside.Message);
        foreach (var (w, t, l) in Punches) engine.AddPunch(Punch(w, t, l));

        var error = Assert.Throws<PayrollDataException>(() => engine.EndBeside(diagnostics, []));
        Assert.Equal("payroll.csv:3: " + CapError, error.Message);
    }

    [Fact]
    public void EndBeside_Diagnostics_PunchesFirstThenThePayrollRowsThenTheFileStatistics()
    {
        // A punch and a payroll row each dated past 2199: the punch's diagnostic comes first, as from a reader in file order.
        static (string Sources, string Files) Run(bool beside)
        {
            var engine = Engine();
            var diagnostics = new List<Diagnostic>();
            var attendanceStats = new InputFileStats("attendance.csv", 1, 0, TextEncodingKind.Utf8, 100);
            var payrollStats = new InputFileStats("payroll.csv", 1, 0, TextEncodingKind.Utf8, 100);
            if (beside)
            {
                engine.BeginBeside(diagnostics);
                engine.AddPayroll(Pay(1, new YearMonth(2024, 1), 2));
                engine.AddPayroll(Pay(1, new YearMonth(2024, 1), 3));
                AddOutOfRangePayroll(engine);
                engine.AddPunch(Punch(1, new DateTime(2024, 1, 8, 8, 0, 0), 2));
                engine.AddPunch(Punch(1, new DateTime(2200, 1, 8, 8, 0, 0), 3));
                engine.AddFileStats(attendanceStats);
                engine.EndBeside(diagnostics, [payrollStats]);
            }
            else
            {
                engine.AddPunch(Punch(1, new DateTime(2024, 1, 8, 8, 0, 0), 2));
                engine.AddPunch(Punch(1, new DateTime(2200, 1, 8, 8, 0, 0), 3));
                engine.AddFileStats(attendanceStats);
                engine.AddPayroll(Pay(1, new YearMonth(2024, 1), 2));
                engine.AddPayroll(Pay(1, new YearMonth(2024, 1), 3));
                AddOutOfRangePayroll(engine);
                engine.AddFileStats(payrollStats);
            }
            var result = engine.Complete();
            return (string.Join(",", result.Diagnostics.Select(static d => FormattableString.Invariant($"{d.File}:{d.Line}"))),
                string.Join(",", result.Summary.Files.Select(static f => f.File)));
        }

        var expected = Run(beside: false);
        Assert.Equal(("attendance.csv:3,payroll.csv:4", "attendance.csv,payroll.csv"), expected);
        Assert.Equal(expected, Run(beside: true));
    }

    private static void AddOutOfRangePayroll(Reconciler engine) => engine.AddPayroll(Pay(1, new YearMonth(2024, 1), 4) with { Period = new YearMonth(2200, 1) });
}
