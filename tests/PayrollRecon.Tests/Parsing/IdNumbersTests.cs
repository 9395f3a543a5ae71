using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class IdNumbersTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("11010120000229123X")]
    [InlineData("110101200803010012")]
    public void IsValid_KnownGoodId_ReturnsTrue(string id)
    {
        Assert.True(IdNumbers.IsValid(id, AsOf));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949123100XX")]
    [InlineData("A1010519491231002X")]
    [InlineData("１10105194912310021")]
    [InlineData("440524188001010014")] // birth year 1880: before 1900
    [InlineData("11010519490231002X")] // 1949-02-31 is no date (and the checksum is off too)
    public void IsValid_BadId_ReturnsFalse(string id)
    {
        Assert.False(IdNumbers.IsValid(id, AsOf));
    }

    [Fact]
    public void IsValid_BirthAfterAsOf_ReturnsFalse()
    {
        string id = WithCheck("11010120240701001");
        Assert.True(IdNumbers.IsValid(id, new DateOnly(2024, 7, 1)));
        Assert.False(IdNumbers.IsValid(id, new DateOnly(2024, 6, 30)));
    }

    [Fact]
    public void IsValid_BirthOnFirstDayOf1900_ReturnsTrue()
    {
        Assert.True(IdNumbers.IsValid(WithCheck("11010119000101001"), AsOf));
        Assert.False(IdNumbers.IsValid(WithCheck("11010118991231001"), AsOf));
    }

    [Fact]
    public void IsValid_ImpossibleDateWithRightCheck_ReturnsFalse()
    {
        Assert.False(IdNumbers.IsValid(WithCheck("11010120230229001"), AsOf));
        Assert.False(IdNumbers.IsValid(WithCheck("11010120231301001"), AsOf));
    }

    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31)]
    [InlineData("110105194912310029", 1949, 12, 31)] // wrong check character: birth date still readable
    [InlineData("440524188001010014", 1880, 1, 1)]
    [InlineData("ABCDEF20000229WXYZ", 2000, 2, 29)]
    public void TryGetBirthDate_RealDate_ReturnsDate(string id, int y, int m, int d)
    {
        Assert.True(IdNumbers.TryGetBirthDate(id, out DateOnly birth));
        Assert.Equal(new DateOnly(y, m, d), birth);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("11010519490230002X")]
    [InlineData("110105194913010021")]
    [InlineData("110105000001010021")]
    [InlineData("1101051949X2310021")]
    public void TryGetBirthDate_NoRealDate_ReturnsFalse(string id)
    {
        Assert.False(IdNumbers.TryGetBirthDate(id, out _));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("11010120080301001", '2')]
    public void CheckCharacter_First17_ReturnsCheck(string first17, char expected)
    {
        Assert.Equal(expected, IdNumbers.CheckCharacter(first17));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100X")]
    public void CheckCharacter_NotSeventeenDigits_Throws(string first17)
    {
        var e = Assert.Throws<ArgumentException>(() => IdNumbers.CheckCharacter(first17));
        Assert.StartsWith("expected exactly 17 ASCII digits", e.Message);
    }

    [Theory]
    [InlineData("2008-03-01", "2024-02-29", true)]
    [InlineData("2008-03-01", "2024-03-01", false)]
    [InlineData("2008-02-29", "2024-02-28", true)]
    [InlineData("2008-02-29", "2024-02-29", true)] // R11: 29 Feb → 1 Mar, though 2024 has a 29 February
    [InlineData("2008-02-29", "2024-03-01", false)]
    [InlineData("2084-02-29", "2100-02-28", true)]
    [InlineData("2084-02-29", "2100-03-01", false)] // 2100 is no leap year: 1 March
    [InlineData("2007-02-28", "2023-02-27", true)]
    [InlineData("2007-02-28", "2023-02-28", false)]
    [InlineData("1990-06-15", "2024-01-01", false)]
    [InlineData("2010-01-01", "2024-01-01", true)]
    public void IsUnder16_Dates_ReturnsExpected(string birth, string reference, bool expected)
    {
        Assert.Equal(expected, IdNumbers.IsUnder16(DateOnly.Parse(birth), DateOnly.Parse(reference)));
    }

    [Fact]
    public void IsUnder16_TwentyNinthFebruaryInCenturyYear_SixteenthBirthdayIsFirstMarch()
    {
        // 1884-02-29 + 16 = 1900, not a leap year.
        Assert.True(IdNumbers.IsUnder16(new DateOnly(1884, 2, 29), new DateOnly(1900, 2, 28)));
        Assert.False(IdNumbers.IsUnder16(new DateOnly(1884, 2, 29), new DateOnly(1900, 3, 1)));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("6222021234567890123", "622202*********0123")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "******7890")]
    [InlineData("12345", "*2345")]
    [InlineData("1234", "1234")]
    [InlineData("12", "12")]
    [InlineData("", "")]
    public void Mask_Id_KeepsHeadAndTail(string id, string expected)
    {
        Assert.Equal(expected, IdNumbers.Mask(id));
    }

    [Fact]
    public void IsValid_GeneratedId_IsValid()
    {
        Prop.ForAll(Arb.From(GeneratedIds()), id => IdNumbers.IsValid(id, AsOf)).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void IsValid_GeneratedIdWithOneDigitChanged_IsInvalid()
    {
        Gen<(string Id, int Position, int Delta)> changed =
            from id in GeneratedIds()
            from position in Gen.Choose(0, 16)
            from delta in Gen.Choose(1, 9)
            select (id, position, delta);
        Prop.ForAll(Arb.From(changed), t =>
        {
            char[] c = t.Id.ToCharArray();
            c[t.Position] = (char)('0' + (c[t.Position] - '0' + t.Delta) % 10);
            return !IdNumbers.IsValid(new string(c), AsOf);
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void IsValid_GeneratedIdWithCheckCharacterChanged_IsInvalid()
    {
        Gen<(string Id, char Check)> changed =
            from id in GeneratedIds()
            from check in Gen.Elements("0123456789X".ToCharArray())
            where check != id[17]
            select (id, check);
        Prop.ForAll(Arb.From(changed), t => !IdNumbers.IsValid(t.Id[..17] + t.Check, AsOf)).Check(PropertyConfig.Quick());
    }

    /// <summary>Region + birth date (1900-01-01..asOf) + sequence + check character.</summary>
    private static Gen<string> GeneratedIds() =>
        from region in Gen.Choose(110000, 659999)
        from day in Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, AsOf.DayNumber)
        from sequence in Gen.Choose(0, 999)
        let first17 = $"{region:D6}{DateOnly.FromDayNumber(day):yyyyMMdd}{sequence:D3}"
        select first17 + IdNumbers.CheckCharacter(first17);

    private static string WithCheck(string first17) => first17 + IdNumbers.CheckCharacter(first17);
}
