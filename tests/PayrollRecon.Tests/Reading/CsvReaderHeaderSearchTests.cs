using System.Buffers;
using System.IO.Pipelines;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class CsvReaderHeaderSearchTests
{
    /// <summary>Reads with a header search locked right after record <paramref name="lockAfter"/> (0-based); each record with the separator reported for it.</summary>
    private static List<string> ReadSearching(CsvReader reader, int lockAfter)
    {
        using (reader)
        {
            reader.BeginHeaderSearch();
            var records = new List<string>();
            while (reader.Read(out CsvRow row))
            {
                records.Add($"{Format(row)} [{Name(reader.Separator)}]");
                if (records.Count == lockAfter + 1) reader.LockSeparator();
            }
            return records;
        }
    }

    private static List<string> ReadSearching(string text, int lockAfter) => ReadSearching(Csv(text), lockAfter);

    private static string Name(char separator) => separator switch
    {
        '\t' => "tab",
        ',' => "comma",
        _ => ((int)separator).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_TabFileAfterCommaPreamble_EachPreambleRecordWithItsOwnSeparator(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        string text = "中国银行交易流水明细单\n户名,某建设集团有限公司\n起止日期,2024-01-01,2024-01-31\n\n"
            + "交易日期\t交易金额\t摘要\n2024-01-02\t1,000.00\t工资,1月\n2024-01-03\t\"2,000.00\"\t\"含\t加班\"\n";
        Assert.Equal(
        [
            "1:中国银行交易流水明细单 [comma]",
            "2:户名|某建设集团有限公司 [comma]",
            "3:起止日期|2024-01-01|2024-01-31 [comma]",
            "5:交易日期|交易金额|摘要 [tab]",
            "6:2024-01-02|1,000.00|工资,1月 [tab]",
            "7:2024-01-03|2,000.00|含\t加班 [tab]",
        ], ReadSearching(text, lockAfter: 3));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_CommaFileAfterTabPreamble_LockedSeparatorHoldsForTabHeavyRows(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        string text = "账号:\t6222020200112233445\n户名:\t张三\t\n\r\n交易日期,交易金额,摘要\n2024-01-02,1000.00,工资\t1月\t加班\t夜班\n";
        Assert.Equal(
        [
            "1:账号:|6222020200112233445 [tab]",
            "2:户名:|张三| [tab]",
            "4:交易日期|交易金额|摘要 [comma]",
            "5:2024-01-02|1000.00|工资\t1月\t加班\t夜班 [comma]",
        ], ReadSearching(text, lockAfter: 2));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_WithoutHeaderSearch_FirstNonBlankLineDecides(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("\n账号:\t6222020200112233445\n交易日期,交易金额\n2024-01-02,1\n");
        Assert.Equal(["2:账号:|6222020200112233445", "3:交易日期,交易金额", "4:2024-01-02,1"], ReadAll(reader));
        Assert.Equal('\t', reader.Separator);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_NeverLocked_EveryRecordWithItsOwnSeparator(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(
            ["1:a|b [comma]", "2:c|d [tab]", "3:e [comma]", "4:\"x|y\" [comma]", "5!StrayQuote [tab]", "6:f|g [comma]"],
            ReadSearching("a,b\nc\td\ne\n \"x,y\"\n\"q\"z\tr\nf,g", lockAfter: int.MaxValue));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_QuotedLineBreakInPreamble_SeparatorFromTheRecordsFirstLine(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // The counts are made on the record's first physical line, quotes included, as without a header search.
        Assert.Equal(
            ["1:说明\t一,\n二|三 [comma]", "3:h1|h2 [tab]", "4:1|2 [tab]"],
            ReadSearching("\"说明\t一,\n二\",三\nh1\th2\n1\t2\n", lockAfter: 1));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void LockSeparator_BeforeAnyRecord_FirstNonBlankLineDecides(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("\n\na\tb\nc,d\n");
        reader.BeginHeaderSearch();
        reader.LockSeparator();
        Assert.Equal(["3:a|b", "4:c,d"], ReadAll(reader));
        Assert.Equal('\t', reader.Separator);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void LockSeparator_OutsideHeaderSearch_ChangesNothing(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("a\tb\nc,d\n");
        Assert.True(reader.Read(out _));
        reader.LockSeparator();
        Assert.Equal(["2:c,d"], ReadAll(reader));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void BeginHeaderSearch_AfterFirstRead_Throws(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("a,b\n1,2\n");
        Assert.True(reader.Read(out _));
        Assert.Throws<InvalidOperationException>(reader.BeginHeaderSearch);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public async Task LockSeparator_AfterTheNextRecordWasBegun_SplitsItWithTheLockedSeparator(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // The third record's first line holds a comma and the quote after it is still open when the window runs out, so
        // the scanner has begun it as a comma record; the lock makes it a tab record after all, in which that quote is
        // data and the line feed ends the record.
        var pipe = new Pipe();
        pipe.Writer.Write(Utf8("pre,amble\nh1\th2\na,\"x\n"));
        await pipe.Writer.FlushAsync();
        using CsvReader reader = CsvReader.Create(pipe.Reader, "t.csv", new CsvReaderOptions());
        reader.BeginHeaderSearch();
        Assert.True(await reader.FillAsync());
        var seen = new List<string>();
        while (reader.TryReadRow(out CsvRow row)) seen.Add($"{Format(row)} [{Name(reader.Separator)}]");
        Assert.Equal(["1:pre|amble [comma]", "2:h1|h2 [tab]"], seen);
        reader.LockSeparator();
        pipe.Writer.Write(Utf8("z\"\tw,v\n1\t2\n"));
        pipe.Writer.Complete();
        List<string> rest = await ReadAllAsync(reader);
        Assert.Equal(["3:a,\"x", "4:z\"|w,v", "5:1|2"], rest);
        Assert.Equal('\t', reader.Separator);
    }

    private static async Task<List<string>> ReadAllAsync(CsvReader reader)
    {
        var records = new List<string>();
        do
        {
            while (reader.TryReadRow(out CsvRow row)) records.Add(Format(row));
        }
        while (await reader.FillAsync());
        return records;
    }

    // Preamble lines as banks write them, headers of either separator, and body pieces that put separators, quotes,
    // stray quotes and line breaks on every block edge and window end.
    private static readonly string[] PreambleLines =
    [
        "中国银行交易流水明细单", "账号:\t6222020200112233445", "户名,某建设集团有限公司", "起止日期:\t2024-01-01\t至\t2024-01-31",
        "", "  ", ",,,", "\t", "\"说明,\n见附件\"", "币种：人民币,,", "\"a\"b,c",
    ];

    private static readonly string[] BodyPieces =
    [
        "a", "12", "工资", ",", ",", "\t", "\t", "\n", "\n", "\r\n", "\"", "\"\"", " ", "\"q,\t\n\"", "\"b\"c", " \"s\"", "\"w\" ",
    ];

    private static Gen<(string Text, int HeaderIndex)> SearchCases(int maxBody) =>
        from k in Gen.Choose(0, 8)
        from preamble in Gen.ArrayOf(Gen.Elements(PreambleLines), k)
        from tab in Gen.Elements(true, false)
        from n in Gen.Choose(0, maxBody)
        from body in Gen.ArrayOf(Gen.Elements(BodyPieces), n)
        select Build(preamble, tab, body);

    private static (string Text, int HeaderIndex) Build(string[] preamble, bool tab, string[] body)
    {
        string text = string.Concat(preamble.Select(l => l + "\n")) + (tab ? "日期\t金额\t摘要\n" : "日期,金额,摘要\n") + string.Concat(body);
        // The header's position among the records handed out, as the reference reads them.
        int header = ReferenceCsv.ReadSearchingHeader(text, int.MaxValue).FindIndex(r => r.Record.EndsWith(":日期|金额|摘要", StringComparison.Ordinal));
        return (text, header);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_LockedAtTheHeader_MatchesReferenceForAnySplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Prop.ForAll(Arb.From(SearchCases(600)), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 3, 16, 100, 5000)), (c, seed, maxChunk) =>
        {
            byte[] bytes = Utf8(c.Text);
            List<string> expected = ReferenceCsv.ReadSearchingHeader(c.Text, c.HeaderIndex).Select(r => $"{r.Record} [{Name(r.Separator)}]").ToList();
            Assert.Equal(expected, ReadSearching(CsvReader.Create(new MemoryStream(bytes), "t.csv", new CsvReaderOptions()), c.HeaderIndex));
            Assert.Equal(expected, ReadSearching(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", new CsvReaderOptions()), c.HeaderIndex));
            Assert.Equal(expected, ReadSearching(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", new CsvReaderOptions()), c.HeaderIndex));
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_LockedAtAnyRecord_SameForAnySplitAndAnyRecordLimit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Gen<(string Text, int Lock, int MaxRecord)> cases =
            from c in SearchCases(200)
            from lockAt in Gen.Choose(0, 12)
            from maxRecord in Gen.Elements(0, 8, 24)
            select (c.Text, lockAt, maxRecord);
        Prop.ForAll(Arb.From(cases), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 7, 100)), (c, seed, maxChunk) =>
        {
            byte[] bytes = Utf8(c.Text);
            var options = new CsvReaderOptions { MaxRecordBytes = c.MaxRecord };
            List<string> whole = ReadSearching(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), c.Lock);
            Assert.Equal(whole, ReadSearching(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", options), c.Lock));
            Assert.Equal(whole, ReadSearching(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", options), c.Lock));
            if (c.MaxRecord == 0)
            {
                Assert.Equal(ReferenceCsv.ReadSearchingHeader(c.Text, c.Lock).Select(r => $"{r.Record} [{Name(r.Separator)}]"), whole);
            }
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_CrOnlyAndMixedLineEnds_SameForAnySplitAndAnyRecordLimit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // The same cases with every LF made a lone CR, a CRLF or left alone (old Mac exports, mixed files): R1 looks at
        // each record's own first line up to its CR, and a CR at the end of a read waits for the next byte.
        Gen<(string Text, int Lock, int MaxRecord, int Ends)> cases =
            from c in SearchCases(200)
            from lockAt in Gen.Choose(0, 12)
            from maxRecord in Gen.Elements(0, 8, 24)
            from ends in Gen.Choose(0, int.MaxValue)
            select (c.Text, lockAt, maxRecord, ends);
        Prop.ForAll(Arb.From(cases), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 7, 100)), (c, seed, maxChunk) =>
        {
            var random = new Random(c.Ends);
            string text = string.Concat(c.Text.Select(ch => ch != '\n' ? ch.ToString() : random.Next(3) switch { 0 => "\r", 1 => "\r\n", _ => "\n" }));
            byte[] bytes = Utf8(text);
            var options = new CsvReaderOptions { MaxRecordBytes = c.MaxRecord };
            List<string> whole = ReadSearching(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), c.Lock);
            Assert.Equal(whole, ReadSearching(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", options), c.Lock));
            Assert.Equal(whole, ReadSearching(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", options), c.Lock));
            if (c.MaxRecord == 0)
            {
                Assert.Equal(ReferenceCsv.ReadSearchingHeader(text, c.Lock).Select(r => $"{r.Record} [{Name(r.Separator)}]"), whole);
            }
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void HeaderSearch_LockedAtHeaderOfLargeFile_BulkPathReadsEveryWindow(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Several 128 KiB windows after the lock, read in uneven pieces: the bulk indexer serves them with the locked tab.
        var random = new Random(20240201);
        var text = new System.Text.StringBuilder("中国银行交易流水明细单\n户名,某建设集团有限公司,,\n日期\t金额\t摘要\n");
        for (int i = 0; i < 20000; i++)
        {
            text.Append("2024-01-").Append(1 + (i % 28)).Append('\t').Append(random.Next(1, 99999)).Append(".00\t");
            text.Append((i % 7) switch { 0 => "\"工资,\n含加班\"", 1 => "\"b\"c", 2 => " \"s\"", 3 => "", _ => "工资,1月" }).Append(i % 5 == 0 ? "\r\n" : "\n");
        }
        string s = text.ToString();
        byte[] bytes = Utf8(s);
        Assert.True(bytes.Length > 3 * CsvReader.FillChunkBytes);
        List<string> expected = ReferenceCsv.ReadSearchingHeader(s, 2).Select(r => $"{r.Record} [{Name(r.Separator)}]").ToList();
        Assert.Equal(20003, expected.Count);
        Assert.Equal(expected, ReadSearching(CsvReader.Create(new MemoryStream(bytes), "t.csv", new CsvReaderOptions()), 2));
        foreach (int seed in new[] { 1, 2, 3 })
        {
            Assert.Equal(expected, ReadSearching(CsvReader.Create(new RandomReadStream(bytes, seed, 70000), "t.csv", new CsvReaderOptions()), 2));
        }
    }
}
