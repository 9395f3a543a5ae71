using System.Text;

using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Parsing;

public sealed class TokenParserTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("D", BankDirection.Debit)]
    [InlineData("d", BankDirection.Debit)]
    [InlineData("借", BankDirection.Debit)]
    [InlineData("支出", BankDirection.Debit)]
    [InlineData("出", BankDirection.Debit)]
    [InlineData("Dr", BankDirection.Debit)]
    [InlineData("DR", BankDirection.Debit)]
    [InlineData("C", BankDirection.Credit)]
    [InlineData("c", BankDirection.Credit)]
    [InlineData("贷", BankDirection.Credit)]
    [InlineData("收入", BankDirection.Credit)]
    [InlineData("入", BankDirection.Credit)]
    [InlineData("cr", BankDirection.Credit)]
    public void TryParseBankDirection_Known_ReturnsDirection(string text, BankDirection expected)
    {
        Assert.True(TokenParser.TryParseBankDirection(U(text), out BankDirection d));
        Assert.Equal(expected, d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("DC")]
    [InlineData("debits")]
    [InlineData("借贷")]
    [InlineData(" D")]
    [InlineData("-")]
    [InlineData("借方")]
    [InlineData("贷方")]
    [InlineData("debit")]
    [InlineData("Credit")]
    public void TryParseBankDirection_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseBankDirection(U(text), out _));
    }

    [Theory]
    [InlineData("", PunchDirection.Unknown)]
    [InlineData("in", PunchDirection.In)]
    [InlineData("IN", PunchDirection.In)]
    [InlineData("进", PunchDirection.In)]
    [InlineData("入", PunchDirection.In)]
    [InlineData("E", PunchDirection.In)]
    [InlineData("e", PunchDirection.In)]
    [InlineData("01", PunchDirection.In)]
    [InlineData("1", PunchDirection.In)]
    [InlineData("out", PunchDirection.Out)]
    [InlineData("Out", PunchDirection.Out)]
    [InlineData("出", PunchDirection.Out)]
    [InlineData("L", PunchDirection.Out)]
    [InlineData("02", PunchDirection.Out)]
    [InlineData("2", PunchDirection.Out)]
    public void TryParsePunchDirection_Known_ReturnsDirection(string text, PunchDirection expected)
    {
        Assert.True(TokenParser.TryParsePunchDirection(U(text), out PunchDirection d));
        Assert.Equal(expected, d);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("001")]
    [InlineData("inout")]
    [InlineData("进出")]
    [InlineData("X")]
    public void TryParsePunchDirection_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParsePunchDirection(U(text), out _));
    }

    [Theory]
    [InlineData("daily", WageType.Daily)]
    [InlineData("Daily", WageType.Daily)]
    [InlineData("日薪", WageType.Daily)]
    [InlineData("monthly", WageType.Monthly)]
    [InlineData("MONTHLY", WageType.Monthly)]
    [InlineData("月薪", WageType.Monthly)]
    [InlineData("hourly", WageType.Hourly)]
    [InlineData("时薪", WageType.Hourly)]
    [InlineData("piece", WageType.Piece)]
    [InlineData("计件", WageType.Piece)]
    public void TryParseWageType_Known_ReturnsType(string text, WageType expected)
    {
        Assert.True(TokenParser.TryParseWageType(U(text), out WageType t));
        Assert.Equal(expected, t);
    }

    [Theory]
    [InlineData("")]
    [InlineData("day")]
    [InlineData("weekly")]
    [InlineData("日")]
    [InlineData("pieces")]
    public void TryParseWageType_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseWageType(U(text), out _));
    }

    [Theory]
    [InlineData("", BatchStatus.Success)]
    [InlineData("success", BatchStatus.Success)]
    [InlineData("SUCCESS", BatchStatus.Success)]
    [InlineData("成功", BatchStatus.Success)]
    [InlineData("failed", BatchStatus.Failed)]
    [InlineData("失败", BatchStatus.Failed)]
    public void TryParseBatchStatus_Known_ReturnsStatus(string text, BatchStatus expected)
    {
        Assert.True(TokenParser.TryParseBatchStatus(U(text), out BatchStatus s));
        Assert.Equal(expected, s);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("pending")]
    [InlineData("处理中")]
    [InlineData("fail")]
    [InlineData("failure")]
    public void TryParseBatchStatus_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseBatchStatus(U(text), out _));
    }

    [Theory]
    [InlineData("holiday", CalendarKind.Holiday)]
    [InlineData("Holiday", CalendarKind.Holiday)]
    [InlineData("workday", CalendarKind.Workday)]
    [InlineData("WORKDAY", CalendarKind.Workday)]
    public void TryParseCalendarKind_Known_ReturnsKind(string text, CalendarKind expected)
    {
        Assert.True(TokenParser.TryParseCalendarKind(U(text), out CalendarKind k));
        Assert.Equal(expected, k);
    }

    [Theory]
    [InlineData("")]
    [InlineData("weekend")]
    [InlineData("调休")]
    // §2.1 names the two kinds in English only (R6: an unknown kind is a DATA_ERROR).
    [InlineData("节假日")]
    [InlineData("休")]
    [InlineData("工作日")]
    [InlineData("班")]
    [InlineData("调休上班")]
    public void TryParseCalendarKind_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseCalendarKind(U(text), out _));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("22", 22)]
    [InlineData("007", 7)]
    [InlineData("2147483647", int.MaxValue)]
    public void TryParseInt_Valid_ReturnsValue(string text, int expected)
    {
        Assert.True(TokenParser.TryParseInt(U(text), out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("1,000")]
    [InlineData("2147483648")]
    [InlineData("99999999999")]
    [InlineData("1 ")]
    [InlineData("二十")]
    public void TryParseInt_Invalid_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseInt(U(text), out int value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("8", 800L)]
    [InlineData("8.5", 850L)]
    [InlineData("8.25", 825L)]
    [InlineData("8.05", 805L)]
    [InlineData("0", 0L)]
    [InlineData("0.01", 1L)]
    [InlineData("176.50", 17650L)]
    public void TryParseHundredths_Valid_ReturnsHundredths(string text, long expected)
    {
        Assert.True(TokenParser.TryParseHundredths(U(text), out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8.")]
    [InlineData(".5")]
    [InlineData("8.125")]
    [InlineData("-8")]
    [InlineData("8.5.1")]
    [InlineData("8,5")]
    [InlineData("8h")]
    [InlineData("99999999999999999999")]
    public void TryParseHundredths_Invalid_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseHundredths(U(text), out long value));
        Assert.Equal(0, value);
    }
}
