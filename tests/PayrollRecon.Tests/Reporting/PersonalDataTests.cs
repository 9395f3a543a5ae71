using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reporting;

/// <summary>The one detector of ID and card numbers in text (<see cref="PersonalData"/>): what it masks and what it keeps.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    // Written as is: a run of 10 or more digits, an ID with its check character.
    [InlineData("卡号6222021234567890123有误", "卡号622202*********0123有误")]
    [InlineData("HN110105199003070017", "HN110105********0017")]
    [InlineData("HN11010519900307001X", "HN110105********001X")]
    // Fewer than 14 digits keep only 2 at each end: no card or account is shown whole.
    [InlineData("1234567890", "12******90")]
    [InlineData("12345678901", "12*******01")]
    // Written in groups: single spaces or hyphens between groups of 3 or more digits, 15 or more digits in all.
    [InlineData("张三 6222 0212 3456 7890 123", "张三 6222 02** **** ***0 123")]
    [InlineData("张三6222-0212-3456-7890", "张三6222-02**-****-7890")]
    [InlineData("110105 19900307 001X", "110105 ******** 001X")]
    [InlineData("110105-19900307-0017", "110105-********-0017")]
    // Two 8-digit groups that are not both dates are a card.
    [InlineData("62220212-34567890", "622202**-****7890")]
    [InlineData("20260101-34567890", "202601**-****7890")]
    [InlineData("身份证：110 105 199 003 070 017", "身份证：110 105 *** *** **0 017")]
    [InlineData("６２２２０２１２３４５６７８９０１２３", "６２２２０２*********０１２３")]
    [InlineData("6222　0212　3456　7890", "6222　02**　****　7890")]
    // A number that stops being a decimal number: scientific notation is a card typed into a spreadsheet.
    [InlineData("invalid amount '6.222020200112233E+18'", "invalid amount '6.222020*****2233E+18'")]
    [InlineData("invalid ID number '4.1010519900101E+17'", "invalid ID number '4.10*********01E+17'")]
    public void FreeText_IdOrCardNumber_Masked(string text, string expected)
    {
        Assert.Equal(expected, PersonalData.FreeText(text, mask: true));
        Assert.Equal(text, PersonalData.FreeText(text, mask: false));
        Assert.True(PersonalData.HasSensitiveRun(text));
    }

    [Theory]
    // Dates and times: their 2-digit groups end a chain.
    [InlineData("2024-01-02 17:22:15")]
    [InlineData("2024-01-02 2024-01-03 2024-01-04")]
    [InlineData("起止日期 2024-01-01 2024-12-31")]
    [InlineData("date 20240115 and 123456789")]
    // A period written as two yyyyMMdd dates (a statement's preamble, a memo): dates, not a card in two groups.
    [InlineData("起止日期：20260101-20260331")]
    [InlineData("工资 20260101 20260131 补发")]
    // Amounts: the integer part and the decimals of a decimal number, however long.
    [InlineData("invalid amount '12345678901234.50'")]
    [InlineData("invalid amount '0.30000000000000004'")]
    [InlineData("over 92 233 720 368 547 758.07 yuan")]
    // Phone numbers in groups stay below 15 digits; short ids and codes are not numbers of people.
    [InlineData("电话 138 0013 8000")]
    [InlineData("T0001")]
    [InlineData("bank.csv:1003")]
    [InlineData("6222 02 1234")]
    public void FreeText_NotAnIdOrCardNumber_KeptAsIs(string text)
    {
        Assert.Equal(text, PersonalData.FreeText(text, mask: true));
        Assert.False(PersonalData.HasSensitiveRun(text));
    }

    [Fact]
    public void FreeText_AlreadyMasked_Unchanged()
    {
        foreach (string text in new[] { "张三 6222 0212 3456 7890 123", "HN110105199003070017", "６２２２０２１２３４５６７８９０１２３" })
        {
            string once = PersonalData.FreeText(text, mask: true);
            Assert.Equal(once, PersonalData.FreeText(once, mask: true));
        }
    }

    [Theory]
    [InlineData("410302199001010021", "410302199001010021", "410302********0021")]
    [InlineData("41030219900101002x", "41030219900101002X", "410302********002x")]
    [InlineData("HN410302199001010021", "410302199001010021", "HN410302********0021")]
    [InlineData("6222021234567890123", "410302199001010021", "622202*********0123")]
    [InlineData("W001", "410302199001010021", "W001")]
    [InlineData("12345", "12345", "12345")]
    [InlineData("A123456789012", "A123456789012", "A12345***9012")]
    public void WorkerId_IdOrCardInside_Masked(string workerId, string idNumber, string expected)
    {
        Assert.Equal(expected, PersonalData.WorkerId(workerId, idNumber, mask: true));
        Assert.Equal(workerId, PersonalData.WorkerId(workerId, idNumber, mask: false));
    }
}
