using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12", 1200L)]
    [InlineData("12.5", 1250L)]
    [InlineData("12.34", 1234L)]
    [InlineData("12.05", 1205L)]
    [InlineData("0.01", 1L)]
    [InlineData("007", 700L)]
    [InlineData("-12.34", -1234L)]
    [InlineData("-0.5", -50L)]
    [InlineData("-0", 0L)]
    [InlineData("¥12", 1200L)]
    [InlineData("￥12.30", 1230L)]
    [InlineData("-¥12", -1200L)]
    [InlineData("¥-12", -1200L)]
    [InlineData("-￥1,234.56", -123456L)]
    [InlineData("￥-1,234.56", -123456L)]
    [InlineData("1,234", 123400L)]
    [InlineData("123,456", 12345600L)]
    [InlineData("1,234,567.89", 123456789L)]
    [InlineData("1234567.89", 123456789L)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    [InlineData("92,233,720,368,547,758.07", long.MaxValue)]
    public void TryParse_ValidAmount_ReturnsFen(string text, long fen)
    {
        Assert.True(MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out Money fromBytes));
        Assert.Equal(fen, fromBytes.Fen);
        Assert.True(MoneyParser.TryParse(text.AsSpan(), out Money fromChars));
        Assert.Equal(fen, fromChars.Fen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("12.345")]
    [InlineData("1,2,3")]
    [InlineData("1,23")]
    [InlineData("12,3456")]
    [InlineData("1234,567")]
    [InlineData("1,234,56")]
    [InlineData(",123")]
    [InlineData("123,")]
    [InlineData("1,,234")]
    [InlineData("1,234.")]
    [InlineData("-")]
    [InlineData("¥")]
    [InlineData("-¥")]
    [InlineData("+12")]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("1 234")]
    [InlineData("¥ 12")]
    [InlineData("--12")]
    [InlineData("-¥-12")]
    [InlineData("¥¥12")]
    [InlineData("12¥")]
    [InlineData("12-")]
    [InlineData("1.2.3")]
    [InlineData("12.3a")]
    [InlineData("12.a")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("１２")]
    [InlineData("12元")]
    [InlineData("92233720368547758.08")]
    [InlineData("-92233720368547758.09")]
    [InlineData("92233720368547759")]
    [InlineData("99999999999999999999999999")]
    public void TryParse_InvalidAmount_ReturnsFalse(string text)
    {
        Assert.False(MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out Money fromBytes));
        Assert.Equal(Money.Zero, fromBytes);
        Assert.False(MoneyParser.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void TryParse_VeryLongText_ReturnsFalse()
    {
        Assert.False(MoneyParser.TryParse(new string('0', 500).AsSpan(), out _));
    }

    [Fact]
    public void TryParse_ManyLeadingZeros_ParsesBytes()
    {
        Assert.True(MoneyParser.TryParse(Encoding.UTF8.GetBytes(new string('0', 500) + "1.5"), out Money m));
        Assert.Equal(150, m.Fen);
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(-1L, "-0.01")]
    [InlineData(123450L, "1234.50")]
    [InlineData(-123450L, "-1234.50")]
    [InlineData(100000000L, "1000000.00")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void TryFormat_Amount_WritesYuanWithTwoDecimals(long fen, string expected)
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(MoneyParser.TryFormat(new Money(fen), buffer, out int n));
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..n]));
    }

    [Theory]
    [InlineData(123450L, 6)]
    [InlineData(-1L, 4)]
    [InlineData(0L, 3)]
    public void TryFormat_DestinationTooSmall_ReturnsFalse(long fen, int size)
    {
        Span<byte> buffer = stackalloc byte[size];
        Assert.False(MoneyParser.TryFormat(new Money(fen), buffer, out int n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void TryFormat_ExactSize_Succeeds()
    {
        Span<byte> buffer = stackalloc byte[8];
        Assert.True(MoneyParser.TryFormat(new Money(-123450), buffer, out int n));
        Assert.Equal(8, n);
    }

    [Fact]
    public void FormatThenParse_AnyLong_RoundTrips()
    {
        Prop.ForAll(Arb.From(AnyLong()), fen =>
        {
            byte[] buffer = new byte[32];
            if (!MoneyParser.TryFormat(new Money(fen), buffer, out int n)) return false;
            return MoneyParser.TryParse(buffer.AsSpan(0, n), out Money back) && back.Fen == fen
                && Encoding.UTF8.GetString(buffer, 0, n) == new Money(fen).ToString();
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void FormatWithGroupingThenParse_AnyLong_RoundTrips()
    {
        Prop.ForAll(Arb.From(AnyLong()), fen =>
        {
            string plain = new Money(fen).ToString();
            string grouped = Group(plain);
            return MoneyParser.TryParse(Encoding.UTF8.GetBytes("¥" + grouped), out Money back) && back.Fen == fen;
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void TryParse_ThreeDecimals_AlwaysRejected()
    {
        Gen<string> threeDecimals =
            from whole in Gen.Choose(0, int.MaxValue)
            from d in Gen.Choose(0, 999)
            from sign in Gen.Elements("", "-", "¥", "-¥", "￥-")
            select $"{sign}{whole}.{d:D3}";
        Prop.ForAll(Arb.From(threeDecimals), text => !MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out _))
            .Check(PropertyConfig.Quick());
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        Gen<byte[]> bytes = Gen.ArrayOf(Gen.Elements<byte>(
            (byte)'0', (byte)'1', (byte)'9', (byte)',', (byte)'.', (byte)'-', (byte)'+', (byte)' ', 0xC2, 0xA5, 0xEF, 0xBF, 0xFF, 0x00));
        Gen<byte[]> mixed = Gen.OneOf(bytes, ArbMap.Default.GeneratorFor<byte[]>());
        Prop.ForAll(Arb.From(mixed), input =>
        {
            bool ok = MoneyParser.TryParse(input, out Money m);
            return ok || m == Money.Zero;
        }).Check(PropertyConfig.Quick());
    }

    /// <summary>Longs spread over the whole range, with the edges made likely.</summary>
    internal static Gen<long> AnyLong() =>
        Gen.Frequency(
            (1, Gen.Elements(long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 0L, 1L, -1L, 99L, -99L, 100L, -100L)),
            (4, from hi in Gen.Choose(int.MinValue, int.MaxValue)
                from lo in Gen.Choose(int.MinValue, int.MaxValue)
                from shift in Gen.Choose(0, 63)
                select ((long)hi << 32 | (uint)lo) >> shift));

    private static string Group(string plain)
    {
        int start = plain.StartsWith('-') ? 1 : 0;
        int dot = plain.IndexOf('.');
        var sb = new StringBuilder(plain[..start]);
        string whole = plain[start..dot];
        for (int k = 0; k < whole.Length; k++)
        {
            if (k > 0 && (whole.Length - k) % 3 == 0) sb.Append(',');
            sb.Append(whole[k]);
        }
        return sb.Append(plain[dot..]).ToString();
    }
}
