using System.CommandLine;
using System.Diagnostics;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;
using Spectre.Console;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon batch &lt;root-dir&gt;</c>: check every project folder below a root, in parallel, and write a portfolio.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var root = new Argument<string>("root-dir") { Description = "Folder whose sub-folders holding a project.json are the projects." };
        var jobs = new Option<int>("--jobs") { Description = "Projects checked in parallel (default: number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "I/N: check only the projects whose position in code order is I modulo N." };
        var common = new CommonOptions();
        var command = new Command("batch", "Check every project below a folder and write portfolio.csv and portfolio.html.") { root, jobs, shard };
        common.AddTo(command);
        command.SetAction((parsed, ct) => Task.FromResult(Execute(
            parsed.GetRequiredValue(root), parsed.GetValue(jobs), ParseShard(parsed.GetValue(shard)), common, parsed, ct)));
        return command;
    }

    internal static (int Index, int Count) ParseShard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i < n) return (i, n);
        throw new CliException($"--shard: expected I/N with 0 <= I < N, got '{text}'");
    }

    private static int Execute(string rootDir, int jobs, (int Index, int Count) shard, CommonOptions common, ParseResult parsed, CancellationToken ct)
    {
        if (!Directory.Exists(rootDir)) throw new CliException($"{rootDir}: no such folder");
        if (jobs < 1) throw new CliException($"--jobs: expected a positive number, got {jobs}");
        var outDir = Path.GetFullPath(common.OutDir(parsed));
        var checkOptions = common.CheckOptions(parsed);
        var reportOptions = common.ReportOptions(parsed);
        var failOn = common.FailOnLevel(parsed);

        var projects = Discover(rootDir, outDir).Where((_, i) => i % shard.Count == shard.Index).ToArray();
        Directory.CreateDirectory(outDir);
        var entries = new PortfolioEntry[projects.Length];
        var failedOn = new bool[projects.Length];
        var progress = new BatchProgress(projects.Length, projects.Sum(p => p.InputBytes));

        void RunOne(int i)
        {
            var project = projects[i];
            try
            {
                if (project.Error is not null) throw new CliException(project.Error);
                var inputs = ProjectFolder.Load(project.Dir);
                var result = PayrollChecker.Check(inputs, checkOptions, progress: null, ct);
                ProjectOutput.Write(result, Path.Combine(outDir, SafeFolderName(project.Code)), reportOptions, ct);
                entries[i] = PortfolioEntry.FromResult(result) with { ReportLink = $"{Uri.EscapeDataString(SafeFolderName(project.Code))}/report.html" };
                failedOn[i] = CheckCommand.ExitCodeFor(result, failOn) != ExitCodes.Ok;
            }
            catch (Exception e) when (e is PayrollDataException or CliException or IOException or UnauthorizedAccessException)
            {
                entries[i] = PortfolioEntry.Failed(project.Code, null, Program.OneLine(e.Message));
            }
            progress.Completed(project.InputBytes);
        }

        Action run = () => Parallel.For(0, projects.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ct }, RunOne);
        progress.Run(run, ct);

        ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioCsvFileName), s => ReportWriter.WritePortfolioCsv(entries, s), ct);
        ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioHtmlFileName), s => ReportWriter.WritePortfolioHtml(entries, s, reportOptions), ct);

        int failed = entries.Count(e => e.Error is not null);
        Console.Out.WriteLine($"{projects.Length} projects checked ({failed} could not be read) in {progress.Elapsed.TotalSeconds:F1} s; portfolio written to {outDir}");
        foreach (var e in entries.Where(e => e.Error is not null)) Console.Error.WriteLine($"payrollrecon: project {e.Code}: {e.Error}");
        if (failed > 0) return ExitCodes.BadInput;
        return failedOn.Any(f => f) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
    }

    /// <summary>A project found below the root: its folder, its code (or the folder name when project.json is unreadable) and input size.</summary>
    internal sealed record DiscoveredProject(string Dir, string Code, string? Error, long InputBytes);

    /// <summary>Every folder holding a project.json, in code order (ties by path), excluding the output folder.</summary>
    internal static IReadOnlyList<DiscoveredProject> Discover(string rootDir, string outDir)
    {
        var found = new List<DiscoveredProject>();
        var stack = new Stack<string>();
        stack.Push(Path.GetFullPath(rootDir));
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            if (string.Equals(dir, outDir, StringComparison.Ordinal)) continue;
            if (ProjectFolder.IsProject(dir))
            {
                var code = ProjectFolder.TryReadCode(dir);
                long bytes = new DirectoryInfo(dir).EnumerateFiles("*.csv").Sum(f => f.Length);
                found.Add(code is null
                    ? new DiscoveredProject(dir, Path.GetFileName(dir), $"{Path.GetFileName(dir)}/project.json cannot be read", bytes)
                    : new DiscoveredProject(dir, code, null, bytes));
                continue;
            }
            foreach (var sub in Directory.EnumerateDirectories(dir).OrderByDescending(d => d, StringComparer.Ordinal)) stack.Push(sub);
        }
        found.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.Dir, b.Dir);
        });
        // Two folders with the same code would write into the same output folder: the later one is reported, not run.
        for (int i = 1; i < found.Count; i++)
        {
            if (found[i].Code == found[i - 1].Code && found[i].Error is null)
                found[i] = found[i] with { Error = $"duplicate project code '{found[i].Code}' (also in {found[i - 1].Dir})" };
        }
        return found;
    }

    /// <summary>A project code as a folder name: path separators and other unsafe characters become '_'.</summary>
    internal static string SafeFolderName(string code)
    {
        var chars = code.ToCharArray();
        var invalid = Path.GetInvalidFileNameChars();
        for (int i = 0; i < chars.Length; i++)
            if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] == '\\' || chars[i] == ':') chars[i] = '_';
        var name = new string(chars);
        return name is "." or ".." || name.Length == 0 ? "_" + name : name;
    }

    /// <summary>Live progress on a terminal (Spectre.Console), periodic plain lines when stderr is redirected.</summary>
    private sealed class BatchProgress(int total, long totalBytes)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _done;
        private long _bytes;

        public TimeSpan Elapsed => _clock.Elapsed;

        public void Completed(long bytes)
        {
            Interlocked.Increment(ref _done);
            Interlocked.Add(ref _bytes, bytes);
        }

        public void Run(Action work, CancellationToken ct)
        {
            if (!Console.IsErrorRedirected && total > 0)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("projects", maxValue: total);
                        var worker = Task.Run(work, ct);
                        while (!worker.Wait(250))
                        {
                            task.Value = Volatile.Read(ref _done);
                            task.Description = Line();
                        }
                        task.Value = Volatile.Read(ref _done);
                        task.Description = Line();
                        worker.GetAwaiter().GetResult();
                    });
                return;
            }
            var background = Task.Run(work, ct);
            while (!background.Wait(5000)) Console.Error.WriteLine(Line());
            background.GetAwaiter().GetResult();
            Console.Error.WriteLine(Line());
        }

        private string Line()
        {
            int done = Volatile.Read(ref _done);
            long bytes = Volatile.Read(ref _bytes);
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            double mbps = bytes / 1e6 / seconds;
            string eta = done == 0 ? "?" : TimeSpan.FromSeconds(seconds * (total - done) / done).ToString(@"hh\:mm\:ss");
            return $"{done}/{total} projects, {mbps:F0} MB/s, ETA {eta} (of {totalBytes / 1e6:F0} MB)";
        }
    }
}
