using System.Text;

using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class KeywordsTests
{
    [Theory]
    [InlineData("某建设集团有限公司", true)]
    [InlineData("某某公司", true)]
    [InlineData("某某有限", true)]
    [InlineData("二标段项目部", true)]
    [InlineData("劳务服务中心", true)]
    [InlineData("中国工商银行", true)]
    [InlineData("红星砖厂", true)]
    [InlineData("永发商行", true)]
    [InlineData("建材经营部", true)]
    [InlineData("张三", false)]
    [InlineData("", false)]
    [InlineData("Company Ltd", false)]
    public void IsFirm_Name_ReturnsExpected(string name, bool expected)
    {
        Assert.Equal(expected, Keywords.IsFirm(name));
        Assert.Equal(expected, Keywords.IsFirm(Encoding.UTF8.GetBytes(name)));
    }

    [Theory]
    [InlineData("中国建设银行洛阳分行", true)]
    [InlineData("银行", true)]
    [InlineData("某公司", false)]
    [InlineData("", false)]
    public void IsBank_Name_ReturnsExpected(string name, bool expected)
    {
        Assert.Equal(expected, Keywords.IsBank(name));
        Assert.Equal(expected, Keywords.IsBank(Encoding.UTF8.GetBytes(name)));
    }

    [Theory]
    [InlineData("跨行转账手续费", true)]
    [InlineData("工本费", true)]
    [InlineData("账户年费", true)]
    [InlineData("短信通知费", true)]
    [InlineData("账户管理费", true)]
    [InlineData("服务费", true)]
    [InlineData("邮电费", true)]
    [InlineData("工资", false)]
    [InlineData("手续", false)]
    [InlineData("", false)]
    public void IsFeeMemo_Memo_ReturnsExpected(string memo, bool expected)
    {
        Assert.Equal(expected, Keywords.IsFeeMemo(memo));
        Assert.Equal(expected, Keywords.IsFeeMemo(Encoding.UTF8.GetBytes(memo)));
    }

    [Theory]
    [InlineData("现金支取", true)]
    [InlineData("ATM取现", true)]
    [InlineData("工资", false)]
    public void IsCashMemo_Memo_ReturnsExpected(string memo, bool expected)
    {
        Assert.Equal(expected, Keywords.IsCashMemo(memo));
        Assert.Equal(expected, Keywords.IsCashMemo(Encoding.UTF8.GetBytes(memo)));
    }

    [Theory]
    [InlineData("工资退汇", true)]
    [InlineData("退款", true)]
    [InlineData("账户不符退回", true)]
    [InlineData("冲正", true)]
    [InlineData("退", false)]
    [InlineData("工资", false)]
    public void IsRefundMemo_Memo_ReturnsExpected(string memo, bool expected)
    {
        Assert.Equal(expected, Keywords.IsRefundMemo(memo));
        Assert.Equal(expected, Keywords.IsRefundMemo(Encoding.UTF8.GetBytes(memo)));
    }

    [Theory]
    [InlineData("活期利息", true)]
    [InlineData("季度结息", true)]
    [InlineData("利率", false)]
    public void IsInterestMemo_Memo_ReturnsExpected(string memo, bool expected)
    {
        Assert.Equal(expected, Keywords.IsInterestMemo(memo));
        Assert.Equal(expected, Keywords.IsInterestMemo(Encoding.UTF8.GetBytes(memo)));
    }

    [Fact]
    public void EveryTest_Property_Utf16AgreesWithTheUtf8Substring()
    {
        // Texts made of the keywords' own characters (and a few others), so that near misses, overlaps and repeated first
        // characters are frequent: the UTF-16 search must answer as the plain substring test on UTF-8 does.
        const string Alphabet = "公司有限集团项目部中心银行厂商经营手续费工本年短信管理服务邮电现金取退汇款回冲正利息结A 工";
        var text = Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray())).Select(static c => new string(c));
        Prop.ForAll(Arb.From(text), t =>
        {
            byte[] u = Encoding.UTF8.GetBytes(t);
            Assert.Equal(Keywords.IsFirm(u), Keywords.IsFirm(t));
            Assert.Equal(Keywords.IsBank(u), Keywords.IsBank(t));
            Assert.Equal(Keywords.IsFeeMemo(u), Keywords.IsFeeMemo(t));
            Assert.Equal(Keywords.IsCashMemo(u), Keywords.IsCashMemo(t));
            Assert.Equal(Keywords.IsRefundMemo(u), Keywords.IsRefundMemo(t));
            Assert.Equal(Keywords.IsInterestMemo(u), Keywords.IsInterestMemo(t));
        }).Check(PropertyConfig.Quick(1000));
    }
}
