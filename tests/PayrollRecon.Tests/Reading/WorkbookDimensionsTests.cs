using System.IO.Compression;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

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
        // The message names the claimed size: the workbook is refused from its dimensions when opened, before any row is read.
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(xls, "bank.xls"));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged: a worksheet claims 61424 columns and 61424 rows)", error.Message);
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

    [Fact]
    public void BankReader_XlsRowRecordSwallowingTheCells_DamagedBeforeAnyRow()
    {
        // Found by the fuzzer (tests/fuzz/regressions/workbook/xls-row-record-129-bytes): the ROW record of row 16
        // (0x0208, 16 bytes) says 129 bytes, so ExcelDataReader reads on in the middle of a cell, where two zero bytes
        // are a BIFF2 DIMENSIONS record (0x0000) claiming 352,322,560 rows and 0 columns, and no cell is left to widen
        // the sheet. Its .xls reader walks such a row count in blocks of 32 rows whether they exist or not: 6 s of
        // nothing before the header search saw the end, when this was "no header row".
        byte[] xls = Fixture("rows.xls");
        int at = xls.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x08, 0x02, 0x10, 0x00, 0x10, 0x00]);
        Assert.True(at > 0);
        xls[at + 2] = 0x81;
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "workbook", "xls-row-record-129-bytes")), xls);

        // Refused while the workbook is opened, before a single row is read.
        var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged: a worksheet claims 0 columns and 352322560 rows)", error.Message);
    }

    [Theory]
    [InlineData(65536, null)]
    [InlineData(65537, "bank.xls: not a readable Excel workbook (damaged: a worksheet claims 5 columns and 65537 rows)")]
    public void BankReader_XlsDimensionsAtAndPastTheFormatsRows(int lastRow, string? message)
    {
        // BIFF row numbers are 16-bit (MS-XLS 2.5.227 Rw): the DIMENSIONS record (0x0200, 14 bytes) may end at 65,536.
        byte[] xls = Fixture("rows.xls");
        int at = xls.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x00, 0x02, 0x0E, 0x00]);
        Assert.True(at > 0);
        BitConverter.TryWriteBytes(xls.AsSpan(at + 8, 4), lastRow);
        if (message is null)
        {
            Assert.Equal(ReadRows(Fixture("rows.xls"), "bank.xls"), ReadRows(xls, "bank.xls"));
        }
        else
        {
            var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
            Assert.Equal(message, error.Message);
        }
    }

    private static List<string> ReadRows(byte[] bytes, string fileName)
    {
        var rows = new List<string>();
        using var reader = BankReader.Create(new MemoryStream(bytes), fileName, new InputReaderOptions());
        while (reader.Read(out BankRow row)) rows.Add($"{row.Line} {row.Date} {row.Amount} {Encoding.UTF8.GetString(row.Memo)}");
        rows.Add($"{reader.Stats.RowsRead} read, {reader.Stats.RowsRejected} rejected");
        return rows;
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
