using System.Security.Cryptography;
using System.Text;

using PayrollRecon.Cli;
using PayrollRecon.Findings;
using PayrollRecon.Tests.Batch;
using PayrollRecon.Tests.Cli;
using PayrollRecon.Tests.Golden;
using PayrollRecon.Tests.Reading.Workbooks;

namespace PayrollRecon.Tests.FollowUp;

/// <summary>SPEC §7 edges: refusals, damaged previous folders, rulings as an input, waived findings, DATA_ERROR anchors.</summary>
public sealed class FollowUpTests
{
    private const string Unpaid = "T2,2024-02-07 10:00,D,300.00,700.00,张三,6222020200112233445,2024年1月工资\n";

    /// <summary>The small project with 李四 unpaid for January (UNPAID, HEADCOUNT_MISMATCH) and a payment to a firm (NON_WAGE_DEBIT).</summary>
    private static Dictionary<string, string> Owing()
    {
        var files = TempProject.Small();
        files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                            "T1,2024-01-02 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付\n" + Unpaid +
                            "T9,2024-02-20 10:00,D,100.00,600.00,某建材有限公司,41050100000000000777,材料款\n";
        return files;
    }

    private static string Id(string code, string worker, string period, string anchor) => FindingIds.Compute("T-0001", code, worker, period, anchor);

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void FindingIds_Compute_FirstSixteenHexOfSha256()
    {
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("T-0001|UNPAID|110105199003070025|2024-01|")))[..16];
        Assert.Equal(expected, Id("UNPAID", "110105199003070025", "2024-01", ""));
    }

    // The CLI runs below pass --no-mask: temporary folder names hold long digit runs, which error lines mask by default.
    [Fact]
    public void Check_PreviousOfAnotherProject_OneLineExitTwo()
    {
        using var project = new TempProject(Owing());
        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", project.Path_("m1")).Exit);
        File.WriteAllText(project.Path_("project.json"), """{ "code": "T-0002", "asOf": "2024-04-01", "payDay": 15 }""");

        var (exit, error) = BatchFolder.Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", project.Path_("m1"), "--no-mask");

        Assert.Equal(2, exit);
        Assert.Equal($"previous run {project.Path_("m1")}: is of project 'T-0001', not 'T-0002'" + Environment.NewLine, error);
        Assert.Equal($"上次运行 {project.Path_("m1")}: 属于项目 'T-0001'，不是 'T-0002'" + Environment.NewLine,
            InChinese("check", project.Dir, "--out", project.Path_("m2"), "--previous", project.Path_("m1"), "--no-mask"));
        Assert.False(Directory.Exists(project.Path_("m2")));
    }

    [Fact]
    public void Check_PreviousOfLaterAsOf_OneLineExitTwo()
    {
        using var project = new TempProject(Owing());
        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", project.Path_("m1")).Exit);

        var (exit, error) = BatchFolder.Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", project.Path_("m1"), "--as-of", "2024-03-01", "--no-mask");

        Assert.Equal(2, exit);
        Assert.Equal($"previous run {project.Path_("m1")}: is as of 2024-04-01, later than this run's 2024-03-01" + Environment.NewLine, error);
        Assert.Equal($"上次运行 {project.Path_("m1")}: 截至 2024-04-01，晚于本次的截至日期 2024-03-01" + Environment.NewLine,
            InChinese("check", project.Dir, "--out", project.Path_("m2"), "--previous", project.Path_("m1"), "--as-of", "2024-03-01", "--no-mask"));
    }

    /// <summary>The error line of a run with <c>--lang zh</c>.</summary>
    private static string InChinese(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(2, Program.Run(Program.BuildRoot(), [.. args, "--lang", "zh"], error, TextWriter.Null));
        return error.ToString();
    }

    [Theory]
    [InlineData("no-folder", "{0}: no such folder", "{0}: 文件夹不存在")]
    [InlineData("no-summary", "{0}: no summary.json (not the output folder of a check)", "{0}: 没有 summary.json（不是 check 的输出文件夹）")]
    [InlineData("summary-not-json", "{0}: summary.json: not valid JSON (line 1)", "{0} 的 summary.json: 不是有效的 JSON（第 1 行）")]
    [InlineData("summary-no-code", "{0}: summary.json: no project code", "{0} 的 summary.json: 没有项目编号")]
    [InlineData("history-bad-date", "{0}: history.csv:2: column first_seen: invalid date 'yesterday'", "{0} 的 history.csv:2: 首次发现（first_seen）列：日期无效 'yesterday'")]
    [InlineData("history-bad-id", "{0}: history.csv:2: invalid finding id 'not-an-id'", "{0} 的 history.csv:2: 无效的问题编号 'not-an-id'")]
    [InlineData("history-short-row", "{0}: history.csv:2: expected 10 fields, found 3", "{0} 的 history.csv:2: 应有 10 个字段，实有 3 个")]
    [InlineData("history-old-columns", "{0}: history.csv: no column 'status' (not written by a version that tracks finding ids)", "{0} 的 history.csv: 没有 'status' 列（写出它的版本不跟踪问题编号）")]
    [InlineData("findings-without-ids", "{0}: findings.csv: no column 'finding_id' (not written by a version that tracks finding ids)", "{0} 的 findings.csv: 没有 'finding_id' 列（写出它的版本不跟踪问题编号）")]
    [InlineData("history-runs-max", "{0}: history.csv:2: column runs_open: invalid count '2147483647'", "{0} 的 history.csv:2: 未销号次数（runs_open）列：次数无效 '2147483647'")]
    [InlineData("history-date-1899", "{0}: history.csv:2: column first_seen: invalid date '1899-12-31'", "{0} 的 history.csv:2: 首次发现（first_seen）列：日期无效 '1899-12-31'")]
    [InlineData("history-seen-later", "{0}: history.csv:2: column first_seen: date '2024-12-01' is after the run's as-of date 2024-04-01", "{0} 的 history.csv:2: first_seen 列：日期 '2024-12-01' 晚于该次运行的截至日期 2024-04-01")]
    [InlineData("history-unknown-code", "{0}: history.csv:2: column code: unknown finding code 'NOPE_CODE'", "{0} 的 history.csv:2: 问题代码（code）列：无法识别的问题代码 'NOPE_CODE'")]
    [InlineData("history-unknown-severity", "{0}: history.csv:2: column severity: unknown severity 'purple'", "{0} 的 history.csv:2: 级别列：无法识别的级别 'purple'")]
    public void Check_PreviousFolderDamaged_OneLineExitTwo(string damage, string message, string chinese)
    {
        using var project = new TempProject(Owing());
        string previous = project.Path_("m1");
        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", previous).Exit);
        string history = Path.Combine(previous, "history.csv");
        string header = File.ReadAllLines(history)[0];
        switch (damage)
        {
            case "no-folder": Directory.Delete(previous, recursive: true); break;
            case "no-summary": File.Delete(Path.Combine(previous, "summary.json")); break;
            case "summary-not-json": File.WriteAllText(Path.Combine(previous, "summary.json"), "<html>"); break;
            case "summary-no-code": File.WriteAllText(Path.Combine(previous, "summary.json"), """{ "asOf": "2024-04-01" }"""); break;
            case "history-bad-date": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,red,W2,2024-01,yesterday,2024-04-01,,1,new\n"); break;
            case "history-bad-id": File.WriteAllText(history, header + "\nnot-an-id,UNPAID,red,W2,2024-01,2024-04-01,2024-04-01,,1,new\n"); break;
            case "history-short-row": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,red\n"); break;
            // Before, the first was taken and overflowed as this run added one (blamed on a bank line's sum), the others
            // were carried on into resolved.csv and history.csv (negative days open, a code no run writes).
            case "history-runs-max": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,red,W2,2024-01,2024-04-01,2024-04-01,,2147483647,new\n"); break;
            case "history-date-1899": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,red,W2,2024-01,1899-12-31,2024-04-01,,1,new\n"); break;
            case "history-seen-later": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,red,W2,2024-01,2024-12-01,2024-04-01,,1,new\n"); break;
            case "history-unknown-code": File.WriteAllText(history, header + "\n0123456789abcdef,NOPE_CODE,red,W2,2024-01,2024-04-01,2024-04-01,,1,new\n"); break;
            case "history-unknown-severity": File.WriteAllText(history, header + "\n0123456789abcdef,UNPAID,purple,W2,2024-01,2024-04-01,2024-04-01,,1,new\n"); break;
            case "history-old-columns": File.WriteAllText(history, "id,code,severity,worker_id,period,first_seen,last_seen,resolved_on,runs_open\n"); break;
            case "findings-without-ids":
                File.Delete(history);
                File.WriteAllText(Path.Combine(previous, "findings.csv"), "code,severity,project\nUNPAID,red,T-0001\n");
                break;
        }

        var (exit, error) = BatchFolder.Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", previous, "--no-mask");

        Assert.Equal(2, exit);
        Assert.Equal(string.Format(message, "previous run " + previous) + Environment.NewLine, error);
        Assert.Equal(string.Format(chinese, "上次运行 " + previous) + Environment.NewLine,
            InChinese("check", project.Dir, "--out", project.Path_("m2"), "--previous", previous, "--no-mask"));
    }

    [Theory]
    [InlineData("history.csv")]
    [InlineData("findings.csv")]
    public void Check_PreviousTableCutAtALineEnd_RefusedByTheSummarysCount(string table)
    {
        // Before, a history cut after its header read cleanly: every finding came back new, none was resolved.
        using var project = new TempProject(Owing());
        string previous = project.Path_("m1");
        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", previous).Exit);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(previous, "summary.json")));
        long counted = summary.RootElement.GetProperty("counts").GetProperty("findings").GetInt64();
        Assert.True(counted > 1);
        if (table == "findings.csv") File.Delete(Path.Combine(previous, "history.csv"));
        string path = Path.Combine(previous, table);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^1]);

        var (exit, error) = BatchFolder.Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", previous, "--no-mask");

        Assert.Equal(2, exit);
        Assert.Equal($"previous run {previous}: {table}: lists {counted - 1} findings of that run, but its summary.json counts {counted} (a cut or edited file)" + Environment.NewLine, error);
    }

    [Fact]
    public void Check_PreviousWithoutHistory_ReadsIdsFromFindingsCsv()
    {
        using var project = new TempProject(Owing());
        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", project.Path_("m1")).Exit);
        File.Delete(project.Path_("m1/history.csv"));

        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", project.Path_("m2"), "--previous", project.Path_("m1")).Exit);

        var findings = FixtureTests.ReadCsv(File.ReadAllBytes(project.Path_("m2/findings.csv")));
        Assert.All(findings, f => Assert.Equal(("open", "2024-04-01", "2"), (f["status"], f["first_seen"], f["runs_open"])));
    }

    [Fact]
    public void Check_RulingsFalseAlarm_WaivedAndNotCountedForLevelGradesOrFailOn()
    {
        var files = TempProject.Small();
        files["bank.csv"] += "T9,2024-02-20 10:00,D,100.00,300.00,某建材有限公司,41050100000000000777,材料款\n";
        string nonWage = Id("NON_WAGE_DEBIT", "", "", "T9");
        files["rulings.csv"] = $"finding_id,ruling,reason,reviewer,date\n{nonWage},false_alarm,退还的保证金,刘,2024-04-02\n";
        using var project = new TempProject(files);

        var (exit, error) = BatchFolder.Run("check", project.Dir, "--out", project.Path_("out"), "--fail-on", "yellow");

        Assert.True(exit == 0, error);
        var row = Assert.Single(FixtureTests.ReadCsv(File.ReadAllBytes(project.Path_("out/findings.csv"))));
        Assert.Equal(("NON_WAGE_DEBIT", "waived", "false_alarm", nonWage), (row["code"], row["status"], row["ruling"], row["finding_id"]));
        string summary = File.ReadAllText(project.Path_("out/summary.json"));
        Assert.Contains("\"warningLevel\": \"green\"", summary);
        Assert.Contains("\"waived\": 1", summary);
        // The row stays, and so its count by code and by severity (§7 names only the level, the grades and --fail-on).
        var counted = PayrollChecker.Check(ProjectFolder.Load(project.Dir)).Summary;
        Assert.Equal(1, counted.CountsByCode[FindingCode.NonWageDebit]);
        Assert.Equal(1, counted.CountsBySeverity[Severity.Red]);
        Assert.Null(counted.WarningLevel);
        Assert.Contains("data-ruling=\"false_alarm\" data-matched=\"true\"", File.ReadAllText(project.Path_("out/report.html")));
    }

    [Fact]
    public void Check_RulingsBadRows_DataErrorsWithLineAndColumn()
    {
        var files = Owing();
        string nonWage = Id("NON_WAGE_DEBIT", "", "", "T9");
        files["rulings.csv"] = "finding_id,ruling,reason,reviewer,date\n" +
                               "xyz,confirmed,,刘,2024-04-02\n" +
                               $"{nonWage},maybe,,刘,2024-04-02\n" +
                               $"{nonWage},误报,,刘,2024-04-02\n" +
                               $"{nonWage},confirmed,,刘,2024-13-01\n" +
                               $"{nonWage.ToUpperInvariant()},核实属实,,刘,2024/4/2\n";
        using var project = new TempProject(files);

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.Equal(
        [
            "rulings.csv:2: column finding_id: invalid finding id 'xyz'",
            "rulings.csv:3: column ruling: unknown ruling 'maybe'",
            "rulings.csv:4: column reason: missing value (a false alarm needs a reason)",
            "rulings.csv:5: column date: invalid date '2024-13-01'",
        ], result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(4, result.Findings.Count(f => f.Code == FindingCode.DataError));
        var ruled = Assert.Single(result.Findings, f => f.Ruling is not null);
        Assert.Equal((nonWage, RulingKind.Confirmed, "rulings.csv:6"), (ruled.FindingId, ruled.Ruling!.Kind, ruled.Ruling.Source));
    }

    [Fact]
    public void Check_RulingsGb18030ChineseHeaderAndStaleRuling_ReadAndReported()
    {
        var files = Owing();
        using var project = new TempProject(files);
        string nonWage = Id("NON_WAGE_DEBIT", "", "", "T9");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(project.Path_("rulings.csv"), Encoding.GetEncoding("GB18030").GetBytes(
            $"问题编号,认定,理由,复核人,日期\r\n{nonWage},已说明,保证金退还,刘科长,2024年4月2日\r\n0123456789abcdef,已整改,,刘科长,2024-04-02\r\n"));

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.Equal(FindingStatus.Waived, Assert.Single(result.Findings, f => f.FindingId == nonWage).Status);
        var stale = Assert.Single(result.Findings, f => f.Code == FindingCode.StaleRuling);
        Assert.Equal((Severity.Info, "rulings.csv:3", "0123456789abcdef"), (stale.Severity, stale.Source, stale.Detail));
        Assert.Equal(Id("STALE_RULING", "", "", "0123456789abcdef"), stale.FindingId);
        Assert.Equal("GB18030", PayrollRecon.Reporting.SummaryJson.EncodingName(Assert.Single(result.Summary.Files, f => f.File == "rulings.csv").Encoding));
    }

    [Theory]
    // §7 names the columns and requires only a reason (of a false alarm): a ruling without a date is read, and a fix
    // ruled on no stated date, the finding still reported, is not confirmed.
    [InlineData("finding_id,ruling\n{0},fixed\n", true)]
    [InlineData("finding_id,ruling,reason,reviewer,date\n{0},fixed,,,\n", true)]
    [InlineData("finding_id,ruling,reason,reviewer,date\n{0},fixed,已退回,刘,2024-03-31\n", true)]
    // Ruled fixed after this run's date (2024-04-01): this run is not yet the next one.
    [InlineData("finding_id,ruling,reason,reviewer,date\n{0},fixed,已退回,刘,2024-04-05\n", false)]
    public void Check_RulingFixedWithOrWithoutDate_FixNotConfirmedUnlessRuledAfterTheRun(string rulings, bool notConfirmed)
    {
        var files = Owing();
        string nonWage = Id("NON_WAGE_DEBIT", "", "", "T9");
        files["rulings.csv"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, rulings, nonWage);
        using var project = new TempProject(files);

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.Empty(result.Diagnostics);
        var ruled = Assert.Single(result.Findings, f => f.FindingId == nonWage);
        Assert.Equal((RulingKind.Fixed, notConfirmed, "rulings.csv:2"), (ruled.Ruling!.Kind, ruled.FixNotConfirmed, ruled.Ruling.Source));
    }

    [Fact]
    public void Check_RulingsWorkbook_ReadLikeAnyInput()
    {
        var files = Owing();
        using var project = new TempProject(files);
        string nonWage = Id("NON_WAGE_DEBIT", "", "", "T9");
        File.WriteAllBytes(project.Path_("rulings.xlsx"), XlsxWriter.Write(WorkbookSheet.Dense("认定", [
            [WorkbookCell.Text("finding_id"), WorkbookCell.Text("ruling"), WorkbookCell.Text("reason"), WorkbookCell.Text("reviewer"), WorkbookCell.Text("date")],
            [WorkbookCell.Text(nonWage), WorkbookCell.Text("fixed"), WorkbookCell.Text("已退回"), WorkbookCell.Text("刘"), WorkbookCell.Date(new DateOnly(2024, 3, 20))],
            [WorkbookCell.Text(nonWage), WorkbookCell.Text("不知道"), null, WorkbookCell.Text("刘"), WorkbookCell.Date(new DateOnly(2024, 3, 20))],
        ])));

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        var ruled = Assert.Single(result.Findings, f => f.FindingId == nonWage);
        // Ruled fixed on 2024-03-20 and still reported as of 2024-04-01: the fix is not confirmed.
        Assert.Equal((RulingKind.Fixed, true, "rulings.xlsx:2"), (ruled.Ruling!.Kind, ruled.FixNotConfirmed, ruled.Ruling.Source));
        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError);
        Assert.Equal("rulings.xlsx:3", error.Source);
        string cells = string.Join('\t', nonWage, "不知道", "", "刘", "2024-03-20");
        Assert.Equal(Id("DATA_ERROR", "", "", "rulings.xlsx|" + Hex(cells)), error.FindingId);
    }

    [Fact]
    public void Check_FailedLineBeforeItsResend_TakesNoAnchorOrdinal()
    {
        // R39: a failed line takes part in nothing, so the line sent again after it is the first of its kind (n = 1),
        // as it is in a statement without the failed attempt; a second successful repeat is n = 2.
        var files = TempProject.Small();
        files["bank.csv"] = "time,direction,amount,counterparty_name,counterparty_account,memo,status\n" +
                            "2024-01-02 09:00,C,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付,\n" +
                            "2024-02-20 10:00,D,100.00,某建材有限公司,41050100000000000777,材料款,失败\n" +
                            "2024-02-20 10:05,D,100.00,某建材有限公司,41050100000000000777,材料款,成功\n" +
                            "2024-02-20 10:09,D,100.00,某建材有限公司,41050100000000000777,材料款,\n";
        using var project = new TempProject(files);

        var misuse = PayrollChecker.Check(ProjectFolder.Load(project.Dir)).Findings.Where(f => f.Code == FindingCode.NonWageDebit).ToList();

        Assert.Equal(
            new[] { Id("NON_WAGE_DEBIT", "", "", "2024-02-20|10000|41050100000000000777|1"), Id("NON_WAGE_DEBIT", "", "", "2024-02-20|10000|41050100000000000777|2") },
            misuse.OrderBy(f => f.Source, StringComparer.Ordinal).Select(f => f.FindingId));
        Assert.Equal(["bank.csv:4", "bank.csv:5"], misuse.Select(f => f.Source).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_DataErrorRowOfWorkbook_AnchoredOnItsCellsAsWritten()
    {
        // SPEC §7: "for an Excel row, its cells' text joined by tabs"; R32: "text as written", so the spaces a cell
        // holds around its text are part of it (the reader trims them from the values only).
        var files = TempProject.Small();
        files.Remove("bank.csv");
        using var project = new TempProject(files);
        string[] header = ["txn_id", "time", "direction", "amount", "counterparty_name", "counterparty_account", "memo"];
        string[] bad = ["T4", "2024-02-08 10:00", "D", "12.3.4", " 张三 ", "6222020200112233445", "退回 "];
        File.WriteAllBytes(project.Path_("bank.xlsx"), XlsxWriter.Write(WorkbookSheet.Dense("明细", [
            [.. header.Select(WorkbookCell.Text)],
            [WorkbookCell.Text("T1"), WorkbookCell.Text("2024-01-02 09:00"), WorkbookCell.Text("C"), WorkbookCell.Money(1000_00), WorkbookCell.Text("某建设集团有限公司"), WorkbookCell.Text("41050100000000000009"), WorkbookCell.Text("人工费拨付")],
            [.. bad.Select(WorkbookCell.Text)],
        ])));

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError);
        Assert.Equal("bank.xlsx:3", error.Source);
        Assert.Equal(Id("DATA_ERROR", "", "", "bank.xlsx|" + Hex(string.Join('\t', bad))), error.FindingId);
    }

    [Fact]
    public void Check_DataErrorRows_AnchoredOnTheRowBytesAsWritten()
    {
        var files = TempProject.Small();
        // A quoted row (its bytes as written, quotes included) and CRLF line ends (the break is not part of the row).
        string quoted = "\"T4\",\"2024-02-08 10:00\",\"D\",\"12.3.4\",\"\",\"张三\",\"6222020200112233445\",\"x\"";
        string plain = "T5,2024-02-09,D,abc,,李四,6222020200112233446,x";
        files["bank.csv"] = (files["bank.csv"] + quoted + "\n" + plain + "\n").Replace("\n", "\r\n");
        using var project = new TempProject(files);

        var errors = PayrollChecker.Check(ProjectFolder.Load(project.Dir)).Findings.Where(f => f.Code == FindingCode.DataError).ToList();

        Assert.Equal(
            new[] { Id("DATA_ERROR", "", "", "bank.csv|" + Hex(quoted)), Id("DATA_ERROR", "", "", "bank.csv|" + Hex(plain)) }.Order(),
            errors.Select(f => f.FindingId).Order());
    }

    [Fact]
    public void Check_DataErrorRowOfGb18030File_AnchoredOnItsGb18030Bytes()
    {
        // SPEC §7: "DATA_ERROR: file name|SHA-256 hex of the row's bytes as they stand in the file (without its line
        // break ...)". A GB18030 statement's row stands in the file as GB18030, not as the UTF-8 it is read into; a quoted
        // field holding a line break and Chinese text on both sides of it is part of the one row.
        var files = TempProject.Small();
        string bad = "T4,2024-02-08 10:00,D,12.3.4,,\"张\r\n三\",6222020200112233445,退回工资";
        string bank = (files["bank.csv"].Replace("\n", "\r\n")) + bad + "\r\n";
        using var project = new TempProject(files);
        var gb18030 = PayrollRecon.Reading.Gb18030Transcoder.Encoding;
        File.WriteAllBytes(project.Path_("bank.csv"), gb18030.GetBytes(bank));

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.Equal(PayrollRecon.Model.TextEncodingKind.Gb18030, result.Summary.Files.Single(f => f.File == "bank.csv").Encoding);
        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError);
        string rowHex = Convert.ToHexStringLower(SHA256.HashData(gb18030.GetBytes(bad)));
        Assert.Equal(Id("DATA_ERROR", "", "", "bank.csv|" + rowHex), error.FindingId);
    }

    [Theory]
    // A stray 0xFF; a lone 0x80; a lead byte before a comma; a four-byte sequence that maps to nothing; 0xFF twice.
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xC4 })]
    [InlineData(new byte[] { 0xFE, 0x39, 0xFE, 0x39 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xB9, 0xA4 })]
    public void Check_DataErrorRowWithInvalidGb18030Bytes_AnchoredOnItsBytesAsTheyStand(byte[] invalid)
    {
        // SPEC §7 hashes "the row's bytes as they stand in the file", invalid ones too: the reader keeps each invalid
        // byte behind its marker, so the row is given back exactly, around Chinese text of the same row.
        var files = TempProject.Small();
        using var project = new TempProject(files);
        var gb18030 = PayrollRecon.Reading.Gb18030Transcoder.Encoding;
        byte[] bad = [.. gb18030.GetBytes("T4,2024-02-08 10:00,D,12.00,,张三"), .. invalid, .. gb18030.GetBytes(",6222020200112233445,工资退回")];
        File.WriteAllBytes(project.Path_("bank.csv"), [.. gb18030.GetBytes(files["bank.csv"].Replace("\n", "\r\n")), .. bad, (byte)'\r', (byte)'\n']);

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        Assert.Equal(PayrollRecon.Model.TextEncodingKind.Gb18030, result.Summary.Files.Single(f => f.File == "bank.csv").Encoding);
        var error = Assert.Single(result.Findings, f => f.Code == FindingCode.DataError);
        Assert.Equal(PayrollRecon.Model.DiagnosticReason.InvalidGb18030, error.Diagnostic!.Reason);
        Assert.Equal(Id("DATA_ERROR", "", "", "bank.csv|" + Convert.ToHexStringLower(SHA256.HashData(bad))), error.FindingId);
    }

    [Fact]
    public void Check_MoreBadRowsThanListed_CountingFindingAnchoredOnTheFile()
    {
        var files = TempProject.Small();
        var payroll = new StringBuilder("id_number,period,gross,net\n");
        for (int i = 0; i < PayrollRecon.Reading.InputReader.MaxListedDiagnostics + 5; i++) payroll.Append("110105199003070017,2024-01,x").Append(i).Append(",300\n");
        files["payroll.csv"] = payroll.ToString();
        using var project = new TempProject(files);

        var result = PayrollChecker.Check(ProjectFolder.Load(project.Dir));

        var errors = result.Findings.Where(f => f.Code == FindingCode.DataError).ToList();
        Assert.Equal(PayrollRecon.Reading.InputReader.MaxListedDiagnostics + 1, errors.Count);
        Assert.Contains(errors, f => f.FindingId == Id("DATA_ERROR", "", "", "payroll.csv|unlisted"));
        Assert.Equal(errors.Count, errors.Select(f => f.FindingId).Distinct().Count());
    }

    [Fact]
    public void Check_NoPrevious_EveryFindingNewWithEmptyFollowUpColumns()
    {
        using var project = new TempProject(Owing());

        Assert.Equal(0, BatchFolder.Run("check", project.Dir, "--out", project.Path_("out")).Exit);

        var rows = FixtureTests.ReadCsv(File.ReadAllBytes(project.Path_("out/findings.csv")));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(("new", "", "", ""), (r["status"], r["first_seen"], r["runs_open"], r["ruling"])));
        Assert.Contains(rows, r => r["finding_id"] == Id("UNPAID", "110105199003070025", "2024-01", ""));
        Assert.Equal(["id,code,worker_id,period,first_seen,resolved_on,days_open"], BatchFolder.Lines(project.Path_("out/resolved.csv")));
        Assert.Equal(4, BatchFolder.Lines(project.Path_("out/history.csv")).Length);
    }

    [Fact]
    public void Batch_PreviousFolderOfAProjectDamaged_ThatProjectsPortfolioRow()
    {
        using var folder = new BatchFolder();
        folder.Generate(new PayrollRecon.Generation.GeneratorOptions { Projects = 2, Workers = 10, Months = 3, Seed = 3, DefectRate = 0.3 });
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("m1"), "--jobs", "1").Exit is 0 or 1 ? 0 : 2);
        var projects = Directory.GetDirectories(folder.Out("m1")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        File.WriteAllText(Path.Combine(folder.Out("m1"), projects[0]!, "summary.json"), "{");

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("m2"), "--jobs", "1", "--previous", folder.Out("m1"), "--no-mask");

        Assert.Equal(2, exit);
        string message = $"{projects[0]}: previous run {folder.Out("m1")}/{projects[0]}: summary.json: not valid JSON (line 1)";
        // An error of the project's input (its previous run): the line starts with the project's folder, no prefix.
        Assert.Equal([message], Cli.StderrLines.BesidesProgress(error));
        var portfolio = FixtureTests.ReadCsv(File.ReadAllBytes(Path.Combine(folder.Out("m2"), "portfolio.csv")));
        Assert.Equal(message, portfolio[0]["error"]);
        var chinese = new StringWriter();
        Assert.Equal(2, Program.Run(Program.BuildRoot(), ["batch", folder.Input, "--out", folder.Out("m3"), "--jobs", "1", "--previous", folder.Out("m1"), "--no-mask", "--lang", "zh"], chinese, TextWriter.Null));
        Assert.Equal([$"{projects[0]}: 上次运行 {folder.Out("m1")}/{projects[0]} 的 summary.json: 不是有效的 JSON（第 1 行）"], Cli.StderrLines.BesidesProgress(chinese.ToString()));
        Assert.Equal("", portfolio[1]["error"]);
        Assert.NotEqual("0", portfolio[1]["open"]);
    }
}
