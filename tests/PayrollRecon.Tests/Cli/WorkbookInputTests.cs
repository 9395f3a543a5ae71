using PayrollRecon.Cli;
using PayrollRecon.Project;
using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Cli;

/// <summary>The CLI takes <c>bank.xlsx</c>, then <c>bank.xls</c>, where <c>bank.csv</c> is absent (SPEC §2.3), for every input kind.</summary>
public sealed class WorkbookInputTests
{
    private static readonly string[] WorkbookProjectFiles = ["workers.csv", "attendance.csv", "bank.xls"];

    private static string Workbook(string name) => Path.Combine(RepoPaths.Fixtures, "workbooks", name);

    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    /// <summary>The small project with its statement replaced by <c>fixtures/workbooks/rows.EXT</c> saved as <paramref name="bankName"/>.</summary>
    private static TempProject ProjectWithBank(string fixture, string bankName)
    {
        var files = TempProject.Small();
        files.Remove("bank.csv");
        var project = new TempProject(files);
        File.Copy(Workbook(fixture), project.Path_(bankName));
        return project;
    }

    [Theory]
    [InlineData("rows.xlsx", "bank.xlsx")]
    [InlineData("rows.xls", "bank.xls")]
    public void Check_BankWorkbook_FindingsCiteWorksheetRows(string fixture, string bankName)
    {
        using var project = ProjectWithBank(fixture, bankName);
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        string findings = File.ReadAllText(Path.Combine(project.Path_("out"), "findings.csv"));
        Assert.Contains($"{bankName}:13", findings);
        Assert.Contains($"{bankName}:17", findings);
        Assert.DoesNotContain("bank.csv", findings);
        string summary = File.ReadAllText(Path.Combine(project.Path_("out"), "summary.json"));
        Assert.Contains($"\"{bankName}\"", summary);
        Assert.Contains(bankName.EndsWith("xlsx", StringComparison.Ordinal) ? "\"xlsx\"" : "\"xls\"", summary);
    }

    [Fact]
    public void Check_StrictBankWorkbook_OneLineNamingTheWorksheetRow()
    {
        using var project = ProjectWithBank("rows.xlsx", "bank.xlsx");
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict");
        Assert.Equal(2, exit);
        Assert.Equal("bank.xlsx:13: column amount: invalid amount '0.30000000000000004'" + Environment.NewLine, error);
    }

    [Fact]
    public void Check_DamagedBankWorkbook_OneLineAndExitTwo()
    {
        using var project = ProjectWithBank("rows.xlsx", "bank.xlsx");
        File.WriteAllBytes(project.Path_("bank.xlsx"), Reading.WorkbookReaderTests.Damaged("truncated.xlsx"));
        var (exit, error) = Run("check", project.Dir, "--out", project.Path_("out"));
        Assert.Equal(2, exit);
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged or truncated)" + Environment.NewLine, error);
    }

    [Fact]
    public void Inputs_CsvAndWorkbookBoth_TheCsvWins()
    {
        using var project = new TempProject(TempProject.Small());
        File.Copy(Workbook("rows.xlsx"), project.Path_("bank.xlsx"));
        CheckInputs inputs = ProjectFolder.Inputs(project.Dir, new ProjectSettings { Code = "T" }, "T");
        Assert.Equal("bank.csv", inputs.Bank.Name);
    }

    [Theory]
    [InlineData(InputKind.Workers, "workers")]
    [InlineData(InputKind.Attendance, "attendance")]
    [InlineData(InputKind.Payroll, "payroll")]
    [InlineData(InputKind.Bank, "bank")]
    [InlineData(InputKind.Batches, "batches")]
    [InlineData(InputKind.Calendar, "calendar")]
    public void Locate_EveryKind_CsvThenXlsxThenXls(InputKind kind, string stem)
    {
        using var project = new TempProject(new Dictionary<string, string>());
        Assert.Null(ProjectFolder.Locate(project.Dir, kind));
        File.WriteAllText(project.Path_(stem + ".xls"), "");
        Assert.Equal(project.Path_(stem + ".xls"), ProjectFolder.Locate(project.Dir, kind));
        File.WriteAllText(project.Path_(stem + ".xlsx"), "");
        Assert.Equal(project.Path_(stem + ".xlsx"), ProjectFolder.Locate(project.Dir, kind));
        File.WriteAllText(project.Path_(stem + ".csv"), "");
        Assert.Equal(project.Path_(stem + ".csv"), ProjectFolder.Locate(project.Dir, kind));
    }

    [Fact]
    public void Batch_ProjectWithBankWorkbook_CountsItsBytesAndChecksIt()
    {
        using var project = ProjectWithBank("rows.xls", "bank.xls");
        var found = Assert.Single(BatchCommand.Discover(project.Dir, project.Path_("out")));
        long expected = WorkbookProjectFiles.Sum(n => new FileInfo(project.Path_(n)).Length);
        Assert.Equal(expected, found.InputBytes);
        // The output folder lies outside the root (here the project folder itself).
        string outDir = project.Dir + "-out";
        try
        {
            var (exit, error) = Run("batch", project.Dir, "--out", outDir);
            // Only the progress line: no project failed.
            Assert.Empty(StderrLines.BesidesProgress(error));
            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(outDir, "portfolio.csv")));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Inspect_BankWorkbook_ShowsFormatAndSheet()
    {
        using var project = ProjectWithBank("rows.xlsx", "bank.xlsx");
        var output = new StringWriter();
        Assert.Equal(1, InspectCommand.Execute(project.Dir, 5, output));
        Assert.Contains(
            $"bank.xlsx: xlsx (sheet '交易明细'), {new FileInfo(project.Path_("bank.xlsx")).Length} bytes, 9 rows read, 2 rejected\n" +
            "  header on line 3; 0 preamble rows, 0 footer rows skipped\n" +
            "  layout: A (direction + amount)\n" +
            "  columns: 交易时间 → time, 借贷标志 → direction, 交易金额 → amount, 对方户名 → counterparty_name, 摘要 → memo\n" +
            "  bank.xlsx:13: column amount: invalid amount '0.30000000000000004'\n" +
            "  bank.xlsx:17: column amount: invalid amount '12.3.4'\n",
            output.ToString().ReplaceLineEndings("\n"));
    }
}
