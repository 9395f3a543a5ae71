using System.Text;

using PayrollRecon.Reading;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Api;

/// <summary>The sample project checked through the public API, and findings.csv files read back as field arrays.</summary>
internal static class FindingsCsvRows
{
    public static readonly string Sample = Path.Combine(RepoPaths.Fixtures, "sample-project");

    public static ReconciliationResult Check() => PayrollChecker.Check(PayrollRecon.Cli.ProjectFolder.Load(Sample));

    /// <summary>The rows of a findings.csv as field arrays (header first), read with the library's own tokenizer.</summary>
    public static List<string[]> Rows(Stream csv, string name)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.Create(csv, name);
        while (reader.Read(out CsvRow row))
        {
            var fields = new string[row.FieldCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = Encoding.UTF8.GetString(row[i]);
            rows.Add(fields);
        }
        return rows;
    }

    /// <summary>The rows of the findings.csv the library writes for <paramref name="result"/>.</summary>
    public static List<string[]> Written(ReconciliationResult result, ReportOptions options)
    {
        var buffer = new MemoryStream();
        ReportWriter.WriteFindingsCsv(result, buffer, options);
        buffer.Position = 0;
        return Rows(buffer, "findings.csv");
    }
}
