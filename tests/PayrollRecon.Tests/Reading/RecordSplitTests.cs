using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

public sealed class RecordSplitTests
{
    private const string Header = "id_number,time,direction\n";

    private static ByteSource Source(byte[] bytes) => ByteSource.Of(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true))!;

    private static ByteSource Source(string text) => Source(Encoding.UTF8.GetBytes(text));

    /// <summary>Line ends as the CSV reader counts them: a LF, or a CR that no LF follows.</summary>
    private static long LineEnds(byte[] bytes, long end)
    {
        long n = 0;
        for (long i = 0; i < end; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n'))) n++;
        }
        return n;
    }

    private static bool IsRecordStart(byte[] bytes, long offset) =>
        offset == 0 || bytes[offset - 1] == '\n' || (bytes[offset - 1] == '\r' && bytes[offset] != '\n');

    private static string Rows(int count, string lineEnd) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"4101051990{i % 100000:D5}012,2024-01-02 07:{i % 60:D2}:00,进{lineEnd}"));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Cut_EachLineEnd_PartsStartAtRecords(string lineEnd)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header.Replace("\n", lineEnd, StringComparison.Ordinal) + Rows(20_000, lineEnd));
        long bodyStart = RecordSplit.AfterLines(Source(bytes), 1);
        Assert.Equal(Header.Length - 1 + lineEnd.Length, bodyStart);

        var starts = RecordSplit.Cut(Source(bytes), bodyStart, 4, 4096);

        Assert.NotNull(starts);
        Assert.Equal(4, starts.Length);
        Assert.Equal(0, starts[0]);
        for (int k = 1; k < starts.Length; k++)
        {
            Assert.True(starts[k] > starts[k - 1]);
            Assert.True(IsRecordStart(bytes, starts[k]), $"part {k} starts inside a record at {starts[k]}");
        }
    }

    [Fact]
    public void QuoteWatch_QuotedLineEndNearACut_Seen()
    {
        string rows = Rows(4000, "\n");
        int middle = rows.IndexOf('\n', rows.Length / 2);
        // A quoted field holding a line end right where the text is cut in two: the cut is made, and the part that holds
        // the quote says so, so that the caller reads the file on one thread.
        byte[] bytes = Encoding.UTF8.GetBytes(Header + rows[..middle] + ",\"a\nb\"" + rows[middle..]);
        var source = Source(bytes);
        var starts = RecordSplit.Cut(source, Header.Length, 2, 4096)!;
        Assert.Equal(2, starts.Length);
        bool seen = false;
        for (int k = 0; k < starts.Length; k++)
        {
            using var watch = new QuoteWatchStream(source.Slice(starts[k], k + 1 < starts.Length ? starts[k + 1] : bytes.Length));
            watch.CopyTo(Stream.Null, 1000);
            seen |= watch.SawQuote;
        }
        Assert.True(seen);
        using var plain = new QuoteWatchStream(Source(Encoding.UTF8.GetBytes(Header + rows)).Slice(0, Header.Length + rows.Length));
        plain.CopyTo(Stream.Null);
        Assert.False(plain.SawQuote);
    }

    [Fact]
    public void PartReader_BehindAHeaderCopyAndAQuoteWatch_FillsItsWindowDirectlyWithTheSameRecords()
    {
        // A later part as the check reads it: a copy of the header, then the part, through a quote watch. Past the pipe's
        // first read the window is filled from the part itself; the records are those a reader of a plain stream sees.
        byte[] bytes = Encoding.UTF8.GetBytes(Header + Rows(40_000, "\r\n"));
        var source = Source(bytes);
        long start = RecordSplit.NextRecordStart(source, bytes.Length / 3);
        byte[] header = Encoding.UTF8.GetBytes(Header);
        using var direct = CsvReader.Create(
            new PrefixedStream(header, header.Length, new QuoteWatchStream(source.Slice(start, bytes.Length)), ownsInner: true), "attendance.csv");
        using var piped = CsvReader.Create(
            new MemoryStream([.. header, .. bytes.AsSpan((int)start)]), "attendance.csv");
        long records = 0;
        while (direct.Read(out CsvRow a))
        {
            Assert.True(piped.Read(out CsvRow b));
            Assert.Equal(b.Line, a.Line);
            Assert.Equal(b.FieldCount, a.FieldCount);
            for (int i = 0; i < a.FieldCount; i++) Assert.True(a[i].SequenceEqual(b[i]));
            records++;
        }
        Assert.False(piped.Read(out _));
        Assert.True(direct.FillsDirectly);
        Assert.False(piped.FillsDirectly);
        Assert.True(records > 25_000);
    }

    [Fact]
    public void Cut_HeaderOnly_NoParts()
    {
        var source = Source(Header);
        Assert.Null(RecordSplit.Cut(source, Header.Length, 4, 1));
    }

    [Fact]
    public void Cut_SmallerThanTwoParts_NoParts()
    {
        string text = Header + Rows(100, "\n");
        Assert.Null(RecordSplit.Cut(Source(text), Header.Length, 4, text.Length));
        Assert.Null(RecordSplit.Cut(Source(text), Header.Length, 1, 1));
    }

    [Fact]
    public void NextRecordStart_CrAndCrLfAtTheEndOfARead_CountedOnce()
    {
        // The search reads 256 KiB at a time: a CRLF and then a lone CR straddle the first two reads.
        var text = new StringBuilder(new string('a', (256 * 1024) - 1)).Append("\r\n").Append(new string('b', (256 * 1024) - 2)).Append("\rc\r");
        byte[] bytes = Encoding.ASCII.GetBytes(text.ToString());
        Assert.Equal(3, LineEnds(bytes, bytes.Length));
        Assert.Equal((256 * 1024) + 1, RecordSplit.AfterLines(Source(bytes), 1));
        Assert.Equal((256 * 1024) + 1, RecordSplit.NextRecordStart(Source(bytes), (256 * 1024) - 1));
        Assert.Equal(-1, RecordSplit.AfterLines(Source(bytes), 4));
    }

    [Fact]
    public void Cut_RandomTexts_PartsStartAtRecordsAfterTheHeader()
    {
        var lineEnds = Gen.Elements("\n", "\r\n", "\r", "\n\n", "\r\r\n");
        var record = Gen.Choose(0, 40).SelectMany(n => lineEnds.Select(end => new string('x', n) + end));
        Prop.ForAll(Arb.From(Gen.ListOf(record)), Arb.From(Gen.Choose(1, 600)), Arb.From(Gen.Choose(1, 6)), (records, minPart, parts) =>
        {
            byte[] bytes = Encoding.ASCII.GetBytes(Header + string.Concat(records));
            var starts = RecordSplit.Cut(Source(bytes), Header.Length, parts, minPart);
            if (starts is null) return;
            Assert.InRange(starts.Length, 2, parts);
            Assert.Equal(0, starts[0]);
            for (int k = 1; k < starts.Length; k++)
            {
                Assert.True(starts[k] > starts[k - 1]);
                Assert.True(starts[k] > Header.Length);
                Assert.True(starts[k] < bytes.Length);
                Assert.True(IsRecordStart(bytes, starts[k]));
            }
        }).Check(PropertyConfig.Quick(300));
    }
}
