using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("张三", "张三")]
    [InlineData(" 张三 ", "张三")]
    [InlineData("张 三", "张三")]
    [InlineData("\u3000张\u3000三\u3000", "张三")]
    [InlineData("张\t三\r\n", "张三")]
    [InlineData("阿卜杜·热合曼", "阿卜杜·热合曼")]
    [InlineData("阿卜杜•热合曼", "阿卜杜·热合曼")]
    [InlineData("阿卜杜.热合曼", "阿卜杜·热合曼")]
    // R18: "map `·` `•` `.` to `·`" — those three only; the katakana middle dot U+30FB is not one of them.
    [InlineData("阿卜杜・热合曼", "阿卜杜・热合曼")]
    [InlineData("阿卜杜．热合曼", "阿卜杜·热合曼")]
    [InlineData("阿卜杜 · 热合曼", "阿卜杜·热合曼")]
    [InlineData("ＺＨＡＮＧ　Ｓａｎ", "ZHANGSan")]
    [InlineData("Zhang San", "ZhangSan")]
    [InlineData("王（小）", "王(小)")]
    [InlineData("李四１２３", "李四123")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Normalize_Name_ReturnsNormalForm(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(name));
        Span<char> buffer = stackalloc char[name.Length];
        int n = NameNormalizer.Normalize(name, buffer);
        Assert.Equal(expected, new string(buffer[..n]));
    }

    [Fact]
    public void Normalize_CaseDiffers_KeepsCase()
    {
        Assert.NotEqual(NameNormalizer.Normalize("zhang"), NameNormalizer.Normalize("ZHANG"));
    }

    [Fact]
    public void Normalize_AlreadyNormal_ReturnsSameInstance()
    {
        string s = "张三";
        Assert.Same(s, NameNormalizer.Normalize(s));
    }

    [Fact]
    public void Normalize_LongName_Normalizes()
    {
        string name = string.Concat(Enumerable.Repeat("张 三．", 100));
        Assert.Equal(string.Concat(Enumerable.Repeat("张三·", 100)), NameNormalizer.Normalize(name));
    }
}
