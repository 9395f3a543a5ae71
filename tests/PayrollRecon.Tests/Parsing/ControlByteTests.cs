using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

/// <summary>
/// Control bytes below tab (NUL, SOH…) in a field: found by the fuzzer (tests/fuzz, target fields), where the white
/// space test of every trimming parser threw <see cref="OverflowException"/> under the library's checked arithmetic.
/// The CLI took that for an amount overflow and refused the whole file.
/// </summary>
public sealed class ControlByteTests
{
    [Theory]
    [InlineData((byte)0x00, false)]
    [InlineData((byte)0x01, false)]
    [InlineData((byte)0x08, false)]
    [InlineData((byte)0x09, true)]
    [InlineData((byte)0x0D, true)]
    [InlineData((byte)0x0E, false)]
    [InlineData((byte)0x20, true)]
    public void IsAsciiWhiteSpace_ControlBytes_NoOverflow(byte b, bool expected) => Assert.Equal(expected, Utf8Text.IsAsciiWhiteSpace(b));

    [Fact]
    public void Trim_ControlBytesAtTheEnds_KeptAsText() =>
        Assert.Equal("\u0001 12 \u0000"u8.ToArray(), Utf8Text.Trim(" \u0001 12 \u0000 "u8).ToArray());

    [Theory]
    [InlineData("CNY\u00011.00")]
    [InlineData("CNY\u0000 1.00")]
    [InlineData("1.00\u0001")]
    [InlineData("\u00001.00")]
    public void MoneyParser_ControlByte_InvalidNotThrown(string text)
    {
        Assert.False(MoneyParser.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out Money _));
    }

    [Fact]
    public void TokenParser_ControlByteBeforeDirection_InvalidNotThrown()
    {
        Assert.False(TokenParser.TryParseBankDirection("\u0001借"u8, out _));
        Assert.False(TokenParser.TryParseBankStatus("\u0001"u8, out _));
    }

    [Fact]
    public void CombinedCounterparty_ControlBytes_NoAccount() =>
        Assert.False(CombinedCounterparty.TrySplit([0x82, 0x01], out _, out _, out _));
}
