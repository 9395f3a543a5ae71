using System.IO.Compression;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Tests.Reading.Workbooks;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

/// <summary>Excel workbooks read as CSV (SPEC §2.3, R32, R33) from the real files in <c>fixtures/workbooks/</c>.</summary>
public sealed class WorkbookReaderTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Fixtures, "workbooks", name);

    private static byte[] Bytes(string name) => File.ReadAllBytes(Fixture(name));

    private static CsvReader Open(byte[] bytes, string fileName, Func<IReadOnlyList<string>, bool>? probe = null) =>
        CsvReader.Create(new MemoryStream(bytes), fileName, new CsvReaderOptions { HeaderProbe = probe is null ? null : cells => probe(cells) ? CsvReaderOptions.HeaderBinds : 0 });

    private static (List<string> Rows, List<string> Diagnostics, InputFileStats Stats) ReadBank(byte[] bytes, string fileName, bool strict = false) =>
        TypedReaderSupport.Read(InputKind.Bank, bytes, fileName, new InputReaderOptions { Strict = strict });

    /// <summary>values.xlsx/.xls: one cell kind per row, label in A and the text R32 gives the value in B.</summary>
    private static readonly string[] ValuesExpected =
    [
        "1:label|value",
        "2:text|张三",
        "3:money|1234.5",
        "4:noise|0.30000000000000004",
        "5:integer|100",
        "6:negative|-5.25",
        "7:id16|1234567890123456",
        "8:huge|100000000000000000",
        "9:date|2024-01-05",
        "10:datetime|2024-01-05 13:14:15",
        // A date at midnight in a format that shows a time is a date-time.
        "11:midnight|2024-01-05 00:00:00",
        // A format with a time and no date (a separate time column) gives the time of day alone.
        "12:time|09:30:00",
        "13:chinese|2024-01-05",
        // In the xlsx the built-in format 31 (yyyy"年"m"月"d"日") with no format string; ExcelDataReader gives a number.
        "14:builtin31|2024-02-29",
        "15:true|TRUE",
        "16:false|FALSE",
        "17:error|",
        "18:empty|",
        "19:comma|a,b",
        "20:quote|say \"hi\"",
        "21:tab|x y",
        // A line break inside a cell becomes a space: the next row is still line 23.
        "22:newline|line1 line2",
        "23:after|z",
        // 09:29:59.999 is rounded to the second.
        "24:rounding|2024-01-05 09:30:00",
    ];

    [Theory]
    [InlineData("values.xlsx", TextEncodingKind.Xlsx)]
    [InlineData("values.xls", TextEncodingKind.Xls)]
    public void Create_ValuesWorkbook_CellTextsPerR32(string file, TextEncodingKind kind)
    {
        using CsvReader reader = Open(Bytes(file), file);
        Assert.Equal(kind, reader.Encoding);
        Assert.Equal("values", reader.SheetName);
        Assert.Equal(ValuesExpected, ReadAll(reader));
        Assert.Equal(',', reader.Separator);
        Assert.Equal(new FileInfo(Fixture(file)).Length, reader.BytesRead);
    }

    [Theory]
    [InlineData("rows.xlsx")]
    [InlineData("rows.xls")]
    public void Create_SparseRows_LineIsWorksheetRow(string file)
    {
        using CsvReader reader = Open(Bytes(file), file);
        Assert.Equal(
        [
            "3:交易时间|借贷标志|交易金额|对方户名|摘要",
            "4:2024-01-02 09:00:00|贷|500000|洛阳某某置业有限公司|人工费",
            "5:2024-01-03 09:00:00|借|3|银行|手续费",
            "6:2024-01-04 09:00:00|借|1234.5|张三|1月工资",
            "10:2024-01-10 09:00:00|借|88.8|李四|1月工资",
            "12:2024-01-12 09:00:00|借|100|王五|工资 补发",
            "13:2024-01-13 09:00:00|借|0.30000000000000004|赵六|1月工资",
            "17:2024-01-17 09:00:00|借|12.3.4|钱七|1月工资",
            "18:2024-01-18 09:00:00|借|7|孙八|1月工资",
            "21:2024-01-21 09:00:00|借|9|周九|1月工资",
        ], ReadAll(reader));
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public void BankReader_RowsWorkbook_RowsAndDiagnosticsCiteWorksheetRows(string ext)
    {
        string name = "bank." + ext;
        var (rows, diagnostics, stats) = ReadBank(Bytes("rows." + ext), name);
        Assert.Equal(
        [
            "4||2024-01-02|09:00:00|Credit|500000.00||洛阳某某置业有限公司||人工费|",
            "5||2024-01-03|09:00:00|Debit|3.00||银行||手续费|",
            // The money cell 1234.5 is exactly 1,234.50 (123450 fen).
            "6||2024-01-04|09:00:00|Debit|1234.50||张三||1月工资|",
            "10||2024-01-10|09:00:00|Debit|88.80||李四||1月工资|",
            "12||2024-01-12|09:00:00|Debit|100.00||王五||工资 补发|",
            "18||2024-01-18|09:00:00|Debit|7.00||孙八||1月工资|",
            "21||2024-01-21|09:00:00|Debit|9.00||周九||1月工资|",
        ], rows);
        Assert.Equal(
        [
            $"{name}:13: column amount: invalid amount '0.30000000000000004'",
            $"{name}:17: column amount: invalid amount '12.3.4'",
        ], diagnostics);
        Assert.Equal(new InputFileStats(name, 9, 2, ext == "xlsx" ? TextEncodingKind.Xlsx : TextEncodingKind.Xls, new FileInfo(Fixture("rows." + ext)).Length) { HeaderLine = 3, Sheet = "交易明细", BytesAfterHeader = 468 }, stats);
    }

    [Theory]
    // Literal text written unquoted, as Excel keeps a format typed so: the workbook reader hands these cells over as
    // bare numbers; R32 reads them as the dates and times they show.
    [InlineData("yyyy年m月d日", "hh:mm:ss", "2024-05-10|10:30:00")]
    [InlineData("[$-804]yyyy年m月d日", "h时mm分ss秒", "2024-05-10|10:30:00")]
    [InlineData("yyyy/m/d", "h时mm分", "2024-05-10|10:30:00")]
    public void BankReader_CustomDateFormatsWithUnquotedText_ReadAsDatesAndTimes(string dateFormat, string timeFormat, string expected)
    {
        var sheet = WorkbookSheet.Dense("明细", [
            [WorkbookCell.Text("交易日期"), WorkbookCell.Text("交易时间"), WorkbookCell.Text("借贷标志"), WorkbookCell.Text("交易金额"), WorkbookCell.Text("对方户名")],
            [WorkbookCell.Date(new DateOnly(2024, 5, 10)), WorkbookCell.DateTime(new DateTime(1899, 12, 30, 10, 30, 0)), WorkbookCell.Text("贷"), WorkbookCell.Money(100_00), WorkbookCell.Text("甲公司")],
        ]);
        byte[] xlsx = WithNumberFormats(XlsxWriter.Write(sheet), [("yyyy-mm-dd hh:mm:ss", timeFormat), ("yyyy-mm-dd", dateFormat)]);

        var (rows, diagnostics, _) = ReadBank(xlsx, "bank.xlsx");

        Assert.Empty(diagnostics);
        Assert.StartsWith("2||" + expected, Assert.Single(rows), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yyyy年m月d日", "Date")]
    [InlineData("h时mm分", "Time")]
    [InlineData("yyyy-mm-dd hh:mm", "Date, Time")]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", "Date")]
    [InlineData("General", "None")]
    [InlineData("0.00E+00", "None")]
    [InlineData("#,##0.00\"元\"", "None")]
    [InlineData("#,##0.00 \"days\"", "None")]
    [InlineData("0\"天\";[Red]-0\"天\"", "None")]
    [InlineData("@", "None")]
    public void PartsOfNumberFormat_FormatOfABareNumber_DateOrTimeOnlyWithTheirFields(string format, string expected)
    {
        var parts = WorkbookCellText.PartsOfNumberFormat(format);
        Assert.Equal(expected, (parts & ~WorkbookCellText.DateParts.Known).ToString());
    }

    /// <summary>The workbook with its number format codes replaced (the writer's styles name them once each).</summary>
    private static byte[] WithNumberFormats(byte[] xlsx, (string From, string To)[] formats)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/styles.xml")!;
            string styles;
            using (var reader = new StreamReader(entry.Open())) styles = reader.ReadToEnd();
            foreach (var (from, to) in formats)
                styles = styles.Replace($"formatCode=\"{from}\"", $"formatCode=\"{System.Security.SecurityElement.Escape(to)}\"", StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/styles.xml").Open());
            writer.Write(styles);
        }
        return stream.ToArray();
    }

    [Fact]
    public void BankReader_NoSheetHasAHeader_MessageNamesTheBestRowOfAnySheet()
    {
        // R33: with no header anywhere, "the message names the record that bound most columns": here on the second
        // sheet (日期 binds the date), not the cover sheet that binds nothing.
        byte[] xlsx = XlsxWriter.Write(
            WorkbookSheet.Dense("封面", [[WorkbookCell.Text("封面")]]),
            WorkbookSheet.Dense("明细", [[WorkbookCell.Text("说明")], [WorkbookCell.Text("日期"), WorkbookCell.Text("说明")]]));

        var error = Assert.Throws<PayrollDataException>(() => ReadBank(xlsx, "bank.xlsx"));

        Assert.Equal("bank.xlsx: missing required column '交易金额 / amount' or '借方发生额 / debit' or '贷方发生额 / credit' (found on line 2: 日期, 说明)", error.Message);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("xls")]
    public void BankReader_StrictWorkbook_StopsAtWorksheetRow(string ext)
    {
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(Bytes("rows." + ext), "bank." + ext, strict: true));
        Assert.Equal($"bank.{ext}:13: column amount: invalid amount '0.30000000000000004'", error.Message);
        Assert.Equal(13, error.Line);
    }

    [Theory]
    [InlineData("bank-sample.xlsx")]
    [InlineData("bank-sample.xls")]
    public void BankReader_SampleStatementWorkbook_EqualsTheCsv(string file)
    {
        byte[] csv = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, "sample-project", "bank.csv"));
        var expected = ReadBank(csv, "bank");
        var actual = ReadBank(Bytes(file), "bank");
        Assert.Equal(182, expected.Rows.Count);
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.Equal(expected.Stats.RowsRead, actual.Stats.RowsRead);
        Assert.Equal(expected.Stats.RowsRejected, actual.Stats.RowsRejected);
    }

    [Theory]
    [InlineData("bank-sample.xlsx")]
    [InlineData("bank-sample.xls")]
    public void Open_WorkbookFile_ReadsLikeTheStream(string file)
    {
        List<string> fromStream;
        using (CsvReader reader = Open(Bytes(file), file)) fromStream = ReadAll(reader);
        using CsvReader opened = CsvReader.Open(Fixture(file), new CsvReaderOptions());
        Assert.Equal(fromStream, ReadAll(opened));
        Assert.Equal(183, fromStream.Count);
    }

    [Theory]
    [InlineData("values.xlsx")]
    [InlineData("values.xls")]
    public void Create_ForwardOnlyStream_WorkbookIsReadAllTheSame(string file)
    {
        using CsvReader reader = CsvReader.Create(new RandomReadStream(Bytes(file), seed: 7, maxRead: 333), file, new CsvReaderOptions());
        Assert.Equal(ValuesExpected, ReadAll(reader));
    }

    [Fact]
    public void Create_WorkbookUnderCsvName_RecognisedByItsBytes()
    {
        using CsvReader reader = Open(Bytes("values.xlsx"), "bank.csv");
        Assert.Equal(TextEncodingKind.Xlsx, reader.Encoding);
        Assert.Equal(ValuesExpected, ReadAll(reader));
    }

    [Fact]
    public void Create_LeaveOpen_WorkbookStreamStaysOpen()
    {
        var stream = new MemoryStream(Bytes("values.xls"));
        using (CsvReader reader = CsvReader.Create(stream, "values.xls", new CsvReaderOptions { LeaveOpen = true })) ReadAll(reader);
        Assert.True(stream.CanRead);
        using (CsvReader reader = CsvReader.Create(stream, "values.xls", new CsvReaderOptions())) ReadAll(reader);
        Assert.False(stream.CanRead);
    }

    [Theory]
    [InlineData("sheets.xlsx")]
    [InlineData("sheets.xls")]
    public void Create_NoProbe_FirstSheetWithACell(string file)
    {
        using CsvReader reader = Open(Bytes(file), file);
        Assert.Equal("说明", reader.SheetName);
        Assert.Equal(["1:本文件由网银导出", "2:账号：41050100000000000001"], ReadAll(reader));
    }

    [Theory]
    [InlineData("sheets.xlsx")]
    [InlineData("sheets.xls")]
    public void Create_Probe_FirstSheetWithAHeaderHiddenOrNot(string file)
    {
        // R32: "The first worksheet that has a header row (R33) is read": the hidden sheet '隐藏' comes before the visible
        // '交易明细' and has the header too.
        static bool BankHeader(IReadOnlyList<string> cells) => cells.Contains("交易时间") && cells.Contains("交易金额");
        using CsvReader reader = Open(Bytes(file), file, BankHeader);
        Assert.Equal("隐藏", reader.SheetName);
        Assert.Equal(
        [
            "1:交易时间|交易金额|摘要",
            "2:2023-12-01 08:00:00|-1|隐藏表",
        ], ReadAll(reader));
    }

    [Theory]
    [InlineData("sheets.xlsx")]
    [InlineData("sheets.xls")]
    public void Create_ProbeOnALaterVisibleSheet_ReadsItFromItsFirstRow(string file)
    {
        // The title row of the visible statement sheet is the only row that satisfies this probe.
        using CsvReader reader = Open(Bytes(file), file, cells => cells.Contains("中国建设银行 交易明细"));
        Assert.Equal("交易明细", reader.SheetName);
        Assert.Equal(
        [
            "1:中国建设银行 交易明细||",
            "2:交易时间|交易金额|摘要",
            "3:2024-01-02 09:00:00|-3|手续费",
            "4:2024-01-03 09:00:00|500|拨付",
        ], ReadAll(reader));
    }

    [Theory]
    [InlineData("sheets.xlsx")]
    [InlineData("sheets.xls")]
    public void Create_ProbeOnlyAHiddenSheetSatisfies_ReadsTheHiddenSheet(string file)
    {
        using CsvReader reader = Open(Bytes(file), file, cells => cells.Contains("隐藏表"));
        Assert.Equal("隐藏", reader.SheetName);
    }

    [Theory]
    [InlineData("sheets.xlsx")]
    [InlineData("sheets.xls")]
    public void Create_ProbeNoSheetSatisfies_FirstSheetWithACell(string file)
    {
        var seen = new List<string>();
        using CsvReader reader = Open(Bytes(file), file, cells =>
        {
            seen.Add(string.Join('|', cells));
            return false;
        });
        Assert.Equal("说明", reader.SheetName);
        // Every non-blank row of every sheet was offered, as the CSV core will see it.
        Assert.Contains("中国建设银行 交易明细||", seen);
        Assert.Contains("2023-12-01 08:00:00|-1|隐藏表", seen);
    }

    [Fact]
    public void BankReader_WorkbookStats_SayFormat()
    {
        using var reader = BankReader.Create(new MemoryStream(Bytes("rows.xls")), "bank.xls", new InputReaderOptions());
        while (reader.Read(out _))
        {
        }
        Assert.Equal(TextEncodingKind.Xls, reader.Stats.Encoding);
        Assert.Equal("交易明细", reader.SheetName);
    }

    [Theory]
    [InlineData("truncated.xlsx", "bank.xlsx: not a readable Excel workbook (damaged or truncated)", "bank.xlsx: 不是可读取的 Excel 工作簿（已损坏或不完整）")]
    [InlineData("truncated.xls", "bank.xls: not a readable Excel workbook (damaged or truncated)", "bank.xls: 不是可读取的 Excel 工作簿（已损坏或不完整）")]
    [InlineData("zip.csv", "bank.csv: not a readable Excel workbook (a ZIP archive that is not an Excel workbook)", "bank.csv: 不是可读取的 Excel 工作簿（是 ZIP 压缩包而不是 Excel 工作簿）")]
    [InlineData("pk.csv", "bank.csv: not a readable Excel workbook (damaged or truncated)", "bank.csv: 不是可读取的 Excel 工作簿（已损坏或不完整）")]
    [InlineData("not-a-workbook.xls", "bank.xls: not a readable Excel workbook (an OLE2 file without a workbook stream)", "bank.xls: 不是可读取的 Excel 工作簿（是没有工作簿数据流的 OLE2 文件）")]
    [InlineData("encrypted-agile.xlsx", "bank.xlsx: not a readable Excel workbook (encrypted with a password)", "bank.xlsx: 不是可读取的 Excel 工作簿（有密码保护）")]
    [InlineData("encrypted-xor.xls", "bank.xls: not a readable Excel workbook (encrypted with a password)", "bank.xls: 不是可读取的 Excel 工作簿（有密码保护）")]
    public void BankReader_UnreadableWorkbook_OneLineError(string input, string expected, string chinese)
    {
        string fileName = "bank" + Path.GetExtension(input);
        var error = Assert.Throws<PayrollDataException>(() => ReadBank(Damaged(input), fileName));
        Assert.Equal(expected, error.Message);
        Assert.Equal(chinese, error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        Assert.Equal(fileName, error.File);
        Assert.Equal(0, error.Line);
    }

    /// <summary>Files that are not readable workbooks: cut-off fixtures, a ZIP of something else, the foreign fixtures.</summary>
    internal static byte[] Damaged(string input)
    {
        switch (input)
        {
            case "truncated.xlsx":
                byte[] xlsx = Bytes("bank-sample.xlsx");
                return xlsx[..(xlsx.Length / 2)];
            case "truncated.xls":
                byte[] xls = Bytes("bank-sample.xls");
                return xls[..(xls.Length / 3)];
            case "zip.csv":
                var zip = new MemoryStream();
                using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                {
                    using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
                    entry.Write("交易时间,交易金额\n");
                }
                return zip.ToArray();
            case "pk.csv":
                return "PK\x03\x04交易时间,交易金额\n"u8.ToArray();
            default:
                return Bytes(input);
        }
    }

    [Fact]
    public void Create_CsvNamedXlsStartingWithText_IsCsv()
    {
        using CsvReader reader = Open(Utf8("交易时间,交易金额\n2024-01-05,-1\n"), "bank.xls");
        Assert.Equal(TextEncodingKind.Utf8, reader.Encoding);
        Assert.Null(reader.SheetName);
        Assert.Equal(["1:交易时间|交易金额", "2:2024-01-05|-1"], ReadAll(reader));
    }

    [Fact]
    public void Create_ShortCsv_PeekDoesNotLoseBytes()
    {
        using CsvReader reader = CsvReader.Create(new RandomReadStream(Utf8("a\n1\n"), seed: 1, maxRead: 1), "t.csv", new CsvReaderOptions());
        Assert.Equal(["1:a", "2:1"], ReadAll(reader));
        Assert.Equal(4, reader.BytesRead);
    }

    [Theory]
    [InlineData(1234.5, "1234.5")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(100.0, "100")]
    [InlineData(-0.01, "-0.01")]
    [InlineData(92233720368547.58, "92233720368547.58")]
    [InlineData(999999999999999.0, "999999999999999")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(4.1010519900101e17, "410105199001010000")]
    [InlineData(-1.5e20, "-150000000000000000000")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(-1.25e-6, "-0.00000125")]
    [InlineData(1e60, "1000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(double.Epsilon, "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005")]
    public void Number_Double_ShortestRoundTripText(double value, string expected)
    {
        Assert.Equal(expected, new string(WorkbookCellText.Number(value, new char[WorkbookCellText.ScratchChars])));
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true, false)]
    [InlineData("yyyy/m/d h:mm", true, true)]
    [InlineData("hh:mm:ss", false, true)]
    [InlineData("mm:ss", false, true)]
    [InlineData("[h]:mm", false, true)]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true, false)]
    [InlineData("[$-F800]dddd, mmmm dd, yyyy", true, false)]
    [InlineData("h\"时\"mm\"分\"ss\"秒\"", false, true)]
    [InlineData("上午/下午h\"时\"mm\"分\"", false, true)]
    [InlineData("m/d/yy h:mm AM/PM;@", true, true)]
    public void PartsOf_Format_DateAndTimeFields(string format, bool date, bool time)
    {
        WorkbookCellText.DateParts parts = WorkbookCellText.PartsOf(format);
        Assert.Equal(date, parts.HasFlag(WorkbookCellText.DateParts.Date));
        Assert.Equal(time, parts.HasFlag(WorkbookCellText.DateParts.Time));
    }

    [Theory]
    [InlineData(31, 45351.0, "2024-02-29")]
    [InlineData(57, 45292.0, "2024-01-01")]
    [InlineData(33, 0.5, "12:00:00")]
    [InlineData(31, 45351.75, "2024-02-29 18:00:00")]
    public void BuiltinEastAsian_SerialNumber_ReadsAsDate(int format, double serial, string expected)
    {
        DateTime date = WorkbookCellText.FromSerial(serial)!.Value;
        Assert.Equal(expected, new string(WorkbookCellText.Date(date, WorkbookCellText.BuiltinEastAsian(format), new char[WorkbookCellText.ScratchChars])));
    }

    [Fact]
    public void BuiltinEastAsian_OtherFormats_AreNotDates()
    {
        foreach (int format in new[] { 0, 1, 2, 4, 14, 22, 26, 37, 49, 59, 164 })
            Assert.Equal(WorkbookCellText.DateParts.None, WorkbookCellText.BuiltinEastAsian(format));
    }
}

/// <summary>What the CSV core receives from a <see cref="RecordStream"/>: one line per record, commas always winning R1.</summary>
public sealed class RecordStreamTests
{
    private sealed class Records(IEnumerable<string[]> records, int maxRecordBytes = CsvReaderOptions.DefaultMaxRecordBytes) : RecordStream(maxRecordBytes)
    {
        private readonly IEnumerator<string[]> _records = records.GetEnumerator();

        public override TextEncodingKind Kind => TextEncodingKind.Xlsx;

        public override long SourceBytesRead => 0;

        protected override bool ProduceRecord()
        {
            if (!_records.MoveNext()) return false;
            BeginRecord();
            foreach (string field in _records.Current) AppendField(field.AsSpan());
            EndRecord();
            return true;
        }
    }

    private static string Text(IEnumerable<string[]> records, int maxRecordBytes = CsvReaderOptions.DefaultMaxRecordBytes)
    {
        using var stream = new Records(records, maxRecordBytes);
        return Encoding.UTF8.GetString(ReadToEnd(stream));
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Read_Fields_QuotedOnlyWhenNeededAndOneLinePerRecord()
    {
        string text = Text(
        [
            ["a\tb\tc", "x"],
            ["1,5", "say \"hi\"", "two\r\nlines"],
            ["", " ", ""],
            ["  lead", "\"q"],
        ]);
        Assert.Equal("a b c,x\n\"1,5\",\"say \"\"hi\"\"\",two  lines\n\n  lead,\"\"\"q\"\n", text);
    }

    [Fact]
    public void CsvReader_TabsInHeaderCells_CommaSeparated()
    {
        using var reader = CsvReader.Create(new Records([["a\tb\tc\td", "e"], ["1", "2"]]), "t.xlsx", new CsvReaderOptions());
        Assert.Equal(["1:a b c d|e", "2:1|2"], ReadingTestSupport.ReadAll(reader));
        Assert.Equal(',', reader.Separator);
    }

    [Fact]
    public void Read_RecordOverTheLimit_CutJustPastItAsOneLine()
    {
        string text = Text([["x", new string('é', 100), "y"], ["next"]], maxRecordBytes: 50);
        string[] lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.InRange(Encoding.UTF8.GetByteCount(lines[0]), 51, 50 + 64);
        Assert.Equal("next", lines[1]);
    }
}
