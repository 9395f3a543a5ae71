using System.Diagnostics;
using PayrollRecon.Cli;

namespace PayrollRecon.Tests.Cli;

/// <summary>What a new user meets first: the as-of date stated, wrong inputs refused with a line that says what to do,
/// the summary with the findings that matter, help with examples and exit codes, and messages in the chosen language.</summary>
public sealed class EverydayUseTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), args, error, output);
        return (exit, output.ToString(), error.ToString());
    }

    private static readonly string NL = Environment.NewLine;

    private static string Today => DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The small project without T3 (李四 unpaid) and with its as-of date removed.</summary>
    private static Dictionary<string, string> WithoutAsOf()
    {
        var files = TempProject.Small();
        files["project.json"] = """{ "code": "T-0001", "name": "测试项目", "payDay": 15 }""";
        return files;
    }

    [Fact]
    public void Check_NoAsOf_WarnsThatItIsTodayAndStatesTheDate()
    {
        using var project = new TempProject(WithoutAsOf());
        var (exit, output, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal($"payrollrecon: warning: no as-of date given (project.json has no 'asOf', no --as-of): checked as of today, {Today}; findings change with the day the check is run" + NL, error);
        Assert.Contains($"; as of {Today}; written to {project.Path_("out")}" + NL, output);
        Assert.Contains($"<time id=\"as-of\" datetime=\"{Today}\">", File.ReadAllText(project.Path_("out/report.html")));

        (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("zh"), "--lang", "zh");
        Assert.Equal(0, exit);
        Assert.Equal($"payrollrecon: 警告: 未给出截至日期（project.json 没有 'asOf'，也没有 --as-of）：按今天 {Today} 检查；检查结果会随运行日期变化" + NL, error);
    }

    [Fact]
    public void Check_AsOfGiven_NoWarning()
    {
        using var project = new TempProject(WithoutAsOf());
        var (exit, output, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--as-of", "2024-04-01", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("T-0001: green; 0 findings (red 0, orange 0, yellow 0); due 600.00, paid 600.00, outstanding 0.00; as of 2024-04-01; written to ", output);
    }

    [Fact]
    public void Check_Summary_OneFinding_Singular()
    {
        // Everyone paid; one debit to a supplier.
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-20 10:00,D,100.00,300.00,某商砼有限公司,41050100000000000077,材料款\n";
        using var project = new TempProject(files);
        string outDir = project.Path_("out");
        var (exit, output, error) = Run("check", project.Dir, "--out", outDir, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(
            $"T-0001: red; 1 finding (red 1, orange 0, yellow 0); due 600.00, paid 600.00, outstanding 0.00; as of 2024-04-01; written to {outDir}" + NL +
            "  red NON_WAGE_DEBIT: 100.00 yuan paid out on 2024-02-20 to \"某商砼有限公司\": not a wage payment." + NL, output);

        (_, output, _) = Run("check", project.Dir, "--out", project.Path_("zh"));
        Assert.Equal(
            $"T-0001: 红色预警；1 条问题（红 1、橙 0、黄 0）；应发 600.00 元，已付 600.00 元，欠付 0.00 元；截至 2024-04-01；结果已写入 {project.Path_("zh")}" + NL +
            "  红 NON_WAGE_DEBIT：2024-02-20 从专户向“某商砼有限公司”支出 100.00 元，属非工资支出。" + NL, output);
    }

    [Fact]
    public void Check_Summary_FalseAlarm_CountedApartAndListedLast()
    {
        // Everyone paid; one debit to a supplier, which the reviewers rule a false alarm.
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-20 10:00,D,100.00,300.00,某商砼有限公司,41050100000000000077,材料款\n";
        using (var first = new TempProject(files))
        {
            Assert.Equal(0, Run("check", first.Dir, "--out", first.Path_("out")).Exit);
            string id = File.ReadAllLines(first.Path_("out/findings.csv"))[1].Split(',')[^1];
            files["rulings.csv"] = $"finding_id,ruling,reason\n{id},false_alarm,退回的材料款\n";
        }
        using var project = new TempProject(files);
        string outDir = project.Path_("out");
        var (exit, output, error) = Run("check", project.Dir, "--out", outDir, "--lang", "en", "--fail-on", "yellow");
        Assert.Equal((0, ""), (exit, error));
        Assert.Equal(
            $"T-0001: green; 1 finding (red 0, orange 0, yellow 0; 1 waived as a false alarm); due 600.00, paid 600.00, outstanding 0.00; as of 2024-04-01; written to {outDir}" + NL +
            "  red NON_WAGE_DEBIT (waived as a false alarm): 100.00 yuan paid out on 2024-02-20 to \"某商砼有限公司\": not a wage payment." + NL, output);

        (_, output, _) = Run("check", project.Dir, "--out", project.Path_("zh"));
        Assert.Equal(
            $"T-0001: 无预警；1 条问题（红 0、橙 0、黄 0；1 条误报已豁免）；应发 600.00 元，已付 600.00 元，欠付 0.00 元；截至 2024-04-01；结果已写入 {project.Path_("zh")}" + NL +
            "  红 NON_WAGE_DEBIT（误报，已豁免）：2024-02-20 从专户向“某商砼有限公司”支出 100.00 元，属非工资支出。" + NL, output);
    }

    /// <summary>李四 unpaid for January, a debit to a supplier, and punches of an unregistered ID number.</summary>
    private static Dictionary<string, string> FourFindings()
    {
        var files = TempProject.Small();
        files["bank.csv"] = string.Join('\n', files["bank.csv"].Split('\n').Where(l => !l.StartsWith("T3,", StringComparison.Ordinal)))
            + "T4,2024-02-20 10:00,D,500.00,200.00,某商砼有限公司,41050100000000000077,材料款\n";
        files["attendance.csv"] += "110105199003070033,2024-01-09 07:30\n110105199003070033,2024-01-09 17:30\n";
        return files;
    }

    [Fact]
    public void Check_Summary_LineThenTheThreeFindingsThatMatterMostMasked()
    {
        using var project = new TempProject(FourFindings());
        string outDir = project.Path_("out");
        var (exit, output, error) = Run("check", project.Dir, "--out", outDir, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(
            $"T-0001: red; 4 findings (red 2, orange 2, yellow 0); due 600.00, paid 300.00, outstanding 300.00; as of 2024-04-01; written to {outDir}" + NL +
            "  red NON_WAGE_DEBIT: 500.00 yuan paid out on 2024-02-20 to \"某商砼有限公司\": not a wage payment." + NL +
            "  red HEADCOUNT_MISMATCH: 2024-01: 1 of 2 workers with attendance received no pay." + NL +
            "  orange UNPAID: 李四: wages of 300.00 yuan for 2024-01 unpaid; due 2024-02-15, 46 days overdue." + NL +
            $"  … and 1 more in {Path.Combine(outDir, "findings.csv")}" + NL, output);

        (_, output, _) = Run("check", project.Dir, "--out", project.Path_("zh"));
        Assert.Equal(
            $"T-0001: 红色预警；4 条问题（红 2、橙 2、黄 0）；应发 600.00 元，已付 300.00 元，欠付 300.00 元；截至 2024-04-01；结果已写入 {project.Path_("zh")}" + NL +
            "  红 NON_WAGE_DEBIT：2024-02-20 从专户向“某商砼有限公司”支出 500.00 元，属非工资支出。" + NL +
            "  红 HEADCOUNT_MISMATCH：2024年1月有考勤的 2 人中有 1 人未获任何工资支付。" + NL +
            "  橙 UNPAID：李四 2024年1月工资 300.00 元未支付，应发日 2024-02-15，已逾期 46 天。" + NL +
            $"  ……另有 1 条，见 {Path.Combine(project.Path_("zh"), "findings.csv")}" + NL, output);
    }

    [Fact]
    public void Check_Summary_EachFileWithRowsThatCouldNotBeReadSaysHowMany()
    {
        // 李四's roster row has an unknown wage type, one punch a day past the month's end.
        var files = TempProject.Small();
        files["workers.csv"] = files["workers.csv"].Replace("6222020200112233446,甲劳务有限公司,daily", "6222020200112233446,甲劳务有限公司,weekly", StringComparison.Ordinal);
        files["attendance.csv"] += "110105199003070017,2024-01-32 07:30\n";
        using var project = new TempProject(files);
        string outDir = project.Path_("out");
        var (exit, output, error) = Run("check", project.Dir, "--out", outDir, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(
            $"T-0001: red; 4 findings (red 1, orange 1, yellow 2); due 300.00, paid 300.00, outstanding 0.00; as of 2024-04-01; written to {outDir}" + NL +
            "  workers.csv: 1 of 2 rows could not be read (DATA_ERROR, see findings.csv)" + NL +
            "  attendance.csv: 1 of 5 rows could not be read (DATA_ERROR, see findings.csv)" + NL +
            "  red UNKNOWN_PAYEE: 300.00 yuan paid out on 2024-02-07 to \"李四\", who is not on the roster (may follow from the unreadable row workers.csv:3)." + NL +
            "  orange UNREGISTERED_WORKER: ID 110105********0025 is not on the roster but has 1 days of attendance in 2024-01 (may follow from the unreadable row workers.csv:3)." + NL +
            "  yellow DATA_ERROR: attendance.csv:6 could not be read and was skipped: column time: invalid date-time '2024-01-32 07:30'." + NL +
            $"  … and 1 more in {Path.Combine(outDir, "findings.csv")}" + NL, output);

        (_, output, _) = Run("check", project.Dir, "--out", project.Path_("zh"));
        Assert.Equal(
            $"T-0001: 红色预警；4 条问题（红 1、橙 1、黄 2）；应发 300.00 元，已付 300.00 元，欠付 0.00 元；截至 2024-04-01；结果已写入 {project.Path_("zh")}" + NL +
            "  workers.csv: 2 行中有 1 行无法读取（DATA_ERROR，见 findings.csv）" + NL +
            "  attendance.csv: 5 行中有 1 行无法读取（DATA_ERROR，见 findings.csv）" + NL +
            "  红 UNKNOWN_PAYEE：2024-02-07 从专户向不在花名册上的“李四”支出 300.00 元（可能由无法读取的 workers.csv:3 行引起）。" + NL +
            "  橙 UNREGISTERED_WORKER：身份证号 110105********0025 的人员未实名登记，2024年1月却有 1 天考勤（可能由无法读取的 workers.csv:3 行引起）。" + NL +
            "  黄 DATA_ERROR：attendance.csv:6 无法读取，已跳过：时间（time）列：日期时间无效 '2024-01-32 07:30'。" + NL +
            $"  ……另有 1 条，见 {Path.Combine(project.Path_("zh"), "findings.csv")}" + NL, output);
    }

    [Fact]
    public void Check_TopFindings_IdNumbersMaskedUnlessNoMask()
    {
        var files = TempProject.Small();
        files["attendance.csv"] += "110105199003070033,2024-01-09 07:30\n110105199003070033,2024-01-09 17:30\n";
        using var project = new TempProject(files);
        var (_, output, _) = Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "en");
        Assert.Contains("  orange UNREGISTERED_WORKER: ID 110105********0033 is not on the roster but has 1 days of attendance in 2024-01." + NL, output);
        Assert.DoesNotContain("110105199003070033", output);
        (_, output, _) = Run("check", project.Dir, "--out", project.Path_("raw"), "--lang", "en", "--no-mask");
        Assert.Contains("ID 110105199003070033 is not on the roster", output);
    }

    [Theory]
    [InlineData("en", "payrollrecon: unknown command 'chek'; did you mean 'check'? (see 'payrollrecon --help')")]
    [InlineData("zh", "payrollrecon: 未知命令 'chek'；是否要用 'check'？（见 'payrollrecon --help'）")]
    public void UnknownCommand_SuggestsTheNearestExitTwo(string lang, string expected)
    {
        var (exit, output, error) = Run("chek", "fixtures/sample-project", "--lang", lang);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(expected + NL, error);
    }

    [Fact]
    public void UnknownCommand_NothingNear_ListsTheCommands()
    {
        var (exit, _, error) = Run("reconcile", "p", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: unknown command 'reconcile'; the commands are check, batch, generate and inspect (see 'payrollrecon --help')" + NL, error);
        (exit, _, error) = Run();
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: no command given; the commands are check, batch, generate and inspect (see 'payrollrecon --help')" + NL, error);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("check", "--version")]
    [InlineData("batch", "in", "--version")]
    public void Version_AnywhereOnTheLine_PrintsTheVersionExitZero(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("payrollrecon 0.1.0" + NL, output);
    }

    [Fact]
    public void Check_OutIsAFile_OneLineBeforeAnyWork()
    {
        using var project = new TempProject(TempProject.Small());
        string file = project.Path_("project.json");
        var (exit, _, error) = Run("check", project.Dir, "--out", file, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: --out: '{file}' is a file, not a folder; give a folder for the outputs" + NL, error);
        (exit, _, error) = Run("check", project.Dir, "--out", file, "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: --out: '{file}' 是文件而不是文件夹；请指定输出文件夹" + NL, error);
    }

    [Fact]
    public void Batch_OutIsAFile_OneLine()
    {
        using var project = new TempProject(TempProject.Small());
        string file = Path.Combine(Path.GetTempPath(), $"payrollrecon-out-{TempProject.UniqueName()}.csv");
        File.WriteAllText(file, "x");
        try
        {
            var (exit, _, error) = Run("batch", project.Dir, "--out", file, "--lang", "en");
            Assert.Equal(2, exit);
            Assert.Equal($"payrollrecon: --out: '{file}' is a file, not a folder; give a folder for the outputs" + NL, error);
            Assert.Equal("x", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("en", "payrollrecon: --as-of: invalid date '10/07/2024' (expected yyyy-MM-dd, e.g. 2024-07-10; also yyyy/M/d, yyyyMMdd or 2024年7月10日)")]
    [InlineData("zh", "payrollrecon: --as-of: 日期无效 '10/07/2024'（应为 yyyy-MM-dd，例如 2024-07-10；也可写 yyyy/M/d、yyyyMMdd 或 2024年7月10日）")]
    public void Check_AsOfInAnotherFormat_SaysWhichFormatsAreAccepted(string lang, string expected)
    {
        using var project = new TempProject(TempProject.Small());
        var (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--as-of", "10/07/2024", "--lang", lang);
        Assert.Equal(2, exit);
        Assert.Equal(expected + NL, error);
    }

    [Theory]
    [InlineData("2024/7/10")]
    [InlineData("20240710")]
    [InlineData("2024年7月10日")]
    public void Check_AsOfInAnAcceptedFormat_IsThatDate(string asOf)
    {
        using var project = new TempProject(TempProject.Small());
        var (exit, output, _) = Run("check", project.Dir, "--out", project.Path_("out"), "--as-of", asOf, "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("; as of 2024-07-10; ", output);
    }

    [Fact]
    public void Check_FolderOfProjects_SaysToUseBatch()
    {
        using var root = new TempProject(new Dictionary<string, string>());
        foreach (var sub in new[] { "a/LY-1", "b" })
        {
            Directory.CreateDirectory(root.Path_(sub));
            File.WriteAllText(Path.Combine(root.Path_(sub), "project.json"), """{ "code": "X" }""");
        }
        var (exit, _, error) = Run("check", root.Dir, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {root.Dir}: missing required file 'project.json'; it holds 2 project folders (e.g. a/LY-1): to check them all, run 'payrollrecon batch {root.Dir}'" + NL, error);
        (exit, _, error) = Run("check", root.Dir, "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {root.Dir}: 缺少必需的文件 'project.json'；其下有 2 个项目文件夹（如 a/LY-1）：要全部检查，请运行 'payrollrecon batch {root.Dir}'" + NL, error);
    }

    [Fact]
    public void Inspect_MissingRequiredFile_ReportThenOneLineExitTwo()
    {
        var files = TempProject.Small();
        files.Remove("bank.csv");
        using var project = new TempProject(files);
        var (exit, output, error) = Run("inspect", project.Dir, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Contains("bank.csv: absent (required)" + NL, output);
        Assert.Contains("workers.csv: UTF-8", output);
        Assert.Equal($"payrollrecon: {project.Dir}: missing required file 'bank.csv'; the project cannot be checked" + NL, error);
        (exit, _, error) = Run("inspect", project.Dir, "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {project.Dir}: 缺少必需的文件 'bank.csv'；无法检查该项目" + NL, error);
    }

    [Fact]
    public void Inspect_Chinese_ReportInChinese()
    {
        var files = TempProject.Small();
        files["bank.csv"] = files["bank.csv"].Replace("T2,2024-02-07 10:00,D,300.00", "T2,2024-02-07 10:00,D,3.0.0", StringComparison.Ordinal);
        using var project = new TempProject(files);
        var (exit, output, error) = Run("inspect", project.Dir);
        Assert.Equal(1, exit);
        Assert.Equal("", error);
        long bytes = new FileInfo(project.Path_("bank.csv")).Length;
        Assert.Contains(string.Join(NL,
            $"bank.csv: UTF-8，{bytes} 字节，读取 3 行，拒绝 1 行",
            "  表头在第 1 行，逗号分隔；跳过表头前 0 行、表尾 0 行",
            "  格式: A（方向 + 金额）",
            "  列: txn_id → txn_id, time → time, direction → direction, amount → amount, balance → balance, counterparty_name → counterparty_name, counterparty_account → counterparty_account, memo → memo",
            "  bank.csv:3: 金额（amount）列：金额无效 '3.0.0'") + NL,
            System.Text.RegularExpressions.Regex.Replace(output, "  编码依据前 [0-9]+ 字节判定" + NL, ""));
        Assert.Contains("  编码依据前 ", output);
        Assert.Contains("payroll.csv: 无此文件" + NL, output);
    }

    [Fact]
    public void Inspect_UnreadableFile_ItsRefusalInItsPlaceThenTheFilesAfterItExitTwo()
    {
        var files = TempProject.Small();
        files["attendance.csv"] = "id_number,date\n110105199003070017,2024-01-08\n";
        using var project = new TempProject(files);
        long workers = new FileInfo(project.Path_("workers.csv")).Length, bank = new FileInfo(project.Path_("bank.csv")).Length;
        const string columns = "txn_id → txn_id, time → time, direction → direction, amount → amount, balance → balance, counterparty_name → counterparty_name, counterparty_account → counterparty_account, memo → memo";
        var (exit, output, error) = Run("inspect", project.Dir, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal(string.Join(NL,
            $"workers.csv: UTF-8, {workers} bytes, 2 rows read, 0 rejected",
            "  header on line 1, comma-separated; 0 preamble rows, 0 footer rows skipped",
            $"  encoding decided on the first {workers} bytes",
            "  columns: worker_id → worker_id, name → name, id_number → id_number, bank_account → bank_account, employer → employer, wage_type → wage_type, wage_rate → wage_rate",
            "attendance.csv: missing required column '考勤时间 / time' (found on line 1: id_number, date)",
            "payroll.csv: absent",
            $"bank.csv: UTF-8, {bank} bytes, 3 rows read, 0 rejected",
            "  header on line 1, comma-separated; 0 preamble rows, 0 footer rows skipped",
            $"  encoding decided on the first {bank} bytes",
            "  layout: A (direction + amount)",
            "  columns: " + columns,
            "batches.csv: absent",
            "calendar.csv: absent",
            "rulings.csv: absent") + NL, output);
        // On stderr the refusal as check words it.
        Assert.Equal("attendance.csv: missing required column '考勤时间 / time' (found on line 1: id_number, date)" + NL, error);
        Assert.Equal((2, "", error), Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "en"));

        (exit, output, error) = Run("inspect", project.Dir);
        Assert.Equal(2, exit);
        Assert.Equal(string.Join(NL,
            $"workers.csv: UTF-8，{workers} 字节，读取 2 行，拒绝 0 行",
            "  表头在第 1 行，逗号分隔；跳过表头前 0 行、表尾 0 行",
            $"  编码依据前 {workers} 字节判定",
            "  列: worker_id → worker_id, name → name, id_number → id_number, bank_account → bank_account, employer → employer, wage_type → wage_type, wage_rate → wage_rate",
            "attendance.csv: 缺少必需的列 '考勤时间 / time'（第 1 行的表头为：id_number, date）",
            "payroll.csv: 无此文件",
            $"bank.csv: UTF-8，{bank} 字节，读取 3 行，拒绝 0 行",
            "  表头在第 1 行，逗号分隔；跳过表头前 0 行、表尾 0 行",
            $"  编码依据前 {bank} 字节判定",
            "  格式: A（方向 + 金额）",
            "  列: " + columns,
            "batches.csv: 无此文件",
            "calendar.csv: 无此文件",
            "rulings.csv: 无此文件") + NL, output);
        Assert.Equal("attendance.csv: missing required column '考勤时间 / time' (found on line 1: id_number, date)" + NL, error);
    }

    [Fact]
    public void Inspect_TwoUnreadableFiles_BothInTheirPlaceTheFirstOnStderr()
    {
        var files = TempProject.Small();
        files["attendance.csv"] = "id_number,date\n110105199003070017,2024-01-08\n";
        files["calendar.csv"] = "date\n2024-01-01\n";
        using var project = new TempProject(files);
        var (exit, output, error) = Run("inspect", project.Dir, "--lang", "en");
        Assert.Equal(2, exit);
        var lines = output.Split(NL);
        Assert.Contains("attendance.csv: missing required column '考勤时间 / time' (found on line 1: id_number, date)", lines);
        Assert.Contains("calendar.csv: missing required column '类型 / kind' (found on line 1: date)", lines);
        Assert.Equal("rulings.csv: absent", lines[^2]);
        Assert.Equal("attendance.csv: missing required column '考勤时间 / time' (found on line 1: id_number, date)" + NL, error);
    }

    [Fact]
    public void Inspect_NoProjectJson_ExitTwo()
    {
        var files = TempProject.Small();
        files.Remove("project.json");
        using var project = new TempProject(files);
        var (exit, _, error) = Run("inspect", project.Dir, "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {project.Dir}: missing required file 'project.json'" + NL, error);
    }

    [Fact]
    public void Check_MissingColumn_NamesTheChineseColumnInEitherLanguage()
    {
        var files = TempProject.Small();
        files["workers.csv"] = "工号,姓名,工资卡号,用工单位,计薪方式,工资标准\nW1,张三,6222020200112233445,甲,daily,300\n";
        using var project = new TempProject(files);
        var (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal("workers.csv: missing required column '身份证号 / id_number' (found on line 1: 工号, 姓名, 工资卡号, 用工单位, 计薪方式, 工资标准)" + NL, error);
        (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal("workers.csv: 缺少必需的列 '身份证号 / id_number'（第 1 行的表头为：工号, 姓名, 工资卡号, 用工单位, 计薪方式, 工资标准）" + NL, error);
    }

    [Fact]
    public void Check_StrictBadRow_ReasonInTheRunsLanguage()
    {
        var files = TempProject.Small();
        files["bank.csv"] = files["bank.csv"].Replace("T2,2024-02-07 10:00,D,300.00", "T2,2024-02-07 10:00,D,3.0.0", StringComparison.Ordinal);
        using var project = new TempProject(files);
        var (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal("bank.csv:3: column amount: invalid amount '3.0.0'" + NL, error);
        (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal("bank.csv:3: 金额（amount）列：金额无效 '3.0.0'" + NL, error);
    }

    [Fact]
    public void Check_MissingFolder_EnglishUnlessZhIsGiven()
    {
        var (exit, _, error) = Run("check", "/nonexistent/project");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: /nonexistent/project: no such project folder" + NL, error);
        (exit, _, error) = Run("check", "/nonexistent/project", "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: /nonexistent/project: 项目文件夹不存在" + NL, error);
    }

    [Theory]
    [InlineData("en", "Reconcile one project folder: findings.csv, ledger.csv, summary.json, report.html, history.csv, resolved.csv.")]
    [InlineData("zh", "核对一个项目文件夹，写出 findings.csv、ledger.csv、summary.json、report.html、history.csv、resolved.csv。")]
    public void Help_Check_NamesEveryFileCheckWrites(string lang, string description)
    {
        // SPEC §7: history.csv and resolved.csv are written by every check, beside the four of SPEC §4.
        var (exit, output, _) = Run("check", "--help", "--lang", lang);
        Assert.Equal(0, exit);
        Assert.Equal("  " + description, output.ReplaceLineEndings("\n").Split('\n')[1]);
        (exit, output, _) = Run("--help", "--lang", lang);
        Assert.Equal(0, exit);
        Assert.Single(output.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("  check <project-dir>", StringComparison.Ordinal) && l.EndsWith(description, StringComparison.Ordinal));
    }

    [Fact]
    public void Inspect_Rows_ValuesSpelledAsTheInputsSpellThem()
    {
        var (exit, output, _) = Run("inspect", Path.Combine(RepoPaths.Fixtures, "sample-project"), "--rows", "1", "--lang", "en");
        // The sample's attendance.csv holds one row that cannot be read.
        Assert.Equal(1, exit);
        var rows = output.Split(NL).Where(static l => l.StartsWith("  {", StringComparison.Ordinal)).Select(static l => l.Trim()).ToArray();
        Assert.Equal(
        [
            """{"line":2,"workerId":"HN001","name":"王建国","idNumber":"410323********0316","bankAccount":"622848*********6280","employer":"河南某某劳务有限公司","wageType":"daily","wageRate":"360.00","entryDate":"2023-10-09"}""",
            """{"line":2,"idNumber":"410303********0135","time":"2024-01-02 07:16:22","direction":"in"}""",
            """{"line":2,"idNumber":"410322********0194","period":"2024-01","days":20,"gross":"6600.00","deductions":"150.00","net":"6450.00"}""",
            """{"line":2,"txnId":"20240102000001","date":"2024-01-02","time":"00:05:00","direction":"debit","amount":"3.00","balance":"185597.00","counterpartyName":"中国建设银行洛阳分行","counterpartyAccount":"","memo":"短信服务费"}""",
            """{"line":2,"batchId":"DF20240412001","bankAccount":"622848*********6280","name":"王建国","amount":"7200.00","status":"success"}""",
            """{"line":2,"date":"2024-01-01","kind":"holiday"}""",
        ], rows);
    }

    [Fact]
    public void Generate_SmallRun_SummaryInKilobytesAndTheSingular()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"generate-summary-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = Run("generate", dir, "--projects", "1", "--workers", "5", "--months", "2", "--seed", "1", "--lang", "en");
            Assert.Equal((0, ""), (exit, error));
            long bytes = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Sum(static f => new FileInfo(f).Length);
            Assert.True(bytes < 999_500, $"{bytes} bytes");
            Assert.Matches($@"^1 project, \d+ KB in \d+\.\d s \(\d+ (KB|MB)/s\){NL}$", output);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1 project, {bytes / 1e3:F0} KB in "), output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("generate")]
    public void Help_CommandsWithoutFailOn_ListNoExitCodeOne(string command)
    {
        var (exit, output, _) = Run(command, "--help", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.EndsWith(
            "Exit codes:\n  0    done\n  2    bad usage, or an input that cannot be read (one line on stderr)\n  3    internal error (a defect; please report it)\n  130  interrupted (Ctrl-C)\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_Root_SaysWhatExitCodeOneMeansForEachCommand()
    {
        var (exit, output, _) = Run("--help", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("\n  1    check, batch: a finding at or above --fail-on; inspect: some rows could not be read\n", output.ReplaceLineEndings("\n"));
        (_, output, _) = Run("--help", "--lang", "zh");
        Assert.Contains("\n  1    check、batch：有达到 --fail-on 等级的问题；inspect：有无法读取的行\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_Check_ListsTimingsExamplesAndExitCodes()
    {
        var (exit, output, _) = Run("check", "--help", "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Contains("--timings", output);
        Assert.Contains("Examples:" + "\n" + "  payrollrecon check fixtures/sample-project --out out/sample-project", output.ReplaceLineEndings("\n"));
        Assert.Contains("Exit codes:\n  0    done\n  1    a finding at or above --fail-on\n  2    bad usage, or an input that cannot be read (one line on stderr)\n  3    internal error (a defect; please report it)\n  130  interrupted (Ctrl-C)\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_Batch_JobsShowsOneDefault()
    {
        var (exit, output, _) = Run("batch", "--help", "--lang", "en");
        Assert.Equal(0, exit);
        var jobs = Assert.Single(output.ReplaceLineEndings("\n").Split('\n'), l => l.TrimStart().StartsWith("--jobs", StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(jobs, "default"));
        Assert.Contains("Exit codes:", output);
    }
}
