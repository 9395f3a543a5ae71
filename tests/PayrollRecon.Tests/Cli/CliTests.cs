using System.Text.RegularExpressions;
using PayrollRecon.Cli;

namespace PayrollRecon.Tests.Cli;

public sealed class CliTests
{
    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    [Fact]
    public void Check_ValidProject_WritesAllOutputsAndExitsZero()
    {
        using var project = new TempProject(TempProject.Small());
        var outDir = project.Path_("out");
        var (exit, error) = Run("check", project.Dir, "--out", outDir);
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        foreach (var name in new[] { "findings.csv", "ledger.csv", "summary.json", "report.html" })
            Assert.True(File.Exists(Path.Combine(outDir, name)), name);
        Assert.Empty(Directory.EnumerateFiles(outDir, "*.tmp"));
    }

    [Fact]
    public void Check_HeaderOnlyFileWithBytesAfterIt_WarnsOnStderrAndInSummary()
    {
        var files = TempProject.Small();
        files["attendance.csv"] = "id_number,time\n\n\n";
        using var project = new TempProject(files);
        var outDir = project.Path_("out");
        var (exit, error) = Run("check", project.Dir, "--out", outDir);
        Assert.Equal(0, exit);
        Assert.Equal("payrollrecon: warning: attendance.csv: no rows after the header on line 1, though 2 bytes follow it\n", error.ReplaceLineEndings("\n"));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var attendance = summary.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "attendance.csv");
        Assert.Equal("attendance.csv: no rows after the header on line 1, though 2 bytes follow it", attendance.GetProperty("warning").GetString());
        Assert.False(attendance.TryGetProperty("encodingDecidedOnBytes", out _));
        var workers = summary.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "workers.csv");
        Assert.Equal(new FileInfo(project.Path_("workers.csv")).Length, workers.GetProperty("encodingDecidedOnBytes").GetInt64());
        Assert.False(workers.TryGetProperty("warning", out _));
    }

    [Fact]
    public void Check_Timings_SameOutputsAndExitZero()
    {
        using var project = new TempProject(TempProject.Small());
        Assert.Equal(0, Run("check", project.Dir, "--out", project.Path_("plain")).Exit);
        Assert.Equal(0, Run("check", project.Dir, "--out", project.Path_("timed"), "--timings").Exit);
        foreach (var name in new[] { "findings.csv", "ledger.csv", "summary.json", "report.html" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(project.Path_("plain"), name)), File.ReadAllBytes(Path.Combine(project.Path_("timed"), name)));
    }

    [Fact]
    public void Check_FailOn_ExitsOneOnlyAtOrAboveTheLevel()
    {
        // Without T3, W2 is unpaid for January 2024: due 2024-02-15 (Thursday), asOf 2024-04-01 → 46 days overdue
        // (UNPAID orange), and 1 of the 2 workers with attendance is unpaid (HEADCOUNT_MISMATCH red, R25).
        var files = TempProject.Small();
        files["bank.csv"] = string.Join('\n', files["bank.csv"].Split('\n').Where(l => !l.StartsWith("T3,", StringComparison.Ordinal)));
        using var project = new TempProject(files);
        Assert.Equal(1, Run("check", project.Dir, "--out", project.Path_("o1"), "--fail-on", "red").Exit);
        Assert.Equal(1, Run("check", project.Dir, "--out", project.Path_("o2"), "--fail-on", "orange").Exit);
        Assert.Equal(0, Run("check", project.Dir, "--out", project.Path_("o3")).Exit);
        // Before the due date nothing is in arrears.
        Assert.Equal(0, Run("check", project.Dir, "--out", project.Path_("o4"), "--fail-on", "yellow", "--as-of", "2024-02-10").Exit);
    }

    [Fact]
    public void Check_CleanProject_NoFindingsExitZeroWithFailOnYellow()
    {
        using var project = new TempProject(TempProject.Small());
        var outDir = project.Path_("out");
        Assert.Equal(0, Run("check", project.Dir, "--out", outDir, "--fail-on", "yellow").Exit);
        var lines = File.ReadAllLines(Path.Combine(outDir, "findings.csv"));
        Assert.Single(lines);
    }

    [Fact]
    public void Check_MissingFolder_OneLineAndExitTwo()
    {
        var (exit, error) = Run("check", "/nonexistent/project");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: /nonexistent/project: no such project folder" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("history.csv", "fifo")]
    [InlineData("summary.json", "fifo")]
    [InlineData("findings.csv", "fifo")]
    [InlineData("history.csv", "/dev/zero")]
    [InlineData("history.csv", "folder")]
    public async Task Check_PreviousRunFileNotRegular_OneLineNotAHang(string name, string what)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var project = new TempProject(TempProject.Small());
        string previous = project.Path_("prev");
        Assert.Equal(0, Run("check", project.Dir, "--out", previous).Exit);
        string path = Path.Combine(previous, name);
        File.Delete(path);
        string kind;
        if (what == "fifo")
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
            kind = "a named pipe";
        }
        else if (what == "folder")
        {
            Directory.CreateDirectory(path);
            kind = "a folder";
        }
        else
        {
            File.CreateSymbolicLink(path, what);
            kind = "a character device";
        }
        // Before, the open of a named pipe waited for a writer forever and /dev/zero was read without end.
        var result = await Task.Run(() => Run("check", project.Dir, "--out", project.Path_("next"), "--previous", previous)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal((2, $"{path}: not a regular file ({kind})" + Environment.NewLine), result);
    }

    [Fact]
    public void CheckAndInspect_ProjectPathIsAFile_SaidSo()
    {
        using var project = new TempProject(TempProject.Small());
        string file = Path.Combine(project.Dir, "workers.csv");
        Assert.Equal((2, $"payrollrecon: {file}: a file, not a project folder" + Environment.NewLine), Run("check", file));
        Assert.Equal((2, $"payrollrecon: {file}: a file, not a project folder" + Environment.NewLine), Run("inspect", file));
    }

    [Fact]
    public void Check_MissingBankFile_OneLineAndExitTwo()
    {
        var files = TempProject.Small();
        files.Remove("bank.csv");
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {project.Dir}: missing required file 'bank.csv'" + Environment.NewLine, error);
    }

    [Fact]
    public void Check_UnknownKeyInProjectJson_OneLineAndExitTwo()
    {
        var files = TempProject.Small();
        files["project.json"] = """{ "code": "T-0001", "payday": 15 }""";
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.Equal("project.json: unknown key 'payday' (did you mean 'payDay'?)" + Environment.NewLine, error);
    }

    [Theory]
    // Two files joined into one, and a byte order mark pasted between two keys.
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}', (byte)'\n', 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' },
        "project.json: invalid text at line 2: a byte order mark (U+FEFF) inside the file (only its first bytes may hold one; were two files joined?)")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'c', (byte)'o', (byte)'d', (byte)'e', (byte)'"', (byte)':', (byte)'"', (byte)'T', (byte)'"', (byte)',', 0xEF, 0xBB, 0xBF, (byte)'}' },
        "project.json: invalid text at line 1: a byte order mark (U+FEFF) inside the file (only its first bytes may hold one; were two files joined?)")]
    // A byte that is neither UTF-8 nor GB18030, and a lone surrogate escape: System.Text.Json throws InvalidOperationException on both when the string is read.
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'c', (byte)'o', (byte)'d', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xB2, 0xFF, (byte)'"', (byte)'}' },
        "project.json: invalid text at line 1: byte 0xB2 is neither UTF-8 nor GB18030 (save the file as UTF-8)")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'c', (byte)'o', (byte)'d', (byte)'e', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"', (byte)'}' },
        "project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half")]
    public void Check_OddBytesInProjectJson_OneLineAndExitTwo(byte[] json, string expected)
    {
        using var project = new TempProject(TempProject.Small());
        File.WriteAllBytes(project.Path_("project.json"), json);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(expected + Environment.NewLine, error);
        Assert.Equal(2, exit);
        var (inspectExit, inspectError) = Run("inspect", project.Dir);
        Assert.Equal(expected + Environment.NewLine, inspectError);
        Assert.Equal(2, inspectExit);
    }

    [Fact]
    public void Check_StrictWithBadAmount_StopsWithFileLineColumnMessage()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-08 10:00,D,12.3.4,,李四,6222020200112233446,工资\n";
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict");
        Assert.Equal(2, exit);
        Assert.Equal("bank.csv:5: column amount: invalid amount '12.3.4'" + Environment.NewLine, error);
        var (lenientExit, lenientError) = Run("check", project.Dir, "--out", project.Path_("out2"));
        Assert.Equal(0, lenientExit);
        Assert.Equal("", lenientError);
        Assert.Contains("DATA_ERROR", File.ReadAllText(Path.Combine(project.Path_("out2"), "findings.csv")));
    }

    [Fact]
    public void Check_MissingRequiredColumn_OneLineAndExitTwo()
    {
        var files = TempProject.Small();
        files["workers.csv"] = "worker_id,name,bank_account,employer,wage_type,wage_rate\nW1,张三,6222020200112233445,甲,daily,300\n";
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.StartsWith("workers.csv: missing required column '身份证号 / id_number'", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Check_StrictBadValueThatIsAnIdNumber_IsMaskedUnlessNoMask()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-08 10:00,D,110105199003070017,,李四,6222020200112233446,工资\n";
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict");
        Assert.Equal(2, exit);
        Assert.Equal("bank.csv:5: column amount: invalid amount '110105********0017'", error.Trim());
        var (_, unmasked) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict", "--no-mask");
        Assert.Equal("bank.csv:5: column amount: invalid amount '110105199003070017'", unmasked.Trim());
    }

    [Fact]
    public void Check_ControlCharactersInAMessage_AreNotSentToTheTerminal()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-08 10:00,D,\u001b[31m1,,李四,6222020200112233446,工资\n";
        using var project = new TempProject(files);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict");
        Assert.Equal(2, exit);
        Assert.Equal("bank.csv:5: column amount: invalid amount '?[31m1'", error.Trim());
    }

    [Fact]
    public void Check_HugeProjectJson_StopsAtTheSizeCapWithOneLine()
    {
        using var project = new TempProject(TempProject.Small());
        // 1.5 GB of zeros, sparse on disk: the read stops at the cap, not at the end.
        using (var huge = new FileStream(project.Path_("project.json"), FileMode.Create)) huge.SetLength(1_500_000_000);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.Equal("project.json: file is larger than 4194304 bytes", error.Trim());
    }

    [Fact]
    public void Check_ProjectJsonLinkedToDevZero_NotARegularFile()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var project = new TempProject(TempProject.Small());
        File.Delete(project.Path_("project.json"));
        File.CreateSymbolicLink(project.Path_("project.json"), "/dev/zero");
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.Equal("project.json: not a regular file (a link to a character device)" + Environment.NewLine, error);
    }

    /// <summary>A command line run as given, without the <c>--lang en</c> the other tests add.</summary>
    private static (int Exit, string Error) RunAsGiven(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), args, error);
        return (exit, error.ToString());
    }

    [Fact]
    public void Check_StrictBadAmountWithoutLang_TheSpecsLineInEnglish()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-08 10:00,D,12.3.4,,李四,6222020200112233446,工资\n";
        using var project = new TempProject(files);
        // SPEC §2.1: the line starts with the file name, in English, whatever the language of the reports.
        Assert.Equal((2, "bank.csv:5: column amount: invalid amount '12.3.4'\n"), RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--strict"));
        Assert.Equal((2, "bank.csv:5: 金额（amount）列：金额无效 '12.3.4'\n"), RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang", "zh"));
        Assert.Equal((2, "bank.csv:5: 金额（amount）列：金额无效 '12.3.4'\n"), RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang=zh"));
        Assert.Equal((2, "bank.csv:5: column amount: invalid amount '12.3.4'\n"), RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang", "en"));
    }

    [Fact]
    public void Check_BadUsageWithoutLang_EnglishWithThePrefix()
    {
        using var project = new TempProject(TempProject.Small());
        Assert.Equal((2, "payrollrecon: --as-of: invalid date '2024-13-01' (expected yyyy-MM-dd, e.g. 2024-07-10; also yyyy/M/d, yyyyMMdd or 2024年7月10日)\n"),
            RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--as-of", "2024-13-01"));
        Assert.Equal((2, "payrollrecon: unknown option '--bogus' for 'payrollrecon check' (see 'payrollrecon check --help')\n"), RunAsGiven("check", project.Dir, "--bogus"));
        Assert.Equal((2, "payrollrecon: --as-of: 日期无效 '2024-13-01'（应为 yyyy-MM-dd，例如 2024-07-10；也可写 yyyy/M/d、yyyyMMdd 或 2024年7月10日）\n"),
            RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--as-of", "2024-13-01", "--lang", "zh"));
    }

    [Fact]
    public void Check_NoEvidenceOfDirectionWithoutLang_TheLineOfR41()
    {
        var files = TempProject.Small();
        files["bank.csv"] = "交易日期,交易金额,对方户名\n2024-01-02,1000.00,某建设集团有限公司\n2024-02-07,300.00,张三\n";
        using var project = new TempProject(files);
        Assert.Equal((2, "bank.csv: no direction column (借贷, 收支 …), no debit/credit columns and no negative amounts: money out cannot be told from money in\n"),
            RunAsGiven("check", project.Dir, "--out", project.Path_("out")));
    }

    [Fact]
    public void Check_StatementOfAnotherAccountWithoutLang_TheLineOfR34()
    {
        var files = TempProject.Small();
        files["project.json"] = """{ "code": "T-0001", "asOf": "2024-04-01", "account": "6222020200005678" }""";
        files["bank.csv"] = "账号：6222****1234\n" + files["bank.csv"];
        using var project = new TempProject(files);
        Assert.Equal((2, "bank.csv: statement of account 6222****1234, not the project's account 622202******5678 (project.json 'account')\n"),
            RunAsGiven("check", project.Dir, "--out", project.Path_("out")));
        Assert.Equal((2, "bank.csv: statement of account 6222****1234, not the project's account 6222020200005678 (project.json 'account')\n"),
            RunAsGiven("check", project.Dir, "--out", project.Path_("out"), "--no-mask"));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "x", "--lang", "fr")]
    [InlineData("check", "x", "--fail-on", "purple")]
    [InlineData("frobnicate")]
    public void Run_BadUsage_ExitsTwoWithOneLine(params string[] args)
    {
        var (exit, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("payrollrecon: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Check_BadAsOf_ExitsTwo()
    {
        using var project = new TempProject(TempProject.Small());
        var (exit, error) = Run("check", project.Dir, "--as-of", "2024-13-01");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: --as-of: invalid date '2024-13-01' (expected yyyy-MM-dd, e.g. 2024-07-10; also yyyy/M/d, yyyyMMdd or 2024年7月10日)" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200/1/1")]
    [InlineData("99991231")]
    public void Check_AsOfOutsideTheYears_ExitsTwoSayingTheYears(string asOf)
    {
        using var project = new TempProject(TempProject.Small());
        Assert.Equal((2, $"payrollrecon: --as-of: date '{asOf}' is outside the years 1900–2199" + Environment.NewLine),
            Run("check", project.Dir, "--out", project.Path_("out"), "--as-of", asOf));
        Assert.Equal((2, $"payrollrecon: --as-of: 日期 '{asOf}' 不在 1900–2199 年之间" + Environment.NewLine),
            Run("check", project.Dir, "--out", project.Path_("out"), "--as-of", asOf, "--lang", "zh"));
        Assert.False(Directory.Exists(project.Path_("out")));
    }

    [Fact]
    public void Check_ProjectAsOfOutsideTheYears_ExitsTwoSayingTheYears()
    {
        var files = TempProject.Small();
        files["project.json"] = """{ "code": "T-0001", "asOf": "0001-01-01", "payDay": 15 }""";
        using var project = new TempProject(files);
        Assert.Equal((2, "project.json: asOf: date '0001-01-01' is outside the years 1900–2199" + Environment.NewLine),
            Run("check", project.Dir, "--out", project.Path_("out")));
    }
}

public sealed class InspectCommandTests
{
    [Fact]
    public void Inspect_ProjectWithBadRow_ListsEveryFileWithEncodingCountsAndTheProblem()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T4,2024-02-08 10:00,D,12.3.4,,李四,6222020200112233446,工资\n";
        files.Remove("attendance.csv");
        using var project = new TempProject(files);
        var output = new StringWriter();
        int exit = InspectCommand.Execute(project.Dir, 5, output);
        Assert.Equal(1, exit);
        Assert.Equal(
            $"workers.csv: UTF-8, {new FileInfo(project.Path_("workers.csv")).Length} bytes, 2 rows read, 0 rejected\n" +
            "  header on line 1, comma-separated; 0 preamble rows, 0 footer rows skipped\n" +
            $"  encoding decided on the first {new FileInfo(project.Path_("workers.csv")).Length} bytes\n" +
            "  columns: worker_id → worker_id, name → name, id_number → id_number, bank_account → bank_account, employer → employer, wage_type → wage_type, wage_rate → wage_rate\n" +
            "attendance.csv: absent\n" +
            "payroll.csv: absent\n" +
            $"bank.csv: UTF-8, {new FileInfo(project.Path_("bank.csv")).Length} bytes, 4 rows read, 1 rejected\n" +
            "  header on line 1, comma-separated; 0 preamble rows, 0 footer rows skipped\n" +
            $"  encoding decided on the first {new FileInfo(project.Path_("bank.csv")).Length} bytes\n" +
            "  layout: A (direction + amount)\n" +
            "  columns: txn_id → txn_id, time → time, direction → direction, amount → amount, balance → balance, counterparty_name → counterparty_name, counterparty_account → counterparty_account, memo → memo\n" +
            "  bank.csv:5: column amount: invalid amount '12.3.4'\n" +
            "batches.csv: absent\n" +
            "calendar.csv: absent\n" +
            "rulings.csv: absent\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Inspect_StatementWithPreambleAndFooter_SaysWhatItSaw()
    {
        var files = TempProject.Small();
        files.Remove("bank.csv");
        files["bank.csv"] = "中国银行交易流水明细单\n账号:,6222021234567890123\n起止日期:,2024-01-01 至 2024-03-31\n" +
                            "记账日期,金额,余额,对方账户名,对方卡号/账号,凭证号\n" +
                            "2024-02-07,-300.00,700.00,张三,6222020200112233445,000000000\n" +
                            "2024-01-02,+1000.00,1000.00,某建设集团有限公司,41050100000000000009,000000000\n" +
                            "人民币合计,,,\"1,300.00 \"\n";
        using var project = new TempProject(files);
        var output = new StringWriter();
        Assert.Equal(0, InspectCommand.Execute(project.Dir, 5, output, rows: 1));
        string bank = output.ToString().ReplaceLineEndings("\n");
        bank = bank[bank.IndexOf("bank.csv:", StringComparison.Ordinal)..bank.IndexOf("batches.csv:", StringComparison.Ordinal)];
        Assert.Equal(
            $"bank.csv: UTF-8, {new FileInfo(project.Path_("bank.csv")).Length} bytes, 2 rows read, 0 rejected\n" +
            "  header on line 4, comma-separated; 3 preamble rows, 1 footer rows skipped\n" +
            $"  encoding decided on the first {new FileInfo(project.Path_("bank.csv")).Length} bytes\n" +
            "  preamble: 中国银行交易流水明细单\n" +
            "  preamble: 账号: 622202*********0123\n" +
            "  preamble: 起止日期: 2024-01-01 至 2024-03-31\n" +
            "  statement account (preamble): 622202*********0123\n" +
            "  statement period (preamble): 2024-01-01 to 2024-03-31\n" +
            "  layout: C (signed amount); listed newest first (read in reverse, R40)\n" +
            "  columns: 记账日期 → date, 金额 → amount, 余额 → balance, 对方账户名 → counterparty_name, 对方卡号/账号 → counterparty_account\n" +
            "  ignored: 凭证号\n" +
            "  {\"line\":5,\"txnId\":\"\",\"date\":\"2024-02-07\",\"direction\":\"debit\",\"amount\":\"300.00\",\"balance\":\"700.00\",\"counterpartyName\":\"张三\",\"counterpartyAccount\":\"622202*********3445\",\"memo\":\"\"}\n",
            bank);
    }

    [Fact]
    public void Inspect_CleanProject_ReportsEveryFileAndExitsZero()
    {
        using var project = new TempProject(TempProject.Small());
        var output = new StringWriter();
        Assert.Equal(0, InspectCommand.Execute(project.Dir, 5, output));
        string text = output.ToString().ReplaceLineEndings("\n");
        // Every input kind is reported: read, rejected, header line and columns for those present, absent for the rest.
        foreach (var file in new[] { "workers.csv", "attendance.csv", "bank.csv" })
        {
            long bytes = new FileInfo(project.Path_(file)).Length;
            Assert.Matches($"(?m)^{Regex.Escape(file)}: UTF-8, {bytes} bytes, [1-9][0-9]* rows read, 0 rejected$", text);
        }
        Assert.Contains("  header on line 1, comma-separated; 0 preamble rows, 0 footer rows skipped\n", text);
        Assert.Contains("payroll.csv: absent\n", text);
        Assert.DoesNotContain("rejected\n  workers.csv:", text);
    }
}
