using System.IO.Compression;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// .xlsx parts that would keep ExcelDataReader 3.6 busy far longer than any real workbook of their size, refused before
/// it reads them (<see cref="XlsxPartCheck"/>). Found reading its .xlsx code for what the workbook fuzz target's
/// deflated seeds hardly reach; the inputs are tests/fuzz/regressions/workbook/xlsx-*.
/// </summary>
public sealed class WorkbookXlsxPartsTests
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static byte[] RowsXlsx() => File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "workbooks", "rows.xlsx"));

    private static byte[] Regression(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions", "workbook", name));

    private static PayrollDataException Refused(byte[] xlsx) =>
        Assert.Throws<PayrollDataException>(() => BankReader.Create(new MemoryStream(xlsx), "bank.xlsx", new InputReaderOptions()));

    private static List<string> ReadRows(byte[] xlsx)
    {
        var rows = new List<string>();
        using var reader = BankReader.Create(new MemoryStream(xlsx), "bank.xlsx", new InputReaderOptions());
        while (reader.Read(out PayrollRecon.Records.BankRow row)) rows.Add($"{row.Line} {row.Date} {row.Amount} {Encoding.UTF8.GetString(row.CounterpartyName)}");
        rows.Add($"{reader.Stats.RowsRead} read, {reader.Stats.RowsRejected} rejected");
        return rows;
    }

    /// <summary><paramref name="xlsx"/> with each named part replaced (or added) and the first sheet's XML edited.</summary>
    private static byte[] With(byte[] xlsx, Func<string, string>? sheet = null, params (string Name, byte[] Content)[] parts)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                if (parts.Any(p => p.Name == entry.FullName)) continue;
                using var content = new MemoryStream();
                using (Stream s = entry.Open()) s.CopyTo(content);
                byte[] data = content.ToArray();
                if (sheet is not null && entry.FullName == "xl/worksheets/sheet1.xml") data = Encoding.UTF8.GetBytes(sheet(Encoding.UTF8.GetString(data)));
                using Stream d = target.CreateEntry(entry.FullName).Open();
                d.Write(data);
            }
            foreach ((string name, byte[] content) in parts)
            {
                using Stream d = target.CreateEntry(name).Open();
                d.Write(content);
            }
        }
        return output.ToArray();
    }

    private static (string, byte[]) SharedStrings(string items, Encoding? encoding = null) =>
        ("xl/sharedStrings.xml", (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes($"<sst xmlns=\"{Ns}\">{items}</sst>")).ToArray());

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Theory]
    [InlineData("xlsx-shared-string-160000-runs")]
    [InlineData("xlsx-inline-string-160000-runs")]
    public void BankReader_StringItemOf160000Runs_DamagedXmlAtOnce(string regression)
    {
        // ExcelDataReader 3.6 joins an item's runs one at a time into a new string: 160,000 one-letter runs in these
        // 7-10 KB files were 9-14 s of copying before a row was read (320,000 runs in 4.7 KB: 22 s).
        var error = Refused(Regression(regression));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged worksheet XML)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（工作表的 XML 已损坏）", error.GetMessage(ReportLanguage.Zh));
    }

    [Fact]
    public void BankReader_RegressionsAreRowsXlsxWithTheItemAdded()
    {
        byte[] rows = RowsXlsx();
        Assert.Equal(ReadEntries(With(rows, null, SharedStrings("<si>" + Repeat("<t>x</t>", 160_000) + "</si>"))), ReadEntries(Regression("xlsx-shared-string-160000-runs")));
        Assert.Equal(
            ReadEntries(With(rows, xml => xml.Replace("</sheetData>", "<row r=\"22\"><c r=\"E22\" t=\"inlineStr\"><is>" + Repeat("<r><t>x</t></r>", 160_000) + "</is></c></row></sheetData>", StringComparison.Ordinal))),
            ReadEntries(Regression("xlsx-inline-string-160000-runs")));
    }

    private static List<string> ReadEntries(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var content = new MemoryStream();
            using (Stream s = e.Open()) s.CopyTo(content);
            return e.FullName + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content.ToArray()));
        }).ToList();
    }

    [Fact]
    public void BankReader_FortyThousandSheets_TooManySheetsAtOnce()
    {
        // rows.xlsx with 40,000 more sheets of relationship id "a" and 40,000 relationships of id "b": ExcelDataReader
        // compares every relationship with every sheet before the sheets are counted, 26 s for these 25 KB.
        byte[] xlsx = Regression("xlsx-40000-sheets");
        var error = Refused(xlsx);
        Assert.Equal("bank.xlsx: workbook with 40001 worksheets, more than 255", error.Message);
        Assert.Equal("bank.xlsx: 工作簿有 40001 个工作表，超过上限 255 个", error.GetMessage(ReportLanguage.Zh));
    }

    [Theory]
    [InlineData(255, null)]
    [InlineData(256, "bank.xlsx: workbook with 256 worksheets, more than 255")]
    public void BankReader_SheetsAtAndPastTheLimit(int sheets, string? message)
    {
        // Every sheet but the first without a part of its own: the first is read as before when the count is allowed.
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        byte[] rows = RowsXlsx();
        using var zip = new ZipArchive(new MemoryStream(rows), ZipArchiveMode.Read);
        string workbook;
        using (var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open())) workbook = reader.ReadToEnd();
        workbook = workbook.Replace("</sheets>", Repeat($"<sheet xmlns:r=\"{Rel}\" name=\"s\" sheetId=\"2\" r:id=\"none\"/>", sheets - 1) + "</sheets>", StringComparison.Ordinal);
        byte[] xlsx = With(rows, null, ("xl/workbook.xml", Encoding.UTF8.GetBytes(workbook)));
        if (message is null) Assert.Equal(ReadRows(rows), ReadRows(xlsx));
        else Assert.Equal(message, Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_255SheetsOnOnePart_DamagedStructureAtOnce()
    {
        // rows.xlsx after 254 sheets whose relationships all name one part of 100,000 rows (deflated to 17 KB): read
        // in full when each sheet is opened, twice over while the sheet with the header was looked for, 16 s.
        var error = Refused(Regression("xlsx-255-sheets-on-one-part"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged workbook structure)", error.Message);
        Assert.Equal("bank.xlsx: 不是可读取的 Excel 工作簿（工作簿结构已损坏）", error.GetMessage(ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("/xl/worksheets/sheet2.xml", null)]
    [InlineData("worksheets/SHEET1.xml", "bank.xlsx: not a readable Excel workbook (damaged workbook structure)")]
    public void BankReader_SecondSheetOnItsOwnPartOrTheFirstsOne(string target, string? message)
    {
        // A second sheet before the first: read as before on a part of its own; on the first sheet's part (named
        // otherwise: ExcelDataReader finds parts ignoring case) refused.
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        byte[] rows = RowsXlsx();
        string workbook, rels, sheet;
        using (var zip = new ZipArchive(new MemoryStream(rows), ZipArchiveMode.Read))
        {
            using (var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open())) workbook = reader.ReadToEnd();
            using (var reader = new StreamReader(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open())) rels = reader.ReadToEnd();
            using (var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open())) sheet = reader.ReadToEnd();
        }
        workbook = workbook.Replace("<sheets>", $"<sheets><sheet xmlns:r=\"{Rel}\" name=\"copy\" sheetId=\"2\" r:id=\"rId9\"/>", StringComparison.Ordinal);
        rels = rels.Replace("</Relationships>", $"<Relationship Target=\"{target}\" Id=\"rId9\"/></Relationships>", StringComparison.Ordinal);
        byte[] xlsx = With(rows, null, ("xl/workbook.xml", Encoding.UTF8.GetBytes(workbook)), ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(rels)),
            ("xl/worksheets/sheet2.xml", Encoding.UTF8.GetBytes(sheet)));
        if (message is null) Assert.Equal(ReadRows(rows), ReadRows(xlsx));
        else Assert.Equal(message, Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_20000NumberFormats_DamagedStructureAtOnce()
    {
        // rows.xlsx with 20,000 different number formats (codes "0" to "19999") in 56 KB: ExcelDataReader compares
        // each with all before it, 2.1 s.
        var error = Refused(Regression("xlsx-20000-number-formats"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged workbook structure)", error.Message);
    }

    [Theory]
    [InlineData(2_000, 1)]
    [InlineData(100_000, 50_000)]
    public void BankReader_ManyNumberFormatsOrRepeatsOfAFew_ReadAsBefore(int formats, int repeats)
    {
        // 2,000 different formats (8 times what Excel keeps), or 100,000 that are two formats over and over.
        byte[] rows = RowsXlsx();
        string styles;
        using (var zip = new ZipArchive(new MemoryStream(rows), ZipArchiveMode.Read))
        using (var reader = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()))
        {
            styles = reader.ReadToEnd();
        }
        string extra = string.Concat(Enumerable.Range(0, formats).Select(i => $"<numFmt numFmtId=\"{1000 + i}\" formatCode=\"0.{i / repeats}\"/>"));
        styles = styles.Replace("</numFmts>", extra + "</numFmts>", StringComparison.Ordinal);
        byte[] xlsx = With(rows, null, ("xl/styles.xml", Encoding.UTF8.GetBytes(styles)));
        Assert.Equal(ReadRows(rows), ReadRows(xlsx));
    }

    [Theory]
    [InlineData("<t><![CDATA[x]]></t>")]
    [InlineData("<x:r><x:t xml:space=\"preserve\">x</x:t></x:r>")]
    [InlineData("<t a=\"/>\">x</t><!-- <si> -->")]
    public void BankReader_ManyRunsWrittenOtherwise_DamagedXml(string run)
    {
        byte[] xlsx = With(RowsXlsx(), null, SharedStrings($"<si xmlns:x=\"{Ns}\">" + Repeat(run, 20_000) + "</si>"));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged worksheet XML)", Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_ManyRunsInUtf16_DamagedXml()
    {
        // Another encoding than UTF-8 is looked through with XmlReader, as ExcelDataReader reads it.
        byte[] xlsx = With(RowsXlsx(), null, SharedStrings("<si>" + Repeat("<t>x</t>", 20_000) + "</si>", Encoding.Unicode));
        Assert.Equal("bank.xlsx: not a readable Excel workbook (damaged worksheet XML)", Refused(xlsx).Message);
    }

    [Fact]
    public void BankReader_RichTextOfAFewRuns_ReadAsBefore()
    {
        // The header cells and a counterparty split into runs (as rich text is) read as the plain cells did.
        byte[] plain = RowsXlsx();
        byte[] rich = With(plain, xml => xml
            .Replace("<is><t>&#20132;&#26131;&#26102;&#38388;</t></is>", "<is><r><t>&#20132;&#26131;</t></r><r><rPr><b/></rPr><t>&#26102;&#38388;</t></r></is>", StringComparison.Ordinal)
            .Replace("<is><t>&#38134;&#34892;</t></is>", "<is><t>&#38134;</t><t><![CDATA[" + "\u884C" + "]]></t></is>", StringComparison.Ordinal));
        Assert.NotEqual(plain, rich);
        Assert.Equal(ReadRows(plain), ReadRows(rich));
    }

    [Fact]
    public void FindDamage_LongestExcelCellInAThousandRuns_Accepted()
    {
        // 32,767 characters (Excel's most in a cell) in 1,000 runs, in each of 100 shared strings.
        string item = "<si>" + Repeat("<r><t>" + new string('x', 32) + "</t></r>", 1000) + "</si>";
        byte[] xlsx = With(RowsXlsx(), null, SharedStrings(Repeat(item, 100)));
        using var stream = new MemoryStream(xlsx);
        Assert.Null(XlsxPartCheck.FindDamage(stream, "bank.xlsx", CsvReaderOptions.MaxWorkbookSheets, CsvReaderOptions.DefaultMaxRecordBytes));
    }
}
