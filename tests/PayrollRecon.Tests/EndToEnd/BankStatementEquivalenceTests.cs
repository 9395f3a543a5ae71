using System.Collections.Concurrent;
using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Cli;
using PayrollRecon.Findings;
using PayrollRecon.Generation;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;
using PayrollRecon.Tests.Generation;
using PayrollRecon.Tests.Reading.Workbooks;

namespace PayrollRecon.Tests.EndToEnd;

/// <summary>
/// One statement, many forms (SPEC §2.3, R32–R41): a generated project is checked as generated (plain CSV), then with
/// only its bank statement re-written as banks export it — as .xlsx or .xls, under a preamble and over footer rows,
/// newest first, with padded cells, in GB18030 with Chinese headers, in layout B — and must give the same findings,
/// compared as multisets of (code, worker, period, amount), the same ledger and the same totals. Sources (file:line)
/// are not compared: the file name and the line numbers move with the form by design.
/// </summary>
/// <remarks>
/// <para>Each variant is checked on four fixed projects rich in bank-line defects, then on six drawn ones (seed,
/// 10–30 workers, 2–4 months, defect rate 0.4–1.0; fixed draws under CI, see <see cref="PropertyConfig"/>).
/// Variants: <c>xlsx-datetime-cells</c>, <c>xlsx-text-times</c>, <c>xls</c> (the same columns in a workbook, money
/// as numeric cells, times as date-time cells or as text); <c>xlsx-second-sheet</c> (after a cover sheet without a
/// header row); <c>xls-preamble-footer</c> (a workbook with preamble,
/// Chinese headers, layout B and footer rows, the blank rows left out of the sheet); <c>preamble-footer</c>,
/// <c>newest-first</c>, the three padding shapes below, <c>gb18030-chinese-headers</c> (GB18030, CRLF, Chinese column
/// names, 借/贷), <c>layout-b</c> (借方发生额/贷方发生额 in place of direction and amount); and three bank exports that
/// combine them, newest first: <c>xls-bank-export</c>, <c>xlsx-bank-export</c>, <c>csv-bank-export</c> (GB18030).</para>
/// <para>Padding shapes. R1 decides the separator on the header line: tab-separated when it holds more tabs than commas.</para>
/// <list type="bullet">
/// <item><c>padded-tabs-in-data</c>: header cells padded with spaces only, every data cell as <c>"\t" + value + " "</c>
/// (more tabs than commas on every data line): the header line makes it a comma file, and the data lines must not
/// change that.</item>
/// <item><c>padded-tie</c>: every cell as <c>" " + value + "\t"</c> (as <c>" 2024-01-05 10:00\t"</c>), except the last
/// header cell, padded with spaces only: the header line holds as many tabs as commas, which is not more, so a comma
/// file under any reading of R1.</item>
/// </list>
/// </remarks>
public sealed class BankStatementEquivalenceTests
{
    private const int CasesPerVariant = 6;

    /// <summary>Cases checked by every variant before the random ones: between them they plant every bank-line defect
    /// a re-written statement could lose or invent (a balance break, a duplicate line, an unreadable line, refunds,
    /// name and account mismatches, payees off the roster, non-wage debits, a batch without detail).</summary>
    private static readonly ProjectCase[] RichCases =
        [new(11, 30, 4, 1.0), new(13, 30, 4, 0.7), new(14, 30, 4, 1.0), new(17, 30, 4, 0.7)];

    private static readonly ConcurrentDictionary<ProjectCase, Lazy<GeneratedCase>> Cases = new();

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>Every re-writing of the statement, by name.</summary>
    private static readonly Dictionary<string, Func<GeneratedCase, InputSource>> Variants = new(StringComparer.Ordinal)
    {
        ["xlsx-datetime-cells"] = g => InputSource.FromBytes("bank.xlsx", XlsxWriter.Write(g.Bank.ToSheet("Sheet1", timeAsDateTimeCells: true))),
        ["xlsx-text-times"] = g => InputSource.FromBytes("bank.xlsx", XlsxWriter.Write(g.Bank.ToSheet("Sheet1", timeAsDateTimeCells: false))),
        ["xls"] = g => InputSource.FromBytes("bank.xls", XlsWriter.Write(g.Bank.ToSheet("Sheet1", timeAsDateTimeCells: true))),
        // The statement on the second worksheet, after a cover sheet without a header row (R32: the first sheet that
        // has one is read).
        ["xlsx-second-sheet"] = g => InputSource.FromBytes("bank.xlsx", XlsxWriter.Write(
            WorkbookSheet.Dense("说明", [[WorkbookCell.Text("本文件由网上银行导出")], [WorkbookCell.Text("户名"), WorkbookCell.Text(g.Contractor ?? "")]]),
            g.Bank.ToSheet("交易明细", timeAsDateTimeCells: true))),
        ["preamble-footer"] = g => Csv(g.Bank.ToCsv(Utf8, preamble: g.Bank.BankPreamble(g.Account, g.Contractor), footer: g.Bank.BankFooter())),
        ["newest-first"] = g => Csv(g.Bank.NewestFirst().ToCsv(Utf8)),
        ["padded-tabs-in-data"] = g => Csv(g.Bank.ToCsv(Utf8, padding: (_, header) => header ? (" ", " ") : ("\t", " "))),
        ["padded-tie"] = g => Csv(g.Bank.ToCsv(Utf8, padding: (column, header) =>
            header && column == g.Bank.Header.Length - 1 ? (" ", " ") : (" ", "\t"))),
        ["gb18030-chinese-headers"] = g => Csv(g.Bank.Chinese().ToCsv(Gb18030, newline: "\r\n")),
        ["layout-b"] = g => Csv(g.Bank.LayoutB().ToCsv(Utf8)),
        // A workbook with a preamble (its blank row left out of the sheet), Chinese headers, layout B, an empty row
        // left out before the footer rows.
        ["xls-preamble-footer"] = g => InputSource.FromBytes("bank.xls", XlsWriter.Write(g.Bank.Chinese().LayoutB()
            .ToSheet("交易明细", timeAsDateTimeCells: true, bankPreambleAndFooter: true, g.Account, g.Contractor))),
        // As a bank hands it over: all of the above at once, newest first.
        ["xls-bank-export"] = g => InputSource.FromBytes("bank.xls", XlsWriter.Write(g.Bank.Chinese().LayoutB().NewestFirst()
            .ToSheet("交易明细", timeAsDateTimeCells: true, bankPreambleAndFooter: true, g.Account, g.Contractor))),
        ["xlsx-bank-export"] = g => InputSource.FromBytes("bank.xlsx", XlsxWriter.Write(g.Bank.Chinese().NewestFirst()
            .ToSheet("交易明细", timeAsDateTimeCells: false, bankPreambleAndFooter: true, g.Account, g.Contractor))),
        ["csv-bank-export"] = g => Csv(g.Bank.Chinese().LayoutB().NewestFirst().ToCsv(Gb18030, "\r\n",
            preamble: g.Bank.BankPreamble(g.Account, g.Contractor), footer: g.Bank.BankFooter())),
    };

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    /// <summary>Small projects (10–30 workers, 2–4 months) with many planted defects; the seed is drawn too.</summary>
    private static readonly Gen<ProjectCase> ProjectCases =
        from seed in Gen.Choose(1, 1_000_000)
        from workers in Gen.Choose(10, 30)
        from months in Gen.Choose(2, 4)
        from rate in Gen.Elements(0.4, 0.7, 1.0)
        select new ProjectCase(seed, workers, months, rate);

    [Theory]
    [InlineData("xlsx-datetime-cells")]
    [InlineData("xlsx-text-times")]
    [InlineData("xls")]
    [InlineData("xlsx-second-sheet")]
    [InlineData("xls-preamble-footer")]
    [InlineData("preamble-footer")]
    [InlineData("newest-first")]
    [InlineData("padded-tabs-in-data")]
    [InlineData("padded-tie")]
    [InlineData("gb18030-chinese-headers")]
    [InlineData("layout-b")]
    [InlineData("xls-bank-export")]
    [InlineData("xlsx-bank-export")]
    [InlineData("csv-bank-export")]
    public void Check_BankStatementRewritten_SameFindingsLedgerAndTotalsAsPlainCsv(string variant)
    {
        var rewrite = Variants[variant];
        foreach (var c in RichCases) AssertEquivalent(variant, rewrite, c);
        Prop.ForAll(Arb.From(ProjectCases), c => AssertEquivalent(variant, rewrite, c)).Check(PropertyConfig.Quick(CasesPerVariant));
    }

    private static void AssertEquivalent(string variant, Func<GeneratedCase, InputSource> rewrite, ProjectCase c)
    {
        var g = Generated(c);
        Outcome actual;
        try
        {
            actual = Check(g, rewrite(g));
        }
        catch (PayrollDataException e)
        {
            throw new Xunit.Sdk.XunitException($"{variant}, {c}: the statement was refused: {e.Message}");
        }
        AssertSame(g.Baseline, actual, $"{variant}, {c}");
    }

    [Theory]
    [InlineData("xlsx-datetime-cells")]
    [InlineData("xlsx-text-times")]
    [InlineData("xls")]
    [InlineData("xls-preamble-footer")]
    public void Check_WorkbookReadBackPerR32AsCsv_SameFindingsLedgerAndTotalsAsPlainCsv(string variant)
    {
        // The workbooks themselves, apart from the product's workbook reading: read back through ExcelDataReader with
        // the cell texts of R32 and handed over as CSV, they must say what the plain CSV says. So a failure of the
        // workbook variants above is the product's reading, not the files.
        var rewrite = Variants[variant];
        InputSource AsCsv(GeneratedCase g)
        {
            using var s = rewrite(g).Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return Csv(Utf8.GetBytes(WorkbookReadBack.FirstSheetAsR32Csv(m.ToArray())));
        }
        foreach (var c in RichCases) AssertEquivalent(variant + " read back as CSV", AsCsv, c);
        Prop.ForAll(Arb.From(ProjectCases), c => AssertEquivalent(variant + " read back as CSV", AsCsv, c)).Check(PropertyConfig.Quick(CasesPerVariant));
    }

    [Fact]
    public void Variants_EveryOne_IsInTheTheory()
    {
        var checkedVariants = typeof(BankStatementEquivalenceTests)
            .GetMethod(nameof(Check_BankStatementRewritten_SameFindingsLedgerAndTotalsAsPlainCsv))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .SelectMany(a => a.GetData(null!)).Select(row => (string)row[0]);
        Assert.Equal(Variants.Keys.Order(StringComparer.Ordinal), checkedVariants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_PlainCsvBaseline_ReadsEveryLineAndFindsBankDefects()
    {
        // The baseline itself: the generated files checked from memory, as every variant is, give what the project
        // folder gives through the CLI's loader, and the cases are not vacuous.
        foreach (var c in RichCases) AssertSame(Generated(c).FromFolder, Generated(c).Baseline, $"plain, {c}");
        Prop.ForAll(Arb.From(ProjectCases), c =>
        {
            var g = Generated(c);
            AssertSame(g.FromFolder, g.Baseline, $"plain, {c}");
            Assert.True(g.Bank.Rows.Count > 0, $"{c}: no bank lines");
            Assert.True(g.Result.Summary.Conservation.Debits > Money.Zero && g.Result.Summary.Conservation.Credits > Money.Zero, $"{c}: no money moved");
            Assert.NotEmpty(g.Result.Findings);
        }).Check(PropertyConfig.Quick(CasesPerVariant));
    }

    [Fact]
    public void Check_FixedProjects_PlantBankLineDefectsTheVariantsMustKeep()
    {
        // The bank-line defects that a re-written statement could lose or invent are planted in the generated cases.
        var codes = new HashSet<FindingCode>();
        foreach (var c in RichCases)
            foreach (var f in Generated(c).Result.Findings) codes.Add(f.Code);
        foreach (var code in new[]
                 {
                     FindingCode.BalanceBreak, FindingCode.DuplicateTxn, FindingCode.DataError, FindingCode.NameMismatch,
                     FindingCode.AccountMismatch, FindingCode.UnknownPayee, FindingCode.NonWageDebit, FindingCode.UnmatchedRefund,
                     FindingCode.BatchDetailMissing, FindingCode.DuplicatePayment, FindingCode.Overpaid, FindingCode.Late,
                 })
            Assert.Contains(code, codes);
    }

    [Fact]
    public void CheckCli_BankXlsxInPlaceOfBankCsv_SameExitCodeAndFindings()
    {
        var c = new ProjectCase(11, 30, 4, 1.0);
        var g = Generated(c);
        string root = Path.Combine(Path.GetTempPath(), "payrollrecon-xlsx-" + Guid.NewGuid().ToString("N"));
        try
        {
            string plain = Path.Combine(root, "plain"), workbook = Path.Combine(root, "workbook");
            foreach (string dir in new[] { plain, workbook })
            {
                Directory.CreateDirectory(dir);
                File.WriteAllBytes(Path.Combine(dir, "project.json"), g.SettingsJson);
                foreach (var (name, bytes) in g.Files)
                    if (name != "bank.csv" || dir == plain) File.WriteAllBytes(Path.Combine(dir, name), bytes);
            }
            File.WriteAllBytes(Path.Combine(workbook, "bank.xlsx"), XlsxWriter.Write(g.Bank.ToSheet("Sheet1", timeAsDateTimeCells: true)));

            var (plainExit, plainError) = RunCli("check", plain, "--out", Path.Combine(root, "out-plain"), "--fail-on", "red");
            var (exit, error) = RunCli("check", workbook, "--out", Path.Combine(root, "out-workbook"), "--fail-on", "red");

            Assert.Equal("", plainError);
            Assert.Equal(1, plainExit);
            Assert.True(exit == plainExit, $"exit {exit} with bank.xlsx, {plainExit} with bank.csv: {error}");
            Assert.Equal("", error);
            var expected = FindingsCsvKeys(Path.Combine(root, "out-plain", "findings.csv"));
            var actual = FindingsCsvKeys(Path.Combine(root, "out-workbook", "findings.csv"));
            AssertSameMultiset(expected, actual, "findings.csv (code, worker_id, period, amount)");
            Assert.Contains("bank.xlsx", File.ReadAllText(Path.Combine(root, "out-workbook", "summary.json")));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    // ------------------------------------------------------------------ support

    private static InputSource Csv(byte[] bytes) => InputSource.FromBytes("bank.csv", bytes);

    private static (int Exit, string Error) RunCli(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), args, error);
        return (exit, error.ToString());
    }

    private static List<string> FindingsCsvKeys(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var header = GeneratedFiles.SplitCsv(lines[0].TrimStart('\uFEFF'));
        int code = Array.IndexOf(header, "code"), worker = Array.IndexOf(header, "worker_id"),
            period = Array.IndexOf(header, "period"), amount = Array.IndexOf(header, "amount");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(GeneratedFiles.SplitCsv)
            .Select(f => $"{f[code]}|{f[worker]}|{f[period]}|{f[amount]}")];
    }

    private static GeneratedCase Generated(ProjectCase c) =>
        Cases.GetOrAdd(c, key => new Lazy<GeneratedCase>(() => GeneratedCase.Create(key))).Value;

    internal static Outcome Check(GeneratedCase g, InputSource bank)
    {
        var result = PayrollChecker.CheckAsync(g.Inputs(bank)).GetAwaiter().GetResult();
        return Outcome.Of(result);
    }

    private static void AssertSame(Outcome expected, Outcome actual, string what)
    {
        AssertSameMultiset(expected.Findings, actual.Findings, what + ": findings (code|worker|period|amount)");
        if (!expected.Findings.Any(f => f.StartsWith("BALANCE_BREAK|", StringComparison.Ordinal)))
            Assert.False(actual.Findings.Any(f => f.StartsWith("BALANCE_BREAK|", StringComparison.Ordinal)), $"{what}: BALANCE_BREAK appeared");
        Assert.True(expected.Totals == actual.Totals, $"{what}: totals differ\n  expected {expected.Totals}\n  actual   {actual.Totals}");
        AssertSameMultiset(expected.Ledger, actual.Ledger, what + ": ledger rows");
    }

    private static void AssertSameMultiset(List<string> expected, List<string> actual, string what)
    {
        var missing = new List<string>(expected);
        var extra = new List<string>();
        foreach (var a in actual)
            if (!missing.Remove(a)) extra.Add(a);
        if (missing.Count == 0 && extra.Count == 0) return;
        static string List(List<string> xs) => xs.Count == 0 ? " none" : "\n    " + string.Join("\n    ", xs.Take(25)) + (xs.Count > 25 ? $"\n    … {xs.Count - 25} more" : "");
        throw new Xunit.Sdk.XunitException($"{what}: {expected.Count} expected, {actual.Count} found\n  missing:{List(missing)}\n  extra:{List(extra)}");
    }

    internal sealed record ProjectCase(int Seed, int Workers, int Months, double DefectRate)
    {
        public override string ToString() => $"seed {Seed}, {Workers} workers, {Months} months, defect rate {DefectRate}";
    }

    /// <summary>What is compared: findings as (code, worker, period, amount), the totals, the ledger rows.</summary>
    internal sealed record Outcome(List<string> Findings, string Totals, List<string> Ledger)
    {
        public static Outcome Of(ReconciliationResult r)
        {
            var s = r.Summary;
            var c = s.Conservation;
            string totals = $"due {s.TotalDue}, paid {s.TotalPaid}, outstanding {s.TotalOutstanding}, labour funds {s.LaborFundsIn}, " +
                            $"wages out {s.WagePaymentsOut}; debits {c.Debits} = wages {c.WagePayments} + batches {c.Batches} + fees {c.Fees} + misuse {c.Misuse}; " +
                            $"credits {c.Credits} = refunds {c.Refunds} + interest {c.Interest} + labour funds {c.LaborFunds}";
            return new Outcome(
                [.. r.Findings.Select(f => $"{FindingCodes.Name(f.Code)}|{f.WorkerId}|{f.Period}|{f.Amount}").Order(StringComparer.Ordinal)],
                totals,
                [.. r.Ledger.Select(l => $"{l.WorkerId}|{l.Period}|{l.Days}|{l.Due}|{l.DueSource}|{l.DueDate}|{l.Paid}|{l.PaidOnTime}|{l.Outstanding}|{l.LastPaidDate}|{l.Status}").Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>A generated project held in memory, with its statement as a table and its plain-CSV check.</summary>
    internal sealed class GeneratedCase
    {
        private static readonly string[] OtherInputs = ["workers.csv", "attendance.csv", "payroll.csv", "batches.csv", "calendar.csv"];

        private GeneratedCase(byte[] settingsJson, Dictionary<string, byte[]> files, Outcome fromFolder)
        {
            FromFolder = fromFolder;
            SettingsJson = settingsJson;
            Files = files;
            Settings = ProjectSettingsReader.Read(settingsJson);
            Bank = BankStatement.ParseCsv(files["bank.csv"]);
            Result = PayrollChecker.CheckAsync(Inputs(InputSource.FromBytes("bank.csv", files["bank.csv"]))).GetAwaiter().GetResult();
            Baseline = Outcome.Of(Result);
        }

        public byte[] SettingsJson { get; }
        public Dictionary<string, byte[]> Files { get; }
        public ProjectSettings Settings { get; }
        public BankStatement Bank { get; }
        public ReconciliationResult Result { get; }
        public Outcome Baseline { get; }
        public Outcome FromFolder { get; }
        public string? Account => Settings.Account;
        public string? Contractor => Settings.Contractor;

        public static GeneratedCase Create(ProjectCase c)
        {
            using var files = GeneratedFiles.Generate(new GeneratorOptions
            {
                Projects = 1, Workers = c.Workers, Months = c.Months, Seed = c.Seed, DefectRate = c.DefectRate, MaxDegreeOfParallelism = 1,
            });
            string dir = files.ProjectDir();
            var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["bank.csv"] = File.ReadAllBytes(Path.Combine(dir, "bank.csv")) };
            foreach (string name in OtherInputs)
                if (File.Exists(Path.Combine(dir, name))) bytes[name] = File.ReadAllBytes(Path.Combine(dir, name));
            var fromFolder = Outcome.Of(PayrollChecker.CheckAsync(ProjectFolder.Load(dir)).GetAwaiter().GetResult());
            return new GeneratedCase(File.ReadAllBytes(Path.Combine(dir, ProjectFolder.SettingsFile)), bytes, fromFolder);
        }

        /// <summary>The project's inputs, every one from the generated bytes except the statement.</summary>
        public CheckInputs Inputs(InputSource bank)
        {
            InputSource? Optional(string name) => Files.TryGetValue(name, out var b) ? InputSource.FromBytes(name, b) : null;
            return new CheckInputs
            {
                Settings = Settings,
                Workers = Optional("workers.csv")!,
                Bank = bank,
                Attendance = Optional("attendance.csv"),
                Payroll = Optional("payroll.csv"),
                Batches = Optional("batches.csv"),
                Calendar = Optional("calendar.csv"),
            };
        }
    }
}
