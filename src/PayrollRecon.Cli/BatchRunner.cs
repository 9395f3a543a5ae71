using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Checks the projects of a batch on a fixed number of worker threads, each project on its own, and keeps one
/// failing project from stopping the others.</summary>
/// <remarks>
/// Memory is bounded by the number of jobs: a worker holds one project's reconciliation at a time and drops it once
/// its outputs are written; what is kept per project is one portfolio line.
/// </remarks>
/// <param name="today">The as-of date of a project that has none (no <c>--as-of</c>, no <c>asOf</c> in project.json).</param>
internal sealed class BatchRunner(string outDir, CheckOptions checkOptions, ReportOptions reportOptions, Severity? failOn, DateOnly today)
{
    private int _attendanceThreads;

    /// <summary>The previous batch's <c>--out</c> (SPEC §7): each project's previous run is its folder there; null for none.</summary>
    public string? PreviousDir { get; init; }

    /// <summary>The report options every project (and the portfolio) is written with.</summary>
    public ReportOptions ReportOptions => reportOptions;

    /// <summary>What became of one project.</summary>
    /// <param name="Entry">Its portfolio line (with <see cref="PortfolioEntry.Error"/> set when it could not be checked).</param>
    /// <param name="AtOrAboveFailOn">It has a finding at or above <c>--fail-on</c>.</param>
    /// <param name="InternalError">It failed on a defect of the program rather than of its input.</param>
    /// <param name="Error">Why it could not be checked (the line for stderr); null when it was checked.</param>
    public readonly record struct Outcome(PortfolioEntry Entry, bool AtOrAboveFailOn, bool InternalError, ProjectError? Error = null)
    {
        /// <summary>The project's output folder and the rows of its history, when they are more than a later run reads back.</summary>
        public (string Folder, int Rows)? HistoryPastCap { get; init; }
    }

    /// <summary>Checks every project and returns the outcomes in the order of <paramref name="projects"/>.</summary>
    /// <remarks>When <paramref name="ct"/> is cancelled, the workers stop after their current step, remove their
    /// temporary files and return; the outcomes of projects not reached are then meaningless.</remarks>
    public Outcome[] Run(IReadOnlyList<BatchCommand.DiscoveredProject> projects, int jobs, BatchProgress progress, CancellationToken ct)
    {
        var outcomes = new Outcome[projects.Count];
        // Largest first: the big projects start early instead of leaving one worker busy alone at the end.
        int[] order = Enumerable.Range(0, projects.Count)
            .OrderByDescending(i => projects[i].InputBytes).ThenBy(i => i).ToArray();
        int next = -1;

        void Work(object? slotObject)
        {
            var slot = (BatchProgress.Slot)slotObject!;
            while (!ct.IsCancellationRequested)
            {
                int k = Interlocked.Increment(ref next);
                if (k >= order.Length) return;
                int i = order[k];
                slot.Start();
                try
                {
                    outcomes[i] = RunOne(projects[i], slot, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                progress.Completed(slot, projects[i].InputBytes);
                if (PauseAfterProject > 0) ct.WaitHandle.WaitOne(PauseAfterProject);
            }
        }

        (int threads, _attendanceThreads) = Threads(jobs, projects.Count);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            // Dedicated threads rather than the thread pool: a batch is long-running work, one project per worker at a time.
            workers[t] = new Thread(Work) { IsBackground = true, Name = $"batch-{t}" };
            workers[t].Start(progress.NewSlot());
        }
        progress.Show(() => workers.All(w => !w.IsAlive));
        foreach (var w in workers) w.Join();
        return outcomes;
    }

    /// <summary>How <paramref name="jobs"/> threads are spent on <paramref name="projects"/> projects: the worker threads
    /// (projects side by side) and the threads each project reads its attendance on.</summary>
    /// <remarks>
    /// <c>--jobs</c> is the batch's thread budget, so <c>--jobs 1</c> (a Slurm task of one CPU) runs on one thread. The
    /// threads not taken by projects side by side go to each project's attendance read, whose outputs are the same bytes
    /// at any thread count: one large project on 2 jobs is read in 2 parts; 500 projects on 2 jobs are checked two at a
    /// time, each read on its own thread. The attendance threads are capped at what a check accepts
    /// (<see cref="PayrollChecker.MaxDegreeOfParallelismLimit"/>); the read itself cuts a file into at most 16 parts.
    /// </remarks>
    internal static (int Workers, int AttendanceThreads) Threads(int jobs, int projects)
    {
        int workers = Math.Min(jobs, Math.Max(projects, 1));
        return (workers, Math.Clamp(jobs / workers, 1, PayrollChecker.MaxDegreeOfParallelismLimit));
    }

    /// <summary>
    /// Milliseconds each worker waits after a project (PAYROLLRECON_BATCH_PAUSE_MS; 0 when unset). A test hook: it gives the
    /// Ctrl-C test a run that lasts long enough to be interrupted on any machine, however fast.
    /// </summary>
    private static readonly int PauseAfterProject =
        int.TryParse(Environment.GetEnvironmentVariable("PAYROLLRECON_BATCH_PAUSE_MS"), out int ms) && ms > 0 ? Math.Min(ms, 60_000) : 0;

    private Outcome RunOne(BatchCommand.DiscoveredProject project, BatchProgress.Slot slot, CancellationToken ct)
    {
        if (project.Error is { } error) return Failed(project.Code, null, error.Select(m => Program.ErrorText(m, reportOptions.Mask)), project.Defect);
        string? name = project.Settings?.Name;
        try
        {
            var inputs = BatchCommand.Inputs(project);
            string folder = BatchCommand.SafeFolderName(project.Code);
            string target = Path.Combine(outDir, folder);
            // The project's folder of --out is written only as a real folder: a link planted there would send the
            // outputs (and their removal on Ctrl-C) anywhere.
            var existing = LocalFiles.KindOf(target, followLinks: false);
            if (existing is not (EntryKind.Missing or EntryKind.Directory))
                throw new CliException(MessageKey.OutputFolderNotFolder, folder, LocalFiles.Describe(existing));
            // A project new to the batch has no folder in the previous output: all its findings are new.
            if (PreviousDir is not null && Directory.Exists(Path.Combine(PreviousDir, folder)))
                inputs = inputs with { Previous = ProjectFolder.LoadPrevious(PreviousDir.TrimEnd('/', '\\') + "/" + folder) };
            var options = checkOptions with { MaxDegreeOfParallelism = _attendanceThreads };
            if (options.AsOf is null && project.Settings?.AsOf is null) options = options with { AsOf = today };
            var result = PayrollChecker.Check(inputs, options, slot, ct);
            ProjectOutput.Write(result, target, reportOptions, ct);
            var entry = PortfolioEntry.FromResult(result) with { ReportLink = $"{Uri.EscapeDataString(folder)}/report.html" };
            return new(entry, CheckCommand.ExitCodeFor(result, failOn) != ExitCodes.Ok, false)
            {
                HistoryPastCap = result.History.Count > PreviousRun.MaxHistoryRows ? (target, result.History.Count) : null,
            };
        }
        catch (Exception e) when (e is PayrollDataException or CliException or IOException or UnauthorizedAccessException)
        {
            return Failed(project.Code, name, new ProjectError(language => NameFolder(project, Program.ErrorText(Program.Localized(e, language), reportOptions.Mask)), ofInput: Program.IsInputError(e)), false);
        }
        catch (OverflowException)
        {
            return Failed(project.Code, name, new ProjectError(language => NameFolder(project, MessageCatalog.Template(MessageKey.Overflow, language))), false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A defect of the program met on one project's data must not cost the regulator the other projects.
            return Failed(project.Code, name, new ProjectError(language =>
                NameFolder(project, new LocalizedText(MessageKey.InternalError, e.GetType().Name, Program.ErrorText(e.Message, reportOptions.Mask)).Render(language))), true);
        }
    }

    /// <summary>The outcome of a project that could not be checked: its portfolio line tells the error in the language of the reports.</summary>
    private Outcome Failed(string code, string? name, ProjectError error, bool internalError) =>
        new(PortfolioEntry.Failed(code, name, error.Text(reportOptions.Language)), false, internalError, error);

    /// <summary>Makes an error name the project folder (relative to the root): <c>workers.csv: …</c> becomes
    /// <c>&lt;folder&gt;/workers.csv: …</c>, anything else not yet naming it gets <c>&lt;folder&gt;: </c> in front.</summary>
    internal static string NameFolder(BatchCommand.DiscoveredProject project, string message)
    {
        string folder = project.RelativeDir;
        if (message.StartsWith(folder + ":", StringComparison.Ordinal) || message.StartsWith(folder + "/", StringComparison.Ordinal)) return message;
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            var head = message.AsSpan(0, colon);
            // "bank.csv" or "bank.xlsx:17": an input file of the project, named from the project folder.
            int lineMark = head.IndexOf(':');
            var file = lineMark < 0 ? head : head[..lineMark];
            // An input's name has no space; "上次运行 m1/p 的 summary.json" is a previous run's file, named from elsewhere.
            if (!file.Contains(' ') && (file.EndsWith(".csv", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)
                || file.EndsWith(".xlsx", StringComparison.Ordinal) || file.EndsWith(".xls", StringComparison.Ordinal)))
                return $"{folder}/{message}";
        }
        return $"{folder}: {message}";
    }
}
