using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reading;

namespace PayrollRecon.Cli;

/// <summary>The folder convention of SPEC §2: one project = one folder with files of fixed default names.</summary>
internal static class ProjectFolder
{
    public const string SettingsFile = "project.json";

    /// <summary>The names the file of an input kind may have, in the order they are looked for: the CSV name of SPEC §2,
    /// then an Excel workbook (§2.3), e.g. <c>bank.csv</c>, <c>bank.xlsx</c>, <c>bank.xls</c>.</summary>
    public static string[] FileNames(InputKind kind)
    {
        string csv = InputInspector.DefaultFileName(kind);
        string stem = Path.GetFileNameWithoutExtension(csv);
        return [csv, stem + ".xlsx", stem + ".xls"];
    }

    /// <summary>The path of the file of <paramref name="kind"/> in <paramref name="dir"/> (the first of <see cref="FileNames"/>
    /// that exists), or null when the project has none.</summary>
    public static string? Locate(string dir, InputKind kind)
    {
        foreach (string name in FileNames(kind))
        {
            string path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>True when <paramref name="dir"/> holds a <c>project.json</c>.</summary>
    public static bool IsProject(string dir) => File.Exists(Path.Combine(dir, SettingsFile));

    /// <summary>Reads <c>project.json</c> and locates the inputs; a missing required file or bad settings throw with one line.</summary>
    public static CheckInputs Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new CliException($"{dir}: no such project folder");
        var settingsPath = Path.Combine(dir, SettingsFile);
        if (!File.Exists(settingsPath)) throw new CliException($"{dir}: missing required file '{SettingsFile}'");
        // Read through the capped stream reader: a huge or endless file (/dev/zero) stops at the size cap, not at the end.
        ProjectSettings settings;
        using (var stream = new FileStream(settingsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096))
        {
            settings = ProjectSettingsReader.Read(stream, SettingsFile);
        }
        return Inputs(dir, settings, dir);
    }

    /// <summary>The inputs of the project in <paramref name="dir"/> under the default file names (a workbook where the CSV
    /// is absent); a missing required file throws with one line that names the project as <paramref name="label"/>.</summary>
    /// <remarks>Each input is named by its actual file name, so its rows are cited as e.g. <c>bank.xlsx:17</c>.</remarks>
    public static CheckInputs Inputs(string dir, ProjectSettings settings, string label)
    {
        InputSource? Optional(InputKind kind) => Locate(dir, kind) is { } path ? InputSource.FromFile(path) : null;

        InputSource Required(InputKind kind) =>
            Optional(kind) ?? throw new CliException($"{label}: missing required file '{InputInspector.DefaultFileName(kind)}'");

        return new CheckInputs
        {
            Settings = settings,
            Workers = Required(InputKind.Workers),
            Bank = Required(InputKind.Bank),
            Attendance = Optional(InputKind.Attendance),
            Payroll = Optional(InputKind.Payroll),
            Batches = Optional(InputKind.Batches),
            Calendar = Optional(InputKind.Calendar),
            Rulings = Optional(InputKind.Rulings),
        };
    }
}
