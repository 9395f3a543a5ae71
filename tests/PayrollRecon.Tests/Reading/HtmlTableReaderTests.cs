using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

/// <summary>Web banking's "Excel" export, an HTML table saved as <c>.xls</c> (R32).</summary>
public sealed class HtmlTableReaderTests
{
    /// <summary>A statement as web banking saves it: styles, scripts, comments, a title row, entities, omitted end
    /// tags, a nested table, spans and an empty row; then a second table that is not read.</summary>
    private const string Statement = """
        <html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
        <style>td { mso-number-format:"\@"; } </style>
        <script>var s = "<table><tr><td>script</td></tr></table>";</script></head>
        <body><!-- <table><tr><td>comment</td></tr></table> -->
        <TABLE border=1 x:str>
        <tr><td colspan="5">中国建设银行 交易明细</td></tr>
        <tr><th>交易时间</th><th>借贷标志</th><th>交易金额</th><th>对方户名</th><th>摘要</th></tr>
        <tr><td>2024-01-02 09:00</td><td>贷</td><td>500,000.00</td><td>洛阳&amp;某某</td><td>人工费&nbsp;</td></tr>
        <tr><td>2024-01-03 09:00<td>借<td>&#49;&#x32;.00<td>A &lt;B&gt; "C"<td>a,b
        <tr><td>2024-01-04 09:00</td><td>借</td><td>1.00</td><td><table><tr><td>嵌套</td><td>表</td></tr></table></td><td>line
          two&#150;end</td></tr>
        <tr></tr>
        <tr><td rowspan=2>2024-01-05</td><td>借</td><td>2.00</td><td>x</td><td>y</td></tr>
        <tr><td>借</td><td>3.00</td><td>x</td><td>y&copy</td></tr>
        </TABLE>
        <table><tr><td>second table</td></tr></table>
        </body></html>
        """;

    private static readonly string[] StatementRows =
    [
        "1:中国建设银行 交易明细||||",
        "2:交易时间|借贷标志|交易金额|对方户名|摘要",
        "3:2024-01-02 09:00|贷|500,000.00|洛阳&某某|人工费",
        "4:2024-01-03 09:00|借|12.00|A <B> \"C\"|a,b",
        "5:2024-01-04 09:00|借|1.00|嵌套 表|line two–end",
        // Row 6 has no cells: a blank line, skipped, but counted.
        "7:2024-01-05|借|2.00|x|y",
        "8:|借|3.00|x|y©",
    ];

    private static string Document(string charset = "utf-8") => Statement.Replace("{charset}", charset, StringComparison.Ordinal);

    private static CsvReader Open(byte[] bytes, string fileName = "bank.xls") => CsvReader.Create(new MemoryStream(bytes), fileName, new CsvReaderOptions());

    [Fact]
    public void Create_HtmlSavedAsXls_FirstTableOneRecordPerRow()
    {
        using CsvReader reader = Open(Utf8(Document()));
        Assert.Equal(TextEncodingKind.Html, reader.Encoding);
        Assert.Null(reader.SheetName);
        Assert.Equal(StatementRows, ReadAll(reader));
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("GB2312")]
    [InlineData("gb18030")]
    public void Create_GbkHtmlWithMetaCharset_Decoded(string charset)
    {
        using CsvReader reader = Open(Gb(Document(charset)));
        Assert.Equal(StatementRows, ReadAll(reader));
        Assert.Equal(TextEncodingKind.Html, reader.Encoding);
    }

    [Theory]
    [InlineData("gb2312")]
    [InlineData("GBK")]
    public void Create_Utf8HtmlDeclaringGbk_ReadAsUtf8BecauseItsBytesAreValidUtf8(string charset)
    {
        // SPEC §2.1: valid UTF-8 → UTF-8. A template's stale charset does not turn UTF-8 text into mojibake.
        using CsvReader reader = Open(Encoding.UTF8.GetBytes(Document(charset)));
        Assert.Equal(StatementRows, ReadAll(reader));
        Assert.Equal(TextEncodingKind.Html, reader.Encoding);
    }

    [Fact]
    public void Create_GbkHtmlWithoutCharset_DetectedAsNotUtf8()
    {
        using CsvReader reader = Open(Gb(Document("")));
        Assert.Equal(StatementRows, ReadAll(reader));
    }

    [Fact]
    public void Create_Utf8HtmlWithBomAndLeadingSpace_Read()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8("\r\n  \t" + Document())];
        using CsvReader reader = Open(bytes, "bank.html");
        Assert.Equal(StatementRows, ReadAll(reader));
    }

    [Theory]
    [InlineData("bank.htm")]
    [InlineData("BANK.XLS")]
    public void Create_HtmlNames_ReadAsHtml(string name)
    {
        using CsvReader reader = Open(Utf8(Document()), name);
        Assert.Equal(TextEncodingKind.Html, reader.Encoding);
    }

    [Fact]
    public void Create_HtmlUnderCsvName_IsText()
    {
        using CsvReader reader = Open(Utf8("<b>,x\n1,2\n"), "bank.csv");
        Assert.Equal(TextEncodingKind.Utf8, reader.Encoding);
        Assert.Equal(["1:<b>|x", "2:1|2"], ReadAll(reader));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(64, 11)]
    public void Create_SmallReads_SameRecords(int maxRead, int seed)
    {
        // Tags, references, comments and multi-byte characters cut at every possible place.
        using CsvReader reader = CsvReader.Create(new RandomReadStream(Gb(Document("gbk")), seed, maxRead), "bank.xls", new CsvReaderOptions());
        Assert.Equal(StatementRows, ReadAll(reader));
    }

    [Fact]
    public void Create_LargeDocument_ChunksCutAnywhere()
    {
        var html = new StringBuilder("<html><body><table>\n<tr><th>交易时间</th><th>交易金额</th><th>摘要</th></tr>\n");
        for (int i = 0; i < 20_000; i++)
            html.Append("<tr><td style=\"mso-number-format:'yyyy-mm-dd'\">2024-01-05</td><td x:num=\"-").Append(i).Append("\">-").Append(i)
                .Append(".00</td><td><!-- note -->工资&nbsp;&#x7B2C;").Append(i).Append("</td></tr>\n");
        html.Append("</table></body></html>");
        byte[] bytes = Gb(html.ToString());
        Assert.True(bytes.Length > 3 * 128 * 1024);
        foreach (Stream stream in new Stream[] { new MemoryStream(bytes), new RandomReadStream(bytes, 5, 5000) })
        {
            using CsvReader reader = CsvReader.Create(stream, "bank.xls", new CsvReaderOptions());
            List<string> rows = ReadAll(reader);
            Assert.Equal(20_001, rows.Count);
            Assert.Equal("1:交易时间|交易金额|摘要", rows[0]);
            Assert.Equal("20001:2024-01-05|-19999.00|工资 第19999", rows[^1]);
            // Reading stops at the table's end: at most the last read's worth of the document after it is taken.
            Assert.InRange(reader.BytesRead, bytes.Length - 5000, bytes.Length);
        }
    }

    [Fact]
    public void Create_SpansKeepColumnsAligned()
    {
        const string html = """
            <table>
            <tr><th rowspan="2">交易日期</th><th colspan="2">金额</th><th rowspan=2>余额</th></tr>
            <tr><th>借方</th><th>贷方</th></tr>
            <tr><td>2024-01-05</td><td>1.00</td><td></td><td>9.00</td></tr>
            <tr><td colspan=4>合计</td></tr>
            </table>
            """;
        using CsvReader reader = Open(Utf8(html));
        Assert.Equal(["1:交易日期|金额||余额", "2:|借方|贷方|", "3:2024-01-05|1.00||9.00", "4:合计|||"], ReadAll(reader));
    }

    [Fact]
    public void BankReader_HtmlStatement_SourcesAreRowIndexes()
    {
        const string html = """
            <html><body><table>
            <tr><td>交易时间</td><td>借贷标志</td><td>交易金额</td></tr>
            <tr><td>2024-01-05 10:00</td><td>借</td><td>1,234.50</td></tr>
            <tr><td>2024-01-06 10:00</td><td>借</td><td>12.3.4</td></tr>
            <tr><td>2024-01-07 10:00</td><td>贷</td><td>&yen;8.00</td></tr>
            </table></body></html>
            """;
        var (rows, diagnostics, stats) = TypedReaderSupport.Read(InputKind.Bank, Utf8(html), "bank.xls", new InputReaderOptions());
        Assert.Equal(["2||2024-01-05|10:00:00|Debit|1234.50|||||", "4||2024-01-07|10:00:00|Credit|8.00|||||"], rows);
        Assert.Equal(["bank.xls:3: column amount: invalid amount '12.3.4'"], diagnostics);
        Assert.Equal(TextEncodingKind.Html, stats.Encoding);
    }

    [Fact]
    public void BankReader_HtmlWithoutTable_OneLineError()
    {
        var error = Assert.Throws<PayrollDataException>(() =>
            TypedReaderSupport.Read(InputKind.Bank, Utf8("<html><body><p>会话已超时</p></body></html>"), "bank.xls", new InputReaderOptions()));
        Assert.Equal("bank.xls: an HTML document without a <table>", error.Message);
        Assert.Equal("bank.xls: HTML 文档中没有表格 <table>", error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("bank.xlsx", "bank.xls")]
    [InlineData("bank.csv", "bank.xls")]
    public void BankReader_HtmlUnderAnotherNameThanXls_RefusedSayingWhatItIs(string name, string rename)
    {
        // Read as CSV text (R32 reads HTML only as .xls): no header binds, and the refusal says why.
        byte[] html = [0xEF, 0xBB, 0xBF, .. Utf8("\n  <!DOCTYPE html>\n" + Document())];
        var error = Assert.Throws<PayrollDataException>(() => TypedReaderSupport.Read(InputKind.Bank, html, name, new InputReaderOptions()));
        Assert.Equal($"{name}: an HTML document, not a workbook or CSV text: web-banking HTML tables are read when named .xls (R32; rename it {rename})", error.Message);
        Assert.Equal($"{name}: 这是 HTML 文档，不是工作簿，也不是 CSV 文本：网银导出的 HTML 表格须以 '.xls' 为扩展名才会读取（R32；请改名为 {rename}）",
            error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
        // The same bytes named .xls are read.
        var (rows, diagnostics, _) = TypedReaderSupport.Read(InputKind.Bank, html, "bank.xls", new InputReaderOptions());
        Assert.Equal(5, rows.Count + diagnostics.Count);
    }

    [Fact]
    public void WorkersReader_TextStartingWithATagWhoseHeaderBinds_ReadAsText()
    {
        // Only the refusal changes: a text input whose first line looks like markup is read as any other.
        var (rows, diagnostics, stats) = TypedReaderSupport.Read(InputKind.Workers,
            Utf8("<b>花名册</b>\nname,id_number,wage_type,wage_rate\n张三,110105199003070017,daily,300\n"), "workers.csv", new InputReaderOptions());
        Assert.Single(rows);
        Assert.Empty(diagnostics);
        Assert.Equal(1, stats.PreambleRows);
    }

    [Fact]
    public void WorkersReader_HtmlXlsWhoseFirstTableHasNoHeader_SaysTheFirstTableIsRead()
    {
        const string html = """
            <html><body>
            <table><tr><td>建筑工人实名制花名册</td></tr><tr><td>项目：某某工程</td></tr></table>
            <table><tr><th>姓名</th><th>身份证号</th><th>计薪方式</th><th>工资标准</th></tr>
            <tr><td>张三</td><td>110105199003070017</td><td>日薪</td><td>300</td></tr></table>
            </body></html>
            """;
        var error = Assert.Throws<PayrollDataException>(() => TypedReaderSupport.Read(InputKind.Workers, Utf8(html), "workers.xls", new InputReaderOptions()));
        Assert.Equal("workers.xls: missing required columns '姓名 / name', '身份证号 / id_number', '计薪方式 / wage_type', '工资标准 / wage_rate' (found on line 1: 建筑工人实名制花名册); the first <table> of the document is read (R32)",
            error.Message);
        Assert.Equal("workers.xls: 缺少必需的列 '姓名 / name'、'身份证号 / id_number'、'计薪方式 / wage_type'、'工资标准 / wage_rate'（第 1 行的表头为：建筑工人实名制花名册）；只读取该文档的第一个 <table>（R32）",
            error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("<!-- 以下为明细", "bank.xls: the document ends inside an HTML comment (<!--) opened after row 2: the rows after it cannot be read",
        "bank.xls: 文档在第 2 行之后开始的 HTML 注释（<!--）中结束，其后的行无法读取")]
    [InlineData("<!-- x -- y", "bank.xls: the document ends inside an HTML comment (<!--) opened after row 2: the rows after it cannot be read", null)]
    [InlineData("<script>var a = 1;", "bank.xls: the document ends inside a <script> or <style> element opened after row 2: the rows after it cannot be read", null)]
    [InlineData("<td class=\"x>", "bank.xls: the document ends inside a quoted attribute value opened after row 2: the rows after it cannot be read", null)]
    public void BankReader_MarkupLeftOpenInsideTheTable_FileRefusedNotRowsDroppedSilently(string opener, string message, string? zh)
    {
        // Everything after the opener (here two more statement lines) is inside it: the file cannot be read as it means.
        string html = "<table><tr><th>交易时间</th><th>借贷标志</th><th>交易金额</th></tr>"
            + "<tr><td>2024-01-02 09:00</td><td>贷</td><td>500.00</td></tr>" + opener
            + "<tr><td>2024-01-03 09:00</td><td>借</td><td>12.00</td></tr><tr><td>2024-01-04 09:00</td><td>借</td><td>1.00</td></tr></table>";
        var error = Assert.Throws<PayrollDataException>(() =>
            TypedReaderSupport.Read(InputKind.Bank, Utf8(html), "bank.xls", new InputReaderOptions()));
        Assert.Equal(message, error.Message);
        if (zh is not null) Assert.Equal(zh, error.GetMessage(PayrollRecon.Reporting.ReportLanguage.Zh));
    }

    [Theory]
    [InlineData("<!-- closed -->")]
    [InlineData("<td")]
    public void Create_ClosedCommentOrATagCutOffAtTheEnd_Read(string tail)
    {
        // A comment that closes hides nothing; a tag cut off by the end of the file hides nothing after it.
        string html = "<table><tr><td>a</td></tr>" + tail.Replace("<td", "", StringComparison.Ordinal) + "<tr><td>b</td></tr>" + (tail == "<td" ? "<tr><td>c</td><td" : "</table>");
        using CsvReader reader = CsvReader.Create(new MemoryStream(Utf8(html)), "bank.xls", new CsvReaderOptions());
        Assert.Equal(tail == "<td" ? ["1:a", "2:b", "3:c"] : ["1:a", "2:b"], ReadAll(reader));
    }

    [Fact]
    public void Create_CellLongerThanTheLimit_RowTooLongNextRowsRead()
    {
        string html = "<table><tr><td>a</td></tr><tr><td>" + new string('x', 5000) + "</td></tr><tr><td>b</td></tr></table>";
        using CsvReader reader = CsvReader.Create(new MemoryStream(Utf8(html)), "bank.xls", new CsvReaderOptions { MaxRecordBytes = 1000 });
        Assert.Equal(["1:a", "2!LineTooLong", "3:b"], ReadAll(reader));
    }

    [Theory]
    [InlineData("&amp;&lt;&gt;&quot;&apos;", "&<>\"'")]
    [InlineData("&#36;&#x24;&#X24;", "$$$")]
    [InlineData("&#128;&#150;&#0;&#xD800;&#x110000;", "€–\uFFFD\uFFFD\uFFFD")]
    [InlineData("AT&T &unknown; & x &amp", "AT&T &unknown; & x &")]
    [InlineData("a&nbsp;&nbsp;b&ensp;c", "a b c")]
    [InlineData("x<br>y<p>z</p>w", "x y z w")]
    [InlineData("<b>粗</b><i>体</i>", "粗体")]
    [InlineData("a < b", "a < b")]
    [InlineData("<![if !supportMisalignedColumns]>v<![endif]>", "v")]
    [InlineData("<span title='a>b' class=\"c>d\">t</span>", "t")]
    public void Create_CellText_TagsStrippedReferencesDecoded(string cell, string expected)
    {
        using CsvReader reader = Open(Utf8("<table><tr><td>" + cell + "</td><td>end</td></tr></table>"));
        Assert.Equal(["1:" + expected + "|end"], ReadAll(reader));
    }
}
