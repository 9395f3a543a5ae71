using System.CommandLine;
using System.Globalization;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon inspect &lt;project-dir&gt;</c>: read every input and say what was seen — format, encoding, header, preamble, footer, column binding, layout, counts, the first problems.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("project-dir") { Description = "Folder holding the project's input files." };
        var max = new Option<int>("--max-diagnostics") { Description = "Problems to show per file.", DefaultValueFactory = _ => 5 };
        var rows = new Option<int>("--rows") { Description = "Print the first N parsed rows of every file as JSON lines (ID and card numbers masked).", DefaultValueFactory = _ => 0 };
        var lang = CommonOptions.NewLang();
        var command = new Command("inspect", "Read every input of a project folder and report, per file, what was detected (format, encoding, sheet, header row, preamble, footer, column binding, bank layout), rows read and rejected, and the first problems.") { dir, max, rows, lang };
        command.SetAction(parsed => Execute(parsed.GetRequiredValue(dir), parsed.GetValue(max), parsed.InvocationConfiguration.Output, parsed.GetValue(rows)));
        return command;
    }

    internal static int Execute(string projectDir, int maxDiagnostics, TextWriter output, int rows = 0)
    {
        if (!Directory.Exists(projectDir)) throw new CliException(MessageKey.NoSuchProjectFolder, projectDir);
        // Validates project.json the same way check does; a bad file is the one-line error of exit code 2. Missing
        // inputs are reported after what was found.
        ProjectFolder.ReadSettings(projectDir, ProjectFolder.SettingsFile);
        bool anyRejected = false;
        string? missing = ProjectFolder.IsProject(projectDir) ? null : ProjectFolder.SettingsFile;
        foreach (var kind in Enum.GetValues<InputKind>())
        {
            var path = ProjectFolder.Locate(projectDir, kind);
            if (path is null)
            {
                bool required = kind is InputKind.Workers or InputKind.Bank;
                if (required) missing ??= InputInspector.DefaultFileName(kind);
                output.WriteLine($"{InputInspector.DefaultFileName(kind)}: absent{(required ? " (required)" : "")}");
                continue;
            }
            var inspection = InputInspector.Inspect(path, kind, maxDiagnostics, rows);
            anyRejected |= inspection.Stats.RowsRejected > 0;
            Write(output, Path.GetFileName(path), inspection);
        }
        // What was found is printed; a folder check cannot run on is still an error (exit 2), not a clean bill.
        if (missing == ProjectFolder.SettingsFile) throw ProjectFolder.MissingSettings(projectDir);
        if (missing is not null) throw new CliException(MessageKey.InspectMissingRequired, projectDir, missing);
        return anyRejected ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
    }

    private static void Write(TextWriter output, string name, InputInspection inspection)
    {
        var s = inspection.Stats;
        string sheet = s.Sheet is { } sh ? $" (sheet '{sh}')" : "";
        output.WriteLine($"{name}: {EncodingName(s.Encoding)}{sheet}, {s.Bytes} bytes, {s.RowsRead} rows read, {s.RowsRejected} rejected");
        string separator = s.Format == "csv" ? (inspection.Separator == '\t' ? ", tab-separated" : ", comma-separated") : "";
        output.WriteLine($"  header on line {s.HeaderLine}{separator}; {s.PreambleRows} preamble rows, {s.FooterRows} footer rows skipped");
        foreach (string p in inspection.Preamble.Where(static p => p.Length > 0))
        {
            output.WriteLine($"  preamble: {PersonalData.FreeText(p, mask: true)}");
        }
        if (inspection.PreambleAccount is { } account) output.WriteLine($"  statement account (preamble): {account}");
        if (inspection.PreamblePeriod is { } period)
        {
            output.WriteLine($"  statement period (preamble): {Date(period.From)} to {Date(period.To)}");
        }
        if (inspection.BankLayout is { } layout)
        {
            output.WriteLine($"  layout: {LayoutName(layout)}{(inspection.NewestFirst ? "; listed newest first (read in reverse, R40)" : "")}");
        }
        var bound = inspection.Columns.Where(static c => c.Column is not null).Select(static c => $"{c.Header} → {c.Column}").ToList();
        var ignored = inspection.Columns.Where(static c => c.Column is null && c.Header.Length > 0).Select(static c => c.Header).ToList();
        output.WriteLine($"  columns: {(bound.Count == 0 ? "(none)" : string.Join(", ", bound))}");
        if (ignored.Count > 0) output.WriteLine($"  ignored: {string.Join(", ", ignored.Select(static h => PersonalData.FreeText(h, mask: true)))}");
        foreach (var d in inspection.Diagnostics) output.WriteLine($"  {PersonalData.FreeText(d.ToString(), mask: true)}");
        if (s.RowsRejected > inspection.Diagnostics.Count) output.WriteLine($"  … and {s.RowsRejected - inspection.Diagnostics.Count} more");
        foreach (string row in inspection.Rows) output.WriteLine($"  {row}");
    }

    private static string LayoutName(BankLayout layout) => layout switch
    {
        BankLayout.DirectionAndAmount => "A (direction + amount)",
        BankLayout.DebitCredit => "B (debit / credit columns)",
        _ => "C (signed amount)",
    };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string EncodingName(TextEncodingKind encoding) => SummaryJson.EncodingName(encoding);
}
