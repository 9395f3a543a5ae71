using System.Text;
using System.Text.RegularExpressions;

namespace PayrollRecon.FaultInjection;

/// <summary>An unmutated, realistic project the suite mutates copies of.</summary>
/// <param name="Name">A short name (<c>sample</c>, <c>gen-utf8</c>, <c>export-icbc-corporate-xlsx</c>…).</param>
/// <param name="Dir">Its folder (never written to).</param>
/// <param name="Files">Its input files by file name (project.json, workers.csv, bank.xlsx…).</param>
/// <param name="Secrets">ID and card numbers of its roster: none of them may appear unmasked in any output.</param>
public sealed record BaseProject(string Name, string Dir, IReadOnlyList<string> Files, IReadOnlyList<string> Secrets)
{
    /// <summary>The input kind of a file name: <c>bank.xlsx</c> → <c>bank</c>, <c>project.json</c> → <c>project</c>.</summary>
    public static string InputKind(string fileName) => fileName.Split('.')[0];

    /// <summary>Records accounted per file (header + preamble + rows read + footer) in the unmutated project's summary.json.</summary>
    public Dictionary<string, long> Accounted { get; } = [];

    /// <summary>The format of one of its files.</summary>
    public FileFormat Format(string fileName)
    {
        if (fileName.EndsWith(".json", StringComparison.Ordinal)) return FileFormat.Json;
        if (fileName.EndsWith(".csv", StringComparison.Ordinal)) return FileFormat.Csv;
        byte[] head = new byte[8];
        using (var f = File.OpenRead(Path.Combine(Dir, fileName))) f.ReadExactly(head, 0, Math.Min(8, (int)f.Length));
        if (head[0] == (byte)'P' && head[1] == (byte)'K') return FileFormat.Xlsx;
        if (head[0] == 0xD0 && head[1] == 0xCF) return FileFormat.Xls;
        return FileFormat.Html;
    }
}

/// <summary>Builds the suite's base projects: the bundled sample, generated projects (UTF-8, GB18030 + CRLF + Chinese headers, layout B) and the bank exports.</summary>
public static class BaseProjects
{
    private static readonly string[] InputNames =
    [
        "project.json", "workers.csv", "bank.csv", "bank.xlsx", "bank.xls", "attendance.csv", "payroll.csv", "batches.csv", "calendar.csv",
    ];

    /// <summary>The generated projects: name and the <c>generate</c> options (fixed seeds: the same bytes every time).</summary>
    private static readonly (string Name, string[] Options)[] Generated =
    [
        ("gen-utf8", ["--workers", "12", "--months", "4", "--seed", "11", "--defect-rate", "0.3"]),
        ("gen-gb18030-crlf", ["--workers", "12", "--months", "4", "--seed", "12", "--defect-rate", "0.3", "--gb18030", "--crlf", "--chinese-headers"]),
        ("gen-layout-b", ["--workers", "12", "--months", "4", "--seed", "13", "--defect-rate", "0.3", "--bank-layout-b"]),
    ];

    /// <summary>Whether a file name is one the CLI takes as an input.</summary>
    public static bool IsInputName(string fileName) => InputNames.Contains(fileName, StringComparer.Ordinal);

    /// <summary>Builds every base project under <paramref name="scratch"/> (generated ones with the CLI's <c>generate</c>).</summary>
    public static List<BaseProject> Build(string repoRoot, string scratch, CliProcess cli)
    {
        var list = new List<BaseProject> { Load("sample", Path.Combine(repoRoot, "fixtures", "sample-project")) };
        foreach (var (name, options) in Generated)
        {
            string outDir = Path.Combine(scratch, "bases", name);
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            CliRun run = cli.Run(["generate", outDir, "--projects", "1", .. options], TimeSpan.FromMinutes(2), 4L << 30);
            if (run.Exit != 0) throw new InvalidOperationException($"generate {name} failed (exit {run.Exit}): {run.Stderr}");
            string project = Directory.GetDirectories(outDir).Single();
            list.Add(Load(name, project));
        }
        foreach (string export in Directory.GetDirectories(Path.Combine(repoRoot, "fixtures", "exports")).Order(StringComparer.Ordinal))
        {
            list.Add(Load("export-" + Path.GetFileName(export), export));
        }
        return list;
    }

    private static BaseProject Load(string name, string dir)
    {
        List<string> files = [.. InputNames.Where(f => File.Exists(Path.Combine(dir, f)))];
        return new BaseProject(name, dir, files, Secrets(dir, files));
    }

    /// <summary>The roster's ID numbers (18 characters) and wage cards (12–30 digits), read from workers.csv as text.</summary>
    private static List<string> Secrets(string dir, List<string> files)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (!files.Contains("workers.csv")) return [.. found];
        string text = MutationCatalog.Decode(File.ReadAllBytes(Path.Combine(dir, "workers.csv")), out _);
        foreach (Match m in Regex.Matches(text, @"(?<![0-9A-Za-z])([0-9]{17}[0-9Xx]|[0-9]{12,30})(?![0-9A-Za-z])"))
        {
            found.Add(m.Value.ToUpperInvariant());
        }
        return [.. found];
    }

    /// <summary>Copies a project's input files into a fresh folder.</summary>
    public static void CopyInputs(BaseProject project, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string f in project.Files) File.Copy(Path.Combine(project.Dir, f), Path.Combine(target, f), overwrite: true);
    }

    /// <summary>Reads a file as text for a message (first <paramref name="max"/> characters).</summary>
    internal static string Preview(string text, int max = 300) =>
        text.Length <= max ? text : text[..max] + $"… ({Encoding.UTF8.GetByteCount(text)} bytes)";
}
