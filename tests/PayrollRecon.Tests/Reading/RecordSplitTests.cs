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
    public void Plan_EachLineEnd_PartsStartAtRecordsAndCountTheLinesBefore(string lineEnd)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Header.Replace("\n", lineEnd, StringComparison.Ordinal) + Rows(20_000, lineEnd));
        long bodyStart = RecordSplit.AfterLines(Source(bytes), 1);
        Assert.Equal(Header.Length - 1 + lineEnd.Length, bodyStart);

        var parts = RecordSplit.Plan(Source(bytes), bodyStart, 4, 4096, 0, 2, out _);

        Assert.NotNull(parts);
        Assert.Equal(4, parts.Length);
        Assert.Equal(0, parts[0].Start);
        Assert.Equal(bytes.Length, parts[^1].End);
        for (int k = 0; k < parts.Length; k++)
        {
            if (k > 0) Assert.Equal(parts[k - 1].End, parts[k].Start);
            Assert.True(IsRecordStart(bytes, parts[k].Start), $"part {k} starts inside a record at {parts[k].Start}");
            Assert.Equal(LineEnds(bytes, parts[k].Start), parts[k].LinesBefore);
        }
    }

    [Fact]
    public void Plan_QuotedLineEndNearACut_NoParts()
    {
        string rows = Rows(4000, "\n");
        int middle = rows.IndexOf('\n', rows.Length / 2);
        // A quoted field holding a line end right where the text would be cut in two.
        string text = Header + rows[..middle] + ",\"a\nb\"" + rows[middle..];
        var source = Source(text);
        Assert.Null(RecordSplit.Plan(source, Header.Length, 2, 4096, 0, 2, out _));
        Assert.True(RecordSplit.Scan(source, 0, source.Length).Quote);
    }

    [Fact]
    public void Plan_HeaderOnly_NoParts()
    {
        var source = Source(Header);
        Assert.Null(RecordSplit.Plan(source, Header.Length, 4, 1, 0, 2, out _));
    }

    [Fact]
    public void Plan_SmallerThanTwoParts_NoParts()
    {
        string text = Header + Rows(100, "\n");
        Assert.Null(RecordSplit.Plan(Source(text), Header.Length, 4, text.Length, 0, 2, out _));
        Assert.Null(RecordSplit.Plan(Source(text), Header.Length, 1, 1, 0, 2, out _));
    }

    [Fact]
    public void Plan_CutWouldFallInTheEncodingSample_CutAfterIt()
    {
        string ascii = Header + Rows(20_000, "\n").Replace("进", "in", StringComparison.Ordinal);
        byte[] plain = Encoding.UTF8.GetBytes(ascii);
        var whole = RecordSplit.Plan(Source(plain), Header.Length, 2, 4096, 5000, 1, out long none)!;
        Assert.Equal(-1, none);
        long cut = whole[1].Start;
        // The first non-ASCII byte ten records before the cut: the 5,000 bytes after it must stay in one part.
        int at = ascii.LastIndexOf("in\n", (int)cut - 400, StringComparison.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(ascii[..at] + "进" + ascii[(at + 2)..]);

        var parts = RecordSplit.Plan(Source(bytes), Header.Length, 2, 4096, 5000, 1, out long firstNonAscii)!;

        Assert.Equal(at, firstNonAscii);
        Assert.Equal(2, parts.Length);
        Assert.True(parts[1].Start > firstNonAscii + 5000);
        Assert.True(IsRecordStart(bytes, parts[1].Start));
        Assert.Equal(parts[0].End, parts[1].Start);
        Assert.Equal(LineEnds(bytes, parts[1].Start), parts[1].LinesBefore);
    }

    [Fact]
    public void Scan_CrAndCrLfAtTheEndOfARead_CountedOnce()
    {
        // The scan reads 256 KiB at a time: a CRLF and then a lone CR straddle the first two reads.
        var text = new StringBuilder(new string('a', (256 * 1024) - 1)).Append("\r\n").Append(new string('b', (256 * 1024) - 2)).Append("\rc\r");
        byte[] bytes = Encoding.ASCII.GetBytes(text.ToString());
        Assert.Equal(new RecordSplit.RegionScan(3, false, -1), RecordSplit.Scan(Source(bytes), 0, bytes.Length));
        Assert.Equal(3, LineEnds(bytes, bytes.Length));
        Assert.Equal((256 * 1024) + 1, RecordSplit.AfterLines(Source(bytes), 1));
        Assert.Equal((256 * 1024) + 1, RecordSplit.NextRecordStart(Source(bytes), (256 * 1024) - 1));
        Assert.Equal(-1, RecordSplit.AfterLines(Source(bytes), 4));
    }

    [Fact]
    public void Scan_ChineseAfterAsciiRows_ItsOffset()
    {
        string text = Header + Rows(10, "\n");
        Assert.Equal(text.IndexOf('进', StringComparison.Ordinal), RecordSplit.Scan(Source(text), 0, text.Length).FirstNonAscii);
        Assert.Equal(-1, RecordSplit.Scan(Source(Header), 0, Header.Length).FirstNonAscii);
    }

    [Fact]
    public void Scan_RandomBytesAnywhere_AsCountedOneByOne()
    {
        // Line feeds, lone CRs, CRLFs, non-ASCII bytes and a quote at random places, across the scan's 256 KiB reads:
        // the counts and offsets of a byte-by-byte reading.
        byte[] kinds = [(byte)'a', (byte)',', (byte)'\n', (byte)'\r', 0xE8, 0xBF, (byte)'"'];
        Prop.ForAll(Arb.From(Gen.Choose(0, 600_000)), Arb.From(Gen.Choose(0, 1_000_000)), (length, seed) =>
        {
            var random = new Random(seed);
            byte[] bytes = new byte[length];
            int rareEvery = 1 + random.Next(2000);
            bool withQuote = random.Next(4) == 0;
            for (int i = 0; i < length; i++)
                bytes[i] = random.Next(rareEvery) == 0 ? kinds[1 + random.Next(kinds.Length - (withQuote ? 1 : 2))] : kinds[0];
            int quote = Array.IndexOf(bytes, (byte)'"');
            int nonAscii = Array.FindIndex(bytes, static b => b >= 0x80);
            var scan = RecordSplit.Scan(Source(bytes), 0, bytes.Length);
            if (quote >= 0)
            {
                Assert.True(scan.Quote);
                if (nonAscii >= 0 && nonAscii < quote) Assert.Equal(nonAscii, scan.FirstNonAscii);
                return;
            }
            Assert.Equal(new RecordSplit.RegionScan(LineEnds(bytes, bytes.Length), false, nonAscii), scan);
        }).Check(PropertyConfig.Quick(60));
    }

    [Fact]
    public void Plan_RandomTexts_PartsCoverTheTextAndStartAtRecords()
    {
        var lineEnds = Gen.Elements("\n", "\r\n", "\r", "\n\n", "\r\r\n");
        var record = Gen.Choose(0, 40).SelectMany(n => lineEnds.Select(end => new string('x', n) + (n == 7 ? "进" : "") + end));
        Prop.ForAll(Arb.From(Gen.ListOf(record)), Arb.From(Gen.Choose(1, 600)), Arb.From(Gen.Choose(1, 6)), (records, minPart, parts) =>
        {
            byte[] bytes = Encoding.ASCII.GetBytes(Header + string.Concat(records));
            var plan = RecordSplit.Plan(Source(bytes), Header.Length, parts, minPart, minPart / 2, 2, out long firstNonAscii);
            if (plan is null) return;
            Assert.InRange(plan.Length, 2, parts);
            Assert.Equal(0, plan[0].Start);
            Assert.Equal(bytes.Length, plan[^1].End);
            for (int k = 1; k < plan.Length; k++)
            {
                Assert.Equal(plan[k - 1].End, plan[k].Start);
                Assert.True(plan[k].Start > Header.Length);
                Assert.True(IsRecordStart(bytes, plan[k].Start));
                Assert.Equal(LineEnds(bytes, plan[k].Start), plan[k].LinesBefore);
                Assert.False(firstNonAscii >= 0 && plan[k].Start > firstNonAscii && plan[k].Start <= firstNonAscii + (minPart / 2), "a cut in the encoding sample");
            }
            Assert.Equal(Array.FindIndex(bytes, static b => b > 0x7F), firstNonAscii);
        }).Check(PropertyConfig.Quick(300));
    }
}
