using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class FieldValuesTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("-------------------")]
    [InlineData("－")]
    [InlineData("－－")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("–")]
    [InlineData("-－—–")]
    [InlineData("–—－-")]
    [InlineData("---------------------------------------------------------------------------------------")]
    public void IsPlaceholder_DashesOnly_True(string text)
    {
        Assert.True(FieldValues.IsPlaceholder(U(text)));
        Assert.True(FieldValues.EmptyIfPlaceholder(U(text)).IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("- -")]
    [InlineData("-1")]
    [InlineData("-12.50")]
    [InlineData("1-")]
    [InlineData("--a")]
    [InlineData("a--")]
    [InlineData("0")]
    [InlineData("N/A")]
    [InlineData("无")]
    [InlineData("/")]
    [InlineData("_")]
    [InlineData("~")]
    [InlineData("‐")]
    [InlineData("―")]
    [InlineData("−")]
    [InlineData("一")]
    [InlineData("－1")]
    [InlineData("—1")]
    [InlineData("—-x")]
    [InlineData("2024-01-01")]
    [InlineData("￥")]
    [InlineData("－ ")]
    public void IsPlaceholder_AnythingElse_False(string text)
    {
        Assert.False(FieldValues.IsPlaceholder(U(text)));
        Assert.Equal(text, Encoding.UTF8.GetString(FieldValues.EmptyIfPlaceholder(U(text))));
    }

    [Theory]
    [InlineData(new byte[] { 0xE2 })]
    [InlineData(new byte[] { 0xE2, 0x80 })]
    [InlineData(new byte[] { (byte)'-', 0xEF, 0xBC })]
    [InlineData(new byte[] { 0xEF, 0xBC, 0x8E })]
    [InlineData(new byte[] { 0xE2, 0x80, 0x92 })]
    [InlineData(new byte[] { 0xE2, 0x80, 0x95 })]
    public void IsPlaceholder_TruncatedOrOtherBytes_False(byte[] bytes)
    {
        Assert.False(FieldValues.IsPlaceholder(bytes));
    }

    [Fact]
    public void IsPlaceholder_AnyRunOfTheFourDashes_True()
    {
        Gen<string> runs = Gen.NonEmptyListOf(Gen.Elements("-", "－", "—", "–")).Select(parts => string.Concat(parts));
        Prop.ForAll(Arb.From(runs), s => FieldValues.IsPlaceholder(U(s))).Check(PropertyConfig.Quick(1000));
    }

    [Fact]
    public void IsPlaceholder_RunWithOneOtherCharacter_False()
    {
        Gen<string> runs =
            from parts in Gen.NonEmptyListOf(Gen.Elements("-", "－", "—", "–"))
            from intruder in Gen.Elements("0", " ", "a", "一", "―", "−", "元", "\u3000")
            from at in Gen.Choose(0, 100)
            select string.Concat(parts.Take(at % (parts.Count + 1))) + intruder + string.Concat(parts.Skip(at % (parts.Count + 1)));
        Prop.ForAll(Arb.From(runs), s => !FieldValues.IsPlaceholder(U(s))).Check(PropertyConfig.Quick(1000));
    }
}
