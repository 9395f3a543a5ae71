using PayrollRecon.Cli;
using PayrollRecon.Generation;
using PayrollRecon.Reporting;
using PayrollRecon.Tests.Cli;

namespace PayrollRecon.Tests.Batch;

public sealed class BatchCommandTests
{
    private const string PortfolioHeader = "code,name,warning_level,red,orange,yellow,info,due,paid,outstanding,workers,employers_c,error,as_of,new,open,reopened,resolved,waived,oldest_open_days,top_codes";

    /// <summary>Two dialects in one root: English UTF-8 layout A, and Chinese GB18030 layout B with CRLF.</summary>
    private static void GenerateMixed(BatchFolder folder, int projectsEach = 4)
    {
        folder.Generate(new GeneratorOptions { Projects = projectsEach, Workers = 30, Months = 5, Seed = 5, DefectRate = 0.3 });
        folder.Generate(new GeneratorOptions
        {
            Projects = projectsEach, Workers = 30, Months = 5, Seed = 6, DefectRate = 0.3,
            ChineseHeaders = true, Gb18030 = true, BankLayoutB = true, Crlf = true,
        });
    }

    [Theory]
    [InlineData(1, 500, 1, 1)]   // a Slurm task of one CPU: one thread in all
    [InlineData(2, 500, 2, 1)]   // two projects side by side, each read on its own thread
    [InlineData(2, 1, 1, 2)]     // one large project: its attendance read in 2 parts
    [InlineData(8, 3, 3, 2)]     // 3 projects on 8 threads: 2 each (the 2 left over stay idle)
    [InlineData(4, 0, 1, 4)]     // nothing to check: one worker that finds nothing
    [InlineData(1000, 1, 1, 256)] // no more than a check accepts (CheckOptions.MaxDegreeOfParallelism ≤ 256)
    [InlineData(1000, 3, 3, 256)]
    public void Batch_Jobs_AreTheThreadBudget(int jobs, int projects, int workers, int attendanceThreads)
    {
        Assert.Equal((workers, attendanceThreads), BatchRunner.Threads(jobs, projects));
    }

    [Fact]
    public void Batch_JobsOneAndTwo_ByteIdenticalOutputs()
    {
        using var folder = new BatchFolder();
        GenerateMixed(folder);
        var (exit1, error1) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("j1"), "--jobs", "1");
        var (exit2, error2) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("j2"), "--jobs", "2");
        Assert.Equal(0, exit1);
        Assert.Equal(0, exit2);
        Assert.Empty(StderrLines.BesidesProgress(error1 + error2));

        var one = BatchFolder.Files(folder.Out("j1"));
        var two = BatchFolder.Files(folder.Out("j2"));
        // 8 projects × 6 files, plus portfolio.csv, portfolio.html and manifest.json.
        Assert.Equal(51, one.Count);
        Assert.Equal(one.Keys, two.Keys);
        foreach (var (file, bytes) in one) Assert.True(bytes.AsSpan().SequenceEqual(two[file]), $"{file} differs between --jobs 1 and --jobs 2");
        Assert.DoesNotContain(one.Keys, k => k.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Batch_TwoShards_UnionEqualsUnsharded()
    {
        using var folder = new BatchFolder();
        GenerateMixed(folder, projectsEach: 3);
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("all"), "--jobs", "2").Exit);
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s0"), "--shard", "0/2").Exit);
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s1"), "--shard", "1/2").Exit);

        var all = BatchFolder.Lines(Path.Combine(folder.Out("all"), "portfolio.csv"));
        var s0 = BatchFolder.Lines(Path.Combine(folder.Out("s0"), "portfolio.csv"));
        var s1 = BatchFolder.Lines(Path.Combine(folder.Out("s1"), "portfolio.csv"));
        Assert.Equal(PortfolioHeader, all[0]);
        Assert.Equal(all[0], s0[0]);
        Assert.Equal(all[0], s1[0]);
        Assert.Equal(7, all.Length);
        // Position in code order modulo 2: shard 0 has the 1st, 3rd and 5th project, shard 1 the others.
        Assert.Equal(all.Skip(1).Where((_, i) => i % 2 == 0), s0.Skip(1));
        Assert.Equal(all.Skip(1).Where((_, i) => i % 2 == 1), s1.Skip(1));
        Assert.Equal(all.Skip(1), s0.Skip(1).Concat(s1.Skip(1)).OrderBy(l => l, StringComparer.Ordinal));
        // Shards counted from 1: 2/2 is the class of 0 (≡ 2 mod 2), the same projects as 0/2.
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s2"), "--shard", "2/2").Exit);
        Assert.Equal(s0, BatchFolder.Lines(Path.Combine(folder.Out("s2"), "portfolio.csv")));

        static bool ProjectFile(string key) => key.Contains('/', StringComparison.Ordinal);
        var whole = BatchFolder.Files(folder.Out("all")).Where(f => ProjectFile(f.Key)).ToList();
        var union = BatchFolder.Files(folder.Out("s0")).Concat(BatchFolder.Files(folder.Out("s1")))
            .Where(f => ProjectFile(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(whole.Select(f => f.Key), union.Select(f => f.Key));
        for (int i = 0; i < whole.Count; i++) Assert.True(whole[i].Value.AsSpan().SequenceEqual(union[i].Value), whole[i].Key);
    }

    [Fact]
    public void Batch_ProjectJsonWithOddBytes_ThatProjectFailsWithOneLineTheOthersAreChecked()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 2, Seed = 9 });
        File.WriteAllBytes(Path.Combine(generated.Projects[1].Directory, "project.json"), [.. "{ \"code\": \"GEN-9-0002\", \"name\": \""u8, 0xFF, 0xE2, .. "\" }"u8]);

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"));

        Assert.Equal(2, exit);
        var failures = StderrLines.BesidesProgress(error);
        Assert.Equal(["GEN-9-0002/project.json: invalid text at line 1: byte 0xFF is neither UTF-8 nor GB18030 (save the file as UTF-8)"], failures);
        var portfolio = BatchFolder.Lines(Path.Combine(folder.Out("out"), "portfolio.csv"));
        Assert.Equal(3, portfolio.Length);
        Assert.StartsWith("GEN-9-0001,", portfolio[1]);
    }

    [Fact]
    public void Batch_StrictBadValueThatIsACardNumber_IsMaskedInStderrAndPortfolio()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 2, Seed = 9 });
        string bank = Path.Combine(generated.Projects[1].Directory, "bank.csv");
        var lines = File.ReadAllLines(bank).ToList();
        var cells = lines[1].Split(',');
        cells[3] = "6222020200112233446";
        lines.Insert(2, string.Join(',', cells));
        File.WriteAllLines(bank, lines);

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"), "--strict");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("6222020200112233446", error, StringComparison.Ordinal);
        Assert.Contains("'622202*********3446'", error, StringComparison.Ordinal);
        string portfolio = File.ReadAllText(Path.Combine(folder.Out("out"), "portfolio.csv"));
        Assert.DoesNotContain("6222020200112233446", portfolio, StringComparison.Ordinal);
        Assert.Contains("622202*********3446", portfolio, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_BrokenProjects_PortfolioCompletesAndSaysWhichAndWhy()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 4, Workers = 20, Months = 4, Seed = 8 });
        string p2 = generated.Projects[1].Directory, p3 = generated.Projects[2].Directory;
        File.WriteAllText(Path.Combine(p2, "project.json"), """{ "code": "GEN-8-0002", "payday": 15 }""");
        File.Delete(Path.Combine(p3, "bank.csv"));
        // A third kind of failure: a required column missing, met only when the roster is read.
        var roster = File.ReadAllLines(Path.Combine(generated.Projects[3].Directory, "workers.csv"));
        roster[0] = roster[0].Replace("id_number", "id", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(generated.Projects[3].Directory, "workers.csv"), roster);

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"), "--jobs", "2");

        Assert.Equal(2, exit);
        var failures = StderrLines.BesidesProgress(error);
        Assert.Equal(3, failures.Length);
        Assert.Equal("GEN-8-0002/project.json: unknown key 'payday' (did you mean 'payDay'?)", failures[0]);
        Assert.Equal("payrollrecon: GEN-8-0003: missing required file 'bank.csv'", failures[1]);
        Assert.StartsWith("GEN-8-0004/workers.csv: missing required column '身份证号 / id_number'", failures[2]);

        var portfolio = BatchFolder.Lines(Path.Combine(folder.Out("out"), "portfolio.csv"));
        Assert.Equal(5, portfolio.Length);
        Assert.StartsWith("GEN-8-0001,", portfolio[1]);
        Assert.Equal("", portfolio[1].Split(',')[12]);
        Assert.Equal("GEN-8-0002,,,,,,,,,,,,GEN-8-0002/project.json: unknown key 'payday' (did you mean 'payDay'?),,,,,,,,", portfolio[2]);
        Assert.StartsWith("GEN-8-0003,", portfolio[3]);
        Assert.EndsWith(",,,,,,,,,,,GEN-8-0003: missing required file 'bank.csv',,,,,,,,", portfolio[3]);
        Assert.Contains(",\"GEN-8-0004/workers.csv: missing required column '身份证号 / id_number'", portfolio[4]);

        var html = File.ReadAllText(Path.Combine(folder.Out("out"), "portfolio.html"));
        Assert.Contains("GEN-8-0003: missing required file &#39;bank.csv&#39;", html.Replace("&#x27;", "&#39;", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder.Out("out"), "GEN-8-0001", "report.html")));
        Assert.False(Directory.Exists(Path.Combine(folder.Out("out"), "GEN-8-0003")));
    }

    [Fact]
    public void Batch_SameCodeInTwoFolders_LaterFolderReportedNotRun()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 10, Months = 3, Seed = 2 });
        var copy = Path.Combine(folder.Input, "zz-copy");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.EnumerateFiles(generated.Projects[0].Directory)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"));

        Assert.Equal(2, exit);
        Assert.Contains("payrollrecon: zz-copy: project code 'GEN-2-0001' is also the code of GEN-2-0001" + Environment.NewLine, error);
        var portfolio = BatchFolder.Lines(Path.Combine(folder.Out("out"), "portfolio.csv"));
        Assert.Equal(3, portfolio.Length);
        Assert.Equal("", portfolio[1].Split(',')[12]);
        Assert.EndsWith(",zz-copy: project code 'GEN-2-0001' is also the code of GEN-2-0001,,,,,,,,", portfolio[2]);
    }

    [Fact]
    public void Batch_NestedFolders_FindsEveryProjectOnce()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 2, Workers = 10, Months = 3, Seed = 3 });
        // Group projects by city, as a regulator's archive would.
        var city = Path.Combine(folder.Input, "洛阳", "2024");
        Directory.CreateDirectory(city);
        Directory.Move(generated.Projects[1].Directory, Path.Combine(city, "GEN-3-0002"));
        var outDir = folder.Out("out");

        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", outDir).Exit);
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", outDir).Exit);

        var portfolio = BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv"));
        Assert.Equal(["GEN-3-0001", "GEN-3-0002"], portfolio.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["GEN-3-0001", "GEN-3-0002"], Directory.EnumerateDirectories(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_NoProjects_OneLineExitTwoNoPortfolio()
    {
        // A mistyped root or a wrong level is not a clean portfolio of zero projects.
        using var folder = new BatchFolder();
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"));
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {folder.Input}: no projects found (a project is a folder holding a project.json); nothing was checked" + Environment.NewLine, error);
        Assert.False(Directory.Exists(folder.Out("out")));
        (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"), "--lang", "zh");
        Assert.Equal(2, exit);
        Assert.Equal($"payrollrecon: {folder.Input}: 未找到任何项目（项目是含 project.json 的文件夹）；未检查任何内容" + Environment.NewLine, error);
    }

    [Fact]
    public void Batch_FailOnRed_ExitsOneWhenAProjectIsRed()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 2, Workers = 20, Months = 4, Seed = 4, DefectRate = 0.6 });
        Assert.Equal(1, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("o1"), "--fail-on", "red").Exit);
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("o2")).Exit);
    }

    [Theory]
    [InlineData("--shard", "3/2", "payrollrecon: --shard: expected I/N with 0 <= I <= N, got '3/2'")]
    [InlineData("--shard", "1", "payrollrecon: --shard: expected I/N with 0 <= I <= N, got '1'")]
    [InlineData("--jobs", "0", "payrollrecon: --jobs: expected a positive number, got 0")]
    public void Batch_BadOption_OneLineExitTwo(string option, string value, string expected)
    {
        using var folder = new BatchFolder();
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"), option, value);
        Assert.Equal(2, exit);
        Assert.Equal(expected + Environment.NewLine, error);
    }

    [Fact]
    public void Batch_MissingRoot_OneLineExitTwo()
    {
        var (exit, error) = BatchFolder.Run("batch", "/nonexistent/root");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: /nonexistent/root: no such folder" + Environment.NewLine, error);
    }

    [Fact]
    public void Write_CancelledBeforeRename_KeepsPreviousFilesAndLeavesNoTmp()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 10, Months = 3, Seed = 9 });
        var result = PayrollChecker.Check(ProjectFolder.Load(generated.Projects[0].Directory));
        var outDir = folder.Out("out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, ReportWriter.FindingsFileName), "previous run");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ProjectOutput.Write(result, outDir, new ReportOptions(), cancelled.Token));

        Assert.Equal([ReportWriter.FindingsFileName], Directory.EnumerateFiles(outDir).Select(Path.GetFileName));
        Assert.Equal("previous run", File.ReadAllText(Path.Combine(outDir, ReportWriter.FindingsFileName)));
    }

    [Fact]
    public void Write_LedgerBeside_SameFilesAsOneAfterAnother()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 40, Months = 4, Seed = 11, DefectRate = 0.3 });
        var result = PayrollChecker.Check(ProjectFolder.Load(generated.Projects[0].Directory));
        var one = folder.Out("one");
        var beside = folder.Out("beside");
        var timings = new CheckTimings();

        ProjectOutput.Write(result, one, new ReportOptions(), CancellationToken.None);
        ProjectOutput.Write(result, beside, new ReportOptions(), CancellationToken.None, timings, besideLedger: true);

        var names = Directory.EnumerateFiles(one).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(6, names.Length);
        Assert.Equal(names, Directory.EnumerateFiles(beside).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string name in names!) Assert.Equal(File.ReadAllBytes(Path.Combine(one, name!)), File.ReadAllBytes(Path.Combine(beside, name!)));
        Assert.Contains("write ledger.csv beside", timings.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_TwoFilesFail_TheErrorOfTheFirstInOrderAndNoFileLeft(bool besideLedger)
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 10, Months = 3, Seed = 9 });
        var result = PayrollChecker.Check(ProjectFolder.Load(generated.Projects[0].Directory));
        var outDir = folder.Out("out");
        // A folder where a temporary file is to be made: that file cannot be written. ledger.csv comes before summary.json.
        Directory.CreateDirectory(Path.Combine(outDir, ReportWriter.LedgerFileName + ".tmp"));
        Directory.CreateDirectory(Path.Combine(outDir, ReportWriter.SummaryFileName + ".tmp"));

        var e = Assert.ThrowsAny<IOException>(() => ProjectOutput.Write(result, outDir, new ReportOptions(), CancellationToken.None, besideLedger: besideLedger));

        Assert.Contains(ReportWriter.LedgerFileName + ".tmp", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(outDir));
    }

    [Fact]
    public void Write_LedgerBesideCancelledBeforeRename_LeavesNoTmp()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 10, Months = 3, Seed = 9 });
        var result = PayrollChecker.Check(ProjectFolder.Load(generated.Projects[0].Directory));
        var outDir = folder.Out("out");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ProjectOutput.Write(result, outDir, new ReportOptions(), cancelled.Token, besideLedger: true));

        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Theory]
    [InlineData("workers.csv: missing required column '身份证号 / id_number'", "P/workers.csv: missing required column '身份证号 / id_number'")]
    [InlineData("bank.csv:17: column amount: invalid amount '12.3.4'", "P/bank.csv:17: column amount: invalid amount '12.3.4'")]
    [InlineData("bank.xlsx:17: column amount: invalid amount '12.3.4'", "P/bank.xlsx:17: column amount: invalid amount '12.3.4'")]
    [InlineData("bank.xls: not a readable Excel workbook (damaged or truncated)", "P/bank.xls: not a readable Excel workbook (damaged or truncated)")]
    [InlineData("P: missing required file 'bank.csv'", "P: missing required file 'bank.csv'")]
    [InlineData("P/project.json: file is empty", "P/project.json: file is empty")]
    [InlineData("Access to the path is denied.", "P: Access to the path is denied.")]
    public void NameFolder_Message_NamesTheProjectFolder(string message, string expected)
    {
        var project = new BatchCommand.DiscoveredProject("/root/P", "P", "C-1", null, null, 0);
        Assert.Equal(expected, BatchRunner.NameFolder(project, message));
    }

    [Fact]
    public void Line_HalfDone_CountsProjectsBytesAndLabelledClocks()
    {
        var progress = new BatchProgress(total: 2, totalBytes: 4_000_000, new StringWriter(), interactive: false);
        var slot = progress.NewSlot();
        slot.Report(new CheckProgress("workers.csv", 1_000_000));
        slot.Report(new CheckProgress("bank.csv", 500_000));
        Assert.Matches(@"^0/2 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left \d\d:\d\d:\d\d \(of 4 MB\)$", progress.Line());
        progress.Completed(slot, 2_000_000);
        Assert.Matches(@"^1/2 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left \d\d:\d\d:\d\d \(of 4 MB\)$", progress.Line());
        progress.Completed(slot, 2_000_000);
        Assert.Matches(@"^2/2 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left 00:00:00 \(of 4 MB\)$", progress.Line());
    }

    [Fact]
    public void Line_SmallPortfolio_SizesInKilobytesBelowOneMegabyte()
    {
        var progress = new BatchProgress(total: 1, totalBytes: 42_317, new StringWriter(), interactive: false);
        Assert.Matches(@"^0/1 projects, 0 KB/s, elapsed \d\d:\d\d:\d\d, left \? \(of 42 KB\)$", progress.Line());
        progress.Completed(progress.NewSlot(), 42_317);
        Assert.Matches(@"^1/1 projects, \d+ [KM]B/s, elapsed \d\d:\d\d:\d\d, left 00:00:00 \(of 42 KB\)$", progress.Line());
        Assert.Equal(["0 KB", "999 KB", "1 MB", "1302 MB"], new[] { 0d, 999_499, 999_500, 1_302_400_000 }.Select(BatchProgress.Size));
    }

    [Fact]
    public void Line_Chinese_LabelledClocks()
    {
        var progress = new BatchProgress(total: 2, totalBytes: 4_000_000, new StringWriter(), interactive: false, PayrollRecon.Reporting.ReportLanguage.Zh);
        progress.Completed(progress.NewSlot(), 4_000_000);
        Assert.Matches(@"^0/2 个项目，\d+ [KM]B/s，已用 \d\d:\d\d:\d\d，剩余 \d\d:\d\d:\d\d（共 4 MB）$".Replace("0/2", "1/2"), progress.Line());
    }
}
