using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;
using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

public sealed class Utf8WhiteSpaceTests
{
    // White space of every length, dashes of placeholders and their look-alikes, CJK whose last bytes could end white
    // space (工 ends in A5, 一 in 80, 丁 in 81), characters with the lead bytes of white space that are none (© is C2 A9,
    // 、 E3 80 81, ᚁ E1 9A 81), other non-ASCII (é), control bytes that are no white space, and ASCII.
    private static readonly string[] Pieces =
    [
        " ", "\t", "\u3000", "\u00A0", "\u2002", "\u205F", "\u1680", "\u0085", "-", "－", "—", "–", "\u2010", "\u2212",
        "工", "一", "丁", "张三", "a", "1", ".", "（", "€", "©", "、", "ᚁ", "é", "\u0001", "\u007F",
    ];

    private static Gen<byte[]> Fields() =>
        from n in Gen.Choose(0, 6)
        from parts in Gen.ArrayOf(Gen.Elements(Pieces), n)
        select Encoding.UTF8.GetBytes(string.Concat(parts));

    [Fact]
    public void TrimValue_AnyField_SameAsTrimThenPlaceholder()
    {
        Prop.ForAll(Arb.From(Fields()), field =>
        {
            byte[] padded = [.. field, (byte)','];
            ReadOnlySpan<byte> expected = FieldValues.EmptyIfPlaceholder(Utf8WhiteSpace.Trim(field));
            ReadOnlySpan<byte> value = Utf8WhiteSpace.TrimValue(ref padded[0], field.Length);
            Assert.Equal(expected.ToArray(), value.ToArray());
        }).Check(PropertyConfig.Quick(5000));
    }

    [Fact]
    public void Trim_AnyField_SameAsTrimmingItsCharacters()
    {
        // string.Trim removes what char.IsWhiteSpace tells, which is the White_Space property.
        Prop.ForAll(Arb.From(Fields()), field =>
        {
            byte[] padded = [.. field, (byte)','];
            byte[] expected = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(field).Trim());
            ReadOnlySpan<byte> value = field.Length == 0 ? default : Utf8WhiteSpace.Trim(ref padded[0], field.Length);
            Assert.Equal(expected, value.ToArray());
        }).Check(PropertyConfig.Quick(5000));
    }

    [Theory]
    [InlineData("-", "")]
    [InlineData(" －－ ", "")]
    [InlineData("\u3000—–\u3000", "")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("—张三", "—张三")]
    [InlineData("（北京）", "（北京）")]
    [InlineData(" 工资 ", "工资")]
    [InlineData("一", "一")]
    public void TrimValue_Examples(string field, string expected)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(field), (byte)','];
        Assert.Equal(expected, Encoding.UTF8.GetString(Utf8WhiteSpace.TrimValue(ref bytes[0], bytes.Length - 1)));
    }
}
