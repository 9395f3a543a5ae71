using System.CommandLine;
using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon check &lt;project-dir&gt;</c>: reconcile one project folder and write its outputs.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("project-dir") { Description = "Folder holding project.json, workers.csv, bank.csv and the optional inputs." };
        var common = new CommonOptions();
        // Hidden: a diagnostic for users who measure where the time of a big project goes, not part of the contract.
        var timings = new Option<bool>("--timings") { Description = "Print the wall time of every phase to stderr.", Hidden = true };
        var command = new Command("check", "Reconcile one project folder: findings.csv, ledger.csv, summary.json, report.html.") { dir, timings };
        common.AddTo(command);
        command.SetAction((parsed, ct) => Task.FromResult(Execute(parsed.GetRequiredValue(dir), common, parsed, parsed.GetValue(timings) ? new CheckTimings() : null, ct)));
        return command;
    }

    private static int Execute(string projectDir, CommonOptions common, ParseResult parsed, CheckTimings? timings, CancellationToken ct)
    {
        if (timings is not null)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            timings.Record("runtime start-up, parse args", DateTime.Now - process.StartTime, process.TotalProcessorTime);
        }
        using var cancel = new SignalCancellation(ct);
        ct = cancel.Token;
        timings?.Restart();
        var inputs = ProjectFolder.Load(projectDir);
        if (parsed.GetValue(common.Previous) is { } previous) inputs = inputs with { Previous = FollowUp.PreviousRun.Load(previous) };
        timings?.Lap("read project.json");
        var result = PayrollChecker.RunAsync(inputs, common.CheckOptions(parsed), progress: null, timings, ct).GetAwaiter().GetResult();
        var outDir = common.OutDir(parsed);
        ProjectOutput.Write(result, outDir, common.ReportOptions(parsed), ct, timings);
        Console.Out.WriteLine(Describe(result, outDir));
        foreach (var file in result.Summary.Files)
        {
            if (file.Warning is { } warning) parsed.InvocationConfiguration.Error.WriteLine($"warning: {warning}");
        }
        if (timings is not null)
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Console.Error.Write(timings.Describe());
            Console.Error.WriteLine($"peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB; GC collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; allocated {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        }
        return ExitCodeFor(result, common.FailOnLevel(parsed));
    }

    internal static int ExitCodeFor(ReconciliationResult result, Severity? failOn) =>
        failOn is { } level && result.Findings.Any(f => f.Severity >= level && f.Status != FindingStatus.Waived) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;

    private static string Describe(ReconciliationResult result, string outDir)
    {
        var s = result.Summary;
        var level = s.WarningLevel?.ToString().ToLowerInvariant() ?? "green";
        int Count(Severity v) => s.CountsBySeverity.TryGetValue(v, out var n) ? n : 0;
        return $"{s.ProjectCode}: {level}; {result.Findings.Count} findings (red {Count(Severity.Red)}, orange {Count(Severity.Orange)}, yellow {Count(Severity.Yellow)}); " +
               $"due {s.TotalDue}, paid {s.TotalPaid}, outstanding {s.TotalOutstanding}; written to {outDir}";
    }
}
