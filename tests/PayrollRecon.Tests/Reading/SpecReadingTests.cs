using System.Globalization;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reading;

/// <summary>Sentences of SPEC §2 and R1–R8, R32–R41 read literally, one small input each.</summary>
public sealed class SpecReadingTests
{
    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Format(BankRow r) =>
        $"{r.Line}|{r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{(r.Direction == BankDirection.Debit ? "D" : "C")}|{r.Amount}|{S(r.Memo)}" +
        (r.Status == BankLineStatus.Succeeded ? "" : $"|{r.Status}");

    private static (List<string> Rows, List<string> Diagnostics, InputFileStats Stats) ReadBank(string text, InputReaderOptions options = default)
    {
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), "bank.csv", options with { Diagnostics = sink });
        var rows = new List<string>();
        while (reader.Read(out BankRow row)) rows.Add(Format(row));
        return (rows, [.. sink.Select(d => d.ToString())], reader.Stats);
    }

    [Fact]
    public void Read_ExtraFieldsThatAreDashPlaceholders_ReadTheRecord()
    {
        // R36: "a record with more fields than the header is read when every extra field is empty"; R37: "a field made
        // only of dashes (-, －, —, –) is empty".
        var r = ReadBank("time,direction,amount,memo\n2024-01-02,C,1,a,-\n2024-01-02,C,2,a,－,\"—\"\n2024-01-02,C,3,a,-,x\n");
        Assert.Equal(["2|2024-01-02|C|1.00|a", "3|2024-01-02|C|2.00|a"], r.Rows);
        Assert.Equal(["bank.csv:4: expected 4 fields, found 6"], r.Diagnostics);
    }

    [Fact]
    public void Read_PunchWithADirectionNoWordNames_IsReadWithUnknownDirection()
    {
        // R6: "An unknown wage_type, bank direction, batch status or calendar kind is a DATA_ERROR" (a punch direction is
        // not among them); R13: "direction is ignored".
        var (rows, diagnostics, stats) = TypedReaderSupport.Read(InputKind.Attendance,
            "身份证号,考勤时间,方向\nX1,2024-01-05 07:58,上班\nX1,2024-01-05 17:30,签退\nX1,2024-01-06 07:58,出\n", strict: true);
        Assert.Equal(["2|X1|2024-01-05 07:58:00|Unknown", "3|X1|2024-01-05 17:30:00|Unknown", "4|X1|2024-01-06 07:58:00|Out"], rows);
        Assert.Empty(diagnostics);
        Assert.Equal(0, stats.RowsRejected);
    }

    [Theory]
    [InlineData("2024-03", "")]
    [InlineData("202403", "")]
    [InlineData("2024年3月", "")]
    [InlineData("2024年03月", "")]
    [InlineData("2024-3", "payroll.csv:2: column period: invalid period '2024-3'")]
    [InlineData("2024/3", "payroll.csv:2: column period: invalid period '2024/3'")]
    [InlineData("2024/03", "payroll.csv:2: column period: invalid period '2024/03'")]
    public void Read_PayrollPeriod_OnlyTheFormsOfSection21(string period, string error)
    {
        // §2.1: "Periods (months): yyyy-MM, yyyyMM, yyyy年M月" (MM two digits, as in "yyyy-MM-dd (two-digit month and day)").
        var (rows, diagnostics, _) = TypedReaderSupport.Read(InputKind.Payroll, $"id_number,period,gross,net\nX1,{period},100,100\n");
        if (error.Length == 0)
        {
            Assert.Single(rows);
            Assert.Empty(diagnostics);
        }
        else
        {
            Assert.Empty(rows);
            Assert.Equal([error], diagnostics);
        }
    }
}
