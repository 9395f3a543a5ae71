using System.Text;

using PayrollRecon.FaultInjection;

namespace PayrollRecon.Tests.FaultInjection;

/// <summary>The fault-injection suite's independent record count (its oracle for rows read + rejected + preamble + footer).</summary>
public sealed class RecordCounterTests
{
    private static RecordCount Count(string text, bool loneCrBreaks = true) => RecordCounter.CountCsv(Encoding.UTF8.GetBytes(text), loneCrBreaks);

    [Theory]
    [InlineData("a,b\n1,2\n", 2)]
    [InlineData("a,b\n1,2", 2)]
    [InlineData("a,b\r\n1,2\r\n", 2)]
    [InlineData("a,b\n\n   \n\t\n1,2\n", 2)]
    [InlineData("a,b\n\u3000\u00A0\n1,2\n", 2)]
    [InlineData("a,b\n,\n", 2)]
    [InlineData("a,b\n\"\"\n", 1)]
    [InlineData("a,b\n \"\"\n", 2)]
    [InlineData("a,b\n\"x\ny\",2\n", 2)]
    [InlineData("a,b\n\"x\r\n\r\ny\",2\n3,4\n", 3)]
    [InlineData("a,b\n1,\"open\n2,3\n", 2)]
    [InlineData("a,b\n\"\" x\n", 2)]
    [InlineData("\uFEFFa,b\n1,2\n", 2)]
    [InlineData("a,b\n\uFEFF\n", 2)]
    public void CountCsv_Records_Exact(string text, long expected)
    {
        RecordCount count = Count(text);
        Assert.Equal(expected, count.Min);
        Assert.Equal(expected, count.Max);
    }

    [Fact]
    public void CountCsv_LoneCr_EndsARecordUnlessAsked()
    {
        Assert.Equal("3", Count("a,b\r1,2\r3,4").ToString());
        Assert.Equal("1", Count("a,b\r1,2\r3,4", loneCrBreaks: false).ToString());
        Assert.True(RecordCounter.HasLoneCr(Encoding.UTF8.GetBytes("a\r\nb\r")));
        Assert.False(RecordCounter.HasLoneCr(Encoding.UTF8.GetBytes("a\r\nb\r\n")));
    }

    [Theory]
    [InlineData("a,b\nx\t\"y\nz\"\n", 3)]
    [InlineData("a\tb\nx\t\"y\nz\"\n", 2)]
    [InlineData("\n\na\tb\n\t\n1\t2\n", 3)]
    public void CountCsv_SeparatorOfTheFirstLine_DecidesWhereQuotesOpen(string text, long expected) =>
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(text).ToString());

    [Fact]
    public void CountCsv_OverLongRecordWithQuotes_Range()
    {
        string text = "a,b\n1,2\n\"" + new string('x', RecordCounter.MaxRecordBytes) + "\n3,4\n5,6\n";
        RecordCount count = Count(text);
        Assert.Equal("3..5", count.ToString());
        Assert.StartsWith("a record over 1048576 bytes in a file with quotes (UTF-8): between the 2 records before it + 1 and the 5 non-blank lines", count.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void CountCsv_OverLongBlankLine_IsARecord()
    {
        string blank = new(' ', RecordCounter.MaxRecordBytes + 1);
        Assert.Equal("2", Count("a,b\n" + blank + "\n").ToString());
    }

    [Fact]
    public void CountCsv_Gb18030IdeographicSpaceLine_Blank()
    {
        byte[] gb = MutationCatalog.Gb18030.GetBytes("姓名,身份证号\n\u3000\n张三,1\n");
        Assert.Equal("2", RecordCounter.CountCsv(gb).ToString());
    }

    [Fact]
    public void KnownFailures_Load_MatchesKindFileAndInvariant()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "# comment\n\n* *.csv records-cr: lone CR\nfifo * time: FIFO blocks\n");
        KnownFailures known = KnownFailures.Load(path);
        File.Delete(path);
        Assert.Equal("known-failures.txt:3: lone CR", known.Match("cr-only", "bank.csv", "records-cr"));
        Assert.Null(known.Match("cr-only", "bank.xls", "records-cr"));
        Assert.Null(known.Match("cr-only", "bank.csv", "records"));
        Assert.Equal("known-failures.txt:4: FIFO blocks", known.Match("fifo", "project.json", "time"));
        Assert.Null(known.Match("dev-zero", "project.json", "time"));
    }

    [Fact]
    public void KnownFailures_UnknownKind_Refused()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "cr-onyl *.csv records: typo\n");
        var error = Assert.Throws<ArgumentException>(() => KnownFailures.Load(path));
        File.Delete(path);
        Assert.StartsWith("unknown mutation kind 'cr-onyl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommittedKnownFailures_Parse()
    {
        KnownFailures known = KnownFailures.Load(FaultSuite.KnownFailuresPath(RepoPaths.Root));
        Assert.All(known.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }
}
