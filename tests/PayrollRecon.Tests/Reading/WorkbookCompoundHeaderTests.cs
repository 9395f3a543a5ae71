using System.Buffers.Binary;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// An .xls whose OLE2 header counts more DIFAT sectors than the file has: found by the fuzzer (tests/fuzz, target
/// workbook; tests/fuzz/regressions/workbook/xls-difat-loop-33554432-sectors), where ExcelDataReader followed a DIFAT
/// sector naming itself as the next one 33 million times and ran out of memory minutes later.
/// </summary>
public sealed class WorkbookCompoundHeaderTests
{
    private static byte[] RowsXls() => File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "workbooks", "rows.xls"));

    /// <summary>rows.xls with a DIFAT chain from sector 0 of <paramref name="count"/> sectors, sector 0 naming itself as the next.</summary>
    private static byte[] WithDifat(uint first, int count)
    {
        byte[] xls = RowsXls();
        BinaryPrimitives.WriteUInt32LittleEndian(xls.AsSpan(68), first);
        BinaryPrimitives.WriteInt32LittleEndian(xls.AsSpan(72), count);
        // The last entry of sector 0 (file offset 512 + 508), unused in this file's FAT, is the next DIFAT sector.
        BinaryPrimitives.WriteUInt32LittleEndian(xls.AsSpan(512 + 508), 0);
        return xls;
    }

    [Fact]
    public void BankReader_DifatLoopOfMoreSectorsThanTheFile_DamagedContainerAtOnce()
    {
        byte[] xls = WithDifat(0, 1 << 25);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "workbook", "xls-difat-loop-33554432-sectors")), xls);
        var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged OLE2 container)", error.Message);
        Assert.Equal("bank.xls: 不是可读取的 Excel 工作簿（OLE2 容器已损坏）", error.GetMessage(ReportLanguage.Zh));
    }

    [Theory]
    [InlineData(24, 6)]
    [InlineData(28, 6)]
    [InlineData(65535, 6)]
    [InlineData(8, 6)]
    [InlineData(13, 6)]
    [InlineData(9, 7)]
    [InlineData(9, 30)]
    public void BankReader_SectorSizeMSCfbDoesNotAllow_DamagedContainerAtOnce(int sectorShift, int miniSectorShift)
    {
        // Found by the fuzzer (tests/fuzz/regressions/workbook/xls-sector-shift-24, and shifts of 28, 93, 250, 65,533
        // and 65,535): ExcelDataReader sizes its sector table and every sector read by the shift, 1.7-6 GB for these.
        byte[] xls = RowsXls();
        BinaryPrimitives.WriteUInt16LittleEndian(xls.AsSpan(30), (ushort)sectorShift);
        BinaryPrimitives.WriteUInt16LittleEndian(xls.AsSpan(32), (ushort)miniSectorShift);
        var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged OLE2 container)", error.Message);
    }

    [Fact]
    public void BankReader_FuzzRegressionSectorShift24_DamagedContainerAtOnce()
    {
        byte[] xls = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "workbook", "xls-sector-shift-24"));
        Assert.Equal(24, BinaryPrimitives.ReadUInt16LittleEndian(xls.AsSpan(30)));
        var error = Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: not a readable Excel workbook (damaged OLE2 container)", error.Message);
        Assert.Equal("bank.xls: 不是可读取的 Excel 工作簿（OLE2 容器已损坏）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_DifatCountWithoutAChain_ReadAsBefore()
    {
        // With no first DIFAT sector (ENDOFCHAIN) the count is not followed: the workbook reads as it did.
        byte[] xls = WithDifat(0xFFFFFFFE, 1 << 25);
        using var reader = BankReader.Create(new MemoryStream(xls), "bank.xls", new InputReaderOptions());
        using var plain = BankReader.Create(new MemoryStream(RowsXls()), "bank.xls", new InputReaderOptions());
        while (reader.Read(out _))
        {
        }
        while (plain.Read(out _))
        {
        }
        Assert.Equal(plain.Stats.RowsRead, reader.Stats.RowsRead);
        Assert.Equal(plain.Stats.RowsRejected, reader.Stats.RowsRejected);
        Assert.True(reader.Stats.RowsRead > 0);
    }
}
