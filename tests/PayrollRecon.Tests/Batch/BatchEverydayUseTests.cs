using System.Diagnostics;
using System.Text.RegularExpressions;
using PayrollRecon.Generation;
using Xunit.Abstractions;

namespace PayrollRecon.Tests.Batch;

/// <summary>The as-of dates of a batch are stated (console, portfolio.html) and a fallback to today is counted; the live
/// progress on a terminal labels its clocks.</summary>
public sealed partial class BatchEverydayUseTests(ITestOutputHelper log)
{
    private static readonly string NL = Environment.NewLine;

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = PayrollRecon.Cli.Program.Run(PayrollRecon.Cli.Program.BuildRoot(), args, error, output);
        // Without a terminal the progress is a plain line on stderr now and then: only the other lines are asserted.
        var lines = Cli.StderrLines.BesidesProgress(error.ToString()).Select(l => l + NL);
        return (exit, output.ToString(), string.Concat(lines));
    }

    private static void RemoveAsOf(string projectDir)
    {
        string path = Path.Combine(projectDir, "project.json");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith("\"asOf\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Batch_OneProject_SummarySaysProjectInTheSingular()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 1, Workers = 3, Months = 2, Seed = 2 });
        var (exit, output, error) = Run("batch", folder.Input, "--out", folder.Out("out"), "--lang", "en");
        Assert.Equal((0, ""), (exit, error));
        Assert.Matches($@"^1 project checked \(0 could not be read\) in \d+\.\d s; as of \d{{4}}-\d\d-\d\d; portfolio written to {Regex.Escape(folder.Out("out"))}{NL}$", output);
    }

    [Fact]
    public void Batch_AsOfDates_StatedOnTheConsoleAndInThePortfolio()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 3, Seed = 1 });
        var (exit, output, error) = Run("batch", folder.Input, "--out", folder.Out("out"), "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Matches($@"^2 projects checked \(0 could not be read\) in \d+\.\d s; as of 2024-04-15 to 2024-04-25; portfolio written to {Regex.Escape(folder.Out("out"))}{NL}$", output);
        var page = File.ReadAllText(Path.Combine(folder.Out("out"), "portfolio.html"));
        Assert.Contains("<b id=\"as-of\"><time datetime=\"2024-04-15\">2024-04-15</time> – <time datetime=\"2024-04-25\">2024-04-25</time></b>", page);

        (exit, output, _) = Run("batch", folder.Input, "--out", folder.Out("one"), "--as-of", "2024-05-01");
        Assert.Equal(0, exit);
        Assert.Matches($@"^已检查 2 个项目（0 个无法读取），用时 \d+\.\d 秒；截至 2024-05-01；汇总已写入 {Regex.Escape(folder.Out("one"))}{NL}$", output);
        Assert.Contains("<b id=\"as-of\"><time datetime=\"2024-05-01\">2024-05-01</time></b>", File.ReadAllText(Path.Combine(folder.Out("one"), "portfolio.html")));
    }

    [Fact]
    public void Batch_StderrNotATerminal_NoProgressUnlessAsked()
    {
        // SPEC §4: batch "shows progress on a terminal". Off one (a log, a pipe, a cluster job), a clean run leaves stderr
        // empty; --progress asks for the plain lines (every few seconds and one at the end).
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 3, Seed = 1 });
        var error = new StringWriter();
        Assert.Equal(0, PayrollRecon.Cli.Program.Run(PayrollRecon.Cli.Program.BuildRoot(), ["batch", folder.Input, "--out", folder.Out("quiet")], error, new StringWriter()));
        Assert.Equal("", error.ToString());

        error = new StringWriter();
        Assert.Equal(0, PayrollRecon.Cli.Program.Run(PayrollRecon.Cli.Program.BuildRoot(), ["batch", folder.Input, "--out", folder.Out("lines"), "--progress"], error, new StringWriter()));
        Assert.Matches($@"^(\d/2 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left [^\n]*{NL})*2/2 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left 00:00:00 \(of \d+ [KM]B\){NL}$", error.ToString());
        Assert.Equal(
            Directory.GetFiles(folder.Out("quiet"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Out("quiet"), f)).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder.Out("lines"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Out("lines"), f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_ProjectsWithoutAsOf_CountedInOneWarningLine()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 3, Workers = 5, Months = 3, Seed = 1 });
        RemoveAsOf(Path.Combine(folder.Input, "GEN-1-0001"));
        RemoveAsOf(Path.Combine(folder.Input, "GEN-1-0003"));
        string today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output, error) = Run("batch", folder.Input, "--out", folder.Out("out"), "--lang", "en");
        Assert.Equal(0, exit);
        Assert.Equal($"payrollrecon: warning: 2 of 3 projects have no as-of date (project.json has no 'asOf', no --as-of): checked as of today, {today}; their findings change with the day the check is run" + NL, error);
        Assert.Contains($"; as of 2024-04-15 to {today}; ", output);
        (_, _, error) = Run("batch", folder.Input, "--out", folder.Out("zh"), "--lang", "zh");
        Assert.Equal($"payrollrecon: 警告: 3 个项目中有 2 个未给出截至日期（project.json 没有 'asOf'，也没有 --as-of）：按今天 {today} 检查；其检查结果会随运行日期变化" + NL, error);
        // --as-of decides for every project: nothing falls back.
        (_, _, error) = Run("batch", folder.Input, "--out", folder.Out("given"), "--as-of", "2024-05-01", "--lang", "en");
        Assert.Equal("", error);
    }

    [Fact]
    public void Batch_BrokenProject_PortfolioRowInChineseStderrInEnglishUnlessZh()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 3, Seed = 1 });
        File.Delete(Path.Combine(folder.Input, "GEN-1-0002", "bank.csv"));
        var (exit, _, error) = Run("batch", folder.Input, "--out", folder.Out("out"));
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: GEN-1-0002: missing required file 'bank.csv'" + NL, error);
        Assert.Contains("GEN-1-0002: 缺少必需的文件 &#39;bank.csv&#39;", File.ReadAllText(Path.Combine(folder.Out("out"), "portfolio.html")).Replace("&#x27;", "&#39;", StringComparison.Ordinal));
        (exit, _, error) = Run("batch", folder.Input, "--out", folder.Out("zh"), "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: GEN-1-0002: 缺少必需的文件 'bank.csv'" + NL, error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Out("out"), "portfolio.csv")), File.ReadAllBytes(Path.Combine(folder.Out("zh"), "portfolio.csv")));
    }

    [GeneratedRegex(@"\x1B(\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")]
    private static partial Regex AnsiEscape();

    [Fact]
    public async Task Batch_OnATerminal_LiveProgressLabelsBothClocks()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script")) return;
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 4, Workers = 10, Months = 3, Seed = 5 });
        string cli = typeof(PayrollRecon.Cli.Program).Assembly.Location;
        string command = string.Join(' ', new[] { "dotnet", cli, "batch", folder.Input, "--out", folder.Out("out"), "--jobs", "1", "--lang", "en" }.Select(Quote));
        // script(1) runs the CLI under a pseudo-terminal: stderr is a terminal, so the live display is drawn.
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-qefc", command, "/dev/null" }) start.ArgumentList.Add(a);
        // Each worker pauses after a project (a test hook), so the display refreshes several times.
        start.Environment["PAYROLLRECON_BATCH_PAUSE_MS"] = "400";
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "160";
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120))) await child.WaitForExitAsync(timeout.Token);
        string screen = AnsiEscape().Replace(await stdout, "");
        log.WriteLine(screen);
        log.WriteLine(await stderr);
        Assert.Equal(0, child.ExitCode);
        Assert.Matches(@"4/4 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left 00:00:00 \(of \d+ [KM]B\)", screen);
        Assert.Contains("left ", screen);
        // Every clock on the screen carries its label: no bare hh:mm:ss beside the labelled ones.
        foreach (Match clock in Regex.Matches(screen, @"(?<![\d:])\d\d:\d\d:\d\d(?![\d:])"))
        {
            string before = screen[Math.Max(0, clock.Index - 8)..clock.Index];
            Assert.True(before.EndsWith("elapsed ", StringComparison.Ordinal) || before.EndsWith("left ", StringComparison.Ordinal), $"unlabelled clock at …{before}{clock.Value}");
        }
        Assert.Contains("4 projects checked (0 could not be read)", screen);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
