using System.Text;
using PayrollRecon.Cli;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Golden;

/// <summary>
/// Every fixture project under <c>fixtures/</c> is checked: the findings (code, worker_id, period) must equal its
/// hand-written <c>expected-findings.csv</c>, and <c>findings.csv</c> must match the committed golden file byte for byte.
/// Set PAYROLLRECON_UPDATE_GOLDEN=1 to rewrite the golden files after a reviewed change.
/// </summary>
public sealed class FixtureTests
{
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.Fixtures, "*", SearchOption.AllDirectories)
                     .Where(d => File.Exists(Path.Combine(d, "project.json")) && File.Exists(Path.Combine(d, "expected-findings.csv")))
                     .Select(d => Path.GetRelativePath(RepoPaths.Fixtures, d).Replace('\\', '/'))
                     .OrderBy(d => d, StringComparer.Ordinal))
        {
            data.Add(dir);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Check_Fixture_FindsExactlyTheExpectedFindings(string fixture)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, fixture);
        var findingsCsv = Render(dir);

        var actual = Keys(ReadCsv(findingsCsv), "code", "worker_id", "period");
        var expected = Keys(ReadCsv(File.ReadAllBytes(Path.Combine(dir, "expected-findings.csv"))), "code", "worker_id", "period");
        var missing = Except(expected, actual);
        var extra = Except(actual, expected);
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{fixture}: missing [{string.Join("; ", missing)}], unexpected [{string.Join("; ", extra)}]");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Check_Fixture_FindingsCsvMatchesGoldenBytes(string fixture)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, fixture);
        var findingsCsv = Render(dir);
        var golden = Path.Combine(dir, "expected", "findings.csv");
        if (Environment.GetEnvironmentVariable("PAYROLLRECON_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, findingsCsv);
        }
        Assert.True(File.Exists(golden), $"{fixture}: no golden file {golden} (run with PAYROLLRECON_UPDATE_GOLDEN=1 after review)");
        var expected = File.ReadAllBytes(golden);
        // Compare as text first for a readable diff, then byte for byte (BOM and line ends included).
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(findingsCsv));
        Assert.Equal(expected, findingsCsv);
    }

    private static byte[] Render(string dir)
    {
        var result = PayrollChecker.Check(ProjectFolder.Load(dir));
        using var buffer = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, buffer, new ReportOptions());
        return buffer.ToArray();
    }

    private static List<string> Keys(List<Dictionary<string, string>> rows, params string[] columns) =>
        rows.Select(r => string.Join(",", columns.Select(c => r.TryGetValue(c, out var v) ? v : ""))).OrderBy(k => k, StringComparer.Ordinal).ToList();

    private static List<string> Except(List<string> a, List<string> b)
    {
        var rest = new List<string>(b);
        var result = new List<string>();
        foreach (var x in a)
        {
            int i = rest.IndexOf(x);
            if (i >= 0) rest.RemoveAt(i); else result.Add(x);
        }
        return result;
    }

    /// <summary>A small RFC 4180 reader for test oracles (independent of the product's reader).</summary>
    internal static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r')); field.Clear();
                if (!(record.Count == 1 && record[0].Length == 0)) records.Add(record);
                record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        if (records.Count == 0) return [];
        var header = records[0].Select(h => h.Trim()).ToList();
        return records.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i].Trim() : "")).ToDictionary(p => p.h, p => p.v)).ToList();
    }
}
