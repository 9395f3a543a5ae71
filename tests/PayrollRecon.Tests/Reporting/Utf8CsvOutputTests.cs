using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Model;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reporting;

public sealed class Utf8CsvOutputTests
{
    /// <summary>The same values through the character writer and the UTF-8 one.</summary>
    private static (string Chars, string Bytes) Both(Money? money, DateOnly? date, YearMonth period, long number, long seconds)
    {
        var w = new StringWriter();
        using (var csv = new CsvOutput(w))
        {
            csv.Field(money);
            csv.Field(date);
            csv.Field(period);
            csv.Field(number);
            Span<char> hours = stackalloc char[32];
            csv.PlainField(hours[..CsvReports.FormatHours(seconds, hours)]);
            csv.EndRow();
        }

        using var ms = new MemoryStream();
        using (var csv = new Utf8CsvOutput(ms))
        {
            csv.Reserve(Utf8CsvOutput.FixedRowBytes);
            csv.Field(money);
            csv.Field(date);
            csv.Field(period);
            csv.Field(number);
            csv.Hours(seconds);
            csv.EndRow();
        }

        return (w.ToString(), Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Theory]
    [InlineData(long.MinValue, 0, 1, long.MinValue, long.MinValue / 1000)]
    [InlineData(long.MaxValue, 3_652_058, 9999, long.MaxValue, long.MaxValue / 1000)]
    [InlineData(-5L, 738_000, 2023, -1L, -18L)]
    [InlineData(0L, 1, 1, 0L, 0L)]
    [InlineData(99L, 10, 10, 9L, 5399L)]
    [InlineData(100L, 100, 100, 10L, 35_999_982L)]
    public void Fields_EdgeValues_SameTextAsCsvOutput(long fen, int dayNumber, int year, long number, long seconds)
    {
        var (chars, bytes) = Both(new Money(fen), DateOnly.FromDayNumber(dayNumber), new YearMonth(year, 12), number, seconds);

        Assert.Equal(chars, bytes);
    }

    [Fact]
    public void Fields_Empty_SameTextAsCsvOutput()
    {
        var (chars, bytes) = Both(null, null, new YearMonth(2024, 1), 7, 3600);

        Assert.Equal(",,2024-01,7,1.00\n", bytes);
        Assert.Equal(chars, bytes);
    }

    [Fact]
    public void Fields_AnyValues_SameTextAsCsvOutput()
    {
        Gen<(long, int, int, long, long)> values =
            from fen in ArbMap.Default.GeneratorFor<long>()
            from day in Gen.Choose(0, 3_652_058)
            from year in Gen.Choose(1, 9999)
            from number in ArbMap.Default.GeneratorFor<long>()
            from seconds in Gen.Choose(-10_000_000, int.MaxValue)
            select (fen, day, year, number, (long)seconds);
        Prop.ForAll(Arb.From(values), v =>
        {
            var (chars, bytes) = Both(new Money(v.Item1), DateOnly.FromDayNumber(v.Item2), new YearMonth(v.Item3, 1 + v.Item2 % 12), v.Item4, v.Item5);
            Assert.Equal(chars, bytes);
        }).Check(PropertyConfig.Quick(2000));
    }

    [Fact]
    public void Rendered_RowLongerThanTheBuffer_WrittenWhole()
    {
        byte[] identity = Encoding.UTF8.GetBytes(new string('张', 40_000));
        using var ms = new MemoryStream();
        using (var csv = new Utf8CsvOutput(ms))
        {
            for (int i = 0; i < 3; i++)
            {
                csv.Reserve(identity.Length + Utf8CsvOutput.FixedRowBytes);
                csv.Rendered(identity);
                csv.Field((long)i);
                csv.EndRow();
            }
        }

        string expected = string.Concat(Enumerable.Range(0, 3).Select(i => new string('张', 40_000) + "," + i + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(ms.ToArray()));
    }

    [Fact]
    public void Encode_LoneSurrogate_Throws()
    {
        byte[] destination = [];
        var error = Assert.Throws<EncoderFallbackException>(() => Utf8CsvOutput.Encode("张\uD800", ref destination));

        Assert.Equal("Unable to translate Unicode character to the specified code page: the text holds a lone surrogate.", error.Message);
    }
}
