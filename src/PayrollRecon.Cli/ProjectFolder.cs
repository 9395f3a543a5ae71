using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reading;

namespace PayrollRecon.Cli;

/// <summary>The folder convention of SPEC §2: one project = one folder with files of fixed default names.</summary>
internal static class ProjectFolder
{
    public const string SettingsFile = "project.json";

    /// <summary>True when <paramref name="dir"/> holds a <c>project.json</c>.</summary>
    public static bool IsProject(string dir) => File.Exists(Path.Combine(dir, SettingsFile));

    /// <summary>Reads <c>project.json</c> and locates the inputs; a missing required file or bad settings throw with one line.</summary>
    public static CheckInputs Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new CliException($"{dir}: no such project folder");
        var settingsPath = Path.Combine(dir, SettingsFile);
        if (!File.Exists(settingsPath)) throw new CliException($"{dir}: missing required file '{SettingsFile}'");
        ProjectSettings settings = ProjectSettingsReader.Read(File.ReadAllBytes(settingsPath), SettingsFile);
        return Inputs(dir, settings, dir);
    }

    /// <summary>The inputs of the project in <paramref name="dir"/> under the default file names; a missing required
    /// file throws with one line that names the project as <paramref name="label"/>.</summary>
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
        };
    }

    /// <summary>The file of an input kind in a project folder: <c>bank.csv</c>, else <c>bank.xlsx</c>, else <c>bank.xls</c> (SPEC §2.3); null when none exists.</summary>
    public static string? Locate(string dir, InputKind kind)
    {
        string csv = InputInspector.DefaultFileName(kind);
        string stem = Path.GetFileNameWithoutExtension(csv);
        foreach (string name in (ReadOnlySpan<string>)[csv, stem + ".xlsx", stem + ".xls"])
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
