using System.Text;
using System.Text.Unicode;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

public sealed class Utf8ValidatorTests
{
    // Characters of every length plus the bytes that border the valid ranges (overlong leads, surrogates, > U+10FFFF).
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), ","u8.ToArray(), "é"u8.ToArray(), "工资"u8.ToArray(), "张"u8.ToArray(), "𠀀"u8.ToArray(), "\u3000"u8.ToArray(),
        [0x80], [0xBF], [0xC0], [0xC1], [0xC2], [0xDF], [0xE0], [0xE0, 0x80], [0xE0, 0xA0], [0xED, 0x9F], [0xED, 0xA0], [0xEF, 0xBF],
        [0xF0], [0xF0, 0x8F], [0xF0, 0x90], [0xF4, 0x8F], [0xF4, 0x90], [0xF5], [0xFF], [0xE5, 0xB7], [0xF0, 0x9F, 0x98],
    ];

    private static Gen<byte[]> Inputs() =>
        from n in Gen.Choose(0, 200)
        from parts in Gen.ArrayOf(Gen.Frequency((8, Gen.Elements(Pieces[..7])), (1, Gen.Elements(Pieces))), n)
        select parts.SelectMany(x => x).ToArray();

    [Fact]
    public void IsValid_AnyBytes_AgreesWithPlatform()
    {
        Prop.ForAll(Arb.From(Gen.OneOf(Inputs(), ArbMap.Default.GeneratorFor<byte[]>())), input =>
        {
            Assert.Equal(Utf8.IsValid(input), Utf8Validator.IsValid(input));
        }).Check(PropertyConfig.Quick(2000));
    }

    [Fact]
    public void IsValid_OneBadByteAtEveryPosition_AgreesWithPlatform()
    {
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("张三,工资202403,¥1,234.50,𠀀é\n", 8)));
        Assert.True(Utf8Validator.IsValid(text));
        foreach (byte bad in new byte[] { 0x80, 0xC0, 0xE5, 0xED, 0xF4, 0xF8, 0xFF, 0x41 })
        {
            for (int i = 0; i < text.Length; i++)
            {
                byte[] copy = (byte[])text.Clone();
                copy[i] = bad;
                Assert.Equal(Utf8.IsValid(copy), Utf8Validator.IsValid(copy));
                Assert.Equal(Utf8.IsValid(copy.AsSpan(0, i + 1)), Utf8Validator.IsValid(copy.AsSpan(0, i + 1)));
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xF0, 0x8F, 0xBF, 0xBF })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE5, 0xB7 })]
    public void IsValid_MalformedSequenceAfterAsciiBlock_False(byte[] sequence)
    {
        byte[] input = [.. new byte[64].Select(_ => (byte)'a'), .. "工资"u8, .. sequence, .. new byte[70].Select(_ => (byte)'b')];
        Assert.False(Utf8Validator.IsValid(input));
        Assert.False(Utf8Validator.IsValid(input.AsSpan(0, 64 + 6 + sequence.Length)));
    }

    [Fact]
    public void IsValid_SequenceAtEveryOffsetAroundBlockEnds_AgreesWithPlatform()
    {
        // A multi-byte character, whole, cut or malformed, at every offset across a 64-byte block's end and the 16-byte
        // lanes around it (where the bytes before it come from the previous vector), after ASCII and after Chinese text.
        byte[][] sequences = [[0xE5, 0xB7, 0xA5], [0xF0, 0xA0, 0x80, 0x80], [0xC3, 0xA9], [0xE5, 0xB7], [0xF0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xBF]];
        byte[] ascii = [.. Enumerable.Repeat((byte)'a', 200)];
        byte[] chinese = Encoding.UTF8.GetBytes(new string('工', 67))[..200];
        foreach (byte[] text in new[] { ascii, chinese })
        {
            foreach (byte[] sequence in sequences)
            {
                for (int at = 100; at + sequence.Length < 200; at++)
                {
                    byte[] copy = (byte[])text.Clone();
                    // Whole characters before the sequence, ASCII after it.
                    if (text == chinese) copy.AsSpan(at - (at % 3)).Fill((byte)'b');
                    sequence.CopyTo(copy, at);
                    Assert.Equal(Utf8.IsValid(copy), Utf8Validator.IsValid(copy));
                    Assert.Equal(Utf8.IsValid(copy.AsSpan(0, at + sequence.Length)), Utf8Validator.IsValid(copy.AsSpan(0, at + sequence.Length)));
                }
            }
        }
    }
}
