using System.CommandLine;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

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
        // Kept as given: errors name the previous folders as the user wrote them, not by machine-specific full paths.
        string? previousDir = parsed.GetValue(common.Previous);
        if (previousDir is not null && !Directory.Exists(previousDir)) throw new CliException($"--previous {previousDir}: no such folder");
        var runner = new BatchRunner(outDir, common.CheckOptions(parsed), common.ReportOptions(parsed), common.FailOnLevel(parsed)) { PreviousDir = previousDir };
        var output = parsed.InvocationConfiguration.Output;
        var error = parsed.InvocationConfiguration.Error;

        var projects = Discover(rootDir, outDir).Where((_, i) => i % shard.Count == shard.Index).ToArray();
        Directory.CreateDirectory(outDir);
        // A portfolio left by an earlier run would describe project folders this run is about to replace; until this
        // run's portfolio is complete, there is none.
        foreach (var name in new[] { ReportWriter.PortfolioCsvFileName, ReportWriter.PortfolioHtmlFileName })
            File.Delete(Path.Combine(outDir, name));

        // Ctrl-C stops the workers at their next check instead of killing the process in the middle of a write.
        using var cancel = new SignalCancellation(ct);
        var progress = new BatchProgress(projects.Length, projects.Sum(p => p.InputBytes), error, interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        var outcomes = runner.Run(projects, jobs, progress, cancel.Token);
        cancel.Token.ThrowIfCancellationRequested();

        var entries = outcomes.Select(o => o.Entry).ToArray();
        ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioCsvFileName), s => ReportWriter.WritePortfolioCsv(entries, s), cancel.Token);
        ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioHtmlFileName), s => ReportWriter.WritePortfolioHtml(entries, s, runner.ReportOptions), cancel.Token);

        int failed = entries.Count(e => e.Error is not null);
        output.WriteLine($"{projects.Length} projects checked ({failed} could not be read) in {progress.Elapsed.TotalSeconds:F1} s; portfolio written to {outDir}");
        // Every error names the project's folder relative to the root.
        foreach (var e in entries.Where(e => e.Error is not null)) error.WriteLine($"payrollrecon: {e.Error}");
        if (outcomes.Any(o => o.InternalError)) return ExitCodes.InternalError;
        if (failed > 0) return ExitCodes.BadInput;
        return outcomes.Any(o => o.AtOrAboveFailOn) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;

    }

    /// <summary>A project found below the root.</summary>
    /// <param name="Dir">Full path of the project folder.</param>
    /// <param name="RelativeDir">The folder relative to the root, '/'-separated; the name used in error messages, so a
    /// portfolio does not depend on where the root lies on the machine that ran the shard.</param>
    /// <param name="Code">The project code, or the relative folder when <c>project.json</c> cannot be read.</param>
    /// <param name="Settings">The settings, or null when <paramref name="Error"/> is set.</param>
    /// <param name="Error">Why the project cannot be checked; null when it can be tried.</param>
    /// <param name="InputBytes">Total size of the project's input files.</param>
    internal sealed record DiscoveredProject(string Dir, string RelativeDir, string Code, ProjectSettings? Settings, string? Error, long InputBytes);

    /// <summary>Every folder holding a project.json, in code order (ties by path), excluding the output folder.</summary>
    internal static IReadOnlyList<DiscoveredProject> Discover(string rootDir, string outDir)
    {
        var rootFull = Path.GetFullPath(rootDir);
        var outFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        var found = new List<DiscoveredProject>();
        var stack = new Stack<string>();
        stack.Push(rootFull);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            if (string.Equals(Path.TrimEndingDirectorySeparator(dir), outFull, StringComparison.Ordinal)) continue;
            if (ProjectFolder.IsProject(dir))
            {
                found.Add(Describe(dir, Path.GetRelativePath(rootFull, dir).Replace('\\', '/')));
                // A project folder is a leaf: folders inside it (old outputs, archives) are not projects of the root.
                continue;
            }
            foreach (var sub in Directory.EnumerateDirectories(dir).OrderByDescending(d => d, StringComparer.Ordinal)) stack.Push(sub);
        }
        found.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.RelativeDir, b.RelativeDir);
        });
        // Two projects that map to the same output folder would overwrite each other: the later one is reported, not
        // run. Folder names are compared ignoring case so that the outcome does not depend on the file system.
        var folders = new Dictionary<string, DiscoveredProject>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < found.Count; i++)
        {
            var p = found[i];
            if (p.Error is not null) continue;
            if (folders.TryGetValue(SafeFolderName(p.Code), out var first))
                found[i] = p with { Error = $"{p.RelativeDir}: project code '{p.Code}' is also the code of {first.RelativeDir}" };
            else
                folders.Add(SafeFolderName(p.Code), p);
        }
        return found;
    }

    private static DiscoveredProject Describe(string dir, string relative)
    {
        long bytes = 0;
        foreach (var kind in Enum.GetValues<InputKind>())
        {
            if (ProjectFolder.Locate(dir, kind) is { } path) bytes += new FileInfo(path).Length;
        }
        try
        {
            using var stream = new FileStream(Path.Combine(dir, ProjectFolder.SettingsFile), FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            var settings = ProjectSettingsReader.Read(stream, relative + "/" + ProjectFolder.SettingsFile);
            return new DiscoveredProject(dir, relative, settings.Code, settings, null, bytes);
        }
        catch (Exception e) when (e is PayrollDataException or IOException or UnauthorizedAccessException)
        {
            string message = e is PayrollDataException ? e.Message : $"{relative}/{ProjectFolder.SettingsFile}: cannot be read ({e.Message})";
            return new DiscoveredProject(dir, relative, relative, null, Program.OneLine(message), bytes);
        }
    }

    /// <summary>The inputs of a discovered project; a missing required file throws with the folder named relative to the root.</summary>
    internal static CheckInputs Inputs(DiscoveredProject project) =>
        ProjectFolder.Inputs(project.Dir, project.Settings ?? throw new InvalidOperationException("a project without settings is not checked"), project.RelativeDir);

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
}
