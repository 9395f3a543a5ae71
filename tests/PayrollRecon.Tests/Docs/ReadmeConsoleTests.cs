using PayrollRecon.Cli;
using PayrollRecon.Tests.Cli;

namespace PayrollRecon.Tests.Docs;

/// <summary>What the README shows the command line print is what it prints: the sample project's summary in both
/// languages, and the line of a row with a field too many.</summary>
public sealed class ReadmeConsoleTests
{
    private const string Prompt = "$ dotnet run --project src/PayrollRecon.Cli -c Release -- ";

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), args, error, output);
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Readme_SampleProjectSummary_IsWhatEachCommandLinePrints()
    {
        string readme = ReadmeCode.Readme;
        int start = readme.IndexOf("```\n" + Prompt, StringComparison.Ordinal) + "```\n".Length;
        var block = readme[start..readme.IndexOf("```\n", start, StringComparison.Ordinal)];
        // The first command of the README is the first of the block, as written.
        Assert.Contains("\n" + block.Split('\n')[0][2..] + "\n", readme, StringComparison.Ordinal);
        var runs = block.Split(Prompt, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, runs.Length);

        string outDir = Path.Combine(Path.GetTempPath(), "payrollrecon-readme-" + TempProject.UniqueName());
        try
        {
            foreach (var run in runs)
            {
                int lineEnd = run.IndexOf('\n', StringComparison.Ordinal);
                var args = run[..lineEnd].Split(' ')
                    .Select(a => a switch { "fixtures/sample-project" => Path.Combine(RepoPaths.Fixtures, "sample-project"), "out/sample-project" => outDir, _ => a })
                    .ToArray();
                var (exit, output, error) = Run(args);
                Assert.Equal(0, exit);
                Assert.Equal("", error);
                Assert.Equal(run[(lineEnd + 1)..], output.Replace(outDir, "out/sample-project", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public void Readme_ErrorModelFieldCount_IsWhatStrictPrints()
    {
        // The sample project with one field more on payroll.csv line 9 (and its one unreadable punch left out, so that
        // --strict reaches payroll.csv): the line the README's error model quotes.
        const string line = "payroll.csv:9: expected 7 fields, found 8";
        Assert.Contains($"`{line}`", ReadmeCode.Readme, StringComparison.Ordinal);

        var files = Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "sample-project"))
            .ToDictionary(static f => Path.GetFileName(f), static f => File.ReadAllText(f));
        var payroll = files["payroll.csv"].Split('\n');
        payroll[8] = payroll[8].TrimEnd('\r') + ",备注";
        files["payroll.csv"] = string.Join('\n', payroll);
        files["attendance.csv"] = string.Join('\n', files["attendance.csv"].Split('\n').Where(static l => !l.Contains("2024-03-32", StringComparison.Ordinal)));
        using var project = new TempProject(files);

        var (exit, _, error) = Run("check", project.Dir, "--out", project.Path_("out"), "--strict", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal(line + "\n", error);

        // A row one field short is read with the missing field empty (SPEC R36): no field count, but the empty net pay.
        payroll[8] = payroll[8][..payroll[8].LastIndexOf(',')];
        payroll[8] = payroll[8][..payroll[8].LastIndexOf(',')];
        files["payroll.csv"] = string.Join('\n', payroll);
        using var shortRow = new TempProject(files);
        (exit, _, error) = Run("check", shortRow.Dir, "--out", shortRow.Path_("out"), "--strict", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.Equal("payroll.csv:9: column net: missing value\n", error);
    }
}
