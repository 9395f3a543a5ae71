using System.Globalization;
using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class DateParserTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5)]
    [InlineData("2024-12-31", 2024, 12, 31)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    [InlineData("2024/3/5", 2024, 3, 5)]
    [InlineData("2024/03/05", 2024, 3, 5)]
    [InlineData("2024/12/31", 2024, 12, 31)]
    [InlineData("20240305", 2024, 3, 5)]
    [InlineData("2024年3月5日", 2024, 3, 5)]
    [InlineData("2024年03月05日", 2024, 3, 5)]
    [InlineData("2024年12月31日", 2024, 12, 31)]
    [InlineData("1900-01-01", 1900, 1, 1)]
    [InlineData("2199-12-31", 2199, 12, 31)]
    public void TryParseDate_ValidDate_ReturnsDate(string text, int y, int m, int d)
    {
        Assert.True(DateParser.TryParseDate(U(text), out DateOnly date));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.True(DateParser.TryParseDate(text.AsSpan(), out DateOnly fromChars));
        Assert.Equal(date, fromChars);
        Assert.True(DateParser.TryParseDateOrDateTime(U(text), out DateOnly again, out TimeOnly? time));
        Assert.Equal(date, again);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-3-5")]
    [InlineData("2024-03-5")]
    [InlineData("2024-3-05")]
    [InlineData("2024-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("2024-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("0224-03-05")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("22240305")]
    [InlineData("2024/3/")]
    [InlineData("2024/3")]
    [InlineData("2024/003/5")]
    [InlineData("2024/3/005")]
    [InlineData("2024/3-5")]
    [InlineData("2024-03/05")]
    [InlineData("2024030")]
    [InlineData("202403051")]
    [InlineData("20241305")]
    [InlineData("2024年3月5")]
    [InlineData("2024年3月5号")]
    [InlineData("2024年3-5日")]
    [InlineData("24-03-05")]
    [InlineData("24/3/5")]
    [InlineData("12024-03-05")]
    [InlineData("2024.03.05")]
    [InlineData("2024-03-05 ")]
    [InlineData(" 2024-03-05")]
    [InlineData("2024-03-05 08:00")]
    [InlineData("２０２４-03-05")]
    [InlineData("abcd-ef-gh")]
    public void TryParseDate_InvalidDate_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseDate(U(text), out DateOnly date));
        Assert.Equal(default, date);
        Assert.False(DateParser.TryParseDate(text.AsSpan(), out _));
    }

    [Theory]
    [InlineData("2024-03-05 08:00", 2024, 3, 5, 8, 0, 0)]
    [InlineData("2024-03-05 8:00", 2024, 3, 5, 8, 0, 0)]
    [InlineData("2024-03-05 08:07:09", 2024, 3, 5, 8, 7, 9)]
    [InlineData("2024-03-05T23:59:59", 2024, 3, 5, 23, 59, 59)]
    [InlineData("2024-03-05T0:00", 2024, 3, 5, 0, 0, 0)]
    [InlineData("2024-03-05   17:30", 2024, 3, 5, 17, 30, 0)]
    [InlineData("2024-03-05\t17:30", 2024, 3, 5, 17, 30, 0)]
    [InlineData("2024-03-05\u300017:30", 2024, 3, 5, 17, 30, 0)]
    [InlineData("2024-03-05 \u00A0 17:30", 2024, 3, 5, 17, 30, 0)]
    [InlineData("2024/3/5 7:05", 2024, 3, 5, 7, 5, 0)]
    [InlineData("20240305 07:05:01", 2024, 3, 5, 7, 5, 1)]
    [InlineData("20240305T07:05", 2024, 3, 5, 7, 5, 0)]
    [InlineData("2024年3月5日 7:05", 2024, 3, 5, 7, 5, 0)]
    [InlineData("2024年3月5日T07:05:59", 2024, 3, 5, 7, 5, 59)]
    public void TryParseDateTime_ValidDateTime_ReturnsDateTime(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(DateParser.TryParseDateTime(U(text), out DateTime value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
        Assert.True(DateParser.TryParseDateOrDateTime(U(text), out DateOnly date, out TimeOnly? time));
        Assert.Equal(new DateOnly(y, mo, d), date);
        Assert.Equal(new TimeOnly(h, mi, s), time);
    }

    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024-03-05 ")]
    [InlineData("2024-03-05T")]
    [InlineData("2024-03-05 T08:00")]
    [InlineData("2024-03-05T 08:00")]
    [InlineData("2024-03-05TT08:00")]
    [InlineData("2024-03-0508:00")]
    [InlineData("2024-03-05 24:00")]
    [InlineData("2024-03-05 08:60")]
    [InlineData("2024-03-05 08:00:60")]
    [InlineData("2024-03-05 08:0")]
    [InlineData("2024-03-05 08:000")]
    [InlineData("2024-03-05 008:00")]
    [InlineData("2024-03-05 08")]
    [InlineData("2024-03-05 08:00:0")]
    [InlineData("2024-03-05 08:00:00.000")]
    [InlineData("2024-03-05 08:00:00Z")]
    [InlineData("2024-03-05 08:00 08:00")]
    [InlineData("2024-03-05 8点")]
    [InlineData("2024-02-30 08:00")]
    [InlineData("2024-3-5 08:00")]
    [InlineData("t2024-03-05")]
    public void TryParseDateTime_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseDateTime(U(text), out DateTime value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("2024-03-05 ")]
    [InlineData("2024-03-05T")]
    [InlineData("2024-03-05 25:00")]
    [InlineData("2024-02-30")]
    [InlineData("2024-02-30 08:00")]
    [InlineData("")]
    public void TryParseDateOrDateTime_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseDateOrDateTime(U(text), out DateOnly date, out TimeOnly? time));
        Assert.Equal(default, date);
        Assert.Null(time);
    }

    [Theory]
    [InlineData("0:00", 0, 0, 0)]
    [InlineData("8:05", 8, 5, 0)]
    [InlineData("08:05", 8, 5, 0)]
    [InlineData("23:59:59", 23, 59, 59)]
    [InlineData("7:00:01", 7, 0, 1)]
    public void TryParseTime_Valid_ReturnsTime(string text, int h, int m, int s)
    {
        Assert.True(DateParser.TryParseTime(U(text), out TimeOnly time));
        Assert.Equal(new TimeOnly(h, m, s), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8")]
    [InlineData("8:5")]
    [InlineData("24:00")]
    [InlineData("123:00")]
    [InlineData(":30")]
    [InlineData("08:60")]
    [InlineData("08:00:60")]
    [InlineData("08:00:")]
    [InlineData("08:00:5")]
    [InlineData("08:00:00.5")]
    [InlineData("08.00")]
    [InlineData("8:00 ")]
    public void TryParseTime_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParseTime(U(text), out TimeOnly time));
        Assert.Equal(default, time);
    }

    [Theory]
    [InlineData("2024-03", 2024, 3)]
    [InlineData("2024-12", 2024, 12)]
    [InlineData("202403", 2024, 3)]
    [InlineData("202412", 2024, 12)]
    [InlineData("2024年3月", 2024, 3)]
    [InlineData("2024年03月", 2024, 3)]
    [InlineData("2024年12月", 2024, 12)]
    [InlineData("190001", 1900, 1)]
    [InlineData("2199-12", 2199, 12)]
    public void TryParsePeriod_Valid_ReturnsMonth(string text, int y, int m)
    {
        Assert.True(DateParser.TryParsePeriod(U(text), out YearMonth period));
        Assert.Equal(new YearMonth(y, m), period);
        Assert.True(DateParser.TryParsePeriod(text.AsSpan(), out YearMonth fromChars));
        Assert.Equal(period, fromChars);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("2024-")]
    [InlineData("2024-13")]
    [InlineData("2024-0")]
    [InlineData("2024-00")]
    [InlineData("2024-003")]
    [InlineData("202413")]
    [InlineData("202400")]
    [InlineData("000001")]
    [InlineData("189912")]
    [InlineData("2200-01")]
    [InlineData("0224年3月")]
    [InlineData("20243")]
    [InlineData("2024031")]
    [InlineData("2024年3")]
    [InlineData("2024年13月")]
    [InlineData("2024年3月份")]
    [InlineData("2024.03")]
    [InlineData("24-03")]
    [InlineData("2024-03-01")]
    [InlineData(" 2024-03")]
    [InlineData("2024-3")]
    [InlineData("2024/3")]
    [InlineData("2024/03")]
    [InlineData("2199/12")]
    public void TryParsePeriod_Invalid_ReturnsFalse(string text)
    {
        Assert.False(DateParser.TryParsePeriod(U(text), out YearMonth period));
        Assert.Equal(default, period);
    }

    [Fact]
    public void TryParseDate_LongText_ReturnsFalse()
    {
        Assert.False(DateParser.TryParseDate(new string('1', 100).AsSpan(), out _));
        Assert.False(DateParser.TryParsePeriod(new string('1', 100).AsSpan(), out _));
    }

    [Fact]
    public void TryParseDate_AnyRealDate_RoundTripsInEveryFormat()
    {
        Gen<DateOnly> dates = Gen.Choose(new DateOnly(DateParser.MinYear, 1, 1).DayNumber, new DateOnly(DateParser.MaxYear, 12, 31).DayNumber)
            .Select(DateOnly.FromDayNumber);
        Prop.ForAll(Arb.From(dates), d =>
            Parses($"{d:yyyy-MM-dd}", d) && Parses($"{d.Year:D4}/{d.Month}/{d.Day}", d)
            && Parses($"{d:yyyyMMdd}", d) && Parses($"{d.Year:D4}年{d.Month}月{d.Day}日", d))
            .Check(PropertyConfig.Quick());

        static bool Parses(string text, DateOnly expected) =>
            DateParser.TryParseDate(Encoding.UTF8.GetBytes(text), out DateOnly actual) && actual == expected;
    }

    /// <summary>Texts each parser must read, by the format that wrote them: (format, which parser accepts it).</summary>
    private static readonly (string Format, string Parser)[] WellFormed =
    [
        ("yyyy-MM-dd", "date"), ("yyyy/M/d", "date"), ("yyyyMMdd", "date"), ("yyyy年M月d日", "date"),
        ("yyyy-MM-dd HH:mm:ss", "date-time"), ("yyyy/M/d H:mm", "date-time"), ("yyyyMMdd HH:mm:ss", "date-time"), ("yyyy年M月d日 H:mm", "date-time"),
        ("H:mm", "time"), ("H:mm:ss", "time"), ("yyyy-MM", "period"),
    ];

    [Fact]
    public void Parsers_RandomAndWellFormedBytes_ReadTheValueOrNothing()
    {
        Gen<byte[]> bytes = Gen.ArrayOf(Gen.Elements<byte>(
            (byte)'0', (byte)'2', (byte)'9', (byte)'-', (byte)'/', (byte)':', (byte)' ', (byte)'T', 0xE5, 0xB9, 0xB4, 0xE6, 0x9C, 0x88, 0xE3, 0x80, 0xFF));
        Gen<DateTime> moments =
            from day in Gen.Choose(0, 365 * 250)
            from second in Gen.Choose(0, 86_399)
            select new DateTime(1950, 1, 1).AddDays(day).AddSeconds(second);
        // A well-formed text (whose value is known) or the same text with one byte replaced (whose value is not).
        Gen<(byte[] Input, (DateTime Value, string Parser)? Known)> wellFormed =
            from moment in moments
            from format in Gen.Elements(WellFormed)
            from mutate in Gen.Elements(false, true)
            from at in Gen.Choose(0, 1000)
            from replacement in Gen.Elements<byte>((byte)'0', (byte)'9', (byte)'-', (byte)':', (byte)' ', (byte)'x', 0xE5, 0xFF)
            let text = Encoding.UTF8.GetBytes(moment.ToString(format.Format, CultureInfo.InvariantCulture))
            select mutate
                ? (text.Select((c, i) => i == at % text.Length ? replacement : c).ToArray(), ((DateTime, string)?)null)
                : (text, (moment, format.Parser));
        Gen<(byte[] Input, (DateTime Value, string Parser)? Known)> unknown =
            Gen.OneOf(bytes, ArbMap.Default.GeneratorFor<byte[]>()).Select(b => (b, ((DateTime, string)?)null));
        int read = 0;
        Prop.ForAll(Arb.From(Gen.OneOf(wellFormed, unknown)), sample =>
        {
            var (input, known) = sample;
            string shown = Convert.ToHexString(input);

            bool dateOk = DateParser.TryParseDate(input, out DateOnly date);
            Assert.True(dateOk ? RoundTrips(date) : date == default, $"date {dateOk} {date} from {shown}");

            bool dateTimeOk = DateParser.TryParseDateTime(input, out DateTime dateTime);
            Assert.Equal(DateParser.TryParseDateTimeGrammar(input, out DateTime grammarDateTime), dateTimeOk);
            Assert.Equal(grammarDateTime, dateTime);
            Assert.True(dateTimeOk ? RoundTripsDateTime(dateTime) : dateTime == default, $"date-time {dateTimeOk} {dateTime} from {shown}");

            bool eitherOk = DateParser.TryParseDateOrDateTime(input, out DateOnly eitherDate, out TimeOnly? eitherTime);
            Assert.Equal(DateParser.TryParseDateOrDateTimeGrammar(input, out DateOnly grammarDate, out TimeOnly? grammarTime), eitherOk);
            Assert.Equal((grammarDate, grammarTime), (eitherDate, eitherTime));
            // A date-time is exactly a date-or-date-time that has a time, with the same value.
            Assert.Equal(dateTimeOk, eitherOk && eitherTime is not null);
            if (dateTimeOk) Assert.Equal(dateTime, eitherDate.ToDateTime(eitherTime!.Value));
            if (!eitherOk) Assert.Equal((default(DateOnly), (TimeOnly?)null), (eitherDate, eitherTime));

            bool timeOk = DateParser.TryParseTime(input, out TimeOnly time);
            Assert.True(timeOk ? RoundTripsTime(time) : time == default, $"time {timeOk} {time} from {shown}");

            bool periodOk = DateParser.TryParsePeriod(input, out YearMonth period);
            Assert.True(periodOk ? RoundTripsPeriod(period) : period == default, $"period {periodOk} {period} from {shown}");

            // A well-formed text reads as exactly the value that wrote it, to the precision of its format.
            if (known is var (value, parser))
            {
                string text = Encoding.UTF8.GetString(input);
                switch (parser)
                {
                    case "date":
                        Assert.True(dateOk, text);
                        Assert.Equal(DateOnly.FromDateTime(value), date);
                        Assert.Equal((DateOnly.FromDateTime(value), (TimeOnly?)null), (eitherDate, eitherTime));
                        break;
                    case "date-time":
                        Assert.True(dateTimeOk, text);
                        var expected = value.AddTicks(-(value.Ticks % (text.Count(c => c == ':') == 2 ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMinute)));
                        Assert.Equal(expected, dateTime);
                        Assert.False(dateOk, text);
                        break;
                    case "time":
                        Assert.True(timeOk, text);
                        var tod = TimeOnly.FromDateTime(value);
                        Assert.Equal(text.Count(c => c == ':') == 2 ? new TimeOnly(tod.Hour, tod.Minute, tod.Second) : new TimeOnly(tod.Hour, tod.Minute), time);
                        Assert.False(dateOk || dateTimeOk, text);
                        break;
                    default:
                        Assert.True(periodOk, text);
                        Assert.Equal(new YearMonth(value.Year, value.Month), period);
                        Assert.False(dateOk || dateTimeOk || timeOk, text);
                        break;
                }
                read++;
            }
            return true;
        }).Check(PropertyConfig.Quick(500));
        Assert.True(read > 10, $"only {read} well-formed texts drawn");

        // What was read is a real value: its canonical text reads back to the same value.
        static bool RoundTrips(DateOnly d) =>
            DateParser.TryParseDate(Encoding.UTF8.GetBytes(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), out DateOnly back) && back == d;
        static bool RoundTripsDateTime(DateTime dt) =>
            DateParser.TryParseDateTime(Encoding.UTF8.GetBytes(dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), out DateTime back) && back == dt;
        static bool RoundTripsTime(TimeOnly t) =>
            DateParser.TryParseTime(Encoding.UTF8.GetBytes(t.ToString("HH:mm:ss", CultureInfo.InvariantCulture)), out TimeOnly back) && back == t;
        static bool RoundTripsPeriod(YearMonth p) =>
            DateParser.TryParsePeriod(Encoding.UTF8.GetBytes(p.ToString()), out YearMonth back) && back == p;
    }
}
