using System.Text;
using PayrollRecon.Cli;
using PayrollRecon.Generation;

namespace PayrollRecon.Tests.Batch;

/// <summary>A throw-away root with generated projects under <c>in/</c> and room for output folders next to it.</summary>
internal sealed class BatchFolder : IDisposable
{
    public BatchFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "payrollrecon-batch-" + Cli.TempProject.UniqueName());
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "in");

    public string Out(string name) => Path.Combine(Root, name);

    /// <summary>Generates projects into <see cref="Input"/> (codes <c>GEN-&lt;seed&gt;-NNNN</c>).</summary>
    public GenerationResult Generate(GeneratorOptions options) => ProjectGenerator.Generate(Input, options);

    /// <summary>Runs the CLI in-process; returns the exit code and what it wrote to stderr.</summary>
    public static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), Cli.TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    /// <summary>Every file below <paramref name="dir"/>, keyed by '/'-separated relative path.</summary>
    public static SortedDictionary<string, byte[]> Files(string dir)
    {
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            all[Path.GetRelativePath(dir, f).Replace('\\', '/')] = File.ReadAllBytes(f);
        return all;
    }

    /// <summary>The lines of a UTF-8 (BOM) CSV output, BOM removed.</summary>
    public static string[] Lines(string path) =>
        new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
