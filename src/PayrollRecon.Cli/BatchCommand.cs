using System.CommandLine;
using PayrollRecon.FollowUp;
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
        // No default value in the parser: help would show this machine's core count as a second default.
        var jobs = new Option<int?>("--jobs") { Description = "Threads the batch uses (default: the number of cores): that many projects side by side; with fewer projects than threads, each reads its attendance on the threads left over." };
        var shard = new Option<string?>("--shard") { Description = "I/N: check only the projects whose position in code order is I modulo N (default: the task of a Slurm job array, else all)." };
        var progressLines = new Option<bool>("--progress") { Description = "Write a progress line to stderr every few seconds and at the end even when stderr is not a terminal (a log file, a cluster job); on a terminal progress is always shown." };
        var common = new CommonOptions();
        var command = new Command("batch", "Check every project below a folder and write portfolio.csv and portfolio.html.") { root, jobs, shard, progressLines };
        common.AddTo(command);
        command.SetAction((parsed, ct) => Task.FromResult(Execute(
            parsed.GetRequiredValue(root), parsed.GetValue(jobs) ?? Environment.ProcessorCount, BatchShard.Resolve(parsed.GetValue(shard), Environment.GetEnvironmentVariable, parsed.InvocationConfiguration.Error, common.ErrorLanguage(parsed)), parsed.GetValue(progressLines), common, parsed, ct)));
        return command;
    }

    internal static (int Index, int Count) ParseShard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/');
        // SPEC §4: the projects whose position in code order is ≡ I (mod N); I = N is the class of 0, so shards counted
        // from 1 (1/N … N/N) split the projects as those counted from 0 do.
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i <= n) return (i % n, n);
        throw new CliException(MessageKey.ShardInvalid, text);
    }

    /// <summary>The lock file a run holds in <c>--out</c> while it writes there (removed at the end).</summary>
    internal const string LockFileName = ".payrollrecon-batch.lock";

    private static int Execute(string rootDir, int jobs, (int Index, int Count) shard, bool progressLines, CommonOptions common, ParseResult parsed, CancellationToken ct)
    {
        if (!Directory.Exists(rootDir)) throw new CliException(MessageKey.NoSuchFolder, rootDir);
        if (jobs < 1) throw new CliException(MessageKey.JobsInvalid, jobs);
        string outOption = common.OutDir(parsed);
        CommonOptions.RefuseFileAsOut(outOption);
        var outDir = Path.GetFullPath(outOption);
        string rootReal = LocalFiles.CanonicalPath(rootDir);
        string outReal = LocalFiles.CanonicalPath(outDir);
        // Outputs inside the root would be taken for projects by the next run, and a root inside the outputs would be
        // overwritten by them.
        if (outReal == rootReal) throw new CliException(MessageKey.OutIsRoot, outOption);
        if (LocalFiles.IsInside(outReal, rootReal)) throw new CliException(MessageKey.OutInsideRoot, outOption, rootDir);
        if (LocalFiles.IsInside(rootReal, outReal)) throw new CliException(MessageKey.OutHoldsRoot, outOption, rootDir);
        if (HeldProject(outDir) is { } held) throw new CliException(MessageKey.OutHoldsProject, outOption, held);
        var language = common.Language(parsed);
        var errorLanguage = common.ErrorLanguage(parsed);
        var checkOptions = common.CheckOptions(parsed);
        // One today for the whole run: a project without an as-of date is checked at the date the batch started (a
        // night run that crosses midnight must not check some projects as of one day and the rest as of the next).
        var today = DateOnly.FromDateTime(DateTime.Now);
        var asOf = checkOptions.AsOf ?? today;
        // Kept as given: errors name the previous folders as the user wrote them, not by machine-specific full paths.
        string? previousDir = parsed.GetValue(common.Previous);
        if (previousDir is not null && !Directory.Exists(previousDir)) throw new CliException(MessageKey.PreviousNoSuchFolder, previousDir);
        var runner = new BatchRunner(outDir, checkOptions, common.ReportOptions(parsed), common.FailOnLevel(parsed), today) { PreviousDir = previousDir };
        var output = parsed.InvocationConfiguration.Output;
        var error = parsed.InvocationConfiguration.Error;

        var discovered = Discover(rootReal, outReal);
        // An empty root is a mistyped path or a wrong level, not a clean portfolio.
        if (discovered.Count == 0) throw new CliException(MessageKey.NoProjectsBelowRoot, rootDir);
        int onToday = checkOptions.AsOf is null
            ? discovered.Where((_, i) => i % shard.Count == shard.Index).Count(p => p.Settings is { AsOf: null })
            : 0;
        var all = BatchManifest.WithAsOf(discovered, asOf);
        var projects = all.Where((_, i) => i % shard.Count == shard.Index).ToArray();
        if (onToday > 0)
            error.WriteLine(new LocalizedText(MessageKey.Warning, new LocalizedText(MessageKey.BatchAsOfFallbackWarning, onToday, projects.Length, CheckCommand.Date(today))).Render(errorLanguage));
        Directory.CreateDirectory(outDir);
        using var outLock = OutputLock.Acquire(outDir, outOption);
        // A portfolio left by an earlier run would describe project folders this run is about to replace; until this
        // run's portfolio is complete, there is none.
        foreach (var name in new[] { BatchManifest.FileName, ReportWriter.PortfolioCsvFileName, ReportWriter.PortfolioHtmlFileName })
            File.Delete(Path.Combine(outDir, name));

        // Ctrl-C stops the workers at their next check instead of killing the process in the middle of a write.
        using var cancel = new SignalCancellation(ct);
        // SPEC §4: progress is shown on a terminal; elsewhere (a log, a pipe, a cluster job's output) stderr carries only
        // warnings and the projects that could not be checked, unless --progress asks for plain lines.
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var progress = new BatchProgress(projects.Length, projects.Sum(p => p.InputBytes), error, interactive: terminal, errorLanguage) { PlainLines = progressLines };
        var outcomes = runner.Run(projects, jobs, progress, cancel.Token);
        cancel.Token.ThrowIfCancellationRequested();

        var entries = outcomes.Select(o => o.Entry).ToArray();
        try
        {
            ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioCsvFileName), s => ReportWriter.WritePortfolioCsv(entries, s, runner.ReportOptions), cancel.Token);
            ProjectOutput.WriteAtomically(Path.Combine(outDir, ReportWriter.PortfolioHtmlFileName), s => ReportWriter.WritePortfolioHtml(entries, s, runner.ReportOptions), cancel.Token);
            // Last: a folder with a manifest is a complete shard, the one thing merge needs.
            BatchManifest.Create(BatchManifest.OptionsOf(parsed, "--out", "--jobs", "--shard", "--progress"), runner.ReportOptions, asOf, shard, all, projects, entries, jobs, cancel.Token)
                .Write(outDir, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped between the portfolio's files: a cancelled batch leaves no portfolio (README), not half of one.
            foreach (var name in new[] { BatchManifest.FileName, ReportWriter.PortfolioCsvFileName, ReportWriter.PortfolioHtmlFileName })
                File.Delete(Path.Combine(outDir, name));
            throw;
        }

        int failed = entries.Count(e => e.Error is not null);
        var dates = entries.Where(e => e.AsOf is not null).Select(e => e.AsOf!.Value).ToList();
        object asOfText = dates.Count == 0 ? "—"
            : dates.Min() == dates.Max() ? CheckCommand.Date(dates[0])
            : new LocalizedText(MessageKey.BatchAsOfDates, CheckCommand.Date(dates.Min()), CheckCommand.Date(dates.Max()));
        output.WriteLine(new LocalizedText(MessageKey.BatchSummary, LocalizedText.Count(projects.Length, MessageKey.ProjectCountOne, MessageKey.ProjectCount), failed, progress.Elapsed.TotalSeconds, asOfText, outDir).Render(language));
        // Every error names the project's folder relative to the root; one of its input starts with that path, as check's does.
        foreach (var o in outcomes)
        {
            if (o.Error is { } projectError) error.WriteLine(projectError.Line(errorLanguage));
            if (o.HistoryPastCap is var (folder, rows))
                error.WriteLine(CheckCommand.HistoryPastCapWarning(rows, PreviousRun.MaxHistoryRows, folder, errorLanguage));
        }
        if (outcomes.Any(o => o.InternalError)) return ExitCodes.InternalError;
        if (failed > 0) return ExitCodes.BadInput;
        return outcomes.Any(o => o.AtOrAboveFailOn) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;

    }

    /// <summary>The first project.json in <paramref name="outDir"/> or one of its sub-folders (where a batch writes), or null.</summary>
    private static string? HeldProject(string outDir)
    {
        if (!Directory.Exists(outDir)) return null;
        if (ProjectFolder.IsProject(outDir)) return ProjectFolder.SettingsFile;
        try
        {
            return Directory.EnumerateDirectories(outDir).Order(StringComparer.Ordinal)
                .Where(ProjectFolder.IsProject).Select(d => Path.GetFileName(d) + "/" + ProjectFolder.SettingsFile).FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A project found below the root.</summary>
    /// <param name="Dir">Full path of the project folder.</param>
    /// <param name="RelativeDir">The folder relative to the root, '/'-separated; the name used in error messages, so a
    /// portfolio does not depend on where the root lies on the machine that ran the shard.</param>
    /// <param name="Code">The project code, or the relative folder when <c>project.json</c> cannot be read.</param>
    /// <param name="Settings">The settings, or null when <paramref name="Error"/> is set.</param>
    /// <param name="Error">Why the project cannot be checked, in either language; null when it can be tried.</param>
    /// <param name="InputBytes">Total size of the project's input files.</param>
    /// <param name="Defect">The error is a defect of the program met while looking at the folder (exit code 3).</param>
    internal sealed record DiscoveredProject(string Dir, string RelativeDir, string Code, ProjectSettings? Settings, ProjectError? Error, long InputBytes, bool Defect = false);

    /// <summary>Every folder holding a project.json below <paramref name="rootDir"/>, in code order (ties by path).</summary>
    /// <remarks>
    /// The walk never follows a link to a folder: a folder reached through a link inside the root is reached directly
    /// anyway, and one outside the root is not checked but listed as a failed row (<c>… a link to a folder outside the
    /// root (not followed)</c>), so nothing is skipped silently and no loop of links can make the walk endless. A folder
    /// that cannot be listed is a failed row too. <paramref name="outDir"/> (never inside the root for a run) is skipped.
    /// </remarks>
    internal static IReadOnlyList<DiscoveredProject> Discover(string rootDir, string outDir)
    {
        var rootFull = LocalFiles.CanonicalPath(rootDir);
        var outFull = LocalFiles.CanonicalPath(outDir);
        var found = new List<DiscoveredProject>();
        var stack = new Stack<string>();
        stack.Push(rootFull);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            if (string.Equals(dir, outFull, StringComparison.Ordinal)) continue;
            string relative = Path.GetRelativePath(rootFull, dir).Replace('\\', '/');
            // Every folder holding a project.json is a project (SPEC §4), one inside another too: an archived copy kept in
            // a project's folder is checked as what it is, never skipped unseen (old outputs hold no project.json).
            if (ProjectFolder.IsProject(dir)) found.Add(Describe(dir, relative));
            string[] entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).OrderByDescending(d => d, StringComparer.Ordinal).ToArray();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                found.Add(Failed(dir, relative, new LocalizedText(MessageKey.FolderCannotBeListed, relative, Program.OneLine(e.Message))));
                continue;
            }
            foreach (var entry in entries)
            {
                string entryRelative = Path.GetRelativePath(rootFull, entry).Replace('\\', '/');
                try
                {
                    var kind = LocalFiles.KindOf(entry, followLinks: false);
                    if (kind == EntryKind.Directory) stack.Push(entry);
                    else if (kind == EntryKind.Link && LocalFiles.KindOf(entry, followLinks: true) == EntryKind.Directory
                             && LocalFiles.RealPath(entry) is { } target && target != rootFull && !LocalFiles.IsInside(target, rootFull))
                        found.Add(Failed(entry, entryRelative, new LocalizedText(MessageKey.LinkToFolderOutsideRoot, entryRelative)));
                }
                catch (IOException)
                {
                    // A loop of links or a dangling one: not a folder, so not a project.
                }
            }
        }
        found.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Code, b.Code);
            return c != 0 ? c : string.CompareOrdinal(a.RelativeDir, b.RelativeDir);
        });
        // Two projects that map to the same output folder would overwrite each other, and two codes a reader cannot
        // tell apart would be confused in the portfolio: the later one is reported, not run. Codes are compared by
        // their folder names, folded (see LookAlikeKey) so that the outcome does not depend on the file system.
        var folders = new Dictionary<string, DiscoveredProject>(StringComparer.Ordinal);
        for (int i = 0; i < found.Count; i++)
        {
            var p = found[i];
            if (p.Error is not null) continue;
            string key = LookAlikeKey(SafeFolderName(p.Code));
            if (!folders.TryGetValue(key, out var first))
                folders.Add(key, p);
            else if (p.Code == first.Code)
                found[i] = p with { Error = new ProjectError(new LocalizedText(MessageKey.DuplicateCode, p.RelativeDir, p.Code, first.RelativeDir).Render) };
            else
                found[i] = p with { Error = new ProjectError(new LocalizedText(MessageKey.LookAlikeCode, p.RelativeDir, Visible(p.Code), Visible(first.Code), first.RelativeDir).Render) };
        }
        return found;
    }

    private static DiscoveredProject Failed(string dir, string relative, LocalizedText error) =>
        new(dir, relative, relative, null, new ProjectError(error.Render), 0);

    /// <summary>Looks at one project folder: its settings and the size of its inputs. Whatever goes wrong (a bad or
    /// unreadable project.json, a special file, a link out of the folder) becomes the project's error, never the end of the batch.</summary>
    private static DiscoveredProject Describe(string dir, string relative)
    {
        var failed = new DiscoveredProject(dir, relative, relative, null, null, 0);
        try
        {
            var settings = ProjectFolder.ReadSettings(dir, relative + "/" + ProjectFolder.SettingsFile)
                ?? throw new CliException(MessageKey.MissingRequiredFile, relative, ProjectFolder.SettingsFile);
            long bytes = 0;
            foreach (var kind in Enum.GetValues<InputKind>())
            {
                try
                {
                    if (ProjectFolder.Locate(dir, kind) is { } path) bytes += new FileInfo(path).Length;
                }
                catch (CliException)
                {
                    // A special file or a link out of the folder: reported when the project is run, with its code and name.
                }
            }
            return new DiscoveredProject(dir, relative, settings.Code, settings, null, bytes);
        }
        catch (Exception e) when (e is PayrollDataException or CliException)
        {
            return failed with { Error = new ProjectError(language => BatchRunner.NameFolder(failed, Program.OneLine(Program.Localized(e, language))), ofInput: Program.IsInputError(e)) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return failed with { Error = new ProjectError(new LocalizedText(MessageKey.CannotBeRead, relative, Program.OneLine(e.Message)).Render) };
        }
        catch (OverflowException)
        {
            return failed with { Error = new ProjectError(language => $"{relative}: {MessageCatalog.Template(MessageKey.Overflow, language)}") };
        }
        catch (Exception e)
        {
            // A defect of the program met on one folder must not cost the regulator the other projects.
            return failed with { Error = new ProjectError(language => $"{relative}: {new LocalizedText(MessageKey.InternalError, e.GetType().Name, Program.OneLine(e.Message)).Render(language)}"), Defect = true };
        }
    }

    /// <summary>The inputs of a discovered project; a missing required file throws with the folder named relative to the root.</summary>
    internal static CheckInputs Inputs(DiscoveredProject project) =>
        ProjectFolder.Inputs(project.Dir, project.Settings ?? throw new InvalidOperationException("a project without settings is not checked"), project.RelativeDir);

    /// <summary>Names in <c>--out</c> that belong to the batch itself, never to a project (compared ignoring case).</summary>
    private static readonly string[] ReservedNames =
    [
        ReportWriter.PortfolioCsvFileName, ReportWriter.PortfolioHtmlFileName,
        ReportWriter.PortfolioCsvFileName + ".tmp", ReportWriter.PortfolioHtmlFileName + ".tmp", LockFileName,
        BatchManifest.FileName, BatchManifest.FileName + ".tmp",
    ];

    /// <summary>A project code as a folder name of <c>--out</c>: path separators, control characters (ESC, BEL, C1) and
    /// other unsafe characters become '_'; a name the batch uses itself (<c>portfolio.csv</c>, …), an empty name, '.'
    /// and '..' get a '_' in front, so a project's folder never takes the portfolio's place or leaves <c>--out</c>.</summary>
    internal static string SafeFolderName(string code)
    {
        var chars = code.ToCharArray();
        var invalid = Path.GetInvalidFileNameChars();
        for (int i = 0; i < chars.Length; i++)
            if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] is '\\' or ':' or '/' || char.IsControl(chars[i])) chars[i] = '_';
        var name = new string(chars);
        bool reserved = Array.Exists(ReservedNames, r => string.Equals(r, LookAlikeKey(name), StringComparison.OrdinalIgnoreCase));
        return name is "." or ".." || name.Length == 0 || reserved ? "_" + name : name;
    }

    /// <summary>
    /// What a code looks like to a reader and to a case-insensitive file system: invisible format characters (zero-width
    /// space and joiners, direction marks, byte order mark, soft hyphen) removed, full-width forms and the letter-like
    /// signs K (Kelvin), Å (Ångström) and Ω (Ohm) mapped to the ordinary letters, every kind of space made a plain space,
    /// combining accents removed, surrounding spaces trimmed, and case folded.
    /// </summary>
    /// <remarks>A fixed table rather than full NFKC: the CLI runs with invariant globalization, where
    /// <see cref="string.Normalize()"/> does nothing.</remarks>
    internal static string LookAlikeKey(string name)
    {
        var key = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.EnclosingMark) continue;
            char folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFF01 + 0x21),
                '\u212A' => 'K',
                '\u212B' => '\u00C5',
                '\u2126' => '\u03A9',
                _ when category == System.Globalization.UnicodeCategory.SpaceSeparator => ' ',
                _ => c,
            };
            key.Append(char.ToUpperInvariant(folded));
        }
        return key.ToString().Trim();
    }

    /// <summary>A code for a message that tells two look-alike codes apart: characters the fold changes or removes are shown as <c>\uXXXX</c>.</summary>
    private static string Visible(string code)
    {
        var shown = new System.Text.StringBuilder(code.Length);
        foreach (char c in code)
        {
            bool plain = c == ' ' || (!char.IsControl(c) && !char.IsWhiteSpace(c) && LookAlikeKey(c.ToString()) == char.ToUpperInvariant(c).ToString());
            if (plain) shown.Append(c);
            else shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return shown.ToString();
    }
}
