using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

/// <summary>The value variants of real bank exports (R5, R37): compact date-times, white space runs, bank time columns.</summary>
public sealed class DateParserRealExportTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("20260101013555", 2026, 1, 1, 1, 35, 55)]
    [InlineData("20240229235959", 2024, 2, 29, 23, 59, 59)]
    [InlineData("19000101000000", 1900, 1, 1, 0, 0, 0)]
    [InlineData("21991231120000", 2199, 12, 31, 12, 0, 0)]
    [InlineData("2025/12/03  14:06:51", 2025, 12, 3, 14, 6, 51)]
    [InlineData("2025/12/03\t14:06:51", 2025, 12, 3, 14, 6, 51)]
    [InlineData("2025/12/03 \t \u3000 14:06", 2025, 12, 3, 14, 6, 0)]
    [InlineData("2025-12-03\t\t9:06:51", 2025, 12, 3, 9, 6, 51)]
    [InlineData("20251203   14:06:51", 2025, 12, 3, 14, 6, 51)]
    [InlineData("2025年12月3日\u3000\u300014:06", 2025, 12, 3, 14, 6, 0)]
    public void TryParseDateTime_RealExportDateTime_ReturnsDateTime(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(DateParser.TryParseDateTime(U(text), out DateTime value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
        Assert.True(DateParser.TryParseDateOrDateTime(U(text), out DateOnly date, out TimeOnly? time));
        Assert.Equal(new DateOnly(y, mo, d), date);
        Assert.Equal(new TimeOnly(h, mi, s), time);
    }

    [Theory]
    [InlineData("20240230120000")]
    [InlineData("20230229120000")]
    [InlineData("20241301120000")]
    [InlineData("20240001120000")]
    [InlineData("20240100120000")]
    [InlineData("20240101250000")]
    [InlineData("20240101240000")]
    [InlineData("20240101126000")]
    [InlineData("20240101120060")]
    [InlineData("18991231235959")]
    [InlineData("22000101000000")]
    [InlineData("2024010112000")]
    [InlineData("202401011200000")]
    [InlineData("202401011200")]
    [InlineData("2024010112000a")]
    [InlineData("2024-01-0112:00")]
    [InlineData("20240101 120000")]
    [InlineData("20240101T120000")]
    [InlineData("2024-01-01 1200")]
    [InlineData("2024-01-01 25:00")]
    [InlineData("2024-02-30 08:00")]
    [InlineData("2025/12/03  14:06:51 ")]
    public void TryParseDateTime_BadRealExportDateTime_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseDateTime(U(text), out DateTime value));
        Assert.Equal(default, value);
        Assert.False(DateParser.TryParseDateOrDateTime(U(text), out DateOnly date, out TimeOnly? time));
        Assert.Equal(default, date);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("20260101013555")]
    [InlineData("20240101")]
    public void TryParseDate_CompactDateTime_OnlyTheEightDigitDate(string text)
    {
        Assert.Equal(text.Length == 8, DateParser.TryParseDate(U(text), out _));
    }

    [Theory]
    [InlineData("2024/3/5 17:05")]
    [InlineData("2024-3-5 17:05")]
    public void TryParseDateTime_FourteenBytesNotAllDigits_DecidedByTheGrammar(string text)
    {
        Assert.Equal(14, text.Length);
        Assert.Equal(text.StartsWith("2024/", StringComparison.Ordinal), DateParser.TryParseDateTime(U(text), out _));
    }

    [Theory]
    [InlineData("123456", 12, 34, 56)]
    [InlineData("000000", 0, 0, 0)]
    [InlineData("235959", 23, 59, 59)]
    [InlineData("090501", 9, 5, 1)]
    [InlineData("0930", 9, 30, 0)]
    [InlineData("0000", 0, 0, 0)]
    [InlineData("2359", 23, 59, 0)]
    [InlineData("9:30", 9, 30, 0)]
    [InlineData("09:30", 9, 30, 0)]
    [InlineData("14:06:51", 14, 6, 51)]
    public void TryParseBankTime_Valid_ReturnsTime(string text, int h, int m, int s)
    {
        Assert.True(DateParser.TryParseBankTime(U(text), out TimeOnly time));
        Assert.Equal(new TimeOnly(h, m, s), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("240000")]
    [InlineData("250000")]
    [InlineData("126000")]
    [InlineData("120060")]
    [InlineData("2400")]
    [InlineData("0960")]
    [InlineData("93000")]
    [InlineData("930")]
    [InlineData("1234567")]
    [InlineData("12")]
    [InlineData("12345a")]
    [InlineData("12 34")]
    [InlineData("1234 ")]
    [InlineData("12:3456")]
    [InlineData("24:00")]
    [InlineData("08:60")]
    [InlineData("08.30")]
    [InlineData("２３５９")]
    [InlineData("2024-01-01 12:00")]
    public void TryParseBankTime_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseBankTime(U(text), out TimeOnly time));
        Assert.Equal(default, time);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("0930")]
    public void TryParseTime_TimeWithoutColons_StaysRejected(string text)
    {
        Assert.False(DateParser.TryParseTime(U(text), out _));
    }

    [Fact]
    public void TryParseDateTime_AnyCompactDateTime_SameAsDashedForm()
    {
        Gen<DateTime> moments =
            from day in Gen.Choose(DateOnly.Parse("1900-01-01", System.Globalization.CultureInfo.InvariantCulture).DayNumber,
                DateOnly.Parse("2199-12-31", System.Globalization.CultureInfo.InvariantCulture).DayNumber)
            from second in Gen.Choose(0, 86_399)
            select DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)));
        Prop.ForAll(Arb.From(moments), t =>
        {
            string compact = t.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DateParser.TryParseDateTime(U(compact), out DateTime value), compact);
            Assert.Equal(t, value);
            Assert.True(DateParser.TryParseDateOrDateTime(U(compact), out DateOnly date, out TimeOnly? time));
            Assert.Equal(DateOnly.FromDateTime(t), date);
            Assert.Equal(TimeOnly.FromDateTime(t), time);
        }).Check(PropertyConfig.Quick(2000));
    }

    [Fact]
    public void TryParseBankTime_AnyTimeOfDay_SameInEveryLayout()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 86_399)), second =>
        {
            var t = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second));
            var minute = new TimeOnly(t.Hour, t.Minute);
            Assert.True(DateParser.TryParseBankTime(U($"{t.Hour:D2}{t.Minute:D2}{t.Second:D2}"), out TimeOnly a));
            Assert.True(DateParser.TryParseBankTime(U($"{t.Hour}:{t.Minute:D2}:{t.Second:D2}"), out TimeOnly b));
            Assert.True(DateParser.TryParseBankTime(U($"{t.Hour:D2}{t.Minute:D2}"), out TimeOnly c));
            Assert.Equal(t, a);
            Assert.Equal(t, b);
            Assert.Equal(minute, c);
        }).Check(PropertyConfig.Quick(2000));
    }
}
