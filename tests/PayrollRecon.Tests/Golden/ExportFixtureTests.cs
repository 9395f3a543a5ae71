using System.Globalization;
using System.Text;
using System.Text.Json;

using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reading;
using PayrollRecon.Records;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Golden;

/// <summary>
/// Every bank statement under <c>fixtures/exports/</c> (eleven banks' export shapes: personal and corporate, CSV in UTF-8
/// and GB18030, .xlsx, .xls, HTML saved as .xls) is read exactly as its <c>expected-reading.csv</c> says, line by line
/// and to the fen, with the facts of <c>expected-facts.json</c> (format, header line, preamble, footer, layout, order).
/// </summary>
public sealed class ExportFixtureTests
{
    private static string ExportsDir => Path.Combine(RepoPaths.Fixtures, "exports");

    public static TheoryData<string> Layouts()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(ExportsDir).Where(d => File.Exists(Path.Combine(d, "expected-reading.csv"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    [Fact]
    public void Layouts_AtLeastElevenBanksInEveryFormat()
    {
        var names = Directory.EnumerateDirectories(ExportsDir).Where(d => File.Exists(Path.Combine(d, "expected-reading.csv"))).Select(Path.GetFileName).OfType<string>().ToList();
        Assert.True(names.Count >= 11, string.Join(", ", names));
        var files = names.Select(n => Path.GetFileName(BankFile(n))).ToList();
        Assert.Contains(files, f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".xls", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".csv", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Read_BankExport_GivesTheExpectedReadingToTheFen(string layout)
    {
        string dir = Path.Combine(ExportsDir, layout);
        var settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(dir, "project.json")));
        string path = BankFile(layout);
        var diagnostics = new List<Diagnostic>();
        var rows = new List<string>();
        using var reader = BankReader.Open(path, new InputReaderOptions { Diagnostics = diagnostics, ExpectedAccount = settings.Account });
        while (reader.Read(out BankRow row)) rows.Add(Format(row));

        Assert.Empty(diagnostics.Select(d => d.ToString()));
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-reading.csv"), Encoding.UTF8).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, rows);

        using var facts = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "expected-facts.json")));
        var f = facts.RootElement;
        var stats = reader.Stats;
        Assert.Equal(f.GetProperty("format").GetString(), stats.Format);
        Assert.Equal(f.GetProperty("encoding").GetString(), SummaryJson.EncodingName(stats.Encoding));
        Assert.Equal(f.GetProperty("headerLine").GetInt64(), stats.HeaderLine);
        Assert.Equal(f.GetProperty("preambleRows").GetInt32(), stats.PreambleRows);
        Assert.Equal(f.GetProperty("footerRows").GetInt64(), stats.FooterRows);
        Assert.Equal(f.GetProperty("newestFirst").GetBoolean(), reader.NewestFirst);
        Assert.Equal(f.GetProperty("layout").GetString(), reader.Layout.ToString());
        Assert.Equal(f.GetProperty("preambleAccount").GetString()?.Replace("-", "", StringComparison.Ordinal), reader.PreambleAccount);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Check_BankExport_ReadsWithoutDataErrorsOrBalanceBreaks(string layout)
    {
        string dir = Path.Combine(ExportsDir, layout);
        var inputs = new CheckInputs
        {
            Settings = ProjectSettingsReader.Read(File.ReadAllBytes(Path.Combine(dir, "project.json"))),
            Workers = InputSource.FromFile(Path.Combine(dir, "workers.csv")),
            Bank = InputSource.FromFile(BankFile(layout)),
        };
        var result = await PayrollChecker.CheckAsync(inputs);
        Assert.DoesNotContain(result.Findings, x => x.Code is Findings.FindingCode.DataError or Findings.FindingCode.BalanceBreak or Findings.FindingCode.DuplicateTxn);
        Assert.True(result.Summary.Conservation.Balanced);
    }

    private static string BankFile(string layout) =>
        Directory.EnumerateFiles(Path.Combine(ExportsDir, layout), "bank.*").Single();

    private static string Format(BankRow r)
    {
        var inv = CultureInfo.InvariantCulture;
        string direction = r.Amount.Fen == 0 ? "" : r.Direction == BankDirection.Debit ? "D" : "C";
        string status = r.Status switch
        {
            BankLineStatus.Succeeded => "",
            _ => r.Status.ToString().ToLowerInvariant(),
        };
        return string.Join(',',
            r.Line.ToString(inv),
            r.Date.ToString("yyyy-MM-dd", inv),
            r.TimeOfDay?.ToString("HH:mm:ss", inv) ?? "",
            direction,
            r.Amount.Fen.ToString(inv),
            r.Balance?.Fen.ToString(inv) ?? "",
            Csv(r.CounterpartyName),
            Csv(r.CounterpartyAccount),
            Csv(r.Memo),
            Csv(r.TxnId),
            status);
    }

    private static string Csv(ReadOnlySpan<byte> utf8)
    {
        string s = Encoding.UTF8.GetString(utf8);
        return s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
