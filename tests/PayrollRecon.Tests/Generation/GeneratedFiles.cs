using System.Text;

using PayrollRecon.Generation;

namespace PayrollRecon.Tests.Generation;

/// <summary>Generates projects into a temporary folder and reads their CSV files back (a minimal RFC 4180 reader,
/// independent of the product's readers).</summary>
internal sealed class GeneratedFiles : IDisposable
{
    private GeneratedFiles(string root, GenerationResult result)
    {
        Root = root;
        Result = result;
    }

    public string Root { get; }

    public GenerationResult Result { get; }

    public static GeneratedFiles Generate(GeneratorOptions options)
    {
        string root = Path.Combine(Path.GetTempPath(), "payrollrecon-gen-" + Guid.NewGuid().ToString("N"));
        return new GeneratedFiles(root, ProjectGenerator.Generate(root, options));
    }

    public string ProjectDir(int index = 0) => Result.Projects[index].Directory;

    /// <summary>Header and data rows of a project file, decoded with <paramref name="encoding"/> (UTF-8 when null).</summary>
    public (string[] Header, List<string[]> Rows) Read(string file, int project = 0, Encoding? encoding = null)
    {
        string text = File.ReadAllText(Path.Combine(ProjectDir(project), file), encoding ?? new UTF8Encoding(false, true));
        var lines = text.Split('\n');
        var rows = new List<string[]>();
        foreach (var raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            rows.Add(SplitCsv(line));
        }
        return (rows[0], rows.Skip(1).ToList());
    }

    /// <summary>Every file's bytes keyed by relative path, for byte-for-byte comparison.</summary>
    public SortedDictionary<string, byte[]> AllBytes()
    {
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            all[Path.GetRelativePath(Root, f)] = File.ReadAllBytes(f);
        return all;
    }

    public static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }

    /// <summary>Parses yuan text (optional thousands commas) into fen.</summary>
    public static long Fen(string yuan)
    {
        string s = yuan.Replace(",", "");
        int dot = s.IndexOf('.');
        return dot < 0 ? long.Parse(s) * 100 : (long.Parse(s[..dot]) * 100) + long.Parse(s[(dot + 1)..].PadRight(2, '0'));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
