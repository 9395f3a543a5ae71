using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Tests.Reading.Workbooks;

using static PayrollRecon.Tests.Reading.TypedReaderSupport;

namespace PayrollRecon.Tests.Reading;

/// <summary>Line ends, encodings and limits as the typed readers see them: what old exports and damaged files give.</summary>
public sealed class ReadingHardeningTests
{
    private const string WorkersHeader = "工号,姓名,身份证号,工资卡号,用工单位,班组,工种,计薪方式,工资标准,进场日期,退场日期";

    private static string Roster(int rows, string lineEnd)
    {
        var text = new StringBuilder(WorkersHeader).Append(lineEnd);
        for (int i = 1; i <= rows; i++) text.Append($"W{i},张三{i},X{i},62220000{i},某劳务公司,一班,木工,日薪,350.00,2024-01-02,").Append(lineEnd);
        return text.ToString();
    }

    [Theory]
    [InlineData(InputKind.Workers, WorkersHeader, "W1,张三,X1,6222,某劳务公司,一班,木工,日薪,350.00,2024-01-02,", "W2,李四,X2,6223,某劳务公司,一班,木工,日薪,300.00,,")]
    [InlineData(InputKind.Attendance, "身份证号,考勤时间,方向", "X1,2024-01-05 07:58:00,进", "X1,2024-01-05 17:58:00,出")]
    [InlineData(InputKind.Bank, "交易日期,交易金额,借贷标志,对方户名,对方账号,摘要", "2024-01-05,350.00,借,张三,6222,工资", "2024-01-06,300.00,借,李四,6223,工资")]
    [InlineData(InputKind.Batches, "批次号,收款账号,户名,金额,状态", "B1,6222,张三,350,成功", "B1,6223,李四,300,成功")]
    public void CrOnlyFile_ReadsEveryRowOnItsLine(InputKind kind, string header, string first, string second)
    {
        // Old Mac exports end lines with a lone CR: before, such a file read as a header alone (0 rows, no error).
        var (lf, lfDiagnostics, _) = Read(kind, header + "\n" + first + "\n" + second + "\n");
        var (cr, crDiagnostics, stats) = Read(kind, header + "\r" + first + "\r" + second + "\r");
        var (mixed, _, _) = Read(kind, header + "\r\n" + first + "\r" + second + "\n");
        Assert.Empty(lfDiagnostics);
        Assert.Empty(crDiagnostics);
        Assert.Equal(2, lf.Count);
        Assert.Equal(lf, cr);
        Assert.Equal(lf, mixed);
        Assert.Equal(2, stats.RowsRead);
        Assert.Null(stats.Warning);
    }

    [Fact]
    public void CrOnlyFile_LineNumbersCountCrLines()
    {
        var (_, diagnostics, _) = Read(InputKind.Workers, WorkersHeader + "\r\r" + "W1,,X,1,A,B,C,日薪,350,,\r");
        Assert.Equal(["workers.csv:3: column name: missing value"], diagnostics);
    }

    [Fact]
    public void HeaderWithoutRows_ButBytesAfterIt_Warns()
    {
        var (rows, _, stats) = Read(InputKind.Workers, WorkersHeader + "\n\n  \n");
        Assert.Empty(rows);
        Assert.Equal(4, stats.BytesAfterHeader);
        Assert.Equal("workers.csv: no rows after the header on line 1, though 4 bytes follow it", stats.Warning);
        Assert.Equal("workers.csv: 第 1 行的表头之后没有读到数据行，但表头后还有 4 字节", stats.WarningText!.Render(PayrollRecon.Reporting.ReportLanguage.Zh));

        var (_, _, headerOnly) = Read(InputKind.Workers, WorkersHeader + "\r\n");
        Assert.Equal(0, headerOnly.BytesAfterHeader);
        Assert.Null(headerOnly.Warning);

        var (_, _, footerOnly) = Read(InputKind.Batches, "批次号,收款账号,户名,金额,状态\n合计,,,0.00,\n");
        Assert.Equal(1, footerOnly.FooterRows);
        Assert.Equal("batches.csv: no rows after the header on line 1, though 15 bytes follow it", footerOnly.Warning);
    }

    [Fact]
    public void Utf8RosterWithOneStrayByte_StaysUtf8AndOnlyThatRowIsAnError()
    {
        // One stray 0xFF in row 57's name: before, it made the whole file GB18030 (every name garbled).
        byte[] good = Encoding.UTF8.GetBytes(Roster(91, "\n"));
        int at = IndexOfLine(good, 57) + "W56,".Length + Encoding.UTF8.GetByteCount("张");
        byte[] bytes = [.. good[..at], 0xFF, .. good[at..]];
        var (rows, diagnostics, stats) = Read(InputKind.Workers, bytes, "workers.csv", new InputReaderOptions());
        Assert.Equal(TextEncodingKind.Utf8, stats.Encoding);
        Assert.Equal(["workers.csv:57: column name: invalid UTF-8 byte sequence"], diagnostics);
        Assert.Equal(90, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("58|W57|张三57|", StringComparison.Ordinal));
        Assert.Equal(bytes.Length, stats.EncodingDecidedOnBytes);
    }

    [Fact]
    public void Gb18030Text_IsNotTakenForUtf8WithStrayBytes()
    {
        // The tolerance for stray bytes must leave GB18030 text GB18030, however short.
        foreach (string text in new[] { "张三", "姓名,身份证号\n张三,X1\n", Roster(50, "\r\n") })
        {
            byte[] gb = ReadingTestSupport.Gb(text);
            Assert.False(CsvReader.MostlyUtf8(gb));
            using CsvReader reader = CsvReader.Create(new MemoryStream(gb), "t.csv");
            while (reader.Read(out _))
            {
            }
            Assert.Equal(TextEncodingKind.Gb18030, reader.Encoding);
        }
        Assert.True(CsvReader.MostlyUtf8([.. Encoding.UTF8.GetBytes("张三李四王五赵六"), 0xFF]));
        Assert.False(CsvReader.MostlyUtf8([.. Encoding.UTF8.GetBytes("张三李四王五赵"), 0xFF]));
    }

    [Fact]
    public void Gb18030RosterWithAnInvalidByte_OnlyThatRowIsAnError()
    {
        byte[] good = ReadingTestSupport.Gb(Roster(20, "\r\n"));
        int at = IndexOfLine(good, 9) + "W8,".Length;
        byte[] bytes = [.. good[..at], 0x80, .. good[at..]];
        var (rows, diagnostics, stats) = Read(InputKind.Workers, bytes, "workers.csv", new InputReaderOptions());
        Assert.Equal(TextEncodingKind.Gb18030, stats.Encoding);
        Assert.Equal(["workers.csv:9: column name: invalid GB18030 byte sequence"], diagnostics);
        Assert.Equal(19, rows.Count);
        Assert.Equal(bytes.Length, stats.EncodingDecidedOnBytes);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0x81, 0x20 })]
    [InlineData(new byte[] { 0x81, 0x35, 0x41 })]
    [InlineData(new byte[] { 0xFE, 0x39, 0xFE, 0x39 })]
    public void Gb18030InvalidSequence_IsARowErrorForAnySplit(byte[] invalid)
    {
        byte[] head = ReadingTestSupport.Gb("姓名,备注\n张三,工资\n");
        byte[] bytes = [.. head, .. ReadingTestSupport.Gb("李四,"), .. invalid, .. ReadingTestSupport.Gb("\n王五,x\n")];
        var expected = new List<string> { "1:姓名|备注", "2:张三|工资", "3!InvalidGb18030", "4:王五|x" };
        foreach (int maxRead in new[] { 1, 2, 3, 1000 })
        {
            using CsvReader reader = CsvReader.Create(new RandomReadStream(bytes, 3, maxRead), "t.csv", new CsvReaderOptions());
            Assert.Equal(expected, ReadingTestSupport.ReadAll(reader));
            Assert.Equal("invalid GB18030 byte sequence", reader.DescribeError(CsvRowError.InvalidGb18030));
        }
    }

    [Fact]
    public void EncodingDecision_IsReported()
    {
        Assert.Equal(0, Read(InputKind.Calendar, "date,kind\n2024-10-01,holiday\n").Stats.EncodingDecidedOnBytes);
        Assert.Equal(3, Read(InputKind.Calendar, "\uFEFFdate,kind\n2024-10-01,holiday\n").Stats.EncodingDecidedOnBytes);
        string big = "date,kind\n" + string.Concat(Enumerable.Repeat("2024-10-01,holiday\n", 100)) + "# 国庆\n" + string.Concat(Enumerable.Repeat("2024-10-02,holiday\n", 5000));
        long firstNonAscii = big.IndexOf('国');
        Assert.Equal(firstNonAscii + CsvReader.DetectionBytes, Read(InputKind.Calendar, big).Stats.EncodingDecidedOnBytes);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void RecordWithTooManyFields_IsARowErrorAndReadingGoesOn(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // A 1 MiB line of commas must not build a million-field index: past the cap the record is only scanned for its end.
        string wide = new string(',', CsvReaderOptions.DefaultMaxRecordBytes - 1);
        string atCap = string.Join(',', Enumerable.Repeat("x", CsvReader.MaxFieldsPerRecord));
        string text = "a,b\n" + wide + "\n" + atCap + "\n" + atCap + ",y\n1,2\n";
        foreach (int maxRead in new[] { 7, 1 << 20 })
        {
            using CsvReader reader = CsvReader.Create(new RandomReadStream(Encoding.UTF8.GetBytes(text), 5, maxRead), "t.csv", new CsvReaderOptions());
            var records = new List<string>();
            while (reader.Read(out CsvRow row)) records.Add(row.Error != CsvRowError.None ? $"{row.Line}!{row.Error}" : $"{row.Line}:{row.FieldCount}");
            Assert.Equal(["1:2", "2!TooManyFields", $"3:{CsvReader.MaxFieldsPerRecord}", "4!TooManyFields", "5:2"], records);
            Assert.Equal("more than 16384 fields", reader.DescribeError(CsvRowError.TooManyFields));
        }
        var (_, diagnostics, _) = Read(InputKind.Calendar, "date,kind\n" + wide + "\n2024-10-01,holiday\n");
        Assert.Equal(["calendar.csv:2: more than 16384 fields"], diagnostics);
    }

    private static int IndexOfLine(byte[] bytes, int line)
    {
        int pos = 0;
        for (int l = 1; l < line; l++) pos = Array.IndexOf(bytes, (byte)'\n', pos) + 1;
        return pos;
    }
}

/// <summary>Bounds on what a workbook makes the reader do: worksheets, rows, columns.</summary>
public sealed class WorkbookLimitTests
{
    private static WorkbookSheet Sheet(string name, int rows, int columns = 2) =>
        WorkbookSheet.Dense(name, Enumerable.Range(0, rows).Select(r =>
            (IReadOnlyList<WorkbookCell?>)[.. Enumerable.Range(0, columns).Select(c => WorkbookCell.Text(r == 0 ? $"h{c}" : $"{r}.{c}"))]));

    [Fact]
    public void Workbook_MoreWorksheetsThanTheLimit_IsRefusedInOneLine()
    {
        byte[] xlsx = XlsxWriter.Write(Sheet("a", 2), Sheet("b", 2), Sheet("c", 2));
        var error = Assert.Throws<PayrollDataException>(() => CsvReader.Create(new MemoryStream(xlsx), "bank.xlsx", new CsvReaderOptions { WorkbookSheetLimit = 2 }));
        Assert.Equal("bank.xlsx: workbook with 3 worksheets, more than 2", error.Message);
        Assert.Equal("bank.xlsx: 工作簿有 3 个工作表，超过上限 2 个", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        using CsvReader atLimit = CsvReader.Create(new MemoryStream(xlsx), "bank.xlsx", new CsvReaderOptions { WorkbookSheetLimit = 3 });
        Assert.Equal(["1:h0|h1", "2:1.0|1.1"], ReadingTestSupport.ReadAll(atLimit));
        Assert.Equal(255, CsvReaderOptions.MaxWorkbookSheets);
    }

    [Fact]
    public void Worksheet_MoreRowsThanTheLimit_IsRefusedWhenReached()
    {
        byte[] xlsx = XlsxWriter.Write(Sheet("a", 5));
        using (CsvReader atLimit = CsvReader.Create(new MemoryStream(xlsx), "bank.xlsx", new CsvReaderOptions { WorksheetRowLimit = 5 }))
        {
            Assert.Equal(5, ReadingTestSupport.ReadAll(atLimit).Count);
        }
        using CsvReader over = CsvReader.Create(new MemoryStream(xlsx), "bank.xlsx", new CsvReaderOptions { WorksheetRowLimit = 4 });
        var error = Assert.Throws<PayrollDataException>(() => ReadingTestSupport.ReadAll(over));
        Assert.Equal("bank.xlsx: worksheet with more than 4 rows", error.Message);
        Assert.Equal("bank.xlsx: 工作表超过 4 行", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        Assert.Equal(1_048_576, CsvReaderOptions.MaxWorksheetRows);
    }

    [Fact]
    public void Worksheet_OfExcelsWidestRows_IsReadWithinTheFieldLimit()
    {
        // The field limit is Excel's column count, so the widest worksheet row (16,384 columns) is still read.
        byte[] xlsx = XlsxWriter.Write(Sheet("a", 2, CsvReader.MaxFieldsPerRecord));
        using CsvReader reader = CsvReader.Create(new MemoryStream(xlsx), "bank.xlsx", new CsvReaderOptions());
        Assert.True(reader.Read(out CsvRow header));
        Assert.Equal(CsvReader.MaxFieldsPerRecord, header.FieldCount);
        Assert.True(reader.Read(out CsvRow row));
        Assert.Equal(CsvReader.MaxFieldsPerRecord, row.FieldCount);
        Assert.False(reader.Read(out _));
    }
}
