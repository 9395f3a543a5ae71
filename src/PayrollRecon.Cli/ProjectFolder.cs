using PayrollRecon.Model;
using PayrollRecon.Project;

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
        return new CheckInputs
        {
            Settings = settings,
            Workers = Required(dir, "workers.csv"),
            Bank = Required(dir, "bank.csv"),
            Attendance = Optional(dir, "attendance.csv"),
            Payroll = Optional(dir, "payroll.csv"),
            Batches = Optional(dir, "batches.csv"),
            Calendar = Optional(dir, "calendar.csv"),
        };
    }

    /// <summary>The project code from <c>project.json</c> without reading the inputs, or null when it cannot be read.</summary>
    public static string? TryReadCode(string dir)
    {
        try
        {
            return ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(dir, SettingsFile)), SettingsFile).Code;
        }
        catch (Exception e) when (e is PayrollDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static InputSource Required(string dir, string name) =>
        Optional(dir, name) ?? throw new CliException($"{dir}: missing required file '{name}'");

    private static InputSource? Optional(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        return File.Exists(path) ? InputSource.FromFile(path) : null;
    }
}
