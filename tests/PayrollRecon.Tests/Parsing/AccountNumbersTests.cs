using System.Text;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class AccountNumbersTests
{
    [Theory]
    [InlineData("6222 0212 3456 7890", "6222021234567890")]
    [InlineData("6222-0212-3456", "622202123456")]
    [InlineData("62220212", "62220212")]
    [InlineData("", "")]
    [InlineData("卡号：６２２２", "")]
    [InlineData("a1b2c3", "123")]
    public void CopyDigits_Mixed_CopiesAsciiDigitsOnly(string text, string expected)
    {
        byte[] src = Encoding.UTF8.GetBytes(text);
        byte[] dst = new byte[src.Length];
        int n = AccountNumbers.CopyDigits(src, dst);
        Assert.Equal(expected, Encoding.ASCII.GetString(dst, 0, n));
        Assert.Equal(expected, AccountNumbers.DigitsOf(text));
    }

    [Fact]
    public void DigitsOf_AllDigits_ReturnsSameInstance()
    {
        string s = "6222021234567890";
        Assert.Same(s, AccountNumbers.DigitsOf(s));
    }

    [Theory]
    [InlineData("0123456789", true)]
    [InlineData("1", true)]
    [InlineData("", false)]
    [InlineData("1234 5678", false)]
    [InlineData("12345X", false)]
    [InlineData("１２３", false)]
    public void IsAllDigits_Text_ReturnsExpected(string text, bool expected)
    {
        Assert.Equal(expected, AccountNumbers.IsAllDigits(text));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("123456789", true)]
    [InlineData("1234567890", false)]
    [InlineData("6222021234567890123", false)]
    [InlineData("123456789012345678901234567890", false)]
    [InlineData("1234567890123456789012345678901", true)]
    [InlineData("6222 0212 3456 7890", true)]
    [InlineData("6222-0212-3456-7890", true)]
    [InlineData("62220212345678X", true)]
    [InlineData(" 6222021234567890", true)]
    public void IsInvalid_Account_ReturnsExpected(string? account, bool expected)
    {
        Assert.Equal(expected, AccountNumbers.IsInvalid(account));
    }
}
