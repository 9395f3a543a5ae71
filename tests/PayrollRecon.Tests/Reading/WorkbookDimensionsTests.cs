using System.Diagnostics;
using System.IO.Compression;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// A worksheet claiming far more cells than its file could hold: found by the fuzzer (tests/fuzz, target workbook,
/// tests/fuzz/regressions/workbook/xls-cell-at-61423), where one damaged cell address in a 6.6 KB .xls made every row
/// 61,424 cells wide and the header search walk 61,424 blank rows: minutes of work for one file.
/// </summary>
public sealed class WorkbookDimensionsTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "workbooks", name));

    private static void ReadBank(byte[] bytes, string fileName)
    {
        using var reader = BankReader.Create(new MemoryStream(bytes), fileName, new InputReaderOptions());
        while (reader.Read(out _))
        {
        }
    }

    [Fact]
    public void BankReader_XlsCellAddressPastTheFormat_DamagedAtOnce()
    {
        byte[] xls = Fixture("rows.xls");
        // The first LABELSST record (0x00FD, 10 bytes: row, column, format, string index): its cell moved to row and column 61,423.
        int at = xls.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFD, 0x00, 0x0A, 0x00]);
        Assert.True(at > 0);
        xls[at + 4] = xls[at + 5] = xls[at + 6] = xls[at + 7] = 0xEF;
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(xls, "bank.xls"));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged: a worksheet claims 61424 columns and 61424 rows)", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
    }

    [Fact]
    public void BankReader_FuzzRegression_DamagedAtOnce()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "workbook", "xls-cell-at-61423"));
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(input, "bank.xls"));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged: a worksheet claims 61424 columns and 61424 rows)", error.Message);
    }

    [Fact]
    public void BankReader_XlsxCellInTheLastRowAndColumn_DamagedAtOnce()
    {
        byte[] xlsx = RewriteSheet(Fixture("rows.xlsx"), xml => xml.Replace("</sheetData>", "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>", StringComparison.Ordinal));
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(xlsx, "bank.xlsx"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: a worksheet claims 16384 columns and 1048576 rows)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（已损坏：某个工作表自称有 16384 列、1048576 行）", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_XlsAtTheFormatsLimits_StillRead()
    {
        // 256 columns is what .xls allows: a wide but real sheet is read.
        byte[] xls = Fixture("rows.xls");
        int at = xls.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFD, 0x00, 0x0A, 0x00]);
        xls[at + 6] = 0xFF;
        xls[at + 7] = 0x00;
        ReadBank(xls, "bank.xls");
    }

    private static byte[] RewriteSheet(byte[] xlsx, Func<string, string> edit)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using var content = new MemoryStream();
                using (Stream s = entry.Open()) s.CopyTo(content);
                byte[] data = content.ToArray();
                if (entry.FullName == "xl/worksheets/sheet1.xml") data = Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(data)));
                using Stream d = target.CreateEntry(entry.FullName).Open();
                d.Write(data);
            }
        }
        return output.ToArray();
    }
}
