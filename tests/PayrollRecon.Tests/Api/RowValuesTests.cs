using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Api;

/// <summary>A project fed from a database — rows as strings, decimal yuan and dates through <see cref="RowValues"/> —
/// gives the findings of the same project read from CSV.</summary>
public sealed class RowValuesTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Fixtures, "sample-project");

    private sealed record DbWorker(long Line, string WorkerId, string Name, string IdNumber, string BankAccount, string Employer, WageType WageType,
        decimal? WageRateYuan, DateOnly? Entry, DateOnly? Exit, string Team, string Trade);

    private sealed record DbPunch(long Line, string IdNumber, DateTime Time, PunchDirection Direction);

    private sealed record DbPayroll(long Line, string IdNumber, int Year, int Month, decimal Gross, decimal Deductions, decimal Net, int? Days, decimal? Hours);

    private sealed record DbBankLine(long Line, string TxnId, DateOnly Date, TimeOnly? Time, BankDirection Direction, decimal Amount, decimal? Balance,
        string Name, string Account, string Memo, string BatchId, BankLineStatus Status);

    private sealed record DbBatchLine(long Line, string BatchId, string Name, string Account, decimal Amount, BatchStatus Status, string Memo);

    private sealed record DbCalendarDay(long Line, DateOnly Date, CalendarKind Kind);

    /// <summary>The sample project as a database would hold it: every accepted row as ordinary values, and the rows that
    /// could not be read.</summary>
    private sealed class Database
    {
        public List<DbWorker> Workers { get; } = [];
        public List<DbPunch> Punches { get; } = [];
        public List<DbPayroll> Payroll { get; } = [];
        public List<DbBankLine> Bank { get; } = [];
        public List<DbBatchLine> Batches { get; } = [];
        public List<DbCalendarDay> Calendar { get; } = [];
        public List<Diagnostic> Rejected { get; } = [];
    }

    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static decimal Yuan(Money m) => m.Fen / 100m;

    private static Database Load()
    {
        var db = new Database();
        var options = new InputReaderOptions { Diagnostics = db.Rejected };
        InputReader Open(InputKind kind) =>
            InputKinds.CreateReader(kind, File.OpenRead(Path.Combine(Sample, InputKinds.DefaultFileName(kind))), InputKinds.DefaultFileName(kind), options);

        using (var r = (CalendarReader)Open(InputKind.Calendar))
            while (r.Read(out var c)) db.Calendar.Add(new(c.Line, c.Date, c.Kind));
        using (var r = (WorkersReader)Open(InputKind.Workers))
        {
            while (r.Read(out var w))
            {
                db.Workers.Add(new(w.Line, S(w.WorkerId), S(w.Name), S(w.IdNumber), S(w.BankAccount), S(w.Employer), w.WageType,
                    w.WageRateFen is { } fen ? fen / 100m : null, w.EntryDate, w.ExitDate, S(w.Team), S(w.Trade)));
            }
        }
        using (var r = (AttendanceReader)Open(InputKind.Attendance))
            while (r.Read(out var p)) db.Punches.Add(new(p.Line, S(p.IdNumber), p.Time, p.Direction));
        using (var r = (PayrollReader)Open(InputKind.Payroll))
        {
            while (r.Read(out var p))
            {
                db.Payroll.Add(new(p.Line, S(p.IdNumber), p.Period.Year, p.Period.Month, Yuan(p.Gross), Yuan(p.Deductions), Yuan(p.Net), p.Days,
                    p.HoursCentis is { } h ? h / 100m : null));
            }
        }
        using (var r = (BatchesReader)Open(InputKind.Batches))
            while (r.Read(out var b)) db.Batches.Add(new(b.Line, S(b.BatchId), S(b.Name), S(b.BankAccount), Yuan(b.Amount), b.Status, S(b.Memo)));
        using (var r = (BankReader)Open(InputKind.Bank))
        {
            while (r.Read(out var b))
            {
                db.Bank.Add(new(b.Line, S(b.TxnId), b.Date, b.TimeOfDay, b.Direction, Yuan(b.Amount), b.Balance is { } bal ? Yuan(bal) : null,
                    S(b.CounterpartyName), S(b.CounterpartyAccount), S(b.Memo), S(b.BatchId), b.Status));
            }
        }
        return db;
    }

    /// <summary>What a host does with its database: name each source, feed the rows in the checker's order, complete.</summary>
    private static ReconciliationResult Feed(Database db, Func<string, string> source)
    {
        var settings = PayrollRecon.Cli.ProjectFolder.Load(Sample).Settings;
        var engine = new Reconciler(settings, new ReconcilerOptions
        {
            WorkersFile = source("workers"),
            AttendanceFile = source("attendance"),
            PayrollFile = source("payroll"),
            BatchesFile = source("batches"),
            CalendarFile = source("calendar"),
            BankFile = source("bank"),
            AttendanceSupplied = true,
            BatchesSupplied = true,
        });
        foreach (var c in db.Calendar) engine.AddCalendar(RowValues.Calendar(c.Line, c.Date, c.Kind));
        foreach (var w in db.Workers)
        {
            engine.AddWorker(RowValues.Worker(w.Line, w.WorkerId, w.Name, w.IdNumber, w.BankAccount, w.Employer, w.WageType,
                w.WageRateYuan is { } rate ? Money.FromYuan(rate) : null, w.Entry, w.Exit, w.Team, w.Trade));
        }
        foreach (var p in db.Punches) engine.AddPunch(RowValues.Punch(p.Line, p.IdNumber, p.Time, p.Direction));
        foreach (var p in db.Payroll)
        {
            engine.AddPayroll(RowValues.Payroll(p.Line, p.IdNumber, new YearMonth(p.Year, p.Month), Money.FromYuan(p.Gross), Money.FromYuan(p.Deductions),
                Money.FromYuan(p.Net), p.Days, p.Hours));
        }
        foreach (var b in db.Batches) engine.AddBatchLine(RowValues.BatchLine(b.Line, b.BatchId, b.Name, b.Account, Money.FromYuan(b.Amount), b.Status, b.Memo));
        foreach (var b in db.Bank)
        {
            engine.AddBankLine(RowValues.BankLine(b.Line, b.TxnId, b.Date, b.Time, b.Direction, Money.FromYuan(b.Amount),
                b.Balance is { } balance ? Money.FromYuan(balance) : null, b.Name, b.Account, b.Memo, b.BatchId, b.Status));
        }
        // Rows the host could not read are reported under its own source name.
        foreach (var d in db.Rejected) engine.AddDiagnostic(d with { File = source(Path.GetFileNameWithoutExtension(d.File)) });
        return engine.Complete();
    }

    private static string Csv(ReconciliationResult result, Action<ReconciliationResult, Stream, ReportOptions> write)
    {
        using var buffer = new MemoryStream();
        write(result, buffer, new ReportOptions { Language = ReportLanguage.En });
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void RowValues_SampleProjectFromDatabase_SameFindingsAndLedgerAsCsv()
    {
        var fromCsv = PayrollChecker.Check(PayrollRecon.Cli.ProjectFolder.Load(Sample));
        var db = Load();
        Assert.NotEmpty(db.Rejected);

        var fromDb = Feed(db, table => table + ".csv");

        Assert.NotEmpty(fromCsv.Findings);
        Assert.Equal(Csv(fromCsv, ReportWriter.WriteFindingsCsv), Csv(fromDb, ReportWriter.WriteFindingsCsv));
        Assert.Equal(Csv(fromCsv, ReportWriter.WriteLedgerCsv), Csv(fromDb, ReportWriter.WriteLedgerCsv));
    }

    [Fact]
    public void RowValues_DatabaseSourceNames_EvidenceCitesSourceAndRow()
    {
        var fromCsv = PayrollChecker.Check(PayrollRecon.Cli.ProjectFolder.Load(Sample));

        var fromDb = Feed(Load(), table => "db:" + table);

        static string? Renamed(string? source) =>
            source is null ? null : System.Text.RegularExpressions.Regex.Replace(source, @"\b(workers|attendance|payroll|batches|calendar|bank)\.csv:", "db:$1:");
        Assert.Equal(fromCsv.Findings.Count, fromDb.Findings.Count);
        Assert.Contains(fromDb.Findings, f => f.Source is { } s && s.StartsWith("db:bank:", StringComparison.Ordinal));
        for (int i = 0; i < fromCsv.Findings.Count; i++)
        {
            Finding a = fromCsv.Findings[i], b = fromDb.Findings[i];
            Assert.Equal((a.Code, a.Severity, a.WorkerId, a.Period, a.Amount, a.Expected, a.Actual), (b.Code, b.Severity, b.WorkerId, b.Period, b.Amount, b.Expected, b.Actual));
            Assert.Equal(Renamed(a.Source), b.Source);
            // Ids anchor on the evidence without file names or lines, except an unreadable row's (its file and bytes).
            if (a.Code != FindingCode.DataError) Assert.Equal(a.FindingId, b.FindingId);
        }
    }

    [Theory]
    [InlineData("1234.5", 123450)]
    [InlineData("0.01", 1)]
    [InlineData("-7", -700)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    public void FromYuan_Decimal_ExactFen(string yuan, long fen) =>
        Assert.Equal(new Money(fen), Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FromYuan_PartOfAFen_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Money.FromYuan(12.345m));
        Assert.Equal("12.345 yuan is not a whole number of fen (Parameter 'yuan')", e.Message);
        Assert.Throws<OverflowException>(() => Money.FromYuan(92233720368547758.08m));
    }

    [Fact]
    public void Worker_BlankAndPaddedText_TrimmedAsTheReaderTrims()
    {
        var row = RowValues.Worker(7, null, " 张三 ", "110105199003070017", "  ", null, WageType.Daily, Money.FromYuan(300m), team: "一班");
        Assert.Equal(7, row.Line);
        Assert.True(row.WorkerId.IsEmpty);
        Assert.Equal("张三"u8, row.Name);
        Assert.True(row.BankAccount.IsEmpty);
        Assert.Equal("一班"u8, row.Team);
        Assert.Equal(30000, row.WageRateFen);
    }

    [Fact]
    public void Payroll_DaysWithAHalfDay_KeptInHundredths()
    {
        var half = RowValues.Payroll(1, "110105199003070017", new YearMonth(2024, 3), default, default, default, days: 21.5m);
        Assert.Null(half.Days);
        Assert.Equal(2150, half.DaysCentis);
        var whole = RowValues.Payroll(1, "110105199003070017", new YearMonth(2024, 3), default, default, default, days: 22);
        Assert.Equal(22, whole.Days);
        Assert.Equal(2200, whole.DaysCentis);
        var e = Assert.Throws<ArgumentException>(() => RowValues.Payroll(1, "110105199003070017", new YearMonth(2024, 3), default, default, default, days: 21.125m));
        Assert.Equal("days", e.ParamName);
    }

    [Fact]
    public void Payroll_HoursWithThreeDecimals_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RowValues.Payroll(1, "110105199003070017", new YearMonth(2024, 3), default, default, default, hours: 8.125m));
        Assert.Equal("hours has more than two decimals: 8.125 (Parameter 'hours')", e.Message);
    }
}
