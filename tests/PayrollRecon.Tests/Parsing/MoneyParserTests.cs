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
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("1 234")]
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

    [Theory]
    [InlineData("+12", 1200L)]
    [InlineData("+0.01", 1L)]
    [InlineData("+1,234.56", 123456L)]
    [InlineData("+¥12", 1200L)]
    [InlineData("¥+12", 1200L)]
    [InlineData("¥ 12", 1200L)]
    [InlineData("￥\u300012.30", 1230L)]
    [InlineData("¥ -12", -1200L)]
    [InlineData("CNY 123.18", 12318L)]
    [InlineData("CNY123.18", 12318L)]
    [InlineData("cny 1.00", 100L)]
    [InlineData("CNY\t1,234.50", 123450L)]
    [InlineData("CNY  5", 500L)]
    [InlineData("-CNY 5.00", -500L)]
    [InlineData("+CNY 5.00", 500L)]
    [InlineData("CNY -5.00", -500L)]
    [InlineData("CNY -1,234.56", -123456L)]
    [InlineData("CNY+5.00", 500L)]
    [InlineData("RMB-5.00", -500L)]
    [InlineData("RMB 88", 8800L)]
    [InlineData("Rmb88.8", 8880L)]
    [InlineData("-RMB5", -500L)]
    [InlineData("人民币1,000.00", 100000L)]
    [InlineData("人民币 1000", 100000L)]
    [InlineData("-人民币 3.5", -350L)]
    [InlineData("人民币-3.50", -350L)]
    [InlineData("1,234.50元", 123450L)]
    [InlineData("12元", 1200L)]
    [InlineData("12 元", 1200L)]
    [InlineData("12\u3000元", 1200L)]
    [InlineData("-12.05元", -1205L)]
    [InlineData("+12.05 元", 1205L)]
    [InlineData("0元", 0L)]
    [InlineData("92233720368547758.07元", long.MaxValue)]
    [InlineData("CNY -92,233,720,368,547,758.08", long.MinValue)]
    public void TryParse_DecoratedAmount_ReturnsFen(string text, long fen)
    {
        Assert.True(MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out Money fromBytes));
        Assert.Equal(fen, fromBytes.Fen);
        Assert.True(MoneyParser.TryParse(text.AsSpan(), out Money fromChars));
        Assert.Equal(fen, fromChars.Fen);
    }

    [Theory]
    [InlineData("++12")]
    [InlineData("+-12")]
    [InlineData("-+12")]
    [InlineData("+")]
    [InlineData("+.5")]
    [InlineData("+12.345")]
    [InlineData("- 12")]
    [InlineData("+ 12")]
    [InlineData("-CNY -5")]
    [InlineData("+CNY+5")]
    [InlineData("-¥+5")]
    [InlineData("CNY - 5")]
    [InlineData("CNY -")]
    [InlineData("- CNY 5")]
    [InlineData("CNY")]
    [InlineData("CNY ")]
    [InlineData("RMB")]
    [InlineData("人民币")]
    [InlineData("元")]
    [InlineData(" 元")]
    [InlineData("-元")]
    [InlineData("CNYRMB5")]
    [InlineData("CNY ¥5")]
    [InlineData("¥CNY5")]
    [InlineData("¥12元")]
    [InlineData("人民币12元")]
    [InlineData("CNY 12 元")]
    [InlineData("12CNY")]
    [InlineData("12 CNY")]
    [InlineData("12RMB")]
    [InlineData("12¥")]
    [InlineData("1CNY2")]
    [InlineData("1,2CNY34")]
    [InlineData("1元2")]
    [InlineData("元12")]
    [InlineData("12元元")]
    [InlineData("12元整")]
    [InlineData("12 元 ")]
    [InlineData("12 .5元")]
    [InlineData("1 234元")]
    [InlineData("12.345元")]
    [InlineData("CNY 12.345")]
    [InlineData("CNY 1,2,3")]
    [InlineData("CN 5")]
    [InlineData("CNX 5")]
    [InlineData("USD 5")]
    [InlineData("人民 5")]
    [InlineData("¥ ")]
    [InlineData(" CNY 5")]
    [InlineData("CNY 5 ")]
    [InlineData("CNY 92233720368547758.08")]
    [InlineData("92233720368547758.08元")]
    public void TryParse_BadDecoration_ReturnsFalse(string text)
    {
        Assert.False(MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out Money fromBytes));
        Assert.Equal(Money.Zero, fromBytes);
        Assert.False(MoneyParser.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void TryParse_AnyAmountWithRandomDecoration_RoundTrips()
    {
        Gen<(long Fen, string Text)> decorated =
            from fen in AnyLong()
            from grouping in Gen.Elements(false, true)
            from mark in Gen.Elements("", "", "¥", "￥", "CNY", "cny", "RMB", "人民币", "元")
            from space in Gen.Elements("", " ", "  ", "\t", "\u3000", "\u00A0")
            from signFirst in Gen.Elements(true, false)
            from plus in Gen.Elements(false, true)
            select (fen, Decorate(fen, grouping, mark, space, signFirst, plus));
        Prop.ForAll(Arb.From(decorated), c =>
        {
            bool ok = MoneyParser.TryParse(Encoding.UTF8.GetBytes(c.Text), out Money back);
            Assert.True(ok, c.Text);
            Assert.Equal(c.Fen, back.Fen);
        }).Check(PropertyConfig.Quick(2000));
    }

    [Fact]
    public void TryParse_TwoSignsOrMisplacedMark_AlwaysRejected()
    {
        Gen<string> broken =
            from fen in AnyLong()
            from mark in Gen.Elements("¥", "￥", "CNY", "RMB", "人民币", "元")
            from kind in Gen.Choose(0, 4)
            select Break(new Money(fen == long.MinValue ? 0 : Math.Abs(fen)).ToString(), mark, kind);
        Prop.ForAll(Arb.From(broken), text => !MoneyParser.TryParse(Encoding.UTF8.GetBytes(text), out _))
            .Check(PropertyConfig.Quick(2000));
    }

    /// <summary>The amount written with a sign, a mark and white space placed any way R37 allows.</summary>
    private static string Decorate(long fen, bool grouping, string mark, string space, bool signFirst, bool plus)
    {
        string plain = new Money(fen).ToString();
        string text = grouping ? Group(plain) : plain;
        string sign = text.StartsWith('-') ? "-" : plus ? "+" : "";
        string digits = text.TrimStart('-');
        if (mark == "") return sign + digits;
        if (mark == "元") return sign + digits + space + mark;
        return signFirst ? sign + mark + space + digits : mark + space + sign + digits;
    }

    /// <summary>A non-negative amount broken in one of the ways R4/R37 reject.</summary>
    private static string Break(string digits, string mark, int kind) => kind switch
    {
        0 => "--" + digits,
        1 => "+-" + digits,
        2 => mark == "元" ? "-" + mark + "-" + digits : "-" + mark + "-" + digits,
        3 => digits.Length > 1 ? digits[..1] + mark + digits[1..] : digits + mark + "0",
        _ => mark == "元" ? mark + digits : digits + mark,
    };

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
