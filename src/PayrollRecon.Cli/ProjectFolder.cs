using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>The folder convention of SPEC §2: one project = one folder with files of fixed default names.</summary>
internal static class ProjectFolder
{
    public const string SettingsFile = "project.json";

    /// <summary>The names the file of an input kind may have, in the order they are looked for: the CSV name of SPEC §2,
    /// then an Excel workbook (§2.3), e.g. <c>bank.csv</c>, <c>bank.xlsx</c>, <c>bank.xls</c>.</summary>
    public static string[] FileNames(InputKind kind)
    {
        string csv = InputKinds.DefaultFileName(kind);
        string stem = Path.GetFileNameWithoutExtension(csv);
        return [csv, stem + ".xlsx", stem + ".xls"];
    }

    /// <summary>The path of the file of <paramref name="kind"/> in <paramref name="dir"/> (the first of <see cref="FileNames"/>
    /// that exists), or null when the project has none.</summary>
    /// <exception cref="CliException">When that entry is not a regular file or links out of the folder (<see cref="CheckedFile"/>).</exception>
    public static string? Locate(string dir, InputKind kind)
    {
        foreach (string name in FileNames(kind))
        {
            if (CheckedFile(dir, name) is { } path) return path;
        }
        return null;
    }

    /// <summary>The path of the entry <paramref name="name"/> in the project folder <paramref name="dir"/>, examined
    /// before anything opens it; null when there is none.</summary>
    /// <remarks>
    /// Only a regular file is read: a named pipe would block the open until some writer came, a device such as
    /// <c>/dev/zero</c> never ends, a socket or folder cannot be read as a file. A link is followed only to a regular
    /// file inside the project folder, so a planted <c>workers.csv → /etc/passwd</c> cannot copy another file into the
    /// outputs.
    /// </remarks>
    /// <exception cref="CliException">One line naming the file (<see cref="CliException.OfInput"/>): <c>bank.csv: not a
    /// regular file (a named pipe)</c>, <c>workers.csv: a link to a file outside the project folder (not read)</c>.</exception>
    public static string? CheckedFile(string dir, string name)
    {
        string path = Path.Combine(dir, name);
        try
        {
            var kind = LocalFiles.KindOf(path, followLinks: false);
            if (kind == EntryKind.Missing) return null;
            if (kind == EntryKind.Link)
            {
                var target = LocalFiles.KindOf(path, followLinks: true);
                if (target == EntryKind.Missing) throw new CliException(MessageKey.LinkToNothing, name) { OfInput = true };
                if (target != EntryKind.Regular) throw new CliException(MessageKey.NotRegularLink, name, LocalFiles.Describe(target)) { OfInput = true };
                string folder = LocalFiles.RealPath(dir) ?? Path.GetFullPath(dir);
                if (LocalFiles.RealPath(path) is not { } real || !LocalFiles.IsInside(real, folder))
                    throw new CliException(MessageKey.LinkOutside, name) { OfInput = true };
                return path;
            }
            if (kind != EntryKind.Regular) throw new CliException(MessageKey.NotRegularFile, name, LocalFiles.Describe(kind)) { OfInput = true };
            return path;
        }
        catch (IOException e)
        {
            throw new CliException(MessageKey.CannotExamine, name, e.Message) { OfInput = true };
        }
    }

    /// <summary>
    /// Reads the previous run in <paramref name="dir"/> (<c>--previous</c>) once its files are known to be regular files:
    /// a named pipe there would block the open until some writer came, and a device such as <c>/dev/zero</c> never ends.
    /// Links are followed (a run kept through a link is usual); what they point to must be a regular file too.
    /// </summary>
    /// <exception cref="CliException">One line naming the file: <c>prev/history.csv: not a regular file (a named pipe)</c>.</exception>
    public static FollowUp.PreviousRun LoadPrevious(string dir)
    {
        foreach (string name in (ReadOnlySpan<string>)[ReportWriter.SummaryFileName, ReportWriter.HistoryFileName, ReportWriter.FindingsFileName])
        {
            string path = Path.Combine(dir, name);
            try
            {
                var kind = LocalFiles.KindOf(path, followLinks: true);
                if (kind is not (EntryKind.Missing or EntryKind.Regular))
                    throw new CliException(MessageKey.NotRegularFile, path, LocalFiles.Describe(kind)) { OfInput = true };
            }
            catch (IOException e)
            {
                throw new CliException(MessageKey.CannotExamine, path, e.Message) { OfInput = true };
            }
        }
        return FollowUp.PreviousRun.Load(dir);
    }

    /// <summary>True when <paramref name="dir"/> holds an entry named <c>project.json</c> (a bad one is reported when read).</summary>
    public static bool IsProject(string dir)
    {
        try
        {
            return LocalFiles.KindOf(Path.Combine(dir, SettingsFile), followLinks: false) != EntryKind.Missing;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Refuses a project path that is not a folder: a file is said to be one, anything else not to exist.</summary>
    public static void RequireFolder(string dir)
    {
        if (Directory.Exists(dir)) return;
        throw new CliException(File.Exists(dir) ? MessageKey.ProjectFolderIsFile : MessageKey.NoSuchProjectFolder, dir);
    }

    /// <summary>Reads <c>project.json</c> and locates the inputs; a missing required file or bad settings throw with one line.</summary>
    public static CheckInputs Load(string dir)
    {
        RequireFolder(dir);
        return Inputs(dir, ReadSettings(dir, SettingsFile) ?? throw MissingSettings(dir), dir);
    }

    /// <summary>The error for a folder without <c>project.json</c>; when folders below it hold projects, it says to run <c>batch</c>.</summary>
    public static CliException MissingSettings(string dir)
    {
        var below = ProjectsBelow(dir);
        if (below.Count == 0) return new CliException(MessageKey.MissingRequiredFile, dir, SettingsFile);
        return new CliException(MessageKey.MissingSettingsHoldsProjects, dir, below.Count, below[0]);
    }

    /// <summary>The folders below <paramref name="dir"/> (four levels at most, links not followed) that hold a project.json,
    /// relative and in order.</summary>
    private static List<string> ProjectsBelow(string dir)
    {
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            return Directory.EnumerateFiles(dir, SettingsFile, options)
                .Select(f => Path.GetRelativePath(dir, Path.GetDirectoryName(f)!).Replace('\\', '/'))
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The settings of the project in <paramref name="dir"/>, or null when it has no <c>project.json</c>;
    /// errors name the file as <paramref name="label"/>.</summary>
    public static ProjectSettings? ReadSettings(string dir, string label)
    {
        if (CheckedFile(dir, SettingsFile) is not { } path) return null;
        // Read through the capped stream reader: a huge file stops at the size cap, not at its end.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return ProjectSettingsReader.Read(stream, label);
    }

    /// <summary>The inputs of the project in <paramref name="dir"/> under the default file names (a workbook where the CSV
    /// is absent); a missing required file throws with one line that names the project as <paramref name="label"/>.</summary>
    /// <remarks>Each input is named by its actual file name, so its rows are cited as e.g. <c>bank.xlsx:17</c>.</remarks>
    public static CheckInputs Inputs(string dir, ProjectSettings settings, string label)
    {
        InputSource? Optional(InputKind kind) => Locate(dir, kind) is { } path ? InputSource.FromFile(path) : null;

        InputSource Required(InputKind kind) =>
            Optional(kind) ?? throw new CliException(MessageKey.MissingRequiredFile, label, InputKinds.DefaultFileName(kind));

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
