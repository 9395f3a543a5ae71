using System.IO.Compression;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// .xlsx rows and cells ExcelDataReader 3.6 would read into something else than the worksheet holds, or hold whole at
/// many times their size: refused before it reads them (<see cref="XlsxPartCheck"/>). Found by fault injection: rows
/// repeating a row number were merged silently, a shared-string number with no shared string read as the amount
/// (6300.00 became 650000.00), and one 256 MiB cell in a 273 KB file took 2.3 GB.
/// </summary>
public sealed class WorkbookXlsxRowsAndStringsTests
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>rows.xlsx: worksheet 交易明细, header on row 3, rows 4–21 with gaps; inline strings only, no shared-string part.</summary>
    private static byte[] RowsXlsx() => File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "workbooks", "rows.xlsx"));

    private static PayrollDataException Refused(byte[] xlsx, int maxRecordBytes = CsvReaderOptions.DefaultMaxRecordBytes) =>
        Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xlsx), "bank.xlsx", new InputReaderOptions { MaxRecordBytes = maxRecordBytes }));

    private static (List<string> Rows, List<string> Diagnostics) Read(byte[] xlsx, int maxRecordBytes = CsvReaderOptions.DefaultMaxRecordBytes)
    {
        var (rows, diagnostics, _) = TypedReaderSupport.Read(InputKind.Bank, xlsx, "bank.xlsx", new InputReaderOptions { MaxRecordBytes = maxRecordBytes });
        return (rows, diagnostics);
    }

    /// <summary><paramref name="xlsx"/> with the first sheet's XML edited and the shared-string part replaced (null: left out).</summary>
    private static byte[] With(byte[] xlsx, Func<string, string> sheet, string? sharedStrings = null)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                if (entry.FullName == "xl/sharedStrings.xml") continue;
                using var content = new MemoryStream();
                using (Stream s = entry.Open()) s.CopyTo(content);
                byte[] data = content.ToArray();
                if (entry.FullName == "xl/worksheets/sheet1.xml") data = Encoding.UTF8.GetBytes(sheet(Encoding.UTF8.GetString(data)));
                using Stream d = target.CreateEntry(entry.FullName).Open();
                d.Write(data);
            }
            if (sharedStrings is not null)
            {
                using Stream d = target.CreateEntry("xl/sharedStrings.xml").Open();
                d.Write(Encoding.UTF8.GetBytes($"<sst xmlns=\"{Ns}\">{sharedStrings}</sst>"));
            }
        }
        return output.ToArray();
    }

    private static string Replace(string xml, string from, string to)
    {
        Assert.Contains(from, xml, StringComparison.Ordinal);
        return xml.Replace(from, to, StringComparison.Ordinal);
    }

    // F1: repeated row numbers.

    [Fact]
    public void BankReader_TwoRowsOfOneNumber_RefusedNamingSheetAndRow()
    {
        // Row 5 numbered 4 too: ExcelDataReader joined its cells to row 4's (one row of both, row 5 gone, no error).
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<row r=\"5\">", "<row r=\"4\">"));
        var error = Refused(xlsx);
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: two rows of worksheet '交易明细' are numbered 4)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（已损坏：工作表 '交易明细' 有两行的行号都是 4）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_EveryDataRowNumbered4_Refused()
    {
        byte[] xlsx = With(RowsXlsx(), xml => System.Text.RegularExpressions.Regex.Replace(xml, "<row r=\"([0-9]+)\">", m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 4 ? "<row r=\"4\">" : m.Value));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: two rows of worksheet '交易明细' are numbered 4)", Refused(xlsx).Message);
    }

    [Theory]
    [InlineData("<row r=\"21\">", "<row r=\"6\">", 6)]
    [InlineData("<row r=\"21\">", "<row r=\" &#54; \">", 6)]
    [InlineData("<row r=\"12\">", "<row r=\"9\"></row><row>", 10)]
    public void BankReader_RowNumberRepeatedLaterOrImplied_Refused(string from, string to, int row)
    {
        // Not next to each other (ExcelDataReader hands both over, the later one out of place), written with a
        // character reference and white space (as int.TryParse reads it), or a row without a number after row 9 (10).
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, from, to));
        Assert.Equal($"bank.xlsx: not a readable Excel workbook (damaged: two rows of worksheet '交易明细' are numbered {row})", Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_RowsWithoutNumbers_ReadAsBefore()
    {
        // Every row without r (each follows the one before) from row 1: the same rows, on lines counted from 1.
        byte[] plain = With(RowsXlsx(), xml => System.Text.RegularExpressions.Regex.Replace(xml, "<row r=\"[0-9]+\">", "<row>"));
        var (before, _) = Read(RowsXlsx());
        var (after, _) = Read(plain);
        Assert.Equal(string.Join("\n", before.Select(WithoutLine)), string.Join("\n", after.Select(WithoutLine)));
        Assert.StartsWith("2|", after[0], StringComparison.Ordinal);
    }

    [Fact]
    public void BankReader_RowsInReverseOrder_AllRead()
    {
        // Rows 21 down to 4 after the header: each one read (none merged, none refused). Their lines are still counted
        // in the order ExcelDataReader hands them over (row 21 first is line 21, row 19 after it line 22).
        byte[] original = RowsXlsx();
        byte[] reversed = With(original, xml =>
        {
            int start = xml.IndexOf("<row r=\"4\">", StringComparison.Ordinal), end = xml.IndexOf("</sheetData>", StringComparison.Ordinal);
            var rowsXml = System.Text.RegularExpressions.Regex.Matches(xml[start..end], "<row .*?</row>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Value).Reverse();
            return xml[..start] + string.Concat(rowsXml) + xml[end..];
        });
        var (before, _) = Read(original);
        var (after, _) = Read(reversed);
        Assert.Equal(string.Join("\n", before.Select(WithoutLine).Order(StringComparer.Ordinal)), string.Join("\n", after.Select(WithoutLine).Order(StringComparer.Ordinal)));
    }

    private static string WithoutLine(string row) => row[row.IndexOf('|', StringComparison.Ordinal)..];

    // F2: shared-string numbers with no shared string.

    [Fact]
    public void BankReader_SharedStringNumberPastTheTable_RefusedNamingTheCell()
    {
        // The amount of row 4 as shared string 650000 of a table of 2: ExcelDataReader handed over "650000" as the amount.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"C4\" t=\"n\"><v>500000</v></c>", "<c r=\"C4\" t=\"s\"><v>650000</v></c>"), "<si><t>a</t></si><si><t>b</t></si>");
        var error = Refused(xlsx);
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: cell C4 of worksheet '交易明细' refers to shared string 650000, but xl/sharedStrings.xml holds 2)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（已损坏：工作表 '交易明细' 的单元格 C4 引用第 650000 号共享字符串，但 xl/sharedStrings.xml 只有 2 个）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_SharedStringWithoutTheTable_Refused()
    {
        // Cells without r: the column follows the cell before (C), as ExcelDataReader places it.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"C4\" t=\"n\"><v>500000</v></c>", "<c t=\"s\"><v>0</v></c>"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: cell C4 of worksheet '交易明细' refers to shared string 0, but the workbook has no xl/sharedStrings.xml)", Refused(xlsx).Message);
    }

    [Theory]
    [InlineData("<v>abc</v>")]
    [InlineData("<v>-1</v>")]
    [InlineData("<is><t>x</t></is>")]
    public void BankReader_SharedStringCellWithoutANumber_Refused(string value)
    {
        // ExcelDataReader handed over "abc", "-1" or the inline "x" as the cell's text.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"C4\" t=\"n\"><v>500000</v></c>", $"<c r=\"C4\" t=\"s\">{value}</c>"), "<si><t>600</t></si>");
        string expected = value == "<v>-1</v>"
            ? "bank.xlsx: not a readable Excel workbook (damaged: cell C4 of worksheet '交易明细' refers to shared string -1, but xl/sharedStrings.xml holds 1)"
            : "bank.xlsx: not a readable Excel workbook (damaged: cell C4 of worksheet '交易明细' is a shared-string cell without a shared-string number)";
        Assert.Equal(expected, Refused(xlsx).Message);
    }

    [Theory]
    [InlineData("<c r=\"C4\" t=\"s\"><v>0</v></c>")]
    [InlineData("<c r=\"C4\" t=\"&#115;\"><v> &#48; </v></c>")]
    [InlineData("<c r=\"C4\" t=\"s\"><v></v></c><c r=\"C4\" t=\"s\"><v>0</v></c>")]
    public void BankReader_SharedStringInTheTable_ReadAsItsText(string cell)
    {
        byte[] plain = RowsXlsx();
        byte[] shared = With(plain, xml => Replace(xml, "<c r=\"C4\" t=\"n\"><v>500000</v></c>", cell), "<si><t>500000</t></si>");
        Assert.Equal(Read(plain).Rows, Read(shared).Rows);
        Assert.Equal(Read(plain).Diagnostics, Read(shared).Diagnostics);
    }

    // F3: text ExcelDataReader would hold whole.

    [Theory]
    [InlineData(2_000)]
    [InlineData(3_900)]
    public void BankReader_CellPastTheRecordLimit_LineTooLongAndReadingContinues(int length)
    {
        // Up to 4 times the limit the row is read as any too-long line is: a data error of its line, not of the file.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"E4\" t=\"inlineStr\"><is><t>&#20154;&#24037;&#36153;</t></is></c>",
            $"<c r=\"E4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{new string(' ', length - 1)}x</t></is></c>"));
        var (rows, diagnostics) = Read(xlsx, maxRecordBytes: 1024);
        Assert.Equal("bank.xlsx:4: line longer than 1024 bytes|" + string.Join("\n", Read(RowsXlsx()).Rows.Skip(1)), diagnostics[0] + "|" + string.Join("\n", rows));
    }

    [Fact]
    public void BankReader_CellPastFourTimesTheRecordLimit_RefusedNamingTheRow()
    {
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"E4\" t=\"inlineStr\"><is><t>&#20154;&#24037;&#36153;</t></is></c>",
            $"<c r=\"E4\" t=\"inlineStr\"><is><t>{new string('a', 2_000)}</t><t>{new string('a', 2_097)}</t></is></c>"));
        var error = Refused(xlsx, maxRecordBytes: 1024);
        Assert.Equal("bank.xlsx: row 4 of worksheet '交易明细' has more than 4096 bytes of text (a line may have at most 1024)", error.Message);
        Assert.Equal("bank.xlsx: 工作表 '交易明细' 第 4 行的文本超过 4096 字节（一行最多 1024 字节）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_RowOfSharedStringsPastFourTimesTheRecordLimit_Refused()
    {
        // Five cells of one 1,000-byte shared string: each holds it (a copy each when it has _xHHHH_ escapes).
        string cells = string.Concat(Enumerable.Range(0, 5).Select(i => $"<c r=\"{(char)('F' + i)}4\" t=\"s\"><v>0</v></c>"));
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "</c></row><row r=\"5\">", "</c>" + cells + "</row><row r=\"5\">"), $"<si><t>{new string('b', 1_000)}</t></si>");
        Assert.Equal("bank.xlsx: row 4 of worksheet '交易明细' has more than 4096 bytes of text (a line may have at most 1024)", Refused(xlsx, maxRecordBytes: 1024).Message);
    }

    [Fact]
    public void BankReader_SharedStringPastFourTimesTheRecordLimit_Refused()
    {
        byte[] xlsx = With(RowsXlsx(), xml => xml, $"<si><t>x</t></si><si><r><t>{new string('b', 4_000)}</t></r><r><t>{new string('b', 97)}</t></r></si>");
        Assert.Equal("bank.xlsx: shared string 1 has more than 4096 bytes of text (a line may have at most 1024)", Refused(xlsx, maxRecordBytes: 1024).Message);
    }

    [Fact]
    public void BankReader_AttributeOfManyBytes_Refused()
    {
        // The XML reader holds a start tag's attributes whole.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<c r=\"E4\" t=\"inlineStr\">", $"<c r=\"E4\" t=\"inlineStr\" x=\"{new string('a', 5_000)}\">"));
        Assert.Equal("bank.xlsx: row 4 of worksheet '交易明细' has more than 4096 bytes of text (a line may have at most 1024)", Refused(xlsx, maxRecordBytes: 1024).Message);
    }

    [Fact]
    public void BankReader_RowNumberOfManyBytes_DamagedStructure()
    {
        // int.TryParse reads white space and zeros before the number: "  …  0004" would be row 4 again.
        byte[] xlsx = With(RowsXlsx(), xml => Replace(xml, "<row r=\"5\">", $"<row r=\"{new string(' ', 70)}0004\">"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged workbook structure)", Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_StylesTagOfManyBytes_Refused()
    {
        // Parts read for their attributes only: the start tag is what the XML reader holds.
        byte[] original = RowsXlsx();
        string styles;
        using (var zip = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()))
        {
            styles = reader.ReadToEnd();
        }
        styles = Replace(styles, "<numFmts ", $"<numFmts x=\"{new string('a', 5_000)}\" ");
        using var source = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using Stream d = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "xl/styles.xml") d.Write(Encoding.UTF8.GetBytes(styles));
                else entry.Open().CopyTo(d);
            }
        }
        Assert.Equal("bank.xlsx: xl/styles.xml has more than 4096 bytes of text (a line may have at most 1024)", Refused(output.ToArray(), maxRecordBytes: 1024).Message);
    }

    [Fact]
    public void BankReader_TwoMillionSharedStrings_Refused()
    {
        // Empty strings, 10 MB of XML deflated to a few KB: ExcelDataReader would hold a reference for each.
        byte[] xlsx = With(RowsXlsx(), xml => xml, string.Concat(Enumerable.Repeat("<si/>", 2_100_000)));
        var error = Refused(xlsx);
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged: its shared strings take more than 33554432 bytes)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（已损坏：共享字符串超过 33554432 字节）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_Cell64MiB_RefusedWithLittleMemory()
    {
        // At the default limit: 64 MiB of one letter deflate to 64 KB; ExcelDataReader took about 9 times the text.
        byte[] xlsx;
        using (var source = new ZipArchive(new MemoryStream(RowsXlsx()), ZipArchiveMode.Read))
        {
            var output = new MemoryStream();
            using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (ZipArchiveEntry entry in source.Entries)
                {
                    using Stream from = entry.Open();
                    using Stream to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                    if (entry.FullName != "xl/worksheets/sheet1.xml")
                    {
                        from.CopyTo(to);
                        continue;
                    }
                    string xml = new StreamReader(from).ReadToEnd();
                    const string Memo = "<c r=\"E4\" t=\"inlineStr\"><is><t>";
                    int at = xml.IndexOf(Memo, StringComparison.Ordinal) + Memo.Length;
                    to.Write(Encoding.UTF8.GetBytes(xml[..at]));
                    byte[] letters = new byte[1 << 20];
                    letters.AsSpan().Fill((byte)'a');
                    for (int i = 0; i < 64; i++) to.Write(letters);
                    to.Write(Encoding.UTF8.GetBytes(xml[at..]));
                }
            }
            xlsx = output.ToArray();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Refused(xlsx);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("bank.xlsx: row 4 of worksheet '交易明细' has more than 4194304 bytes of text (a line may have at most 1048576)", error.Message);
        Assert.True(allocated < 16 << 20, $"{allocated} bytes allocated");
    }
}
