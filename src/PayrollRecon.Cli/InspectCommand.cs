using System.CommandLine;
using System.Globalization;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon inspect &lt;project-dir&gt;</c>: read every input and say what was seen — format, encoding, header, preamble, footer, column binding, layout, counts, the first problems.</summary>
/// <remarks>Exit code 1 when rows were rejected (inspect has no <c>--fail-on</c>); 2 when a required file is missing or
/// a file cannot be read, once every file has been reported.</remarks>
internal static class InspectCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("project-dir") { Description = "Folder holding the project's input files." };
        var max = new Option<int>("--max-diagnostics") { Description = "Problems to show per file.", DefaultValueFactory = _ => 5 };
        var rows = new Option<int>("--rows") { Description = "Print the first N parsed rows of every file as JSON lines (ID and card numbers masked).", DefaultValueFactory = _ => 0 };
        var lang = CommonOptions.NewLang();
        var command = new Command("inspect", "Read every input of a project folder and report, per file, what was detected (format, encoding, sheet, header row, preamble, footer, column binding, bank layout), rows read and rejected, and the first problems.") { dir, max, rows, lang };
        command.SetAction(parsed => Execute(parsed.GetRequiredValue(dir), parsed.GetValue(max), parsed.InvocationConfiguration.Output, parsed.GetValue(rows),
            parsed.GetValue(lang) == "en" ? ReportLanguage.En : ReportLanguage.Zh));
        return command;
    }

    internal static int Execute(string projectDir, int maxDiagnostics, TextWriter output, int rows = 0, ReportLanguage language = ReportLanguage.En)
    {
        string T(MessageKey key, params object?[] args) => new LocalizedText(key, args).Render(language);
        ProjectFolder.RequireFolder(projectDir);
        // Validates project.json the same way check does; a bad file is the one-line error of exit code 2. Missing
        // inputs are reported after what was found.
        ProjectFolder.ReadSettings(projectDir, ProjectFolder.SettingsFile);
        bool anyRejected = false;
        Exception? firstRefusal = null;
        string? missing = ProjectFolder.IsProject(projectDir) ? null : ProjectFolder.SettingsFile;
        foreach (var kind in Enum.GetValues<InputKind>())
        {
            // A file that cannot be read is its one-line refusal in its place; the files after it are still reported.
            try
            {
                var path = ProjectFolder.Locate(projectDir, kind);
                if (path is null)
                {
                    bool required = kind is InputKind.Workers or InputKind.Bank;
                    if (required) missing ??= InputKinds.DefaultFileName(kind);
                    output.WriteLine(T(required ? MessageKey.InspectAbsentRequired : MessageKey.InspectAbsent, InputKinds.DefaultFileName(kind)));
                    continue;
                }
                try
                {
                    var inspection = InputInspector.Inspect(path, kind, maxDiagnostics, rows);
                    anyRejected |= inspection.Stats.RowsRejected > 0;
                    Write(output, Path.GetFileName(path), inspection, language);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The operating system's message need not name the file: the line in its place does.
                    output.WriteLine(Masked(Program.OneLine(T(MessageKey.CannotBeRead, Path.GetFileName(path), e.Message))));
                    firstRefusal ??= e;
                }
            }
            catch (Exception e) when (Program.IsInputError(e))
            {
                output.WriteLine(Masked(Program.OneLine(Program.Localized(e, language))));
                firstRefusal ??= e;
            }
        }
        // What was found is printed; a folder check cannot run on is still an error (exit 2), not a clean bill: the
        // missing file, else the first refusal again on stderr, as check says it.
        if (missing == ProjectFolder.SettingsFile) throw ProjectFolder.MissingSettings(projectDir);
        if (missing is not null) throw new CliException(MessageKey.InspectMissingRequired, projectDir, missing);
        if (firstRefusal is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstRefusal);
        return anyRejected ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
    }

    private static void Write(TextWriter output, string name, InputInspection inspection, ReportLanguage language)
    {
        string T(MessageKey key, params object?[] args) => new LocalizedText(key, args).Render(language);
        var s = inspection.Stats;
        string sheet = s.Sheet is { } sh ? T(MessageKey.InspectSheet, Masked(sh)) : "";
        output.WriteLine(T(MessageKey.InspectFile, name, s.EncodingName, sheet, s.Bytes, s.RowsRead, s.RowsRejected));
        string separator = s.Format == "csv" ? T(inspection.Separator == '\t' ? MessageKey.InspectTabSeparated : MessageKey.InspectCommaSeparated) : "";
        output.WriteLine(T(MessageKey.InspectHeader, s.HeaderLine, separator, s.PreambleRows, s.FooterRows));
        if (s.EncodingDecidedOnBytes > 0) output.WriteLine(T(MessageKey.InspectEncodingDecided, s.EncodingDecidedOnBytes));
        if (s.GetWarning(language) is { } warning) output.WriteLine(T(MessageKey.InspectWarning, Masked(warning)));
        foreach (string p in inspection.Preamble.Where(static p => p.Length > 0))
        {
            output.WriteLine(T(MessageKey.InspectPreamble, Masked(p)));
        }
        if (inspection.PreambleAccount is { } account) output.WriteLine(T(MessageKey.InspectPreambleAccount, Masked(account)));
        if (inspection.PreamblePeriod is { } period)
        {
            output.WriteLine(T(MessageKey.InspectPreamblePeriod, Date(period.From), Date(period.To)));
        }
        if (inspection.BankLayout is { } layout)
        {
            output.WriteLine(T(MessageKey.InspectLayout, T(LayoutName(layout)), inspection.NewestFirst ? T(MessageKey.InspectNewestFirst) : ""));
        }
        var bound = inspection.Columns.Where(static c => c.Column is not null).Select(static c => $"{Masked(c.Header)} → {c.Column}").ToList();
        var ignored = inspection.Columns.Where(static c => c.Column is null && c.Header.Length > 0).Select(static c => c.Header).ToList();
        output.WriteLine(T(MessageKey.InspectColumns, bound.Count == 0 ? T(MessageKey.InspectNoColumns) : string.Join(", ", bound)));
        if (ignored.Count > 0) output.WriteLine(T(MessageKey.InspectIgnored, string.Join(", ", ignored.Select(Masked))));
        foreach (var d in inspection.Diagnostics) output.WriteLine($"  {Masked(d.ToString(language))}");
        if (s.RowsRejected > inspection.Diagnostics.Count) output.WriteLine(T(MessageKey.InspectMore, s.RowsRejected - inspection.Diagnostics.Count));
        foreach (string row in inspection.Rows) output.WriteLine($"  {row}");
    }

    /// <summary>Input text for the terminal: ID and card numbers masked (inspect has no --no-mask), control characters shown as '?'.</summary>
    private static string Masked(string text) => PersonalData.MaskNumbers(Program.ControlsShown(text));

    private static MessageKey LayoutName(BankLayout layout) => layout switch
    {
        BankLayout.DirectionAndAmount => MessageKey.InspectLayoutA,
        BankLayout.DebitCredit => MessageKey.InspectLayoutB,
        _ => MessageKey.InspectLayoutC,
    };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
