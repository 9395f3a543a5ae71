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
        var command = new Command("check", "Reconcile one project folder: findings.csv, ledger.csv, summary.json, report.html.") { dir };
        common.AddTo(command);
        command.SetAction((parsed, ct) => Task.FromResult(Execute(parsed.GetRequiredValue(dir), common, parsed, ct)));
        return command;
    }

    private static int Execute(string projectDir, CommonOptions common, ParseResult parsed, CancellationToken ct)
    {
        var inputs = ProjectFolder.Load(projectDir);
        var result = PayrollChecker.Check(inputs, common.CheckOptions(parsed), progress: null, ct);
        var outDir = common.OutDir(parsed);
        ProjectOutput.Write(result, outDir, common.ReportOptions(parsed), ct);
        Console.Out.WriteLine(Describe(result, outDir));
        return ExitCodeFor(result, common.FailOnLevel(parsed));
    }

    internal static int ExitCodeFor(ReconciliationResult result, Severity? failOn) =>
        failOn is { } level && result.Findings.Any(f => f.Severity >= level) ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;

    private static string Describe(ReconciliationResult result, string outDir)
    {
        var s = result.Summary;
        var level = s.WarningLevel?.ToString().ToLowerInvariant() ?? "green";
        int Count(Severity v) => s.CountsBySeverity.TryGetValue(v, out var n) ? n : 0;
        return $"{s.ProjectCode}: {level}; {result.Findings.Count} findings (red {Count(Severity.Red)}, orange {Count(Severity.Orange)}, yellow {Count(Severity.Yellow)}); " +
               $"due {s.TotalDue}, paid {s.TotalPaid}, outstanding {s.TotalOutstanding}; written to {outDir}";
    }
}
