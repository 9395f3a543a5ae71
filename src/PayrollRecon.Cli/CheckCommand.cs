using System.CommandLine;
using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon check &lt;project-dir&gt;</c>: reconcile one project folder and write its outputs.</summary>
internal static class CheckCommand
{
    /// <param name="quietHeap">Run the check without garbage collections (<see cref="QuietHeap"/>): only in the CLI's own process.</param>
    public static Command Create(bool quietHeap = false)
    {
        var dir = new Argument<string>("project-dir") { Description = "Folder holding project.json, workers.csv, bank.csv and the optional inputs." };
        var common = new CommonOptions();
        var timings = new Option<bool>("--timings") { Description = "Print where the time goes (wall, CPU, memory, garbage collections per phase) to stderr; the outputs are the same." };
        var command = new Command("check", "Reconcile one project folder: findings.csv, ledger.csv, summary.json, report.html, history.csv, resolved.csv.") { dir, timings };
        common.AddTo(command);
        command.SetAction((parsed, ct) => Task.FromResult(Execute(parsed.GetRequiredValue(dir), common, parsed, parsed.GetValue(timings) ? new CheckTimings() : null, quietHeap, ct)));
        return command;
    }

    private static int Execute(string projectDir, CommonOptions common, ParseResult parsed, CheckTimings? timings, bool quietHeap, CancellationToken ct)
    {
        if (timings is not null)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            timings.Record("runtime start-up, parse args", DateTime.Now - process.StartTime, process.TotalProcessorTime);
        }
        using var cancel = new SignalCancellation(ct);
        ct = cancel.Token;
        var outDir = common.OutDir(parsed);
        var errorLanguage = common.ErrorLanguage(parsed);
        var reportOptions = common.ReportOptions(parsed);
        var options = common.CheckOptions(parsed);
        // Refused before the work, not after it with the file system's message.
        CommonOptions.RefuseFileAsOut(outDir);
        using var quiet = quietHeap ? QuietHeap.Enter() : null;
        timings?.Restart();
        var inputs = ProjectFolder.Load(projectDir);
        if (parsed.GetValue(common.Previous) is { } previous) inputs = inputs with { Previous = ProjectFolder.LoadPrevious(previous) };
        timings?.Lap("read project.json");
        var (asOf, today) = CommonOptions.ResolveAsOf(options.AsOf, inputs.Settings.AsOf, DateOnly.FromDateTime(DateTime.Now));
        // Findings depend on the as-of date: a check that falls back to today says so before anything else.
        if (today) parsed.InvocationConfiguration.Error.WriteLine(new LocalizedText(MessageKey.Warning, new LocalizedText(MessageKey.AsOfFallbackWarning, Date(asOf))).Render(errorLanguage));
        var result = PayrollChecker.Check(inputs, options with { AsOf = asOf, Timings = timings }, progress: null, ct);
        ProjectOutput.Write(result, outDir, reportOptions, ct, timings, besideLedger: Environment.ProcessorCount > 1);
        parsed.InvocationConfiguration.Output.Write(Describe(result, outDir, reportOptions));
        foreach (var file in result.Summary.Files)
        {
            if (file.GetWarning(errorLanguage) is { } warning) parsed.InvocationConfiguration.Error.WriteLine(new LocalizedText(MessageKey.Warning, warning).Render(errorLanguage));
        }
        if (HistoryPastCapWarning(result.History.Count, PreviousRun.MaxHistoryRows, outDir, errorLanguage) is { } pastCap)
            parsed.InvocationConfiguration.Error.WriteLine(pastCap);
        if (timings is not null)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Console.Error.Write(timings.Describe());
            Console.Error.WriteLine($"peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB; GC collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; allocated {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        }
        return ExitCodeFor(result, common.FailOnLevel(parsed));
    }

    /// <summary>The warning for a run whose history holds more finding ids than a later run reads back as its previous
    /// one (<see cref="PreviousRun.MaxHistoryRows"/>), or null: said when the history is written, not only when it is read.</summary>
    internal static string? HistoryPastCapWarning(int historyRows, int cap, string outDir, ReportLanguage language) =>
        historyRows <= cap ? null : new LocalizedText(MessageKey.Warning, new LocalizedText(
            MessageKey.HistoryPastCap, Path.Combine(outDir, ReportWriter.HistoryFileName),
            historyRows.ToString("N0", CultureInfo.InvariantCulture), cap.ToString("N0", CultureInfo.InvariantCulture))).Render(language);

    internal static int ExitCodeFor(ReconciliationResult result, Severity? failOn) =>
        failOn is { } level && result.Findings.Any(f => f.Severity >= level && f.Status != FindingStatus.Waived) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;

    /// <summary>How many findings the console shows after the summary line.</summary>
    internal const int TopFindings = 3;

    /// <summary>The summary line (level, counts, totals, as-of date, where the outputs went), a line per input with rows
    /// that could not be read (how many of how many), then the findings that matter most — by severity, then amount — as
    /// the reports word them (masked unless <c>--no-mask</c>).</summary>
    internal static string Describe(ReconciliationResult result, string outDir, ReportOptions options)
    {
        var s = result.Summary;
        var language = options.Language;
        var level = s.WarningLevel switch
        {
            Severity.Red => MessageKey.LevelRed,
            Severity.Orange => MessageKey.LevelOrange,
            Severity.Yellow => MessageKey.LevelYellow,
            _ => MessageKey.LevelGreen,
        };
        // The severities of the findings that count (SPEC §7: a false alarm counts for neither the level nor --fail-on), so
        // that they add up with the waived ones to the total and agree with the level.
        Span<int> counted = stackalloc int[(int)Severity.Red + 1];
        int waived = 0;
        foreach (var f in result.Findings)
        {
            if (f.Status == FindingStatus.Waived) waived++;
            else counted[(int)f.Severity]++;
        }
        object info = counted[(int)Severity.Info] > 0 ? new LocalizedText(MessageKey.CheckSummaryInfo, counted[(int)Severity.Info]) : "";
        object waivedText = waived > 0 ? LocalizedText.Count(waived, MessageKey.CheckSummaryWaivedOne, MessageKey.CheckSummaryWaived) : "";
        var text = new System.Text.StringBuilder();
        text.AppendLine(new LocalizedText(MessageKey.CheckSummary, s.ProjectCode, new LocalizedText(level),
            LocalizedText.Count(result.Findings.Count, MessageKey.FindingCountOne, MessageKey.FindingCount),
            counted[(int)Severity.Red], counted[(int)Severity.Orange], counted[(int)Severity.Yellow], info, waivedText,
            s.TotalDue, s.TotalPaid, s.TotalOutstanding, Date(s.AsOf), outDir).Render(language));
        // Before the findings, which may follow from them: each input with rows that could not be read.
        foreach (var file in s.Files.Where(static f => f.RowsRejected > 0))
        {
            text.AppendLine(new LocalizedText(MessageKey.CheckRejectedRows, Program.ControlsShown(file.File), file.RowsRejected, file.RowsRead, ReportWriter.FindingsFileName).Render(language));
        }
        // OrderBy is stable: among equals the findings.csv order decides, so the lines are the same on every run. False
        // alarms come after the findings that count, marked as such.
        foreach (var f in result.Findings.OrderBy(static f => f.Status == FindingStatus.Waived).ThenByDescending(static f => f.Severity)
                     .ThenByDescending(static f => (f.Amount ?? f.Expected)?.Fen ?? 0).Take(TopFindings))
        {
            text.AppendLine(new LocalizedText(f.Status == FindingStatus.Waived ? MessageKey.CheckTopFindingWaived : MessageKey.CheckTopFinding,
                language == ReportLanguage.En ? Severities.Name(f.Severity) : FindingMessages.SeverityLabel(f.Severity, language), FindingCodes.Name(f.Code),
                Program.OneLine(FindingMessages.Format(f, s.AsOf, options))).Render(language));
        }
        if (result.Findings.Count > TopFindings)
            text.AppendLine(new LocalizedText(MessageKey.CheckMoreFindings, result.Findings.Count - TopFindings, Path.Combine(outDir, ReportWriter.FindingsFileName)).Render(language));
        return text.ToString();
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
