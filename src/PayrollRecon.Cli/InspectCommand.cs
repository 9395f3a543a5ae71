using System.CommandLine;
using PayrollRecon.Model;
using PayrollRecon.Reading;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon inspect &lt;project-dir&gt;</c>: read every input and report encoding, rows read, rows rejected and the first problems.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("project-dir") { Description = "Folder holding the project's input files." };
        var max = new Option<int>("--max-diagnostics") { Description = "Problems to show per file.", DefaultValueFactory = _ => 5 };
        var command = new Command("inspect", "Read every input of a project folder and report, per file, encoding, rows read and rejected, and the first problems.") { dir, max };
        command.SetAction(parsed => Execute(parsed.GetRequiredValue(dir), parsed.GetValue(max), Console.Out));
        return command;
    }

    internal static int Execute(string projectDir, int maxDiagnostics, TextWriter output)
    {
        if (!Directory.Exists(projectDir)) throw new CliException($"{projectDir}: no such project folder");
        if (File.Exists(Path.Combine(projectDir, ProjectFolder.SettingsFile)))
        {
            // Validates project.json the same way check does; a bad file is the one-line error of exit code 2.
            ProjectFolder.Load(projectDir);
        }
        bool anyRejected = false;
        foreach (var kind in Enum.GetValues<InputKind>())
        {
            var path = ProjectFolder.Locate(projectDir, kind);
            if (path is null)
            {
                output.WriteLine($"{InputInspector.DefaultFileName(kind)}: absent{(kind is InputKind.Workers or InputKind.Bank ? " (required)" : "")}");
                continue;
            }
            var name = Path.GetFileName(path);
            var inspection = InputInspector.Inspect(path, kind, maxDiagnostics);
            var s = inspection.Stats;
            anyRejected |= s.RowsRejected > 0;
            var sheet = inspection.SheetName is { } sheetName ? $" (sheet '{sheetName}')" : "";
            output.WriteLine($"{name}: {EncodingName(s.Encoding)}{sheet}, {s.Bytes} bytes, {s.RowsRead} rows read, {s.RowsRejected} rejected");
            foreach (var d in inspection.Diagnostics) output.WriteLine($"  {d}");
            if (s.RowsRejected > inspection.Diagnostics.Count) output.WriteLine($"  … and {s.RowsRejected - inspection.Diagnostics.Count} more");
        }
        return anyRejected ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
    }

    internal static string EncodingName(TextEncodingKind encoding) => Reporting.SummaryJson.EncodingName(encoding);
}
