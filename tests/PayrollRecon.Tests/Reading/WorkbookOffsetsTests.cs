using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// An .xls whose worksheet offset points before the file: found by the fuzzer (tests/fuzz, target readers;
/// tests/fuzz/regressions/readers/xls-boundsheet-before-the-start), where ExcelDataReader's seek there escaped as the
/// IOException of the stream and the CLI printed the operating system's <c>Invalid argument : 'bank.xls'</c>.
/// </summary>
public sealed class WorkbookOffsetsTests
{
    /// <summary>The regression without its first byte (the readers target's choice of reader, 0x0A: batches).</summary>
    private static byte[] Xls()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "readers", "xls-boundsheet-before-the-start"));
        Assert.Equal(0x0A, input[0]);
        return input[1..];
    }

    [Fact]
    public void BankReader_BoundSheetOffsetBeforeTheStart_DamagedWorkbook()
    {
        // A bare BIFF stream: BOF (0x0809), then a BOUNDSHEET (0x0085) cut short, its offset read as 0x85000600 < 0.
        byte[] xls = Xls();
        Assert.Equal("09080400000505008500090000060085", Convert.ToHexString(xls));
        var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged or truncated)", error.Message);
        Assert.Equal("bank.xls: 不是可读取的 Excel 工作簿（已损坏或不完整）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_BoundSheetOffsetBeforeTheStartOfAFile_DamagedWorkbook()
    {
        // From a file as the CLI reads it: the operating system refuses that seek with its own error.
        string path = Path.Combine(Path.GetTempPath(), "payrollrecon-test-" + Guid.NewGuid().ToString("N") + ".xls");
        File.WriteAllBytes(path, Xls());
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
            var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(file, "bank.xls", new InputReaderOptions()));
            Assert.Equal("bank.xls: not a readable Excel workbook (damaged or truncated)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
