using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Parsing;

/// <summary>The fixed-layout fast paths of the field parsers give exactly the general grammar's answer.</summary>
public sealed class FastPathTests
{
    // Near the canonical layouts: digits (weighted to real dates and edge values), separators and a few intruders.
    private static Gen<byte[]> NearLayout(string layout) =>
        Gen.ArrayOf(Gen.Choose(0, 999), layout.Length).Select(r => layout.Select((c, i) => Pick(c, r[i])).ToArray());

    private static byte Pick(char c, int r)
    {
        const string Intruders = "T -:0\t/a";
        if (r >= 75) return c == 'd' ? (byte)('0' + (r % 10)) : (byte)c;
        return r < 70 ? (byte)Intruders[r % Intruders.Length] : (byte)0xE5;
    }

    private static Gen<byte[]> DateTimes() =>
        Gen.OneOf(
            NearLayout("dddd-dd-dd dd:dd:dd"),
            NearLayout("dddd-dd-dd"),
            from y in Gen.Choose(1895, 2205)
            from m in Gen.Choose(0, 13)
            from d in Gen.Choose(0, 32)
            from h in Gen.Choose(0, 25)
            from n in Gen.Choose(0, 60)
            from sec in Gen.Choose(0, 60)
            from t in Gen.Elements(" ", "T", "")
            select Encoding.ASCII.GetBytes(t == "" ? $"{y:D4}-{m:D2}-{d:D2}" : $"{y:D4}-{m:D2}-{d:D2}{t}{h:D2}:{n:D2}:{sec:D2}"));

    [Fact]
    public void TryParseDateTime_NearCanonicalLayout_SameAsGrammar()
    {
        Prop.ForAll(Arb.From(DateTimes()), s =>
        {
            bool fast = DateParser.TryParseDateTime(s, out DateTime a);
            bool general = DateParser.TryParseDateTimeGrammar(s, out DateTime b);
            Assert.Equal(general, fast);
            Assert.Equal(b, a);
        }).Check(PropertyConfig.Quick(3000));
    }

    [Fact]
    public void DateTimeDayCache_ValuesSharingTheirDates_SameAsTheParsers()
    {
        // Runs of values on a few dates (real, impossible and malformed ones), alone or with a time near the layout or not,
        // among values of any shape: the cache answers each as the parser does, whatever came before it.
        string[] dates = ["2024-02-29", "2023-02-29", "2024-03-01", "2024-03-31", "2024-03-32", "2024-13-01", "2024-01-0x", "1899-12-31", "2199-12-31", "2024/03/01"];
        var sameDay = from d in Gen.Elements(dates)
                      from time in Gen.OneOf(NearLayout(" dd:dd:dd"), NearLayout("Tdd:dd:dd"), NearLayout(" d:dd:dd"), NearLayout(" dd:dd"), Gen.Constant(Array.Empty<byte>()))
                      select Encoding.ASCII.GetBytes(d).Concat(time).ToArray();
        var value = Gen.Frequency((4, sameDay), (1, DateTimes()));
        Prop.ForAll(Arb.From(Gen.ListOf(value)), values =>
        {
            var cache = new DateTimeDayCache();
            var either = new DateTimeDayCache();
            foreach (byte[] s in values)
            {
                bool expected = DateParser.TryParseDateTime(s, out DateTime b);
                Assert.Equal(expected, cache.TryParseDateTime(s, out DateTime a));
                Assert.Equal(b, a);
                expected = DateParser.TryParseDateOrDateTime(s, out DateOnly date, out TimeOnly? time);
                Assert.Equal(expected, either.TryParseDateOrDateTime(s, out DateOnly cachedDate, out TimeOnly? cachedTime));
                Assert.Equal(date, cachedDate);
                Assert.Equal(time, cachedTime);
            }
        }).Check(PropertyConfig.Quick(1000));
    }

    [Fact]
    public void TryParseDateOrDateTime_NearCanonicalLayout_SameAsGrammar()
    {
        Prop.ForAll(Arb.From(DateTimes()), s =>
        {
            bool fast = DateParser.TryParseDateOrDateTime(s, out DateOnly date, out TimeOnly? time);
            bool general = DateParser.TryParseDateOrDateTimeGrammar(s, out DateOnly date2, out TimeOnly? time2);
            Assert.Equal(general, fast);
            Assert.Equal(date2, date);
            Assert.Equal(time2, time);
        }).Check(PropertyConfig.Quick(3000));
    }

    [Theory]
    [InlineData("2024-02-29 23:59:59", true)]
    [InlineData("2023-02-29 08:00:00", false)]
    [InlineData("1900-02-29 08:00:00", false)]
    [InlineData("2000-02-29T08:00:00", true)]
    [InlineData("1899-12-31 08:00:00", false)]
    [InlineData("2199-12-31 23:59:59", true)]
    [InlineData("2024-04-31 08:00:00", false)]
    [InlineData("2024-01-01 24:00:00", false)]
    public void TryParseDateTime_CalendarEdges_SameAsGrammar(string text, bool expected)
    {
        byte[] s = Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected, DateParser.TryParseDateTime(s, out DateTime a));
        Assert.Equal(expected, DateParser.TryParseDateTimeGrammar(s, out DateTime b));
        Assert.Equal(b, a);
    }

    [Theory]
    [InlineData("2018-08-29 17:38:59")]
    [InlineData("2099-12-31T23:59:59")]
    [InlineData("1900-01-01 00:00:00")]
    [InlineData("2024-02-29 07:33:38")]
    public void TryParseCanonical_AnyDigits_TakesTheFastPath(string text)
    {
        Assert.True(DateParser.TryParseCanonical(Encoding.ASCII.GetBytes(text), out int dayNumber, out long ticks));
        Assert.Equal(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), new DateTime((dayNumber * TimeSpan.TicksPerDay) + ticks));
    }

    private static Gen<byte[]> Amounts() =>
        Gen.OneOf(
            NearLayout("dddd.dd"),
            NearLayout("-ddddddddddddddd.dd"),
            NearLayout("dddddddddddddddd.dd"),
            NearLayout("ddd.d"),
            from yuan in Gen.Choose(0, int.MaxValue)
            from fen in Gen.Choose(0, 99)
            from neg in Gen.Elements("", "-", "--")
            from digits in Gen.Choose(1, 19)
            select Encoding.ASCII.GetBytes($"{neg}{((long)yuan * 1_000_000_007L).ToString().PadLeft(digits, '0')[..digits]}.{fen:D2}"));

    [Fact]
    public void MoneyTryParse_PlainAmounts_SameAsGrammar()
    {
        Prop.ForAll(Arb.From(Amounts()), s =>
        {
            bool fast = MoneyParser.TryParse(s, out Money a);
            bool general = MoneyParser.TryParseGrammar(s, out Money b);
            Assert.Equal(general, fast);
            Assert.Equal(b, a);
        }).Check(PropertyConfig.Quick(3000));
    }

    private static Gen<byte[]> GroupedAmounts() =>
        Gen.OneOf(
            NearLayout("d,ddd.dd"),
            NearLayout("-dd,ddd,ddd.dd"),
            NearLayout("ddd,ddd,ddd,ddd,ddd.dd"),
            NearLayout("dddd,ddd.dd"),
            NearLayout("d,dd,ddd.dd"),
            NearLayout("ddd,ddd.d"),
            from yuan in Gen.Choose(0, int.MaxValue)
            from scale in Gen.Choose(0, 6)
            from fen in Gen.Choose(0, 99)
            from neg in Gen.Elements("", "-")
            select Encoding.ASCII.GetBytes($"{neg}{((long)yuan * (long)Math.Pow(10, scale)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}.{fen:D2}"));

    [Fact]
    public void MoneyTryParse_GroupedAmounts_SameAsGrammar()
    {
        Prop.ForAll(Arb.From(GroupedAmounts()), s =>
        {
            bool fast = MoneyParser.TryParse(s, out Money a);
            bool general = MoneyParser.TryParseGrammar(s, out Money b);
            Assert.Equal(general, fast);
            Assert.Equal(b, a);
        }).Check(PropertyConfig.Quick(3000));
    }

    [Theory]
    [InlineData("1,000.00", 100000L)]
    [InlineData("-1,913,786.10", -191378610L)]
    [InlineData("999,999,999,999,999.99", 99999999999999999L)]
    public void TryParseGrouped_GroupedLayout_Parsed(string text, long fen)
    {
        Assert.True(MoneyParser.TryParseGrouped(Encoding.ASCII.GetBytes(text), out Money value));
        Assert.Equal(fen, value.Fen);
    }

    [Fact]
    public void ParseDigits_EveryCountAndEveryBadPosition_SameAsOneDigitAtATime()
    {
        // The words are read from a longer buffer: the bytes after the digits (here digits, a point or a letter) must not count.
        var random = new Random(20240315);
        foreach (string after in new[] { "99999999", ".12345678", "a" + "0000000" })
        {
            for (int count = 1; count <= 8; count++)
            {
                for (int round = 0; round < 200; round++)
                {
                    string digits = string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));
                    byte[] text = Encoding.ASCII.GetBytes(digits + after);
                    Assert.Equal(long.Parse(digits), DigitHelpers.ParseDigits8(ref text[0], count));
                    if (count <= 4) Assert.Equal(int.Parse(digits), DigitHelpers.ParseDigits4(ref text[0], count));
                    foreach (byte bad in new byte[] { (byte)'/', (byte)':', (byte)'.', (byte)' ', 0x00, 0x3F, 0xB9, 0xE5, 0xFF })
                    {
                        int at = random.Next(count);
                        byte[] copy = (byte[])text.Clone();
                        copy[at] = bad;
                        Assert.Equal(-1, DigitHelpers.ParseDigits8(ref copy[0], count));
                        if (count <= 4) Assert.Equal(-1, DigitHelpers.ParseDigits4(ref copy[0], count));
                    }
                }
            }
        }
    }

    [Fact]
    public void MoneyFastPaths_EveryPairOfDecimals_TakenByTheFastPath()
    {
        // The fast paths must not leave a plain or grouped amount to the grammar, whatever its decimals are.
        for (int fen = 0; fen < 100; fen++)
        {
            Assert.True(MoneyParser.TryParsePlain(Encoding.ASCII.GetBytes($"6410.{fen:D2}"), out Money plain));
            Assert.Equal(641000 + fen, plain.Fen);
            Assert.True(MoneyParser.TryParsePlain(Encoding.ASCII.GetBytes($"-27241396744.{fen:D2}"), out Money negative));
            Assert.Equal(-(2724139674400 + fen), negative.Fen);
            Assert.True(MoneyParser.TryParseGrouped(Encoding.ASCII.GetBytes($"2,501,267.{fen:D2}"), out Money grouped));
            Assert.Equal(250126700 + fen, grouped.Fen);
        }
        // And every number of digits it takes, with and without a sign.
        for (int digits = 1; digits <= 15; digits++)
        {
            string yuan = "987654321098765"[..digits];
            Assert.True(MoneyParser.TryParsePlain(Encoding.ASCII.GetBytes($"{yuan}.07"), out Money amount));
            Assert.Equal((long.Parse(yuan) * 100) + 7, amount.Fen);
            Assert.True(MoneyParser.TryParsePlain(Encoding.ASCII.GetBytes($"-{yuan}.70"), out Money negative));
            Assert.Equal(-((long.Parse(yuan) * 100) + 70), negative.Fen);
        }
    }

    [Theory]
    [InlineData("1000.00")]
    [InlineData("1,00.00")]
    [InlineData("1234,567.00")]
    [InlineData(",123.00")]
    [InlineData("1,234.5")]
    public void TryParseGrouped_OtherLayout_False(string text) =>
        Assert.False(MoneyParser.TryParseGrouped(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("借", BankDirection.Debit)]
    [InlineData("出", BankDirection.Debit)]
    [InlineData("贷", BankDirection.Credit)]
    [InlineData("入", BankDirection.Credit)]
    public void TryParseBankDirection_OneCharacter_Parsed(string text, BankDirection expected)
    {
        Assert.True(TokenParser.TryParseBankDirection(Encoding.UTF8.GetBytes(text), out BankDirection d));
        Assert.Equal(expected, d);
    }

    [Theory]
    [InlineData("进", PunchDirection.In)]
    [InlineData("入", PunchDirection.In)]
    [InlineData("出", PunchDirection.Out)]
    public void TryParsePunchDirection_OneCharacter_Parsed(string text, PunchDirection expected)
    {
        Assert.True(TokenParser.TryParsePunchDirection(Encoding.UTF8.GetBytes(text), out PunchDirection d));
        Assert.Equal(expected, d);
    }

    [Fact]
    public void TryParsePunchDirection_EveryTwoByteValueAndThreeBytesOfLettersAround_AsTheListOfWords()
    {
        // The fast paths for in and out (bit 5 set to lower-case) against the direction words spelled out: every
        // two-byte value, and three bytes over the letters of out, their other case, the bytes that differ from them
        // in bit 5 only and non-ASCII bytes.
        static PunchDirection? Expected(ReadOnlySpan<byte> value)
        {
            foreach (var word in new[] { "in", "E", "01", "1", "进", "入" })
                if (Ascii.EqualsIgnoreCase(value, Encoding.UTF8.GetBytes(word)) || value.SequenceEqual(Encoding.UTF8.GetBytes(word))) return PunchDirection.In;
            foreach (var word in new[] { "out", "L", "02", "2", "出" })
                if (Ascii.EqualsIgnoreCase(value, Encoding.UTF8.GetBytes(word)) || value.SequenceEqual(Encoding.UTF8.GetBytes(word))) return PunchDirection.Out;
            return null;
        }

        static void Check(ReadOnlySpan<byte> value)
        {
            var expected = Expected(value);
            bool parsed = TokenParser.TryParsePunchDirection(value, out PunchDirection d);
            Assert.True(expected is not null == parsed, Convert.ToHexString(value));
            if (parsed) Assert.Equal(expected, d);
        }

        Span<byte> two = stackalloc byte[2];
        for (int value = 0; value < 1 << 16; value++)
        {
            two[0] = (byte)value;
            two[1] = (byte)(value >> 8);
            Check(two);
        }
        byte[] alphabet = [.. "oOuUtTiInN"u8, 0x0F, 0x4F & ~0x20, 0x6F ^ 0x20, 0x55 ^ 0x40, 0x74 ^ 0x80, (byte)'@', (byte)'`', 0xE5, 0x87, 0xBA, 0xEF, 0x00, (byte)' '];
        Span<byte> three = stackalloc byte[3];
        foreach (byte a in alphabet)
            foreach (byte b in alphabet)
                foreach (byte c in alphabet)
                {
                    three[0] = a;
                    three[1] = b;
                    three[2] = c;
                    Check(three);
                }
    }

    [Theory]
    [InlineData("工")]
    [InlineData("进")]
    public void TryParseBankDirection_OtherCharacter_False(string text)
    {
        Assert.False(TokenParser.TryParseBankDirection(Encoding.UTF8.GetBytes(text), out _));
    }
}
