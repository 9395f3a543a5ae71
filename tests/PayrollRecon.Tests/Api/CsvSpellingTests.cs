using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Api.FindingsCsvRows;

namespace PayrollRecon.Tests.Api;

/// <summary>Severities and finding codes spelled as <c>findings.csv</c> spells them (<c>red</c>, <c>LABOR_FUNDS_SHORT</c>),
/// through the public API, both ways.</summary>
public sealed class CsvSpellingTests
{
    [Theory]
    [InlineData(Severity.Red, "red")]
    [InlineData(Severity.Orange, "orange")]
    [InlineData(Severity.Yellow, "yellow")]
    [InlineData(Severity.Info, "info")]
    public void Severities_EverySeverity_TheCsvSpellingBothWays(Severity severity, string name)
    {
        Assert.Equal(name, Severities.Name(severity));
        Assert.True(Severities.TryParse(name, out var parsed));
        Assert.Equal(severity, parsed);
    }

    [Theory]
    [InlineData("Red")]
    [InlineData("RED")]
    [InlineData(" red")]
    [InlineData("红")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotACsvSeverity_False(string? name) => Assert.False(Severities.TryParse(name, out _));

    [Fact]
    public void Name_UndefinedSeverity_Throws() =>
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => Severities.Name((Severity)9)).ParamName);

    [Theory]
    [InlineData(FindingCode.LaborFundsShort, "LABOR_FUNDS_SHORT")]
    [InlineData(FindingCode.PaidWithoutAttendance, "PAID_WITHOUT_ATTENDANCE")]
    [InlineData(FindingCode.DataError, "DATA_ERROR")]
    [InlineData(FindingCode.DuplicateTxn, "DUPLICATE_TXN")]
    public void FindingCodes_Code_TheCsvSpellingBothWays(FindingCode code, string name)
    {
        Assert.Equal(name, FindingCodes.Name(code));
        Assert.True(FindingCodes.TryParse(name, out var parsed));
        Assert.Equal(code, parsed);
        Assert.False(FindingCodes.TryParse(name.ToLowerInvariant(), out _));
    }

    /// <summary>Every code and severity any golden findings.csv holds parses with the public API and is written back the same.</summary>
    [Fact]
    public void GoldenFindingsCsv_EveryRow_SeverityAndCodeRoundTrip()
    {
        var seenCodes = new HashSet<string>();
        var seenSeverities = new HashSet<string>();
        foreach (string path in Directory.EnumerateFiles(RepoPaths.Fixtures, "findings.csv", SearchOption.AllDirectories))
        {
            var rows = Rows(File.OpenRead(path), "findings.csv");
            int code = Array.IndexOf(rows[0], "code"), severity = Array.IndexOf(rows[0], "severity");
            foreach (var row in rows.Skip(1))
            {
                Assert.True(FindingCodes.TryParse(row[code], out var c), $"{path}: {row[code]}");
                Assert.Equal(row[code], FindingCodes.Name(c));
                Assert.True(Severities.TryParse(row[severity], out var s), $"{path}: {row[severity]}");
                Assert.Equal(row[severity], Severities.Name(s));
                seenCodes.Add(row[code]);
                seenSeverities.Add(row[severity]);
            }
        }
        Assert.True(seenCodes.Count > 20, string.Join(",", seenCodes));
        Assert.Superset(new HashSet<string> { "red", "orange", "yellow" }, seenSeverities);
    }

    [Fact]
    public void SampleProject_EveryFinding_SeverityAndCodeAsWritten()
    {
        var result = Check();
        var written = Written(result, new ReportOptions());
        int code = Array.IndexOf(written[0], "code"), severity = Array.IndexOf(written[0], "severity");
        for (int i = 0; i < result.Findings.Count; i++)
        {
            Assert.Equal(written[i + 1][code], FindingCodes.Name(result.Findings[i].Code));
            Assert.Equal(written[i + 1][severity], Severities.Name(result.Findings[i].Severity));
        }
    }
}
