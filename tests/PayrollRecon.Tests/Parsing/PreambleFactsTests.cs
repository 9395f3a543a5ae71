using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class PreambleFactsTests
{
    [Theory]
    [InlineData("卡号: 1234****9876", "1234****9876")]
    [InlineData("账　　号：6222021234567890123", "6222021234567890123")]
    [InlineData("账号:10-5456010400", "105456010400")]
    [InlineData("账号: 641979486", "641979486")]
    [InlineData("账号(CNY):6217000012345678", "6217000012345678")]
    [InlineData("账户号：16-050101040012345", "16050101040012345")]
    [InlineData("查询账号[ Inquirer account number ] 256712345678", "256712345678")]
    [InlineData("# 账    号: [一卡通:6214********5678 人民币]", "6214********5678")]
    [InlineData("账户名称：某某公司 账号：6222021234567890123", "6222021234567890123")]
    [InlineData("账 号:6222021234567890123", "6222021234567890123")]
    [InlineData("账户:6217000012345678", "6217000012345678")]
    [InlineData("账户 6217000012345678", "6217000012345678")]
    [InlineData("账号6217000012345678", "6217000012345678")]
    [InlineData("账号：：6217000012345678", "6217000012345678")]
    [InlineData("账号 ： 6217000012345678 户名：张三", "6217000012345678")]
    [InlineData("查询账号：41050100000000000001\t币种：人民币", "41050100000000000001")]
    [InlineData("账号\t41050100000000000001", "41050100000000000001")]
    [InlineData("卡　号：6222****1234", "6222****1234")]
    [InlineData("账号：123456", "123456")]
    [InlineData("账号：12-34-56", "123456")]
    [InlineData("账号：****-1234", "****1234")]
    [InlineData("户名：某建设集团有限公司\t账户名称：某某\t账号：41050100000000000001", "41050100000000000001")]
    [InlineData("账号/卡号：6222021234567890123", "6222021234567890123")]
    [InlineData("账户:6217 0000 1234 5678 账号:6217000012345678", "6217000012345678")]
    public void TryFindAccount_StatedAccount_ReturnsRunWithoutHyphens(string text, string expected)
    {
        Assert.True(PreambleFacts.TryFindAccount(text, out string account));
        Assert.Equal(expected, account);
    }

    [Theory]
    [InlineData("")]
    [InlineData("交易明细")]
    [InlineData("中国工商银行")]
    [InlineData("户名：某建设集团有限公司")]
    [InlineData("账户名称：某某公司")]
    [InlineData("账户余额：12345678")]
    [InlineData("账号：12345")]
    [InlineData("账号：------")]
    [InlineData("账号：-----------")]
    [InlineData("账户:6217 0000 1234 5678")]
    [InlineData("帐号：6217000012345678")]
    [InlineData("账：6217000012345678")]
    [InlineData("号：6217000012345678")]
    [InlineData("卡户:6217000012345678")]
    [InlineData("账号：６２１７０００１２３４５６７８")]
    [InlineData("起止日期：20240101-20240331")]
    [InlineData("6217000012345678")]
    [InlineData("账号")]
    [InlineData("账")]
    [InlineData("账 ")]
    public void TryFindAccount_NoStatedAccount_ReturnsFalse(string text)
    {
        Assert.False(PreambleFacts.TryFindAccount(text, out string account));
        Assert.Equal("", account);
    }

    [Theory]
    [InlineData("41050100000000000001", "41050100000000000001")]
    [InlineData("4105****************", "41050100000000000001")]
    [InlineData("4105************0001", "41050100000000000001")]
    [InlineData("********************", "41050100000000000001")]
    [InlineData("41*5010000000000*001", "41050100000000000001")]
    [InlineData("6222****1234", "6222021234567891234")]
    [InlineData("6222****1234", "62221234")]
    [InlineData("6222*1234", "62221234")]
    [InlineData("6222*", "6222021234567891234")]
    [InlineData("*1234", "6222021234567891234")]
    [InlineData("*", "6222021234567891234")]
    [InlineData("********************", "6217000012345678")]
    [InlineData("62*22****12*34", "6222000000001234")]
    [InlineData("105456010400", "10-5456010400")]
    [InlineData("10-5456010400", "105456010400")]
    [InlineData("6217000012345678", "6217 0000 1234 5678")]
    [InlineData("6217****5678", " 6217-0000-1234-5678 ")]
    [InlineData("", "")]
    // R34: "of unequal length, the digits before the first * must be a prefix and those after the last * a suffix of the
    // project account": nothing more, so the two may overlap.
    [InlineData("6222*2234", "622234")]
    [InlineData("6222****22345", "6222345")]
    public void AccountAgrees_SameAccount_True(string statement, string project)
    {
        Assert.True(PreambleFacts.AccountAgrees(statement, project));
    }

    [Theory]
    [InlineData("41050100000000000002", "41050100000000000001")]
    [InlineData("4105010000000000000", "41050100000000000001")]
    [InlineData("410501000000000000011", "41050100000000000001")]
    [InlineData("641979486", "41050100000000000001")]
    [InlineData("4106****************", "41050100000000000001")]
    [InlineData("4105************0002", "41050100000000000001")]
    [InlineData("6222****1235", "6222021234567891234")]
    [InlineData("6223****1234", "6222021234567891234")]
    [InlineData("62220*22345", "622202345")]
    [InlineData("6222****12345678901234", "6222021234567891234")]
    [InlineData("6222*", "622")]
    [InlineData("6217000012345678", "")]
    [InlineData("", "6217000012345678")]
    public void AccountAgrees_OtherAccount_False(string statement, string project)
    {
        Assert.False(PreambleFacts.AccountAgrees(statement, project));
    }

    [Theory]
    [InlineData("起止日期：2024-01-01 至 2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("查询期间: 20240101-20240331", "2024-01-01", "2024-03-31")]
    [InlineData("交易日期：2024/01/01—2024/03/31", "2024-01-01", "2024-03-31")]
    [InlineData("起始日期：2024-01-01  终止日期：2024-03-31 2024-01-01至2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("2024年1月1日至2024年3月31日", "2024-01-01", "2024-03-31")]
    [InlineData("2024年1月1日 到 2024年3月31日", "2024-01-01", "2024-03-31")]
    [InlineData("2024.01.01~2024.03.31", "2024-01-01", "2024-03-31")]
    [InlineData("2024-1-1 ～ 2024-3-31", "2024-01-01", "2024-03-31")]
    [InlineData("2024-01-01-2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("2024-01-01 – 2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("20240101－20240331", "2024-01-01", "2024-03-31")]
    [InlineData("2024-01-01 00:00:00 至 2024-03-31 23:59:59", "2024-01-01", "2024-03-31")]
    [InlineData("2024-01-01 00:00 至 2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("期间：2024-03-01至2024-03-01", "2024-03-01", "2024-03-01")]
    [InlineData("2024-03-31至2024-01-01 重查 2024-01-01至2024-03-31", "2024-01-01", "2024-03-31")]
    [InlineData("2024年1月1日至2024年3月31", "2024-01-01", "2024-03-31")]
    public void TryFindPeriod_StatedPeriod_ReturnsDates(string text, string from, string to)
    {
        Assert.True(PreambleFacts.TryFindPeriod(text, out DateOnly f, out DateOnly t));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), f);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), t);
    }

    [Theory]
    [InlineData("")]
    [InlineData("打印日期：2024-04-01")]
    [InlineData("起止日期：2024-01-01")]
    [InlineData("2024-03-31 至 2024-01-01")]
    [InlineData("2024-02-30 至 2024-03-31")]
    [InlineData("2024-01-01 至 2024-02-30")]
    [InlineData("2024-01-01 至")]
    [InlineData("2024-01-01 和 2024-03-31")]
    [InlineData("2024-01-01, 2024-03-31")]
    [InlineData("202401011-20240331")]
    [InlineData("120240101-20240331")]
    [InlineData("20240101-202403311")]
    [InlineData("2024-01/01 至 2024-03-31")]
    [InlineData("1899-01-01 至 1899-03-31")]
    public void TryFindPeriod_NoPeriod_ReturnsFalse(string text)
    {
        Assert.False(PreambleFacts.TryFindPeriod(text, out DateOnly from, out DateOnly to));
        Assert.Equal(default, from);
        Assert.Equal(default, to);
    }
}
