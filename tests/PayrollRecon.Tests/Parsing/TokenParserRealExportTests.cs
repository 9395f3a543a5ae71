using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Parsing;

/// <summary>Bank directions of real exports (R6, R37) and bank line status (R39).</summary>
public sealed class TokenParserRealExportTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("dr", BankDirection.Debit)]
    [InlineData("dR", BankDirection.Debit)]
    [InlineData("CR", BankDirection.Credit)]
    [InlineData("cR", BankDirection.Credit)]
    [InlineData("借 Dr", BankDirection.Debit)]
    [InlineData("借Dr", BankDirection.Debit)]
    [InlineData("借  DR", BankDirection.Debit)]
    [InlineData("借\u3000dr", BankDirection.Debit)]
    [InlineData("借\tD", BankDirection.Debit)]
    [InlineData("支出 Dr", BankDirection.Debit)]
    [InlineData("出 out", BankDirection.Debit)]
    [InlineData("付 Dr", BankDirection.Debit)]
    [InlineData("转出 OUT", BankDirection.Debit)]
    [InlineData("往账 Dr", BankDirection.Debit)]
    [InlineData("贷 Cr", BankDirection.Credit)]
    [InlineData("贷Cr", BankDirection.Credit)]
    [InlineData("贷 c", BankDirection.Credit)]
    [InlineData("收入 Cr", BankDirection.Credit)]
    [InlineData("入 in", BankDirection.Credit)]
    [InlineData("收 Cr", BankDirection.Credit)]
    [InlineData("转入In", BankDirection.Credit)]
    [InlineData("来账 CR", BankDirection.Credit)]
    [InlineData("付", BankDirection.Debit)]
    [InlineData("收", BankDirection.Credit)]
    [InlineData("转出", BankDirection.Debit)]
    [InlineData("转入", BankDirection.Credit)]
    [InlineData("往账", BankDirection.Debit)]
    [InlineData("来账", BankDirection.Credit)]
    [InlineData("out", BankDirection.Debit)]
    [InlineData("OUT", BankDirection.Debit)]
    [InlineData("Out", BankDirection.Debit)]
    [InlineData("in", BankDirection.Credit)]
    [InlineData("IN", BankDirection.Credit)]
    [InlineData("iN", BankDirection.Credit)]
    public void TryParseBankDirection_RealExportValue_ReturnsDirection(string text, BankDirection expected)
    {
        Assert.True(TokenParser.TryParseBankDirection(U(text), out BankDirection d));
        Assert.Equal(expected, d);
    }

    [Theory]
    [InlineData("借 Cr")]
    [InlineData("贷 Dr")]
    [InlineData("借C")]
    [InlineData("收 out")]
    [InlineData("付 in")]
    [InlineData("转出 Cr")]
    [InlineData("来账 Dr")]
    [InlineData("Dr 借")]
    [InlineData("Dr借")]
    [InlineData("借 ")]
    [InlineData("借 借")]
    [InlineData("借贷")]
    [InlineData("借 Dr Dr")]
    [InlineData("借 Dr.")]
    [InlineData("借(Dr)")]
    [InlineData("借/Dr")]
    [InlineData("借 Drr")]
    [InlineData("借 -")]
    [InlineData("转")]
    [InlineData("往")]
    [InlineData("来")]
    [InlineData("账")]
    [InlineData("往来")]
    [InlineData("转账")]
    [InlineData("收支")]
    [InlineData("收/支")]
    [InlineData("付款")]
    [InlineData("收款")]
    [InlineData("outs")]
    [InlineData("inn")]
    [InlineData("i")]
    [InlineData("o")]
    [InlineData("Dr Cr")]
    [InlineData("D r")]
    [InlineData(" Dr")]
    [InlineData("Dr ")]
    [InlineData("ｄｒ")]
    // Written by some exports, but neither §2.1 nor R37 names them (R6: an unknown direction is a DATA_ERROR).
    [InlineData("借方")]
    [InlineData("贷方")]
    [InlineData("支")]
    [InlineData("debit")]
    [InlineData("credit")]
    [InlineData("借 debit")]
    [InlineData("借方 Dr")]
    [InlineData("贷方 Credit")]
    public void TryParseBankDirection_UnknownValue_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseBankDirection(U(text), out BankDirection d));
        Assert.Equal(BankDirection.Debit, d);
    }

    [Fact]
    public void TryParseBankDirection_ChineseWordWithItsEnglishWord_SameAsChineseAlone()
    {
        Gen<(string Chinese, string English, string Space)> pairs =
            from debit in Gen.Elements(true, false)
            from chinese in debit ? Gen.Elements("借", "支出", "出", "付", "转出", "往账") : Gen.Elements("贷", "收入", "入", "收", "转入", "来账")
            from english in debit ? Gen.Elements("D", "Dr", "out") : Gen.Elements("C", "Cr", "in")
            from upper in Gen.Choose(0, 2)
            from space in Gen.Elements("", " ", "  ", "\t", "\u3000")
            select (chinese, upper switch { 0 => english, 1 => english.ToUpperInvariant(), _ => english.ToLowerInvariant() }, space);
        Prop.ForAll(Arb.From(pairs), p =>
        {
            Assert.True(TokenParser.TryParseBankDirection(U(p.Chinese), out BankDirection alone));
            Assert.True(TokenParser.TryParseBankDirection(U(p.English), out BankDirection english));
            Assert.True(TokenParser.TryParseBankDirection(U(p.Chinese + p.Space + p.English), out BankDirection both));
            Assert.Equal(alone, english);
            Assert.Equal(alone, both);
        }).Check(PropertyConfig.Quick(1000));
    }

    [Theory]
    [InlineData("", BankLineStatus.Succeeded)]
    [InlineData("成功", BankLineStatus.Succeeded)]
    [InlineData("交易成功", BankLineStatus.Succeeded)]
    [InlineData("success", BankLineStatus.Succeeded)]
    [InlineData("SUCCESS", BankLineStatus.Succeeded)]
    [InlineData("Success", BankLineStatus.Succeeded)]
    [InlineData("suc cess", BankLineStatus.Succeeded)]
    [InlineData(" \t ", BankLineStatus.Succeeded)]
    [InlineData("交易 成功", BankLineStatus.Succeeded)]
    [InlineData("交\u3000易\u3000成\u3000功", BankLineStatus.Succeeded)]
    [InlineData("失败", BankLineStatus.Failed)]
    [InlineData("交易失败", BankLineStatus.Failed)]
    [InlineData("failed", BankLineStatus.Failed)]
    [InlineData("FAILED", BankLineStatus.Failed)]
    [InlineData(" Failed ", BankLineStatus.Failed)]
    [InlineData("失 败", BankLineStatus.Failed)]
    [InlineData("已撤销", BankLineStatus.Cancelled)]
    [InlineData("撤销", BankLineStatus.Cancelled)]
    [InlineData("cancelled", BankLineStatus.Cancelled)]
    [InlineData("Cancelled", BankLineStatus.Cancelled)]
    [InlineData("已 撤 销", BankLineStatus.Cancelled)]
    [InlineData("已冲正", BankLineStatus.Reversed)]
    [InlineData("冲正", BankLineStatus.Reversed)]
    [InlineData("reversed", BankLineStatus.Reversed)]
    [InlineData("Reversed", BankLineStatus.Reversed)]
    [InlineData("re\u00A0versed", BankLineStatus.Reversed)]
    public void TryParseBankStatus_Known_ReturnsStatus(string text, BankLineStatus expected)
    {
        Assert.True(TokenParser.TryParseBankStatus(U(text), out BankLineStatus status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("成")]
    [InlineData("成功了")]
    [InlineData("交易")]
    [InlineData("处理中")]
    [InlineData("待处理")]
    [InlineData("撤")]
    [InlineData("已撤")]
    [InlineData("已成功")]
    [InlineData("冲")]
    [InlineData("正常")]
    [InlineData("succeeded")]
    [InlineData("succes")]
    [InlineData("successful")]
    [InlineData("fail")]
    [InlineData("failure")]
    [InlineData("cancel")]
    [InlineData("cancelled.")]
    [InlineData("canceled")]
    [InlineData("CANCELED")]
    [InlineData("reverse")]
    [InlineData("ok")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-")]
    [InlineData("S")]
    [InlineData("ｓｕｃｃｅｓｓ")]
    [InlineData("success/成功")]
    [InlineData("成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功成功")]
    public void TryParseBankStatus_Unknown_ReturnsFalse(string text)
    {
        Assert.False(TokenParser.TryParseBankStatus(U(text), out BankLineStatus status));
        Assert.Equal(BankLineStatus.Succeeded, status);
    }

    [Fact]
    public void TryParseBankStatus_WhiteSpaceInsertedAnywhere_SameStatus()
    {
        Gen<(string Value, int Cut, string Space)> cases =
            from value in Gen.Elements("成功", "交易成功", "success", "失败", "交易失败", "failed", "已撤销", "撤销", "cancelled", "已冲正", "冲正", "reversed")
            from cut in Gen.Choose(0, 9)
            from space in Gen.Elements(" ", "\t", "\u3000", "\u00A0", "  ")
            select (value, cut, space);
        Prop.ForAll(Arb.From(cases), c =>
        {
            int at = Math.Min(c.Cut, c.Value.Length);
            string spaced = c.Value[..at] + c.Space + c.Value[at..];
            Assert.True(TokenParser.TryParseBankStatus(U(c.Value), out BankLineStatus plain));
            Assert.True(TokenParser.TryParseBankStatus(U(spaced), out BankLineStatus withSpace));
            Assert.Equal(plain, withSpace);
        }).Check(PropertyConfig.Quick(1000));
    }
}
