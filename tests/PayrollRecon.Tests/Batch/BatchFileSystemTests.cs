using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using PayrollRecon.Generation;

namespace PayrollRecon.Tests.Batch;

/// <summary>What <c>batch</c> does with what it finds on disk: bad and special files, links, look-alike codes, and a
/// shared or misplaced <c>--out</c> (README, batch section).</summary>
public sealed class BatchFileSystemTests
{
    private static readonly string[] ProjectOutputs = ["findings.csv", "history.csv", "ledger.csv", "report.html", "resolved.csv", "summary.json"];

    /// <summary>A copy of a generated project in a new folder under the root, with its own code.</summary>
    private static string CopyProject(BatchFolder folder, GeneratedProject from, string folderName, string code)
    {
        string dir = Path.Combine(folder.Input, folderName);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.EnumerateFiles(from.Directory)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(dir, "project.json"), $$"""{ "code": "{{code}}", "asOf": "2024-07-01" }""");
        return dir;
    }

    /// <summary>The lines of stderr that are neither progress nor warnings: one per project that could not be checked.</summary>
    private static List<string> Failures(string error) =>
        Cli.StderrLines.BesidesProgress(error).Where(l => !l.StartsWith("payrollrecon: warning:", StringComparison.Ordinal)).ToList();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public void Batch_BadProjectsAmongGoodOnes_EachIsOneRowNamingItsFolderTheRestComplete()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new BatchFolder();
        var good = folder.Generate(new GeneratorOptions { Projects = 3, Workers = 8, Months = 3, Seed = 21 });
        var source = good.Projects[0];

        // Saved by a Chinese Windows editor: GB18030, no byte order mark. Read, not refused.
        string gbk = CopyProject(folder, source, "gbk", "GBK-1");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(gbk, "project.json"), Encoding.GetEncoding(54936).GetBytes("""{ "code": "GBK-1", "name": "洛阳市某安置房项目", "contractor": "某建设集团有限公司" }"""));

        File.WriteAllText(Path.Combine(CopyProject(folder, source, "bad/surrogate", "X-1"), "project.json"), """{ "code": "X-1", "name": "\ud800" }""");
        File.Delete(Path.Combine(CopyProject(folder, source, "bad/no-bank", "X-2"), "bank.csv"));
        string fifo = Path.Combine(CopyProject(folder, source, "bad/fifo", "X-3"), "bank.csv");
        File.Delete(fifo);
        MakeFifo(fifo);
        string devZero = Path.Combine(CopyProject(folder, source, "bad/dev-zero", "X-4"), "bank.csv");
        File.Delete(devZero);
        File.CreateSymbolicLink(devZero, "/dev/zero");
        string folderAsFile = Path.Combine(CopyProject(folder, source, "bad/folder", "X-5"), "workers.csv");
        File.Delete(folderAsFile);
        Directory.CreateDirectory(folderAsFile);
        string passwd = Path.Combine(CopyProject(folder, source, "bad/passwd", "X-6"), "workers.csv");
        File.Delete(passwd);
        File.CreateSymbolicLink(passwd, "/etc/passwd");
        string fifoJson = Path.Combine(CopyProject(folder, source, "bad/fifo-json", "X-7"), "project.json");
        File.Delete(fifoJson);
        MakeFifo(fifoJson);
        string socket = Path.Combine(CopyProject(folder, source, "bad/socket", "X-8"), "attendance.csv");
        File.Delete(socket);
        // A socket's file lasts as long as the socket bound to it.
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        // A link inside the project folder is followed.
        string inside = CopyProject(folder, source, "linked", "LINKED-1");
        Directory.CreateDirectory(Path.Combine(inside, "2024"));
        File.Move(Path.Combine(inside, "bank.csv"), Path.Combine(inside, "2024", "statement.csv"));
        File.CreateSymbolicLink(Path.Combine(inside, "bank.csv"), Path.Combine("2024", "statement.csv"));

        var outDir = folder.Out("out");
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir, "--jobs", "2");

        Assert.Equal(2, exit);
        Assert.Equal(
        [
            "bad/dev-zero/bank.csv: not a regular file (a link to a character device)",
            "bad/fifo-json/project.json: not a regular file (a named pipe)",
            "bad/fifo/bank.csv: not a regular file (a named pipe)",
            "bad/folder/workers.csv: not a regular file (a folder)",
            "bad/passwd/workers.csv: a link to a file outside the project folder (not read)",
            "bad/socket/attendance.csv: not a regular file (a socket)",
            "bad/surrogate/project.json: invalid string at line 1: '\\ud800' is half of a UTF-16 surrogate pair, with no other half",
            // Not an error of an input file: the folder lacks one.
            "payrollrecon: bad/no-bank: missing required file 'bank.csv'",
        ], Failures(error).Order(StringComparer.Ordinal));

        var portfolio = BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv"));
        Assert.Equal(1 + 3 + 2 + 8, portfolio.Length);
        Assert.Contains(portfolio, l => l.StartsWith("GBK-1,洛阳市某安置房项目,", StringComparison.Ordinal) && l.Split(',')[12].Length == 0);
        Assert.Contains(portfolio, l => l.StartsWith("LINKED-1,", StringComparison.Ordinal) && l.Split(',')[12].Length == 0);
        // A project whose settings were read keeps its code in the portfolio; one whose project.json was not, its folder.
        Assert.Contains("X-4,,,,,,,,,,,,bad/dev-zero/bank.csv: not a regular file (a link to a character device),,,,,,,,", portfolio);
        Assert.Contains("bad/fifo-json,,,,,,,,,,,,bad/fifo-json/project.json: not a regular file (a named pipe),,,,,,,,", portfolio);
        foreach (var code in good.Projects.Select(p => p.Code).Append("GBK-1").Append("LINKED-1"))
            Assert.Equal(ProjectOutputs, Directory.EnumerateFiles(Path.Combine(outDir, code)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // Five project folders, the portfolio's two files and manifest.json.
        Assert.Equal(5 + 2 + 1, Directory.EnumerateFileSystemEntries(outDir).Count());
    }

    [Fact]
    public void Batch_LinksToFolders_NeverFollowedLoopsEndOutsideIsARow()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 22 });
        string outside = folder.Out("elsewhere");
        var elsewhere = ProjectGenerator.Generate(outside, new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 23 });
        // Two loops (each would double the walk at every level) and a link to the root's parent.
        Directory.CreateDirectory(Path.Combine(folder.Input, "a"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Input, "a", "loop1"), folder.Input);
        Directory.CreateSymbolicLink(Path.Combine(folder.Input, "a", "loop2"), Path.Combine(folder.Input, "a"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Input, "up"), folder.Root);
        Directory.CreateSymbolicLink(Path.Combine(folder.Input, "ext"), elsewhere.Projects[0].Directory);
        Directory.CreateSymbolicLink(Path.Combine(folder.Input, "same"), generated.Projects[0].Directory);

        var outDir = folder.Out("out");
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Equal(
        [
            "payrollrecon: ext: a link to a folder outside the root (not followed)",
            "payrollrecon: up: a link to a folder outside the root (not followed)",
        ], Failures(error));
        var portfolio = BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv"));
        Assert.Equal(4, portfolio.Length);
        Assert.StartsWith("GEN-22-0001,", portfolio[1]);
        Assert.Equal("ext,,,,,,,,,,,,ext: a link to a folder outside the root (not followed),,,,,,,,", portfolio[2]);
        Assert.Equal("up,,,,,,,,,,,,up: a link to a folder outside the root (not followed),,,,,,,,", portfolio[3]);
        Assert.False(Directory.Exists(Path.Combine(outDir, elsewhere.Projects[0].Code)));
    }

    [Fact]
    public void Batch_ProjectsInsideAProjectFolder_EachChecked()
    {
        // SPEC §4: each sub-folder that holds a project.json is a project; before, one inside another was skipped unseen.
        using var folder = new BatchFolder();
        var source = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 23 }).Projects[0];
        CopyProject(folder, source, "outer", "OUTER");
        CopyProject(folder, source, "outer/inner", "INNER");
        CopyProject(folder, source, "outer/inner/deeper", "DEEPER");
        Directory.Delete(source.Directory, recursive: true);

        var outDir = folder.Out("out");
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir);

        Assert.True(exit is 0 or 1, error);
        Assert.Empty(Failures(error));
        var codes = BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv")).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]);
        Assert.Equal(["DEEPER", "INNER", "OUTER"], codes);
        foreach (string code in (string[])["DEEPER", "INNER", "OUTER"]) Assert.True(File.Exists(Path.Combine(outDir, code, "findings.csv")));
    }

    [Fact]
    public void Batch_OutputsAreNeverWrittenThroughLinksPlantedInOut()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 2, Seed = 24 });
        var outDir = folder.Out("out");
        string victims = folder.Out("victims");
        Directory.CreateDirectory(victims);
        string victim = Path.Combine(victims, "precious.txt");
        File.WriteAllText(victim, "keep me");
        Directory.CreateDirectory(Path.Combine(outDir, generated.Projects[1].Code));
        File.CreateSymbolicLink(Path.Combine(outDir, generated.Projects[0].Code), victims);
        File.CreateSymbolicLink(Path.Combine(outDir, generated.Projects[1].Code, "findings.csv.tmp"), victim);
        File.CreateSymbolicLink(Path.Combine(outDir, "portfolio.csv.tmp"), victim);
        File.CreateSymbolicLink(Path.Combine(outDir, ".payrollrecon-batch.lock"), victim);

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Equal(["payrollrecon: GEN-24-0001: output folder 'GEN-24-0001' in --out is a link, not a folder; not written (remove it)"], Failures(error));
        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal(["precious.txt"], Directory.EnumerateFileSystemEntries(victims).Select(Path.GetFileName));
        Assert.Equal(ProjectOutputs, Directory.EnumerateFiles(Path.Combine(outDir, generated.Projects[1].Code)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv")).Length);
        Assert.Empty(Directory.EnumerateFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(outDir, ".payrollrecon-batch.lock")));
    }

    [Fact]
    public void Batch_CodesNamingBatchFilesOrHoldingControls_NeverTakeThePortfoliosPlace()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 25 });
        CopyProject(folder, generated.Projects[0], "p1", "portfolio.csv");
        CopyProject(folder, generated.Projects[0], "p2", "Portfolio.HTML");
        CopyProject(folder, generated.Projects[0], "p3", "C1\u009B31m\u0085x");
        CopyProject(folder, generated.Projects[0], "p4", ".payrollrecon-batch.lock");
        CopyProject(folder, generated.Projects[0], "p5", "manifest.json");

        var outDir = folder.Out("out");
        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir);

        Assert.Equal(0, exit);
        Assert.Empty(Failures(error));
        Assert.True(File.Exists(Path.Combine(outDir, "portfolio.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "portfolio.html")));
        Assert.Equal(
            ["C1_31m_x", "GEN-25-0001", "_.payrollrecon-batch.lock", "_Portfolio.HTML", "_manifest.json", "_portfolio.csv", "manifest.json", "portfolio.csv", "portfolio.html"],
            Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "_portfolio.csv", "report.html")));
    }

    [Fact]
    public void Batch_CodesThatLookAlike_LaterOneReportedNotRun()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 26 });
        var p = generated.Projects[0];
        CopyProject(folder, p, "k1", "K-1");
        CopyProject(folder, p, "k2", "\u212A-1");          // Kelvin sign
        CopyProject(folder, p, "w1", "ＬＹ-2");             // full-width letters
        CopyProject(folder, p, "w2", "LY-2");
        CopyProject(folder, p, "z1", "ZW-3\u200B");         // zero-width space
        CopyProject(folder, p, "z2", "ZW-3");
        CopyProject(folder, p, "s1", "SP-4 ");              // trailing space
        CopyProject(folder, p, "s2", "sp-4");               // other case

        var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out"));

        Assert.Equal(2, exit);
        const string Why = "(they differ only in case, width, invisible characters or surrounding spaces)";
        Assert.Equal(
        [
            $"payrollrecon: k2: project code '\\u212A-1' cannot be told from the code 'K-1' of k1 {Why}",
            $"payrollrecon: s2: project code 'sp-4' cannot be told from the code 'SP-4 ' of s1 {Why}",
            $"payrollrecon: w1: project code '\\uFF2C\\uFF39-2' cannot be told from the code 'LY-2' of w2 {Why}",
            $"payrollrecon: z1: project code 'ZW-3\\u200B' cannot be told from the code 'ZW-3' of z2 {Why}",
        ], Failures(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Batch_OutAtOrInsideOrAroundTheRoot_RefusedWithOneLine()
    {
        // --no-mask: a temporary folder's name may hold a run of digits that masking would take for a card number.
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 27 });
        var inside = Path.Combine(folder.Input, "out");
        Assert.Equal((2, $"payrollrecon: --out: '{folder.Input}' is the root folder itself; write the outputs to a folder outside the root\n"),
            BatchFolder.Run("batch", folder.Input, "--out", folder.Input, "--no-mask"));
        Assert.Equal((2, $"payrollrecon: --out: '{inside}' is inside the root folder '{folder.Input}'; write the outputs to a folder outside the root\n"),
            BatchFolder.Run("batch", folder.Input, "--out", inside, "--no-mask"));
        Assert.Equal((2, $"payrollrecon: --out: '{folder.Root}' holds the root folder '{folder.Input}'; write the outputs to a folder outside the root\n"),
            BatchFolder.Run("batch", folder.Input, "--out", folder.Root, "--no-mask"));
        Assert.False(Directory.Exists(inside));
        Assert.False(File.Exists(Path.Combine(folder.Root, "portfolio.csv")));
        // Another archive of projects is not an output folder either.
        var archive = folder.Out("archive");
        ProjectGenerator.Generate(archive, new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 30 });
        Assert.Equal((2, $"payrollrecon: --out: '{archive}' holds a project (GEN-30-0001/project.json); write the outputs to a folder of their own\n"),
            BatchFolder.Run("batch", folder.Input, "--out", archive, "--no-mask"));
        Assert.False(File.Exists(Path.Combine(archive, "portfolio.csv")));
    }

    [Fact]
    public void Batch_SecondRunIntoALockedOut_RefusedWhileTheFirstHoldsIt()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 28 });
        var outDir = folder.Out("out");
        Directory.CreateDirectory(outDir);
        string lockFile = Path.Combine(outDir, ".payrollrecon-batch.lock");
        using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            // --no-mask: a temporary folder's name may hold a run of digits that masking would take for a card number.
            var (exit, error) = BatchFolder.Run("batch", folder.Input, "--out", outDir, "--no-mask");
            Assert.Equal(2, exit);
            Assert.Equal($"payrollrecon: --out: '{outDir}' is in use by another batch run (it holds .payrollrecon-batch.lock); wait for that run to end or choose another folder\n", error);
            Assert.Equal([".payrollrecon-batch.lock"], Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName));
        }
        // A lock file left by a killed run locks nothing.
        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", outDir).Exit);
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public async Task Batch_TwoConcurrentRunsIntoOneOut_OneRefusedTheOtherComplete()
    {
        using var folder = new BatchFolder();
        folder.Generate(new GeneratorOptions { Projects = 6, Workers = 20, Months = 3, Seed = 29 });
        var outDir = folder.Out("out");
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return BatchFolder.Run("batch", folder.Input, "--out", outDir, "--jobs", "1", "--no-mask");
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(runs);

        // Either one was refused while the other held the lock, or they ran one after the other; never a mix.
        foreach (var (exit, error) in results)
            Assert.True(exit == 0 || error == $"payrollrecon: --out: '{outDir}' is in use by another batch run (it holds .payrollrecon-batch.lock); wait for that run to end or choose another folder\n", error);
        Assert.Contains(results, r => r.Exit == 0);
        Assert.Equal(7, BatchFolder.Lines(Path.Combine(outDir, "portfolio.csv")).Length);
        Assert.Equal(6 * 6 + 2 + 1, BatchFolder.Files(outDir).Count);
    }
}
