using System.Text.Json;

using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class SummaryJsonTests
{
    [Fact]
    public void WriteSummaryJson_Realistic_ParsesBackWithExactTotals()
    {
        var result = Realistic();
        var s = result.Summary;

        string json = Utf8(st => ReportWriter.WriteSummaryJson(result, st));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("LY-2023-0017", root.GetProperty("project").GetProperty("code").GetString());
        Assert.Equal("洛阳市某安置房项目（二期）", root.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("2024-04-01", root.GetProperty("asOf").GetString());
        Assert.Equal("red", root.GetProperty("warningLevel").GetString());
        var totals = root.GetProperty("totals");
        Assert.Equal(s.TotalDue.ToString(), totals.GetProperty("due").GetString());
        Assert.Equal(s.TotalPaid.ToString(), totals.GetProperty("paid").GetString());
        Assert.Equal(s.TotalOutstanding.ToString(), totals.GetProperty("outstanding").GetString());
        Assert.Equal("480000.05", totals.GetProperty("laborFundsIn").GetString());
        Assert.Equal(s.WagePaymentsOut.ToString(), totals.GetProperty("wagePaymentsOut").GetString());
        Assert.Equal(JsonValueKind.String, totals.GetProperty("due").ValueKind);
        Assert.True(root.GetProperty("conservation").GetProperty("balanced").GetBoolean());
        Assert.Equal("12.50", root.GetProperty("conservation").GetProperty("fees").GetString());
        Assert.Equal(12, root.GetProperty("workers").GetInt32());
    }

    [Fact]
    public void WriteSummaryJson_Small_ExactText()
    {
        string json = Utf8(st => ReportWriter.WriteSummaryJson(Small(), st));

        Assert.Equal(
            """
            {
              "project": {
                "code": "LY-2023-0017",
                "name": "洛阳市某安置房项目"
              },
              "asOf": "2024-02-01",
              "warningLevel": "red",
              "workers": 2,
              "counts": {
                "findings": 4,
                "bySeverity": {
                  "red": 1,
                  "orange": 2,
                  "yellow": 1,
                  "info": 0
                },
                "byCode": {
                  "DATA_ERROR": 1,
                  "NAME_MISMATCH": 1,
                  "NON_WAGE_DEBIT": 1,
                  "UNPAID": 1
                },
                "byStatus": {
                  "new": 4,
                  "open": 0,
                  "reopened": 0,
                  "waived": 0,
                  "resolved": 0
                }
              },
              "totals": {
                "due": "0.00",
                "paid": "0.00",
                "outstanding": "0.00",
                "laborFundsIn": "480000.05",
                "wagePaymentsOut": "0.00"
              },
              "conservation": {
                "debits": "91012.50",
                "wagePayments": "0.00",
                "batches": "0.00",
                "fees": "12.50",
                "misuse": "91000.00",
                "credits": "480000.05",
                "refunds": "0.00",
                "interest": "0.00",
                "laborFunds": "480000.05",
                "balanced": true
              },
              "employers": [
                {
                  "employer": "宏达劳务",
                  "grade": "C",
                  "outstanding": "3000.00",
                  "workers": 2
                }
              ],
              "files": [
                {
                  "file": "workers.csv",
                  "rowsRead": 2,
                  "rowsRejected": 0,
                  "encoding": "UTF-8 (BOM)",
                  "format": "csv",
                  "headerLine": 0,
                  "preambleRows": 0,
                  "footerRows": 0,
                  "bytes": 2048
                },
                {
                  "file": "bank.csv",
                  "rowsRead": 250,
                  "rowsRejected": 1,
                  "encoding": "GB18030",
                  "format": "csv",
                  "headerLine": 0,
                  "preambleRows": 0,
                  "footerRows": 0,
                  "bytes": 40960
                },
                {
                  "file": "attendance.csv",
                  "rowsRead": 4000,
                  "rowsRejected": 0,
                  "encoding": "UTF-8",
                  "format": "csv",
                  "headerLine": 0,
                  "preambleRows": 0,
                  "footerRows": 0,
                  "bytes": 180000
                }
              ],
              "followUp": {
                "previousAsOf": null,
                "rulings": 0,
                "resolved": []
              }
            }

            """,
            json);
    }

    [Fact]
    public void WriteSummaryJson_NewestFirstWithZeroAndExcludedLines_BankStatementObjectAfterConservation()
    {
        var small = Small();
        var result = small with { Summary = small.Summary with { BankStatementNewestFirst = true, ZeroBankLines = 1, ExcludedBankLines = 2 } };

        string json = Utf8(st => ReportWriter.WriteSummaryJson(result, st));

        Assert.Contains(
            """
                "balanced": true
              },
              "bankStatement": {
                "newestFirst": true,
                "zeroLines": 1,
                "excludedLines": 2
              },
              "employers": [
            """.Replace("\r\n", "\n"),
            json);
    }

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(false, 3, 0)]
    [InlineData(true, 0, 0)]
    public void WriteSummaryJson_AnyOfOrderZeroExcluded_WritesAllThree(bool newestFirst, int zero, int excluded)
    {
        var small = Small();
        var result = small with { Summary = small.Summary with { BankStatementNewestFirst = newestFirst, ZeroBankLines = zero, ExcludedBankLines = excluded } };

        using var doc = JsonDocument.Parse(Utf8(st => ReportWriter.WriteSummaryJson(result, st)));
        var statement = doc.RootElement.GetProperty("bankStatement");

        Assert.Equal(newestFirst, statement.GetProperty("newestFirst").GetBoolean());
        Assert.Equal(zero, statement.GetProperty("zeroLines").GetInt32());
        Assert.Equal(excluded, statement.GetProperty("excludedLines").GetInt32());
    }

    [Fact]
    public void WriteSummaryJson_OrdinaryStatement_NoBankStatementObject()
    {
        using var doc = JsonDocument.Parse(Utf8(st => ReportWriter.WriteSummaryJson(Small(), st)));
        Assert.False(doc.RootElement.TryGetProperty("bankStatement", out _));
    }

    [Fact]
    public void WriteSummaryJson_SameInputTwice_ByteIdentical()
    {
        Assert.Equal(Bytes(s => ReportWriter.WriteSummaryJson(Realistic(), s)), Bytes(s => ReportWriter.WriteSummaryJson(Realistic(), s)));
    }
}
