using System.Globalization;
using System.Text;

using PayrollRecon.Cli;
using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reading;

public sealed class LargeBankFileTests
{
    private static readonly string[] Names = ["张三", "李四", "欧阳·娜娜", "王五"];

    /// <summary>About 5 MB of statement lines whose values follow from the line index.</summary>
    private static byte[] Generate(int rows)
    {
        var sb = new StringBuilder("流水号,交易时间,借贷标志,交易金额,余额,对方户名,对方账号,摘要,批次号\r\n");
        for (int i = 0; i < rows; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"T{i:D8},2024-{1 + i % 12:D2}-{1 + i % 28:D2} {i % 24:D2}:{i % 60:D2}:05,")
              .Append(i % 3 == 0 ? "贷" : "借").Append(',')
              .Append(CultureInfo.InvariantCulture, $"\"{1000 + i % 5000:N0}.{i % 100:D2}\",{i}.00,")
              .Append(Names[i % 4]).Append(",62220000").Append(i % 10000).Append(',')
              .Append(i % 7 == 0 ? "\"工资,含加班\"" : "工资").Append(',').Append(i % 5 == 0 ? "B" + i : "").Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public void Read_FiveMegabyteStatement_ReadsEveryLineWithItsValues()
    {
        const int rows = 60_000;
        byte[] bytes = Generate(rows);
        Assert.InRange(bytes.Length, 4_500_000, 6_500_000);
        using var reader = BankReader.Create(new MemoryStream(bytes), "bank.csv", new InputReaderOptions { Strict = true });
        int i = 0;
        long total = 0;
        while (reader.Read(out BankRow row))
        {
            Assert.Equal(i + 2, row.Line);
            Assert.Equal($"T{i:D8}", Encoding.UTF8.GetString(row.TxnId));
            Assert.Equal(new DateOnly(2024, 1 + i % 12, 1 + i % 28), row.Date);
            Assert.Equal(new TimeOnly(i % 24, i % 60, 5), row.TimeOfDay);
            Assert.Equal(i % 3 == 0 ? BankDirection.Credit : BankDirection.Debit, row.Direction);
            Assert.Equal(new Money((1000 + i % 5000) * 100L + i % 100), row.Amount);
            Assert.Equal(new Money(i * 100L), row.Balance);
            Assert.Equal(Names[i % 4], Encoding.UTF8.GetString(row.CounterpartyName));
            Assert.Equal("62220000" + (i % 10000).ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(row.CounterpartyAccount));
            Assert.Equal(i % 7 == 0 ? "工资,含加班" : "工资", Encoding.UTF8.GetString(row.Memo));
            Assert.Equal(i % 5 == 0 ? "B" + i.ToString(CultureInfo.InvariantCulture) : "", Encoding.UTF8.GetString(row.BatchId));
            total += row.Amount.Fen;
            i++;
        }
        Assert.Equal(rows, i);
        Assert.True(total > 0);
        Assert.Equal(Expected("bank.csv", rows, bytes), reader.Stats);
    }

    [Fact]
    public void Read_FiveMegabyteStatementFromFile_MatchesStream()
    {
        byte[] bytes = Generate(60_000);
        string path = Path.Combine(Path.GetTempPath(), $"bank-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            InputInspection inspection = InputInspector.Inspect(path, InputKind.Bank);
            Assert.Equal(Expected(Path.GetFileName(path), 60_000, bytes), inspection.Stats);
            Assert.Empty(inspection.Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The statement starts with a Chinese header: its encoding is decided on the first 64 KiB.</summary>
    private static InputFileStats Expected(string file, int rows, byte[] bytes) =>
        new(file, rows, 0, TextEncodingKind.Utf8, bytes.Length)
        {
            HeaderLine = 1,
            EncodingDecidedOnBytes = CsvReader.DetectionBytes,
            BytesAfterHeader = bytes.Length - (Array.IndexOf(bytes, (byte)'\n') + 1),
        };
}
