using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reporting;

public sealed class CsvOutputTests
{
    [Theory]
    [InlineData("=1+2", true)]
    [InlineData("=HYPERLINK(\"x\")", true)]
    [InlineData("+86 138", true)]
    [InlineData("-", true)]
    [InlineData("-1-2", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("\rx", true)]
    [InlineData("-12.50", false)]
    [InlineData("+12", false)]
    [InlineData("-0.5", false)]
    [InlineData("12.", false)]
    [InlineData("-12.", true)]
    [InlineData("张三", false)]
    [InlineData("", false)]
    [InlineData("a=b", false)]
    public void NeedsFormulaGuard_Value_Expected(string value, bool expected)
    {
        Assert.Equal(expected, CsvOutput.NeedsFormulaGuard(value));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("\t=1", "'\t=1")]
    public void Field_Value_QuotedAndGuarded(string value, string expected)
    {
        var w = new StringWriter();
        using (var csv = new CsvOutput(w))
        {
            csv.Field(value);
            csv.Field("x");
            csv.EndRow();
        }

        Assert.Equal(expected + ",x\n", w.ToString());
    }

    [Theory]
    [InlineData("410302198506123418", "410302********3418")]
    [InlineData("6222021234567890123", "622202*********0123")]
    [InlineData("12345678901234", "123456****1234")]
    // SPEC §4 whatever the length: the first 6 and last 4 kept, so 10 characters or fewer stay as they are.
    [InlineData("1101051990030", "110105***0030")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "1234567890")]
    [InlineData("1234", "1234")]
    [InlineData("", "")]
    public void Mask_Value_KeepsEnds(string value, string expected)
    {
        Assert.Equal(expected, PersonalData.Mask(value));
    }

    [Theory]
    [InlineData("卡号6222021234567890123有误", "卡号622202*********0123有误")]
    [InlineData("id 41030219900101002x.", "id 410302********002x.")]
    [InlineData("date 20240115 and 123456789", "date 20240115 and 123456789")]
    [InlineData("T0001", "T0001")]
    public void FreeText_DigitRuns_LongOnesMasked(string value, string expected)
    {
        Assert.Equal(expected, PersonalData.FreeText(value, mask: true));
        Assert.Equal(value, PersonalData.FreeText(value, mask: false));
    }

    [Fact]
    public void WorkerId_EqualsIdNumberIgnoringCase_Masked()
    {
        Assert.Equal("410302********002x", PersonalData.WorkerId("41030219900101002x", "41030219900101002X", mask: true));
        Assert.Equal("W001", PersonalData.WorkerId("W001", "41030219900101002X", mask: true));
        Assert.Equal("41030219900101002x", PersonalData.WorkerId("41030219900101002x", "41030219900101002X", mask: false));
    }

    [Fact]
    public void ReportOptions_Default_MasksAndChinese()
    {
        Assert.True(default(ReportOptions).Mask);
        Assert.True(new ReportOptions().Mask);
        Assert.Equal(ReportLanguage.Zh, default(ReportOptions).Language);
        Assert.False((new ReportOptions() with { Mask = false }).Mask);
    }
}
