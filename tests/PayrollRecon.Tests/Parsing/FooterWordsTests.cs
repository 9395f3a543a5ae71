using System.Text;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class FooterWordsTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("合计")]
    [InlineData("合计：")]
    [InlineData("本页合计")]
    [InlineData("借方合计")]
    [InlineData("贷方发生额合计")]
    [InlineData("总计")]
    [InlineData("本页小计")]
    [InlineData("小计")]
    [InlineData("笔数")]
    [InlineData("交易笔数：12")]
    [InlineData("2024年合计")]
    [InlineData("Total 合计")]
    [InlineData("123小计")]
    [InlineData("累计")]
    [InlineData("累计发生额")]
    [InlineData("本页")]
    [InlineData("本页共5笔")]
    [InlineData("以上")]
    [InlineData("以上数据仅供参考")]
    [InlineData("说明")]
    [InlineData("说明：本回单仅供参考")]
    [InlineData("注:本明细不作为记账凭证")]
    [InlineData("注：以上")]
    [InlineData("共5笔")]
    [InlineData("共 5 笔")]
    [InlineData("共\u300012笔")]
    [InlineData("共\t \t3条记录")]
    [InlineData("共0笔")]
    public void IsFooterWord_FooterWord_True(string text)
    {
        Assert.True(FooterWords.IsFooterWord(U(text)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("合")]
    [InlineData("计")]
    [InlineData("合 计")]
    [InlineData("合\u3000计")]
    [InlineData("计合")]
    [InlineData("统计")]
    [InlineData("设计费")]
    [InlineData("会计")]
    [InlineData("笔")]
    [InlineData("数")]
    [InlineData("笔 数")]
    [InlineData("共")]
    [InlineData("共 ")]
    [InlineData("共五笔")]
    [InlineData("共５笔")]
    [InlineData("共计")]
    [InlineData("公共5笔")]
    [InlineData("一共5笔")]
    [InlineData("本")]
    [InlineData("页")]
    [InlineData("本月工资")]
    [InlineData("我的累计")]
    [InlineData("数据以上")]
    [InlineData("注")]
    [InlineData("注册费")]
    [InlineData("注 :")]
    [InlineData("备注:无")]
    [InlineData("说")]
    [InlineData("工资说明")]
    [InlineData("2024-01-01")]
    [InlineData("20240101013555")]
    [InlineData("1234.50")]
    [InlineData("TXN0001")]
    [InlineData("Total")]
    [InlineData("张三")]
    [InlineData("代发工资")]
    [InlineData("上海某某建筑劳务有限公司")]
    public void IsFooterWord_OtherField_False(string text)
    {
        Assert.False(FooterWords.IsFooterWord(U(text)));
    }

    [Fact]
    public void IsFooterWord_LongAsciiField_False()
    {
        Assert.False(FooterWords.IsFooterWord(U(new string('9', 10_000))));
    }

    [Fact]
    public void IsFooterWord_WordAfterLongAsciiRun_True()
    {
        Assert.True(FooterWords.IsFooterWord(U(new string('9', 1_000) + "合计")));
    }
}
