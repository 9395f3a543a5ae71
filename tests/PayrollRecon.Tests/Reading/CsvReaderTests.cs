using System.Globalization;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class CsvReaderTests
{
    [Theory]
    [InlineDataAtEveryWidth("a,b\n1,2\n", new[] { "1:a|b", "2:1|2" })]
    [InlineDataAtEveryWidth("a,b\r\n1,2\r\n", new[] { "1:a|b", "2:1|2" })]
    [InlineDataAtEveryWidth("a,b\n1,2", new[] { "1:a|b", "2:1|2" })]
    [InlineDataAtEveryWidth("a,b\r\n1,2\r", new[] { "1:a|b", "2:1|2" })]
    [InlineDataAtEveryWidth("a,\"b,c\"\n", new[] { "1:a|b,c" })]
    [InlineDataAtEveryWidth("\"say \"\"hi\"\"\",x\n", new[] { "1:say \"hi\"|x" })]
    [InlineDataAtEveryWidth("\"\"\"\"\n", new[] { "1:\"" })]
    [InlineDataAtEveryWidth("\"two\nlines\",x\nnext,y\n", new[] { "1:two\nlines|x", "3:next|y" })]
    [InlineDataAtEveryWidth("\"crlf\r\ninside\",x\r\nnext,y\r\n", new[] { "1:crlf\r\ninside|x", "3:next|y" })]
    [InlineDataAtEveryWidth("\"lone\rcr\",x\n", new[] { "1:lone\rcr|x" })]
    [InlineDataAtEveryWidth("a\"b,c\n", new[] { "1:a\"b|c" })]
    [InlineDataAtEveryWidth("\"padded\"  ,x\n", new[] { "1:padded|x" })]
    [InlineDataAtEveryWidth("\" inner \",x\n", new[] { "1:inner|x" })]
    [InlineDataAtEveryWidth("a,b,\n", new[] { "1:a|b|" })]
    [InlineDataAtEveryWidth(",\n", new[] { "1:|" })]
    [InlineDataAtEveryWidth("\"\",x\n", new[] { "1:|x" })]
    public void Read_Rfc4180Cases_SplitsFields(string input, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(expected, ReadAll(input));
    }

    [Theory]
    [InlineDataAtEveryWidth("a,b\r1,2\r3,4\r", new[] { "1:a|b", "2:1|2", "3:3|4" })]
    [InlineDataAtEveryWidth("a,b\r1,2\r3,4", new[] { "1:a|b", "2:1|2", "3:3|4" })]
    [InlineDataAtEveryWidth("a,b\r\n1,2\r3,4\n5,6\r\n", new[] { "1:a|b", "2:1|2", "3:3|4", "4:5|6" })]
    [InlineDataAtEveryWidth("a,b\r\r1,2\r \r3,4\r", new[] { "1:a|b", "3:1|2", "5:3|4" })]
    [InlineDataAtEveryWidth("a,b\r\r\n1,2\r\n", new[] { "1:a|b", "3:1|2" })]
    [InlineDataAtEveryWidth("a,\"x\ry\"\r1,2\r", new[] { "1:a|x\ry", "3:1|2" })]
    [InlineDataAtEveryWidth("a,\"x\r\ny\rz\"\r1,2\r", new[] { "1:a|x\r\ny\rz", "4:1|2" })]
    [InlineDataAtEveryWidth("a,\"x\"\r1,2", new[] { "1:a|x", "2:1|2" })]
    [InlineDataAtEveryWidth("\r\r\na\tb\r1\t2\r", new[] { "3:a|b", "4:1|2" })]
    [InlineDataAtEveryWidth("a,\"b\"c\r1,2\r", new[] { "1!StrayQuote", "2:1|2" })]
    public void Read_LoneCarriageReturn_EndsARecordAndCountsAsALine(string input, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // Old Mac exports end lines with a lone CR; CRLF stays one line end and a CR inside quotes stays data (but counts a line).
        foreach (int maxRead in new[] { 1, 2, 3, 100 })
        {
            using var reader = CsvReader.Create(new RandomReadStream(Utf8(input), seed: 11, maxRead), "t.csv", new CsvReaderOptions());
            Assert.Equal(expected, ReadAll(reader));
        }
    }

    [Theory]
    [InlineDataAtEveryWidth("\r\n")]
    [InlineDataAtEveryWidth("\n")]
    [InlineDataAtEveryWidth("\r")]
    public void Read_RecordOfTheDefaultLimit_AcceptedWithAnyLineEndAndOneByteMoreRejected(string end, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // 1 MiB of record plus its line end is read, 1 MiB + 1 is not: the line end never counts toward the limit.
        int max = CsvReaderOptions.DefaultMaxRecordBytes;
        foreach (int length in new[] { max, max + 1 })
        {
            byte[] tail = Utf8(end + "y,z" + end);
            var bytes = new byte[length + tail.Length];
            bytes.AsSpan(0, length).Fill((byte)'x');
            bytes[0] = (byte)'a';
            bytes[1] = (byte)',';
            tail.CopyTo(bytes, length);
            using CsvReader reader = Csv(bytes);
            Assert.True(reader.Read(out CsvRow first));
            if (length == max)
            {
                Assert.Equal(CsvRowError.None, first.Error);
                Assert.Equal(2, first.FieldCount);
                Assert.Equal(max - 2, first[1].Length);
            }
            else
            {
                Assert.Equal(CsvRowError.LineTooLong, first.Error);
                Assert.Equal("line longer than 1048576 bytes", reader.DescribeError(first.Error));
            }
            Assert.True(reader.Read(out CsvRow second));
            Assert.Equal("2:y|z", Format(second));
            Assert.False(reader.Read(out _));
        }
    }

    [Theory]
    [InlineDataAtEveryWidth("a,\"b\"c,d\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"a,\"b,c\"\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"say \"hi\" now\",x\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"a\" \"b\",x\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"a\"b\"c,d\"\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"x\"\"\"y\",z\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"two\nlines\"x,y\nnext,1\n", new[] { "1!StrayQuote", "3:next|1" })]
    [InlineDataAtEveryWidth("\"\"x\nnext,1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("a,b\n1,\"2\"3", new[] { "1:a|b", "2!StrayQuote" })]
    [InlineDataAtEveryWidth("a\t\"b\"c\td\nnext\t1\n", new[] { "1!StrayQuote", "2:next|1" })]
    [InlineDataAtEveryWidth("\"a\"\"b\",c\n", new[] { "1:a\"b|c" })]
    public void Read_TextAfterClosingQuote_IsStrayQuoteAndNextLineReadsNormally(string input, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(expected, ReadAll(input));
    }

    [Theory]
    // White space between a closing quote and the separator is what trimming would remove anyway: accepted.
    [InlineDataAtEveryWidth("a,\"b\"  ,c\n", "1:a|b|c")]
    [InlineDataAtEveryWidth("a,\"b\"\t,c\n", "1:a|b|c")]
    [InlineDataAtEveryWidth("a,\"b\"\u3000\u00a0,c\n", "1:a|b|c")]
    [InlineDataAtEveryWidth("a,\"b\" \r\n", "1:a|b")]
    [InlineDataAtEveryWidth("a,\"b\" ", "1:a|b")]
    [InlineDataAtEveryWidth("a\t\"b\"  \tc\n", "1:a|b|c")]
    public void Read_WhiteSpaceAfterClosingQuote_IsAccepted(string input, string expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal([expected], ReadAll(input));
    }

    [Theory]
    // RFC 4180: only a quote that is the field's first byte opens a quoted field; anywhere else it is data.
    [InlineDataAtEveryWidth("A, \"B\" ,C\n", "1:A|\"B\"|C")]
    [InlineDataAtEveryWidth("a,b\"c,d\n", "1:a|b\"c|d")]
    [InlineDataAtEveryWidth(" \"x,y\"\n", "1:\"x|y\"")]
    [InlineDataAtEveryWidth("a,\u3000\"b\"\n", "1:a|\"b\"")]
    [InlineDataAtEveryWidth("a\t \"b\tc\"\n", "1:a|\"b|c\"")]
    [InlineDataAtEveryWidth("a, \"b\nc\",d\n", "1:a|\"b")]
    public void Read_QuoteAfterLeadingSpaceOrInsideField_IsData(string input, string expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(expected, ReadAll(input)[0]);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void DescribeError_StrayQuote_NamesTheProblem(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("a\n");
        Assert.Equal("stray quote in quoted field", reader.DescribeError(CsvRowError.StrayQuote));
    }

    [Theory]
    [InlineDataAtEveryWidth("\n\na,b\n\n1,2\n   \n\t\n\r\n", new[] { "3:a|b", "5:1|2" })]
    [InlineDataAtEveryWidth("a,b\n,,\n", new[] { "1:a|b", "2:||" })]
    [InlineDataAtEveryWidth("a,b\n,,,\n", new[] { "1:a|b", "2:|||" })]
    [InlineDataAtEveryWidth("a,b\n\u3000\u00a0\n1,2\n", new[] { "1:a|b", "3:1|2" })]
    [InlineDataAtEveryWidth("a,b\n\"\"\n1,2\n", new[] { "1:a|b", "3:1|2" })]
    [InlineDataAtEveryWidth("", new string[0])]
    [InlineDataAtEveryWidth("\n\n  \n", new string[0])]
    public void Read_BlankLines_AreSkippedButCounted(string input, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(expected, ReadAll(input));
    }

    [Theory]
    [InlineDataAtEveryWidth(" a , \tb \r\n", "1:a|b")]
    [InlineDataAtEveryWidth(" a \t b \t\n", "1:a|b|")]
    [InlineDataAtEveryWidth("\u3000张三\u3000,\u00a0李四\u00a0\n", "1:张三|李四")]
    [InlineDataAtEveryWidth("\u2003x\u205f,\u1680y\u202f\n", "1:x|y")]
    [InlineDataAtEveryWidth("内\u3000部,x\n", "1:内\u3000部|x")]
    public void Read_FieldsWithWhiteSpace_AreTrimmedOfUnicodeWhiteSpace(string input, string expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal([expected], ReadAll(input));
    }

    [Theory]
    [InlineDataAtEveryWidth("a\tb\tc\n1\t2,5\t3\n", '\t', new[] { "1:a|b|c", "2:1|2,5|3" })]
    [InlineDataAtEveryWidth("a,b\tc\n1,2\t5\n", ',', new[] { "1:a|b\tc", "2:1|2\t5" })]
    // R1 counts every tab, those that pad a cell next to a comma too: two tabs against one comma is tab-separated.
    [InlineDataAtEveryWidth("a\t,b\tc\n", '\t', new[] { "1:a|,b|c" })]
    [InlineDataAtEveryWidth("a\t,b\t,c\n", ',', new[] { "1:a|b|c" })]
    [InlineDataAtEveryWidth("\n\n x\ty \n", '\t', new[] { "3:x|y" })]
    [InlineDataAtEveryWidth("single\n", ',', new[] { "1:single" })]
    public void Read_HeaderLine_DecidesSeparator(string input, char separator, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv(input);
        Assert.Equal(expected, ReadAll(reader));
        Assert.Equal(separator, reader.Separator);
    }

    [Theory]
    [InlineDataAtEveryWidth("a,b\n1,2\n", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\n1,2", new[] { false, true })]
    [InlineDataAtEveryWidth("a,b\r\n1,2\r\n", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\n1,2\r", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\r1,2", new[] { false, true })]
    [InlineDataAtEveryWidth("a,b\n1,\"2\n3\"", new[] { false, true })]
    [InlineDataAtEveryWidth("a,b\n1,\"2\n3\"\n", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\n1,2\n\n  ", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\n1,2\n\"\"", new[] { false, false })]
    [InlineDataAtEveryWidth("a,b\n1,\"open\n", new[] { false, true })]
    [InlineDataAtEveryWidth("a,b\n1,\"2\"x", new[] { false, true })]
    [InlineDataAtEveryWidth("a,b\n1,", new[] { false, true })]
    [InlineDataAtEveryWidth("a", new[] { true })]
    [InlineDataAtEveryWidth("", new bool[0])]
    public void LastRecordUnterminated_AfterEachRecord_TrueOnlyForAFinalRecordWithoutLineFeed(string input, bool[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        foreach (int maxRead in new[] { 1, 2, 100 })
        {
            using var reader = CsvReader.Create(new RandomReadStream(Utf8(input), seed: 7, maxRead), "t.csv", new CsvReaderOptions());
            var flags = new List<bool>();
            while (reader.Read(out _)) flags.Add(reader.LastRecordUnterminated);
            Assert.Equal(expected, flags);
            Assert.Equal(expected.Length > 0 && expected[^1], reader.LastRecordUnterminated);
        }
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void LastRecordUnterminated_TooLongFinalRecord_IsTrue(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("a,b\n" + new string('x', 100), maxRecordBytes: 50);
        Assert.True(reader.Read(out _));
        Assert.False(reader.LastRecordUnterminated);
        Assert.True(reader.Read(out CsvRow row));
        Assert.Equal(CsvRowError.LineTooLong, row.Error);
        Assert.True(reader.LastRecordUnterminated);
        Assert.False(reader.Read(out _));
        Assert.True(reader.LastRecordUnterminated);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void LastRecordUnterminated_InHeaderSearch_SetForTheFinalRecord(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("账号:\t1\nh1,h2\n1,2");
        reader.BeginHeaderSearch();
        Assert.True(reader.Read(out _));
        Assert.False(reader.LastRecordUnterminated);
        Assert.True(reader.Read(out _));
        reader.LockSeparator();
        Assert.False(reader.LastRecordUnterminated);
        Assert.True(reader.Read(out CsvRow row));
        Assert.Equal("3:1|2", Format(row));
        Assert.True(reader.LastRecordUnterminated);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_UnterminatedQuoteAtEnd_IsRowError(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(["1:a|b", "2:1|2", "3!UnterminatedQuote"], ReadAll("a,b\n1,2\n3,\"open\nmore\n"));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_QuoteClosedAtVeryEnd_IsRead(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        Assert.Equal(["1:a|b", "2:1|x"], ReadAll("a,b\n1,\"x\""));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_LineLongerThanLimit_IsRowErrorAndReadingContinues(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        string input = "a,b\n1,2\n" + new string('x', 100) + ",y\n3,4\n\"" + new string('q', 90) + "\n\",z\n5,6\n";
        using CsvReader reader = Csv(input, maxRecordBytes: 50);
        Assert.Equal(["1:a|b", "2:1|2", "3!LineTooLong", "4:3|4", "5!LineTooLong", "7:5|6"], ReadAll(reader));
        Assert.Equal("line longer than 50 bytes", reader.DescribeError(CsvRowError.LineTooLong));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_RecordExactlyAtLimit_IsAcceptedWhateverItsLineEnd(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // The limit is on the record without its line end: CRLF, LF and a lone CR all leave 50 bytes at 50.
        foreach (string end in new[] { "\r\n", "\n", "\r" })
        {
            Assert.Equal(["1:" + new string('x', 50), "2:y"], ReadAll(new string('x', 50) + end + "y\n", maxRecordBytes: 50));
            Assert.Equal(["1!LineTooLong", "2:y"], ReadAll(new string('x', 51) + end + "y\n", maxRecordBytes: 50));
        }
    }

    [Theory]
    // A literal quote inside a too-long record that lands at the start of a fresh window is still data.
    [InlineDataAtEveryWidth("\"q,\"\"\n\"x y\"q,\"\"\n\",\n \r\u3000x y", 8, new[] { "1!LineTooLong", "3!UnterminatedQuote" })]
    // A header line longer than the limit decides the separator from its first bytes, however the input arrives: two
    // tabs against one comma make it tab-separated, so the quote opening its third field runs on into line 2.
    [InlineDataAtEveryWidth("\ta \t\"q,\"\"\n\"12 \",12,x y\n", 8, new[] { "1!LineTooLong" })]
    // The same with one comma more: comma-separated, two records.
    [InlineDataAtEveryWidth("\ta ,\t\"q,\"\"\n\"12 \",12,x y\n", 8, new[] { "1!LineTooLong", "2!LineTooLong" })]
    public void Read_TooLongRecordsInOneByteChunks_SameAsWholeInput(string text, int maxRecordBytes, string[] expected, int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        byte[] bytes = Utf8(text);
        Assert.Equal(expected, ReadAll(text, maxRecordBytes));
        foreach (int maxRead in new[] { 1, 2, 3, 100 })
        {
            using var reader = CsvReader.Create(new RandomReadStream(bytes, seed: 1047847699, maxRead), "t.csv", new CsvReaderOptions { MaxRecordBytes = maxRecordBytes });
            Assert.Equal(expected, ReadAll(reader));
        }
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_Utf8WithBom_StripsBomAndReportsUtf8Bom(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv([0xEF, 0xBB, 0xBF, .. Utf8("姓名,工号\n张三,1\n")]);
        Assert.Equal(["1:姓名|工号", "2:张三|1"], ReadAll(reader));
        Assert.Equal(TextEncodingKind.Utf8Bom, reader.Encoding);
        Assert.Equal(3 + Utf8("姓名,工号\n张三,1\n").Length, reader.BytesRead);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_PlainUtf8_ReportsUtf8(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = Csv("姓名,工号\n张三,1\n");
        Assert.Equal(["1:姓名|工号", "2:张三|1"], ReadAll(reader));
        Assert.Equal(TextEncodingKind.Utf8, reader.Encoding);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_InvalidUtf8AfterDetection_MakesOnlyThatRecordAnError(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // More than the detection window of valid UTF-8 first, so the file is decided as UTF-8.
        var text = new System.Text.StringBuilder("name,memo\n");
        for (int i = 0; i < 5000; i++) text.Append("张三,工资").Append(i).Append('\n');
        byte[] good = Utf8(text.ToString());
        byte[] bytes = [.. good, .. "bad,x"u8, 0xFF, 0xFE, .. "\nok,y\n"u8];
        using CsvReader reader = Csv(bytes);
        List<string> records = ReadAll(reader);
        Assert.Equal(TextEncodingKind.Utf8, reader.Encoding);
        Assert.Equal(5003, records.Count);
        Assert.Equal("5002!InvalidUtf8", records[^2]);
        Assert.Equal("5003:ok|y", records[^1]);
        Assert.Equal("invalid UTF-8 byte sequence", reader.DescribeError(CsvRowError.InvalidUtf8));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public async Task FillAsync_PullLoop_ReadsAllRecords(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        using CsvReader reader = CsvReader.Create(new RandomReadStream(Utf8("a,b\n1,2\n3,4"), seed: 1, maxRead: 3), "t.csv");
        var seen = new List<string>();
        do
        {
            while (reader.TryReadRow(out CsvRow row)) seen.Add(Format(row));
        }
        while (await reader.FillAsync());
        Assert.Equal(["1:a|b", "2:1|2", "3:3|4"], seen);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_ManyFields_GrowsFieldTable(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        string line = string.Join(",", Enumerable.Range(0, 1000));
        List<string> records = ReadAll(line + "\n" + line + "\n");
        Assert.Equal(2, records.Count);
        Assert.Equal("2:" + line.Replace(',', '|'), records[1]);
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Open_File_NamesDiagnosticsByFileName(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        string path = Path.Combine(Path.GetTempPath(), $"reading-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        try
        {
            using CsvReader reader = CsvReader.Open(path, new CsvReaderOptions());
            Assert.Equal(Path.GetFileName(path), reader.FileName);
            Assert.Equal(["1:a|b", "2:1|2"], ReadAll(reader));
            Assert.Equal(8, reader.BytesRead);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Open_FileOfManyChunks_SameRowsAsFromAStream(int width)
    {
        // Many fill chunks of Chinese text (characters, records and a CRLF across chunk edges), a quoted field with a line
        // break, an invalid byte deep in the file and a last record without a line feed: the file read straight into the
        // window must give the rows a stream through the pipe gives.
        using IDisposable vectorWidth = VectorWidths.Use(width);
        var text = new StringBuilder("流水号,时间,对方户名,摘要\n");
        for (int i = 0; i < 12_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"JY{i:D8},2024-01-02 08:{i % 60:D2}:00,贺海发{i % 7},{(i % 500 == 7 ? "\"多行\n摘要\"" : "2023年12月工资")}");
            text.Append(i % 3 == 0 ? "\r\n" : "\n");
        }
        text.Append("末行,无换行,张三,工资");
        byte[] bytes = Utf8(text.ToString());
        bytes[bytes.Length / 2 + 1] = 0xFF;
        string path = Path.Combine(Path.GetTempPath(), $"reading-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            using CsvReader fromFile = CsvReader.Open(path, new CsvReaderOptions());
            using CsvReader fromStream = Csv(bytes);
            List<string> expected = ReadAll(fromStream);
            Assert.Contains(expected, r => r.EndsWith("!InvalidUtf8", StringComparison.Ordinal));
            Assert.Equal(expected, ReadAll(fromFile));
            Assert.Equal(bytes.Length, fromFile.BytesRead);
            Assert.True(bytes.Length > 4 * CsvReader.FillChunkBytes);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A stream of a prefix, a long run of one byte value, and a suffix, produced without holding it in memory.</summary>
internal sealed class RepeatingStream(byte[] prefix, byte[] middleTemplate, byte[] suffix) : Stream
{
    private readonly long _length = prefix.Length + (long)middleTemplate.Length + suffix.Length;
    private long _pos;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _pos; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = 0;
        while (n < buffer.Length && _pos < _length)
        {
            long middleEnd = prefix.Length + (long)middleTemplate.Length;
            if (_pos < prefix.Length) buffer[n] = prefix[_pos];
            else if (_pos < middleEnd) buffer[n] = (byte)'z';
            else buffer[n] = suffix[_pos - middleEnd];
            n++;
            _pos++;
        }
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
