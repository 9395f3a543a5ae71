using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

/// <summary>Memory does not grow with bad rows: the first rows are listed in full, the rest counted, bad values cut.</summary>
public sealed class DiagnosticCapTests
{
    [Fact]
    public void Read_MoreBadRowsThanTheCap_ListsTheFirstAndCountsTheRest()
    {
        var sb = new StringBuilder("交易时间,交易金额\n2024-01-05,-1\n");
        for (int i = 0; i < 2500; i++) sb.Append("2024-01-05,x\n");
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), "bank.csv", new InputReaderOptions { Diagnostics = sink });
        int rows = 0;
        while (reader.Read(out _)) rows++;
        Assert.Equal(1, rows);
        Assert.Equal(2500, reader.Stats.RowsRejected);
        Assert.Equal(2501, reader.Stats.RowsRead);
        Assert.Equal(InputReader.MaxListedDiagnostics + 1, sink.Count);
        Assert.Equal("bank.csv:1002: column amount: invalid amount 'x'", sink[InputReader.MaxListedDiagnostics - 1].ToString());
        Assert.Equal("bank.csv:1003: 1500 more unreadable rows from this line on are counted, not listed (only the first 1000 of a file are)", sink[^1].ToString());
    }

    [Fact]
    public void Read_HugeBadValue_IsCutInTheMessage()
    {
        string value = new string('9', 100_000) + "x";
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream(Encoding.UTF8.GetBytes($"交易时间,交易金额\n2024-01-05,{value}\n2024-01-06,-1\n")), "bank.csv", new InputReaderOptions { Diagnostics = sink });
        while (reader.Read(out _)) { }
        Assert.Equal($"bank.csv:2: column amount: invalid amount '{new string('9', 64)}…'", Assert.Single(sink).ToString());
    }

    [Fact]
    public void Read_BadValueAtTheCut_KeepsWholeCharacters()
    {
        string value = "甲" + new string('乙', 200);
        var sink = new List<Diagnostic>();
        using var reader = BankReader.Create(new MemoryStream(Encoding.UTF8.GetBytes($"交易时间,交易金额\n2024-01-05,{value}\n2024-01-06,-1\n")), "bank.csv", new InputReaderOptions { Diagnostics = sink });
        while (reader.Read(out _)) { }
        Assert.Equal($"bank.csv:2: column amount: invalid amount '甲{new string('乙', 63)}…'", Assert.Single(sink).ToString());
    }

    [Fact]
    public void Read_StrictMode_StillThrowsAtTheFirstBadRowPastAnyCap()
    {
        var error = Assert.Throws<PayrollDataException>(() =>
        {
            using var reader = BankReader.Create(new MemoryStream("交易时间,交易金额\n2024-01-05,-1\n2024-01-05,x\n"u8.ToArray()), "bank.csv", new InputReaderOptions { Strict = true });
            while (reader.Read(out _)) { }
        });
        Assert.Equal("bank.csv:3: column amount: invalid amount 'x'", error.Message);
    }
}
