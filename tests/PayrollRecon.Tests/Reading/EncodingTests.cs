using System.Buffers;
using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

public sealed class EncodingTests
{
    private const string BankText =
        "流水号,交易时间,借贷标志,交易金额,余额,对方户名,对方账号,摘要\r\n" +
        "T1,2024-01-05 10:00:00,贷,\"480,000.00\",480000.00,洛阳市某置业有限公司,41050100000000000009,人工费用拨付\r\n" +
        "T2,2024-01-15 09:30:00,借,3500.00,476500.00,张三,6222000011112222,\"1月工资,含加班\"\r\n" +
        "T3,2024-01-15 09:31:00,借,3200.00,473300.00,欧阳·娜娜,6222000011113333,工资 𠀀 䶮\r\n" +
        "T4,2024-01-16 09:00:00,借,2.00,473298.00,中国农业银行,,短信服务费\r\n";

    [Fact]
    public void Read_Gb18030File_ReadsLikeItsUtf8Twin()
    {
        var options = new InputReaderOptions();
        var utf8 = TypedReaderSupport.Read(InputKind.Bank, Utf8(BankText), "bank.csv", options);
        var gb = TypedReaderSupport.Read(InputKind.Bank, Gb(BankText), "bank.csv", options);
        Assert.Equal(4, utf8.Rows.Count);
        Assert.Equal(utf8.Rows, gb.Rows);
        Assert.Empty(gb.Diagnostics);
        Assert.Equal(TextEncodingKind.Utf8, utf8.Stats.Encoding);
        Assert.Equal(TextEncodingKind.Gb18030, gb.Stats.Encoding);
        Assert.Equal(Gb(BankText).Length, gb.Stats.Bytes);
    }

    [Fact]
    public void Read_Gb18030FileLargerThanDetectionWindow_ReadsLikeItsUtf8Twin()
    {
        var text = new StringBuilder("姓名,身份证号,计薪方式,工资标准,用工单位\n");
        for (int i = 0; i < 20000; i++) text.Append("张三").Append(i).Append(",X").Append(i).Append(",日薪,350,某劳务有限公司\n");
        var utf8 = TypedReaderSupport.Read(InputKind.Workers, Utf8(text.ToString()), "workers.csv", new InputReaderOptions());
        var gb = TypedReaderSupport.Read(InputKind.Workers, Gb(text.ToString()), "workers.csv", new InputReaderOptions());
        Assert.Equal(20000, gb.Rows.Count);
        Assert.Equal(utf8.Rows, gb.Rows);
        Assert.Equal(TextEncodingKind.Gb18030, gb.Stats.Encoding);
    }

    [Fact]
    public void Read_AsciiPrefixLongerThanWindowThenGb18030_DetectsGb18030()
    {
        // The note column is read past (§2.1: other columns are ignored); its Chinese is the file's first non-ASCII text.
        var text = new StringBuilder("date,kind,note\n");
        for (int i = 0; i < 30000; i++) text.Append("2024-10-01,holiday,\n");
        text.Append("2024-10-02,holiday,国庆节\n");
        var gb = TypedReaderSupport.Read(InputKind.Calendar, Gb(text.ToString()), "calendar.csv", new InputReaderOptions());
        Assert.Equal(TextEncodingKind.Gb18030, gb.Stats.Encoding);
        Assert.Equal("30002|2024-10-02|Holiday", gb.Rows[^1]);
        Assert.Empty(gb.Diagnostics);
    }

    [Fact]
    public void Read_AsciiPrefixThenUtf8OrGb18030_ReadStraightFromTheFileAsThroughThePipe()
    {
        // A file read directly into the window while it is ASCII: the first non-ASCII byte, wherever it falls in the
        // reads, goes back in front of the pipe, which decides the encoding as for any input. Prefixes around the
        // window's reads (128 KiB), text after them shorter and longer than the detection sample, UTF-8 and GB18030.
        var cases = from prefixRows in Gen.Choose(0, 24_000)
                    from tailRows in Gen.Elements(1, 3, 40, 5_000)
                    from gb in Gen.Elements(false, true)
                    from crlf in Gen.Elements(false, true)
                    select (prefixRows, tailRows, gb, crlf);
        Prop.ForAll(Arb.From(cases), c =>
        {
            string eol = c.crlf ? "\r\n" : "\n";
            var text = new StringBuilder("date,kind,note" + eol);
            for (int i = 0; i < c.prefixRows; i++) text.Append("2024-10-01,holiday,").Append(eol);
            for (int i = 0; i < c.tailRows; i++) text.Append(i % 2 == 0 ? "2024-10-02,holiday,国庆节" : "2024-10-03,workday,调休").Append(eol);
            byte[] bytes = c.gb ? Gb(text.ToString()) : Utf8(text.ToString());
            var piped = TypedReaderSupport.Read(InputKind.Calendar, bytes, "calendar.csv", new InputReaderOptions());
            var direct = TypedReaderSupport.Read(InputKind.Calendar, bytes, "calendar.csv", new InputReaderOptions(), direct: true);
            Assert.Equal(piped.Rows, direct.Rows);
            Assert.Equal(piped.Diagnostics, direct.Diagnostics);
            Assert.Equal(piped.Stats, direct.Stats);
            Assert.Equal(c.gb ? TextEncodingKind.Gb18030 : TextEncodingKind.Utf8, direct.Stats.Encoding);
            Assert.Equal(c.prefixRows + c.tailRows, direct.Rows.Count);
        }).Check(PropertyConfig.Quick(40));
    }

    [Fact]
    public void Read_Utf8BomFile_ReportsUtf8Bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8(BankText)];
        var withBom = TypedReaderSupport.Read(InputKind.Bank, bytes, "bank.csv", new InputReaderOptions());
        var without = TypedReaderSupport.Read(InputKind.Bank, Utf8(BankText), "bank.csv", new InputReaderOptions());
        Assert.Equal(TextEncodingKind.Utf8Bom, withBom.Stats.Encoding);
        Assert.Equal(without.Rows, withBom.Rows);
    }

    [Fact]
    public void Transcode_EveryTwoByteCode_MatchesPlatformDecoder()
    {
        Span<byte> pair = stackalloc byte[2];
        Span<byte> output = stackalloc byte[32];
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                if (trail == 0x7F) continue;
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                OperationStatus status = Gb18030Transcoder.Transcode(pair, output, isFinal: true, out int consumed, out int written);
                Assert.Equal(OperationStatus.Done, status);
                Assert.Equal(2, consumed);
                Assert.Equal(Encoding.UTF8.GetBytes(Gb18030.GetString(pair)), output[..written].ToArray());
            }
        }
    }

    [Theory]
    [InlineData("𠀀𪚥😀")]
    [InlineData("䶮€¥·—")]
    [InlineData("ascii only")]
    public void Transcode_FourByteAndMixedText_MatchesPlatformDecoder(string text)
    {
        byte[] gb = Gb(text);
        var output = new byte[gb.Length * 3 + 32];
        Assert.Equal(OperationStatus.Done, Gb18030Transcoder.Transcode(gb, output, isFinal: true, out int consumed, out int written));
        Assert.Equal(gb.Length, consumed);
        Assert.Equal(text, Encoding.UTF8.GetString(output, 0, written));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xD5 }, 1)]
    [InlineData(new byte[] { 0x81, 0x30 }, 0)]
    [InlineData(new byte[] { 0x81, 0x30, 0x84 }, 0)]
    public void Transcode_CharacterCutAtChunkEnd_NeedsMoreData(byte[] input, int expectedConsumed)
    {
        var output = new byte[64];
        Assert.Equal(OperationStatus.NeedMoreData, Gb18030Transcoder.Transcode(input, output, isFinal: false, out int consumed, out _));
        Assert.Equal(expectedConsumed, consumed);
    }

    [Fact]
    public void Transcode_MalformedBytes_DecodeLikePlatform()
    {
        byte[] input = [0x80, 0x41, 0xFF, 0x42, 0xD5, 0x20, 0x43];
        var output = new byte[64];
        Gb18030Transcoder.Transcode(input, output, isFinal: true, out int consumed, out int written);
        Assert.Equal(input.Length, consumed);
        Assert.Equal(Gb18030.GetString(input), Encoding.UTF8.GetString(output, 0, written));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x81, 0x39 })]
    [InlineData(new byte[] { 0x81, 0x30, 0x84 })]
    [InlineData(new byte[] { 0xC0, 0x81, 0x39 })]
    public void Transcode_FourByteCharacterCutAtFinalEnd_DecodesLikePlatform(byte[] input)
    {
        var output = new byte[64];
        Assert.Equal(OperationStatus.Done, Gb18030Transcoder.Transcode(input, output, isFinal: true, out int consumed, out int written));
        Assert.Equal(input.Length, consumed);
        Assert.Equal(Gb18030.GetString(input), Encoding.UTF8.GetString(output, 0, written));
    }
}
