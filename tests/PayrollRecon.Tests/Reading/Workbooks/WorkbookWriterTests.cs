using System.IO.Compression;
using System.Text;

using FsCheck;
using FsCheck.Fluent;

namespace PayrollRecon.Tests.Reading.Workbooks;

/// <summary>The test-side workbook writers, read back through ExcelDataReader 3.6.0: every cell comes back with its
/// value and type (text as string, numbers as double, date and date-time cells as DateTime), on its row.</summary>
public sealed class WorkbookWriterTests
{
    private static readonly string[] WorkbookFormats = ["xlsx", "xls"];

    public static TheoryData<string> Formats => new() { "xlsx", "xls" };

    private static byte[] Write(string format, params WorkbookSheet[] sheets) =>
        format == "xlsx" ? XlsxWriter.Write(sheets) : XlsWriter.Write(sheets);

    private static WorkbookCell T(string s) => WorkbookCell.Text(s);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_EveryCellKindSparseRowsTwoSheets_ReadsBackThroughExcelDataReader(string format)
    {
        var statement = new WorkbookSheet("交易明细", [
            new WorkbookRow(1, [T("中国建设银行 交易明细")]),
            new WorkbookRow(2, [T("账　　号：41050100000000000001")]),
            new WorkbookRow(4, [T("交易时间"), T("交易金额"), T("余额"), T("对方户名"), T("摘要"), T("日期")]),
            new WorkbookRow(5, [WorkbookCell.DateTime(new DateTime(2024, 1, 5, 10, 0, 0)), WorkbookCell.Money(123450), WorkbookCell.Money(10_000_000_00),
                T("张三"), T(" 2024年1月工资\t"), WorkbookCell.Date(new DateOnly(2024, 1, 5))]),
            new WorkbookRow(6, [WorkbookCell.DateTime(new DateTime(2024, 2, 29, 23, 59, 59)), WorkbookCell.Money(5), WorkbookCell.Money(-250),
                null, T(""), WorkbookCell.Date(new DateOnly(1999, 12, 31))]),
            new WorkbookRow(17, [T("合计"), WorkbookCell.Number(0.30000000000000004), null, T("欧阳·娜娜 𠀀")]),
        ]);
        var second = WorkbookSheet.Dense("Sheet2", [[WorkbookCell.Number(1), T("交易明细")]]);

        var sheets = WorkbookReadBack.Read(Write(format, statement, second));

        Assert.Equal(["交易明细", "Sheet2"], sheets.Select(s => s.Name));
        AssertRows(WorkbookReadBack.Expected(statement), sheets[0].Rows);
        AssertRows(WorkbookReadBack.Expected(second), sheets[1].Rows);
        Assert.Equal(17, sheets[0].Rows.Count);
        Assert.IsType<double>(sheets[0].Rows[4][1]);
        Assert.Equal(1234.5, sheets[0].Rows[4][1]);
        Assert.IsType<DateTime>(sheets[0].Rows[4][0]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_StringsPastOneRecord_ReadBackWhole(string format)
    {
        // In .xls the shared strings overflow the SST record into CONTINUE records: a long string split across two, a
        // surrogate pair at every possible boundary, and thousands of distinct short strings.
        string longText = string.Concat(Enumerable.Repeat("工资专户流水", 1500));
        string pairs = string.Concat(Enumerable.Repeat("𠀀", 4200)) + "尾";
        List<IReadOnlyList<WorkbookCell?>> rows = [[T(longText)], [T(pairs)], [T("x" + pairs)]];
        for (int i = 0; i < 3000; i++) rows.Add([T($"对方户名{i}"), WorkbookCell.Number(i), T($"6222{i:D15}")]);
        var sheet = WorkbookSheet.Dense("Sheet1", rows);

        var back = WorkbookReadBack.Read(Write(format, sheet));

        AssertRows(WorkbookReadBack.Expected(sheet), back.Single().Rows);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_OneCell_ReadsBack(string format)
    {
        var sheet = WorkbookSheet.Dense("S", [[T("a")]]);
        byte[] bytes = Write(format, sheet);
        if (format == "xls")
        {
            Assert.Equal(0, bytes.Length % 512);
            Assert.Equal(0xE11AB1A1E011CFD0UL, BitConverter.ToUInt64(bytes, 0));
        }
        AssertRows(WorkbookReadBack.Expected(sheet), WorkbookReadBack.Read(bytes).Single().Rows);
    }

    [Fact]
    public void XlsxWrite_Parts_AreThoseExcelWrites()
    {
        byte[] bytes = XlsxWriter.Write(WorkbookSheet.Dense("Sheet1", [[T("交易时间"), WorkbookCell.Money(100)], [T("交易时间"), null]]));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        string Text(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }
        string sheet = Text("xl/worksheets/sheet1.xml");
        Assert.Contains("<c r=\"A1\" t=\"s\"><v>0</v></c>", sheet);
        Assert.Contains("<c r=\"B1\"><v>1</v></c>", sheet);
        Assert.Contains("<c r=\"A2\" t=\"s\"><v>0</v></c>", sheet);
        Assert.Contains("count=\"2\" uniqueCount=\"1\"", Text("xl/sharedStrings.xml"));
        Assert.Contains("formatCode=\"yyyy-mm-dd hh:mm:ss\"", Text("xl/styles.xml"));
    }

    [Fact]
    public void CellReference_Columns_AreLettered()
    {
        Assert.Equal("A1", XlsxWriter.CellReference(0, 1));
        Assert.Equal("Z9", XlsxWriter.CellReference(25, 9));
        Assert.Equal("AA17", XlsxWriter.CellReference(26, 17));
        Assert.Equal("XFD1048576", XlsxWriter.CellReference(16_383, 1_048_576));
    }

    [Fact]
    public void YuanText_Amounts_AreShortest()
    {
        Assert.Equal("1234.5", WorkbookCell.YuanText(123450));
        Assert.Equal("0.05", WorkbookCell.YuanText(5));
        Assert.Equal("1", WorkbookCell.YuanText(100));
        Assert.Equal("-2.5", WorkbookCell.YuanText(-250));
        Assert.Equal("0", WorkbookCell.YuanText(0));
    }

    [Fact]
    public void Write_RandomSheets_ReadBackThroughExcelDataReader()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var sheets = new WorkbookSheet[random.Next(1, 4)];
            for (int s = 0; s < sheets.Length; s++) sheets[s] = RandomSheet(random, $"表{s + 1}");
            foreach (string format in WorkbookFormats)
            {
                var back = WorkbookReadBack.Read(Write(format, sheets));
                Assert.Equal(sheets.Length, back.Count);
                for (int s = 0; s < sheets.Length; s++)
                {
                    Assert.Equal(sheets[s].Name, back[s].Name);
                    AssertRows(WorkbookReadBack.Expected(sheets[s]), back[s].Rows);
                }
            }
        }).Check(PropertyConfig.Quick(40));
    }

    private static WorkbookSheet RandomSheet(Random random, string name)
    {
        var rows = new List<WorkbookRow>();
        int number = 0;
        int count = random.Next(0, 60);
        for (int r = 0; r < count; r++)
        {
            number += random.Next(4) == 0 ? random.Next(2, 30) : 1;
            var cells = new WorkbookCell?[random.Next(0, 12)];
            for (int c = 0; c < cells.Length; c++) cells[c] = RandomCell(random);
            rows.Add(new WorkbookRow(number, cells));
        }
        return new WorkbookSheet(name, rows);
    }

    private static WorkbookCell? RandomCell(Random random)
    {
        string[] words = ["张三", "欧阳·娜娜", "工资", "", " 2024-01-05 10:00\t", "中国建设银行", "𠀀", "a\"b", "<&>", "1,234.56 "];
        return random.Next(7) switch
        {
            0 => null,
            1 => WorkbookCell.Text(words[random.Next(words.Length)] + (random.Next(2) == 0 ? "" : random.Next(100_000).ToString())),
            2 => WorkbookCell.Money(random.NextInt64(-10_000_000_00, 10_000_000_00)),
            3 => WorkbookCell.Number(random.NextDouble() * Math.Pow(10, random.Next(-5, 12))),
            4 => WorkbookCell.Date(new DateOnly(2000, 1, 1).AddDays(random.Next(0, 15_000))),
            5 => WorkbookCell.DateTime(new DateTime(2000, 1, 1).AddDays(random.Next(0, 15_000)).AddSeconds(random.Next(0, 86_400))),
            _ => WorkbookCell.Text(new string((char)random.Next(0x4E00, 0x9FA5), random.Next(1, 40))),
        };
    }

    private static void AssertRows(List<object?[]> expected, List<object?[]> actual)
    {
        var trimmed = actual.Select(WorkbookReadBack.Trim).ToList();
        // A row without cells is not in the file: trailing empty rows are not compared.
        expected = expected.Select(WorkbookReadBack.Trim).ToList();
        while (expected.Count > 0 && expected[^1].Length == 0) expected.RemoveAt(expected.Count - 1);
        while (trimmed.Count > 0 && trimmed[^1].Length == 0) trimmed.RemoveAt(trimmed.Count - 1);
        Assert.Equal(expected.Count, trimmed.Count);
        for (int r = 0; r < expected.Count; r++)
        {
            var e = WorkbookReadBack.Trim(expected[r]);
            Assert.True(e.Length == trimmed[r].Length, $"row {r + 1}: {e.Length} cells expected, {trimmed[r].Length} read: {string.Join(" | ", trimmed[r])}");
            for (int c = 0; c < e.Length; c++)
            {
                object? x = e[c], y = trimmed[r][c];
                if (x is DateTime dx && y is DateTime dy) Assert.True(dx == dy, $"row {r + 1} col {c + 1}: {dx:O} expected, {dy:O} read");
                else Assert.True(Equals(x, y), $"row {r + 1} col {c + 1}: {x} ({x?.GetType().Name}) expected, {y} ({y?.GetType().Name}) read");
            }
        }
    }
}
