using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class CsvReaderPropertyTests
{
    private static readonly int[] DiagnosticLimits = [0, 5];

    // Pieces that stress every branch: separators, quotes, escapes, line breaks, white space, 2-, 3- and 4-byte characters,
    // text after a closing quote (stray quotes), white space after one, and quotes after leading spaces (data, not quoting).
    private static readonly string[] Fragments =
    [
        "a", "12", "x y", "张三", "工资", "𠀀", "¥", ",", ",", "\t", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "\u3000", "\u00a0",
        "\"q,\"\"\n\"", "é", "\"b\"c", " \"s\" ", "\"w\"\u3000 ",
    ];

    private static Gen<string> Text(int maxFragments) =>
        from n in Gen.Choose(0, maxFragments)
        from parts in Gen.ArrayOf(Gen.Elements(Fragments), n)
        select string.Concat(parts);

    private static Gen<(string Text, int Seed, int MaxChunk, int MaxRecord)> Cases() =>
        from text in Text(80)
        from seed in Gen.Choose(0, int.MaxValue)
        from maxChunk in Gen.Elements(1, 2, 3, 5, 16, 100)
        from maxRecord in Gen.Elements(0, 8, 24)
        select (text, seed, maxChunk, maxRecord);

    private static List<string> ReadWith(CsvReader reader, out TextEncodingKind encoding)
    {
        using (reader)
        {
            List<string> records = ReadAll(reader);
            encoding = reader.Encoding;
            return records;
        }
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_AnySplitOfUtf8Input_YieldsTheSameRecords(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            byte[] bytes = Utf8(c.Text);
            var options = new CsvReaderOptions { MaxRecordBytes = c.MaxRecord };
            List<string> whole = ReadWith(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), out _);
            List<string> reads = ReadWith(CsvReader.Create(new RandomReadStream(bytes, c.Seed, c.MaxChunk), "t.csv", options), out _);
            List<string> segments = ReadWith(CsvReader.Create(ChunkedPipe(bytes, new Random(c.Seed), c.MaxChunk), "t.csv", options), out _);
            Assert.Equal(whole, reads);
            Assert.Equal(whole, segments);
            // Without a record length limit every record is readable, so the plain reference reading must agree.
            if (c.MaxRecord == 0) Assert.Equal(ReferenceCsv.Read(c.Text), whole);
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_DenseQuotingMistakes_MatchReferenceForAnySplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Closing quotes followed by text, white space or more quotes, quotes after spaces and inside fields, packed so
        // that many fall on 64-byte block edges and window ends: the bulk indexer (whole input) and the resumable
        // scanner (one-byte reads) must split them as the reference does, and a stray quote must not shift what follows.
        Gen<string> dense =
            from n in Gen.Choose(0, 300)
            from parts in Gen.ArrayOf(Gen.Elements("a", ",", ",", "\t", "\n", "\n", "\r\n", "\"", "\"", "\"\"", " ", "\u3000", "\"b\"c", " \"s\"", "\"w\" "), n)
            select string.Concat(parts);
        Prop.ForAll(Arb.From(dense), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 7, 64)), (text, seed, maxChunk) =>
        {
            byte[] bytes = Utf8(text);
            var options = new CsvReaderOptions();
            List<string> expected = ReferenceCsv.Read(text);
            Assert.Equal(expected, ReadWith(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), out _));
            Assert.Equal(expected, ReadWith(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", options), out _));
            Assert.Equal(expected, ReadWith(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", options), out _));
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_CrOnlyAndMixedLineEnds_MatchReferenceForAnySplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Lone CRs, CRLFs, LFs and CR CR LF mixed, inside and outside quotes, packed so that a CR often falls on the last
        // byte of a 64-byte block or of a read with its LF in the next: records, line numbers and errors must not depend
        // on where the input is cut.
        Gen<string> mixed =
            from n in Gen.Choose(0, 300)
            from parts in Gen.ArrayOf(Gen.Elements("a", "12", "张三", ",", ",", "\t", "\r", "\r", "\r", "\r\n", "\n", "\r\r\n", " ", "\"", "\"x\ry\"", "\"\r\n\"", "\"b\"c", "\"\""), n)
            select string.Concat(parts);
        Prop.ForAll(Arb.From(mixed), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 3, 63, 64, 65)), (text, seed, maxChunk) =>
        {
            byte[] bytes = Utf8(text);
            var options = new CsvReaderOptions();
            List<string> expected = ReferenceCsv.Read(text);
            Assert.Equal(expected, ReadWith(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), out _));
            Assert.Equal(expected, ReadWith(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", options), out _));
            Assert.Equal(expected, ReadWith(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", options), out _));
            // The same text with every line end a lone CR reads as the same records on the same lines.
            string crOnly = text.Replace("\r\n", "\n").Replace('\n', '\r');
            Assert.Equal(ReferenceCsv.Read(crOnly), ReadWith(CsvReader.Create(new RandomReadStream(Utf8(crOnly), seed, maxChunk), "t.csv", options), out _));
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_CrLfCutBetweenReadsAtEveryPoint_SameRecords(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Every cut of a mixed input into two reads, so the CR of each CRLF is once the last byte of a read and its LF the
        // first of the next; the header search (one record at a time through the resumable scanner) likewise.
        string text = "账号:\t1\r\nh1,h2\r\n1,\"a\r\nb\"\r2,3\r\n\r\n4,5\r6,7\r\n";
        byte[] bytes = Utf8(text);
        List<string> expected = [.. ReferenceCsv.ReadSearchingHeader(text, 1).Select(r => r.Record)];
        Assert.Equal(["1:账号:|1", "2:h1|h2", "3:1|a\r\nb", "5:2|3", "7:4|5", "8:6|7"], expected);
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            using var reader = CsvReader.Create(new TwoReadStream(bytes, cut), "t.csv", new CsvReaderOptions());
            reader.BeginHeaderSearch();
            var records = new List<string>();
            while (reader.Read(out CsvRow row))
            {
                records.Add(Format(row));
                if (records.Count == 2) reader.LockSeparator();
            }
            Assert.Equal(expected, records);
        }
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_DenseQuoteFreeInput_MatchesPlainSplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Short fields and short lines put more than eight ends and more than two line feeds in one 64-byte block, so
        // every branch of the bulk indexer's block step is taken; the expected records come from a plain split.
        Gen<string> dense =
            from n in Gen.Choose(0, 400)
            from parts in Gen.ArrayOf(Gen.Elements("a", "12", ",", ",", ",", "\n", "\n", " ", "工资"), n)
            select string.Concat(parts);
        Prop.ForAll(Arb.From(dense), text =>
        {
            var expected = new List<string>();
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                expected.Add($"{i + 1}:" + string.Join('|', lines[i].Split(',').Select(f => f.Trim())));
            }
            Assert.Equal(expected, ReadAll(text));
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_AnySplitOfDenseInputWithQuotes_YieldsTheSameRecords(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Quoted fields between blocks dense with ends and line feeds: the quote walk and the block step take turns.
        Gen<string> dense =
            from n in Gen.Choose(0, 300)
            from parts in Gen.ArrayOf(Gen.Elements("a", ",", ",", "\n", "\n", "\"q,\n\"", "\"\"", " "), n)
            select string.Concat(parts);
        Prop.ForAll(Arb.From(dense), Arb.From(Gen.Choose(0, int.MaxValue)), (text, seed) =>
        {
            byte[] bytes = Utf8(text);
            var options = new CsvReaderOptions();
            List<string> whole = ReadWith(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), out _);
            List<string> reads = ReadWith(CsvReader.Create(new RandomReadStream(bytes, seed, 7), "t.csv", options), out _);
            Assert.Equal(whole, reads);
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_AnySplitOfGb18030Input_YieldsTheSameRecordsAsUtf8(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            string text = "姓名,备注\n" + c.Text;
            var options = new CsvReaderOptions { MaxRecordBytes = c.MaxRecord };
            List<string> utf8 = ReadWith(CsvReader.Create(new MemoryStream(Utf8(text)), "t.csv", options), out _);
            byte[] gb = Gb(text);
            List<string> whole = ReadWith(CsvReader.Create(new MemoryStream(gb), "t.csv", options), out TextEncodingKind encoding);
            List<string> reads = ReadWith(CsvReader.Create(new RandomReadStream(gb, c.Seed, c.MaxChunk), "t.csv", options), out _);
            List<string> segments = ReadWith(CsvReader.Create(ChunkedPipe(gb, new Random(c.Seed), c.MaxChunk), "t.csv", options), out _);
            Assert.Equal(TextEncodingKind.Gb18030, encoding);
            Assert.Equal(utf8, whole);
            Assert.Equal(whole, reads);
            Assert.Equal(whole, segments);
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_Gb18030WithInvalidSequences_SameRecordsForAnySplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Lead bytes without a trail, cut four-byte sequences and unmapped ones between valid characters and line ends:
        // the rows holding them are errors, and which rows those are must not depend on where the reads cut the bytes.
        byte[][] pieces =
        [
            Gb("张三"), Gb("工资"), Gb("𠀀"), "a"u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(),
            "\""u8.ToArray(), [0x80], [0xFF], [0x81], [0x81, 0x30], [0x81, 0x30, 0x81], [0xFE, 0x39, 0xFE, 0x39], [0x81, 0x7F],
        ];
        Gen<byte[]> inputs =
            from n in Gen.Choose(0, 200)
            from parts in Gen.ArrayOf(Gen.Elements(pieces), n)
            select (byte[])[.. Gb("姓名,备注\n张三,工资\n"), .. parts.SelectMany(p => p)];
        Prop.ForAll(Arb.From(inputs), Arb.From(Gen.Choose(0, int.MaxValue)), Arb.From(Gen.Elements(1, 2, 3, 5, 100)), (bytes, seed, maxChunk) =>
        {
            var options = new CsvReaderOptions();
            List<string> whole = ReadWith(CsvReader.Create(new MemoryStream(bytes), "t.csv", options), out TextEncodingKind encoding);
            Assert.Equal(TextEncodingKind.Gb18030, encoding);
            Assert.Equal(whole, ReadWith(CsvReader.Create(new RandomReadStream(bytes, seed, maxChunk), "t.csv", options), out _));
            Assert.Equal(whole, ReadWith(CsvReader.Create(ChunkedPipe(bytes, new Random(seed), maxChunk), "t.csv", options), out _));
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_InvalidUtf8PastDetectionWindow_SameRecordsForAnySplit(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        var text = new StringBuilder("name,memo\n");
        for (int i = 0; i < 4000; i++) text.Append("张三,\"工资\n").Append(i).Append("\"\r\n");
        byte[] bytes = [.. Utf8(text.ToString()), .. "bad,"u8, 0xE5, 0x85, .. "\nok,y\n"u8, 0xC3, .. ",z\n"u8];
        List<string> whole = ReadWith(Csv(bytes), out TextEncodingKind encoding);
        Assert.Equal(TextEncodingKind.Utf8, encoding);
        Assert.Equal(["8002!InvalidUtf8", "8003:ok|y", "8004!InvalidUtf8"], whole[^3..]);
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            Assert.Equal(whole, ReadWith(CsvReader.Create(new RandomReadStream(bytes, seed, 7000), "t.csv", new CsvReaderOptions()), out _));
        }).Check(PropertyConfig.Quick(20));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_RandomBytes_NeverThrowsAndTerminates(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Gen<byte[]> structural = Gen.ArrayOf(Gen.Elements<byte>(
            (byte)',', (byte)'\t', (byte)'"', (byte)'\n', (byte)'\r', (byte)' ', (byte)'a', (byte)'1', 0xE5, 0xB7, 0xA5, 0x80, 0xFF, 0xC3, 0xD5, 0x30, 0xEF, 0xBB, 0xBF));
        Gen<byte[]> bytes = Gen.OneOf(structural, ArbMap.Default.GeneratorFor<byte[]>());
        Prop.ForAll(Arb.From(bytes), input =>
        {
            foreach (int max in DiagnosticLimits)
            {
                using CsvReader reader = Csv(input, max);
                int rows = 0;
                while (reader.Read(out CsvRow row))
                {
                    for (int i = 0; i < row.FieldCount; i++) _ = row[i].Length;
                    Assert.True(++rows <= input.Length + 1);
                }
                Assert.Equal(input.Length, reader.BytesRead);
            }
        }).Check(PropertyConfig.Quick());
    }
}

/// <summary>A stream that returns its bytes in two reads cut at a given point.</summary>
internal sealed class TwoReadStream(byte[] data, int cut) : Stream
{
    private int _pos;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _pos; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int stop = _pos < cut ? cut : data.Length;
        int n = Math.Min(buffer.Length, stop - _pos);
        data.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
