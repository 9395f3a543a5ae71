using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Cli;
using PayrollRecon.Reading;
using PayrollRecon.Tests.Reading;

namespace PayrollRecon.Tests.Cli;

public sealed class InputInspectorTests
{
    [Fact]
    public void Inspect_FileWithBadRows_ReturnsStatsAndFirstDiagnostics()
    {
        var text = new StringBuilder("身份证号,考勤时间\n");
        for (int i = 0; i < 30; i++) text.Append('X').Append(i).Append(i % 2 == 0 ? ",2024-01-05 08:00\n" : ",bad\n");
        string path = Path.Combine(Path.GetTempPath(), $"attendance-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, ReadingTestSupport.Gb(text.ToString()));
        try
        {
            InputInspection inspection = InputInspector.Inspect(path, InputKind.Attendance, maxDiagnostics: 3);
            Assert.Equal(30, inspection.Stats.RowsRead);
            Assert.Equal(15, inspection.Stats.RowsRejected);
            Assert.Equal(TextEncodingKind.Gb18030, inspection.Stats.Encoding);
            string file = Path.GetFileName(path);
            Assert.Equal(
                [new Diagnostic(file, 3, "time", "invalid date-time 'bad'"), new Diagnostic(file, 5, "time", "invalid date-time 'bad'"), new Diagnostic(file, 7, "time", "invalid date-time 'bad'")],
                inspection.Diagnostics);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(InputKind.Workers, "姓名,身份证号,计薪方式,工资标准\n张三,X,日薪,300\n")]
    [InlineData(InputKind.Attendance, "身份证号,考勤时间\nX,2024-01-05 08:00\n")]
    [InlineData(InputKind.Payroll, "身份证号,工资月份,应发工资,实发工资\nX,2024-01,1,1\n")]
    [InlineData(InputKind.Bank, "交易时间,交易金额\n2024-01-05,-1\n")]
    [InlineData(InputKind.Batches, "批次号,金额\nB,1\n")]
    [InlineData(InputKind.Calendar, "日期,类型\n2024-10-01,holiday\n")]
    public void Inspect_EachKind_ReadsOneRow(InputKind kind, string text)
    {
        InputInspection inspection = InputInspector.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)), InputKinds.DefaultFileName(kind), kind);
        int bytes = Encoding.UTF8.GetByteCount(text);
        var expected = new InputFileStats(InputKinds.DefaultFileName(kind), 1, 0, TextEncodingKind.Utf8, bytes)
        {
            HeaderLine = 1,
            // The text starts with Chinese: the whole (short) file is the detection sample.
            EncodingDecidedOnBytes = bytes,
            BytesAfterHeader = Encoding.UTF8.GetByteCount(text[(text.IndexOf('\n') + 1)..]),
        };
        Assert.Equal(expected, inspection.Stats);
        Assert.Empty(inspection.Diagnostics);
    }

    [Fact]
    public void Inspect_MissingColumn_Throws()
    {
        var error = Assert.Throws<PayrollDataException>(() =>
            InputInspector.Inspect(new MemoryStream("交易时间,对方户名\n"u8.ToArray()), "bank.csv", InputKind.Bank));
        Assert.Equal("bank.csv: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 1: 交易时间, 对方户名)", error.Message);
    }
}
