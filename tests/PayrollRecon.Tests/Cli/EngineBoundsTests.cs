using PayrollRecon.Cli;
using PayrollRecon.Model;

namespace PayrollRecon.Tests.Cli;

/// <summary>Bounds of the engine: sums of money past what long fen holds, a calendar of nothing but rest days.</summary>
public sealed class EngineBoundsTests
{
    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    private const string TooLarge = "a sum of amounts goes past 92 233 720 368 547 758.07 yuan here and cannot be held exactly";

    // 50,000,000,000,000,000.00 yuan is 5e18 fen: one fits in long, two do not.
    private const string Half = "50000000000000000.00";

    [Fact]
    public void Check_BankCreditsWhoseSumOverflows_NamesTheLine()
    {
        var files = TempProject.Small();
        files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                            $"T1,2024-01-02 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                            "T2,2024-01-03 09:00,C,1.00,,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                            $"T3,2024-01-04 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n";
        using var project = new TempProject(files);

        Assert.Equal((2, $"bank.csv:4: {TooLarge}\n"), Run("check", project.Dir, "--out", project.Path_("out")));
        Assert.False(Directory.Exists(project.Path_("out")) && Directory.EnumerateFiles(project.Path_("out")).Any());
    }

    [Fact]
    public void Check_PayrollRowsOfOneMonthWhoseSumOverflows_NamesTheLine()
    {
        var files = TempProject.Small();
        files["payroll.csv"] = "id_number,period,gross,deductions,net\n" +
                               $"110105199003070017,2024-01,{Half},0,{Half}\n" +
                               $"110105199003070017,2024-01,{Half},0,{Half}\n";
        using var project = new TempProject(files);

        Assert.Equal((2, $"payroll.csv:3: {TooLarge}\n"), Run("check", project.Dir, "--out", project.Path_("out")));
    }

    [Fact]
    public void Check_DueOfAWorkerMonthOverflows_NamesTheRosterLineAndMonth()
    {
        var files = TempProject.Small();
        files["workers.csv"] = files["workers.csv"].Replace("110105199003070025,6222020200112233446,甲劳务有限公司,daily,300", $"110105199003070025,6222020200112233446,甲劳务有限公司,daily,{Half}", StringComparison.Ordinal);
        files["attendance.csv"] += "110105199003070025,2024-01-09 07:30\n";
        using var project = new TempProject(files);

        Assert.Equal((2, $"workers.csv:3 (month 2024-01): {TooLarge}\n"), Run("check", project.Dir, "--out", project.Path_("out")));
        Assert.Equal((2, "workers.csv:3（2024-01 月）: 此处金额之和超过 92 233 720 368 547 758.07 元，无法精确表示\n"),
            Run("check", project.Dir, "--out", project.Path_("out"), "--lang", "zh"));
    }

    /// <summary>A worker-month whose due overflows (rate × days) and two bank credits whose sum does.</summary>
    private static Dictionary<string, string> MonthAndBankCreditsOverflow()
    {
        var files = TempProject.Small();
        files["workers.csv"] = files["workers.csv"].Replace("110105199003070025,6222020200112233446,甲劳务有限公司,daily,300", $"110105199003070025,6222020200112233446,甲劳务有限公司,daily,{Half}", StringComparison.Ordinal);
        files["attendance.csv"] += "110105199003070025,2024-01-09 07:30\n";
        files["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo\n" +
                            $"T1,2024-01-02 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n" +
                            $"T2,2024-01-04 09:00,C,{Half},,某建设集团有限公司,41050100000000000009,人工费拨付\n";
        return files;
    }

    [Fact]
    public void Check_DueOfAWorkerMonthAndBankCreditsOverflow_NamesTheWorkerMonth()
    {
        // The engine classifies bank lines before it makes the worker-months, but an overflow in both is reported in the
        // months, as when they came first.
        var files = MonthAndBankCreditsOverflow();
        using var project = new TempProject(files);

        Assert.Equal((2, $"workers.csv:3 (month 2024-01): {TooLarge}\n"), Run("check", project.Dir, "--out", project.Path_("out")));

        // Without the month's overflow the bank line is named.
        files["workers.csv"] = TempProject.Small()["workers.csv"];
        using var bankOnly = new TempProject(files);
        Assert.Equal((2, $"bank.csv:3: {TooLarge}\n"), Run("check", bankOnly.Dir, "--out", bankOnly.Path_("out")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Check_OverflowInTheMonthsOrTheBankLines_SamePlaceWhetherTheyAreMadeSideBySideOrNot(int threads)
    {
        // From two threads on, the bank lines are classified beside the worker-months being made; the place named is
        // the one a single thread names.
        var files = MonthAndBankCreditsOverflow();
        string Check(Dictionary<string, string> project)
        {
            using var dir = new TempProject(project);
            var options = new CheckOptions { MaxDegreeOfParallelism = threads };
            return Assert.Throws<PayrollDataException>(() => PayrollChecker.Check(ProjectFolder.Load(dir.Dir), options)).Message;
        }

        Assert.Equal($"workers.csv:3 (month 2024-01): {TooLarge}", Check(files));
        files["workers.csv"] = TempProject.Small()["workers.csv"];
        Assert.Equal($"bank.csv:3: {TooLarge}", Check(files));
    }

    [Fact]
    public void Check_ProjectTotalDueOverflows_NamesTheWorkerMonthWhereItDoes()
    {
        // Each worker's due fits; their sum in the summary does not.
        var files = TempProject.Small();
        files["payroll.csv"] = "id_number,period,gross,deductions,net\n" +
                               $"110105199003070017,2024-01,{Half},0,{Half}\n" +
                               $"110105199003070025,2024-01,{Half},0,{Half}\n";
        using var project = new TempProject(files);

        Assert.Equal((2, $"workers.csv:3 (month 2024-01): {TooLarge}\n"), Run("check", project.Dir, "--out", project.Path_("out")));
    }

    [Fact]
    public void Batch_SumOverflowsInOneProject_PortfolioNamesItsFolderAndLine()
    {
        using var root = new TempProject(new Dictionary<string, string>());
        var files = TempProject.Small();
        files["bank.csv"] += $"T4,2024-02-08 10:00,C,{Half},,甲,41050100000000000009,人工费拨付\nT5,2024-02-09 10:00,C,{Half},,甲,41050100000000000009,人工费拨付\n";
        Directory.CreateDirectory(root.Path_("in/a"));
        foreach (var (name, content) in files) File.WriteAllText(root.Path_("in/a/" + name), content);

        var (exit, error) = Run("batch", root.Path_("in"), "--out", root.Path_("out"));

        Assert.Equal(2, exit);
        // An error of the project's input starts with its path, as check's does.
        Assert.Equal([$"a/bank.csv:6: {TooLarge}"], StderrLines.BesidesProgress(error));
        Assert.Equal($"T-0001,测试项目,,,,,,,,,,,a/bank.csv:6: {TooLarge},,,,,,,,", File.ReadAllLines(root.Path_("out/portfolio.csv"))[1]);
    }

    [Fact]
    public void Check_HolidaysForMonthsBeforeThePayDay_DueDateBeforeThemAllAndNoDataError()
    {
        var files = TempProject.Small();
        var calendar = new System.Text.StringBuilder("date,kind\n");
        for (var d = new DateOnly(2023, 12, 1); d <= new DateOnly(2024, 12, 31); d = d.AddDays(1)) calendar.Append($"{d:yyyy-MM-dd},holiday\n");
        files["calendar.csv"] = calendar.ToString();
        using var project = new TempProject(files);
        var outDir = project.Path_("out");

        Assert.Equal((0, ""), Run("check", project.Dir, "--out", outDir, "--lang", "en"));

        // SPEC §3.1: the due date moves back to the previous working day, however far: every day from 2023-12-01 is a
        // holiday, so January's wages (pay day 2024-02-15) are due on Thursday 30 November 2023.
        var findings = File.ReadAllLines(Path.Combine(outDir, "findings.csv"));
        Assert.DoesNotContain(findings, static l => l.StartsWith("DATA_ERROR", StringComparison.Ordinal));
        Assert.All(File.ReadAllLines(Path.Combine(outDir, "ledger.csv")).Skip(1), l => Assert.Contains(",2023-11-30,", l, StringComparison.Ordinal));
    }
}
