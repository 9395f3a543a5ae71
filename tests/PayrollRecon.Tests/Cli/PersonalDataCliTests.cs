using System.Text;

using PayrollRecon.Cli;

namespace PayrollRecon.Tests.Cli;

/// <summary>ID and card numbers in every output and message of the command line (SPEC §5), exactly as written.</summary>
public sealed class PersonalDataCliTests
{
    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    private const string Project = """{ "code": "T-0001", "name": "测试项目 110105199003070099", "contractor": "甲 6222-0212-3456-7890-999", "asOf": "2024-04-01", "payDay": 15 }""";

    /// <summary>Worker ids that hold an ID number (HN + 18) and a card, a card written with spaces inside a name, an
    /// ID in groups inside an employer; 李四 is unpaid so the findings name him.</summary>
    private static Dictionary<string, string> PersonalNumbersInFreeText() => new()
    {
        ["project.json"] = Project,
        ["workers.csv"] = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate\n" +
                          "HN110105199003070017,张三 6222 0212 3456 7890 123,110105199003070017,6222020200112233445,甲劳务有限公司,daily,300\n" +
                          "6222020200112233446,李四,110105199003070025,6222020200112233446,乙 110105 19900307 0033 劳务,daily,300\n",
        ["attendance.csv"] = "id_number,time\n" +
                             "110105199003070017,2024-01-08 07:30\n110105199003070017,2024-01-08 17:30\n" +
                             "110105199003070025,2024-01-08 07:30\n110105199003070025,2024-01-08 17:30\n",
        ["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                       "T1,2024-01-02 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                       "T2,2024-02-07 10:00,D,300.00,700.00,张三 6222 0212 3456 7890 123,6222020200112233445,2024年1月工资\n",
    };

    private static readonly string[] RawNumbers =
        ["110105199003070017", "110105199003070025", "110105199003070099", "6222020200112233446", "6222 0212 3456 7890 123", "6222-0212-3456-7890-999", "110105 19900307 0033"];

    private static string Read(string path) => File.ReadAllText(path, Encoding.UTF8);

    [Fact]
    public void Check_IdsAndCardsInWorkerIdsNamesAndEmployers_MaskedInFindingsAndLedger()
    {
        using var project = new TempProject(PersonalNumbersInFreeText());
        var outDir = project.Path_("out");

        Assert.Equal((0, ""), Run("check", project.Dir, "--out", outDir, "--lang", "zh"));

        Assert.Equal(
            "UNPAID,orange,T-0001,乙 110105 ******** 0033 劳务,622202*********3446,李四,110105********0025,2024-01,300.00,300.00,0.00,2024-02-15,,46,,,"
            + "李四 2024年1月工资 300.00 元未支付，应发日 2024-02-15，已逾期 46 天。",
            WithoutFollowUp(File.ReadAllLines(Path.Combine(outDir, "findings.csv"))[2]));
        Assert.Equal(
            [
                "worker_id,worker_name,id_number,employer,period,days,hours,due,due_source,due_date,paid,paid_on_time,outstanding,last_paid_date,status",
                "HN110105********0017,张三 6222 02** **** ***0 123,110105********0017,甲劳务有限公司,2024-01,1,10.00,300.00,computed,2024-02-15,300.00,300.00,0.00,2024-02-07,ok",
                "622202*********3446,李四,110105********0025,乙 110105 ******** 0033 劳务,2024-01,1,10.00,300.00,computed,2024-02-15,0.00,0.00,300.00,,unpaid",
            ],
            File.ReadAllLines(Path.Combine(outDir, "ledger.csv")));
        string report = Read(Path.Combine(outDir, "report.html"));
        Assert.Contains("<h1 id=\"project-name\">测试项目 110105********0099</h1>", report, StringComparison.Ordinal);
        Assert.Contains("<td>李四<small class=\"mono\">622202*********3446</small>", report, StringComparison.Ordinal);
        Assert.Contains("<td>乙 110105 ******** 0033 劳务</td>", report, StringComparison.Ordinal);
        Assert.Contains("<b>甲 6222-02**-****-***0-999</b>", report, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"测试项目 110105********0099\"", Read(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(outDir))
        {
            string text = Read(file);
            foreach (string raw in RawNumbers) Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_CardOrIdShiftedIntoTxnOrBatchId_MaskedLikeOneUnlessNoMask(bool mask)
    {
        // A column shifted in the export: 李四's card stands in batch_id, 张三's ID number in txn_id. Other transaction
        // ids stay as the bank wrote them, though 16-digit ones look like cards.
        var files = PersonalNumbersInFreeText();
        files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id\n" +
                            "T1,2024-01-02 09:00,C,1000.00,1000.00,某建设集团有限公司,41050100000000000009,人工费拨付,\n" +
                            "110105199003070017,2024-02-07 10:00,D,300.00,700.00,某建材有限公司,41050100000000000777,材料款,\n" +
                            "T3,2024-02-08 10:00,D,100.00,600.00,,,代发工资,6222020200112233446\n" +
                            "2024020900000004,2024-02-09 10:00,D,50.00,550.00,某建材有限公司,41050100000000000777,材料款,\n";
        using var project = new TempProject(files);
        var outDir = project.Path_("out");

        Assert.Equal((0, ""), Run(["check", project.Dir, "--out", outDir, .. (mask ? Array.Empty<string>() : ["--no-mask"])]));

        string findings = Read(Path.Combine(outDir, "findings.csv"));
        string report = Read(Path.Combine(outDir, "report.html"));
        string id = mask ? "110105********0017" : "110105199003070017";
        string card = mask ? "622202*********3446" : "6222020200112233446";
        var nonWage = findings.Split('\n').Where(l => l.StartsWith("NON_WAGE_DEBIT,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, nonWage.Count);
        Assert.Contains(nonWage, l => l.Contains($",{id},bank.csv:3,", StringComparison.Ordinal));
        Assert.Contains(nonWage, l => l.Contains(",2024020900000004,bank.csv:5,", StringComparison.Ordinal));
        var missing = Assert.Single(findings.Split('\n'), l => l.StartsWith("BATCH_DETAIL_MISSING,", StringComparison.Ordinal));
        Assert.Contains($"Batch {card} ", missing, StringComparison.Ordinal);
        Assert.Contains($"<small>{id}</small>", report, StringComparison.Ordinal);
        Assert.Contains($"Batch {card} ", report, StringComparison.Ordinal);
        Assert.Contains("<small>2024020900000004</small>", report, StringComparison.Ordinal);
        if (mask)
        {
            foreach (var file in Directory.EnumerateFiles(outDir))
            {
                string text = Read(file);
                Assert.DoesNotContain("6222020200112233446", text, StringComparison.Ordinal);
                Assert.DoesNotContain("110105199003070017", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Check_NoMask_ShowsTheNumbers()
    {
        using var project = new TempProject(PersonalNumbersInFreeText());
        var outDir = project.Path_("out");

        Assert.Equal((0, ""), Run("check", project.Dir, "--out", outDir, "--no-mask"));

        Assert.StartsWith(
            "UNPAID,orange,T-0001,乙 110105 19900307 0033 劳务,6222020200112233446,李四,110105199003070025,2024-01,",
            File.ReadAllLines(Path.Combine(outDir, "findings.csv"))[2], StringComparison.Ordinal);
        Assert.StartsWith(
            "HN110105199003070017,张三 6222 0212 3456 7890 123,110105199003070017,甲劳务有限公司,2024-01,",
            File.ReadAllLines(Path.Combine(outDir, "ledger.csv"))[1], StringComparison.Ordinal);
        Assert.Contains("\"name\": \"测试项目 110105199003070099\"", Read(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
        Assert.Contains("<b>甲 6222-0212-3456-7890-999</b>", Read(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_IdsInProjectNameAndFreeText_MaskedInPortfolio()
    {
        using var root = new TempProject(new Dictionary<string, string>());
        Directory.CreateDirectory(root.Path_("in/a"));
        foreach (var (name, content) in PersonalNumbersInFreeText()) File.WriteAllText(root.Path_("in/a/" + name), content);

        Assert.Equal(0, Run("batch", root.Path_("in"), "--out", root.Path_("out")).Exit);

        Assert.Equal(
            [
                "code,name,warning_level,red,orange,yellow,info,due,paid,outstanding,workers,employers_c,error",
                "T-0001,测试项目 110105********0099,red,1,1,0,0,600.00,300.00,300.00,2,1,",
            ],
            File.ReadAllLines(root.Path_("out/portfolio.csv")).Select(static l => string.Join(',', l.Split(',').Take(13))));
        string html = Read(root.Path_("out/portfolio.html"));
        Assert.Contains("<td>测试项目 110105********0099</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("110105199003070099", html, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root.Path_("out"), "*", SearchOption.AllDirectories))
        {
            string text = Read(file);
            foreach (string raw in RawNumbers) Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckAndBatch_HeaderlessRoster_CandidatesMaskedInStderrAndPortfolioUnlessNoMask()
    {
        using var root = new TempProject(new Dictionary<string, string>());
        Directory.CreateDirectory(root.Path_("in/p1"));
        var files = TempProject.Small();
        files["workers.csv"] = "W1,张三,110105199003070017,6222 0212 3456 7890 123,甲劳务有限公司,daily,300\n";
        foreach (var (name, content) in files) File.WriteAllText(root.Path_("in/p1/" + name), content);
        const string Masked = "missing required columns '姓名 / name', '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' "
                              + "(found on line 1: W1, 张三, 110105********0017, 6222 02** **** ***0 123, 甲劳务有限公司, daily, 300)";
        const string Unmasked = "missing required columns '姓名 / name', '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' "
                                + "(found on line 1: W1, 张三, 110105199003070017, 6222 0212 3456 7890 123, 甲劳务有限公司, daily, 300)";

        Assert.Equal((2, $"workers.csv: {Masked}\n"), Run("check", root.Path_("in/p1"), "--out", root.Path_("o1")));
        Assert.Equal((2, $"workers.csv: {Unmasked}\n"), Run("check", root.Path_("in/p1"), "--out", root.Path_("o2"), "--no-mask"));

        var (exit, error) = Run("batch", root.Path_("in"), "--out", root.Path_("b1"));
        Assert.Equal(2, exit);
        Assert.Equal([$"p1/workers.csv: {Masked}"], StderrLines.BesidesProgress(error));
        Assert.Equal($"T-0001,测试项目,,,,,,,,,,,\"p1/workers.csv: {Masked}\",,,,,,,,", File.ReadAllLines(root.Path_("b1/portfolio.csv"))[1]);
        Assert.Contains($"<td>p1/workers.csv: {Masked.Replace("'", "&#39;", StringComparison.Ordinal)}</td>", Read(root.Path_("b1/portfolio.html")), StringComparison.Ordinal);

        Run("batch", root.Path_("in"), "--out", root.Path_("b2"), "--no-mask");
        Assert.Equal($"T-0001,测试项目,,,,,,,,,,,\"p1/workers.csv: {Unmasked}\",,,,,,,,", File.ReadAllLines(root.Path_("b2/portfolio.csv"))[1]);
    }

    [Theory]
    [InlineData("6222 0212 3456 7890 123", "6222 02** **** ***0 123")]
    [InlineData("110105199003070033", "110105********0033")]
    [InlineData("HN11010519900307003X", "HN110105********003X")]
    public void Check_StrictBadValueThatIsAnIdOrCard_MaskedUnlessNoMask(string value, string masked)
    {
        // A shifted column puts an ID or card where an amount belongs: the message quotes it.
        var files = TempProject.Small();
        files["workers.csv"] += $"W3,王五,110105199003070033,6222020200112233447,甲劳务有限公司,daily,{value}\n";
        using var project = new TempProject(files);

        Assert.Equal(
            (2, $"workers.csv:4: column wage_rate: invalid amount '{masked}'\n"),
            Run("check", project.Dir, "--out", project.Path_("o"), "--strict"));
        Assert.Equal(
            (2, $"workers.csv:4: column wage_rate: invalid amount '{value}'\n"),
            Run("check", project.Dir, "--out", project.Path_("o"), "--strict", "--no-mask"));
    }

    [Fact]
    public void Inspect_NamesEmployersSheetsAndProblems_Masked()
    {
        var files = PersonalNumbersInFreeText();
        files["workers.csv"] += "W9,王五 110105 19900307 0041,11010519900307004,6222020200112233449,丙,daily,x\n";
        using var project = new TempProject(files);
        var output = new StringWriter();

        InspectCommand.Execute(project.Dir, 5, output, rows: 3);

        string text = output.ToString();
        Assert.Contains("  workers.csv:4: column wage_rate: invalid amount 'x'\n", text, StringComparison.Ordinal);
        Assert.Contains("\"workerId\":\"HN110105********0017\",\"name\":\"张三 6222 02** **** ***0 123\"", text, StringComparison.Ordinal);
        Assert.Contains("\"employer\":\"乙 110105 ******** 0033 劳务\"", text, StringComparison.Ordinal);
        foreach (string raw in RawNumbers) Assert.DoesNotContain(raw, text, StringComparison.Ordinal);
        Assert.DoesNotContain("110105 19900307 0041", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UsageErrorQuotingAnIdNumber_MaskedUnlessNoMask()
    {
        string missing = Path.Combine(Path.GetTempPath(), "110105199003070017");

        Assert.Equal((2, $"payrollrecon: {Path.GetTempPath()}110105********0017: no such project folder\n"), Run("check", missing));
        Assert.Equal((2, $"payrollrecon: {missing}: no such project folder\n"), Run("check", missing, "--no-mask"));
    }

    /// <summary>A findings.csv line without the follow-up columns of a first run (SPEC §7: status new, three empty, the id).</summary>
    private static string WithoutFollowUp(string line) => System.Text.RegularExpressions.Regex.Replace(line, ",new,,,,[0-9a-f]{16}$", "");
}
