using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class CombinedCounterpartyTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static (bool Found, string Account, string Name) Split(string text)
    {
        byte[] field = U(text);
        bool found = CombinedCounterparty.TrySplit(field, out Range account, out Range head, out Range tail);
        byte[] buffer = new byte[field.Length];
        string name = Encoding.UTF8.GetString(CombinedCounterparty.Name(field, head, tail, buffer));
        return (found, Encoding.UTF8.GetString(field[account]), name);
    }

    [Theory]
    [InlineData("张三 66666666666666", "66666666666666", "张三")]
    [InlineData("6222****1234 李四", "6222****1234", "李四")]
    [InlineData("上海某某建筑劳务有限公司 31050161393600000000", "31050161393600000000", "上海某某建筑劳务有限公司")]
    [InlineData("张三66666666", "66666666", "张三")]
    [InlineData("66666666张三", "66666666", "张三")]
    [InlineData("\u3000张三\u3000 6222021234567890123 \t", "6222021234567890123", "张三")]
    [InlineData("6222021234567890123", "6222021234567890123", "")]
    [InlineData("********", "********", "")]
    [InlineData("上海某某 31050161393600000000 公司", "31050161393600000000", "上海某某公司")]
    [InlineData("张 三 6222021234567890123 李 四", "6222021234567890123", "张 三李 四")]
    [InlineData("6222****1234/李四", "6222****1234", "/李四")]
    [InlineData("李四(6222021234567890)", "6222021234567890", "李四()")]
    [InlineData("12345678 张三 6222021234567890123", "6222021234567890123", "12345678 张三")]
    [InlineData("6222021234567890 张三 6222021234567899", "6222021234567890", "张三 6222021234567899")]
    [InlineData("Zhang San 62220212345678", "62220212345678", "Zhang San")]
    [InlineData("上海某某公司 3105 0161 3936", "", "上海某某公司 3105 0161 3936")]
    public void TrySplit_CombinedField_AccountAndName(string text, string account, string name)
    {
        (bool found, string a, string n) = Split(text);
        Assert.Equal(account.Length > 0, found);
        Assert.Equal(account, a);
        Assert.Equal(name, n);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("张三", "张三")]
    [InlineData(" 张三 ", "张三")]
    [InlineData("张三 1234567", "张三 1234567")]
    [InlineData("6222-0212-3456-7890", "6222-0212-3456-7890")]
    [InlineData("张三 １２３４５６７８９", "张三 １２３４５６７８９")]
    [InlineData("*******", "*******")]
    public void TrySplit_NoRunOfEight_FalseAndWholeFieldIsTheName(string text, string name)
    {
        (bool found, string a, string n) = Split(text);
        Assert.False(found);
        Assert.Equal("", a);
        Assert.Equal(name, n);
    }

    [Fact]
    public void TrySplit_OnePartName_NameIsASliceOfTheField()
    {
        byte[] field = U("张三 66666666666666");
        Assert.True(CombinedCounterparty.TrySplit(field, out _, out Range head, out Range tail));
        Assert.Equal(0, field.AsSpan()[tail].Length);
        Span<byte> untouched = stackalloc byte[0];
        Assert.Equal("张三", Encoding.UTF8.GetString(CombinedCounterparty.Name(field, head, tail, untouched)));
    }

    [Fact]
    public void TrySplit_NameAndAccountInEitherOrder_SameParts()
    {
        Gen<(string Name, string Account, string Space, bool AccountFirst)> cases =
            from name in Gen.Elements("张三", "李四", "上海某某建筑劳务有限公司", "阿卜杜·热合曼", "Zhang San")
            from digits in Gen.Choose(8, 25)
            from stars in Gen.Choose(0, 4)
            from seed in Gen.Choose(0, int.MaxValue)
            from space in Gen.Elements("", " ", "  ", "\t", "\u3000")
            from accountFirst in Gen.Elements(true, false)
            select (name, Account(digits, stars, seed), space, accountFirst);
        Prop.ForAll(Arb.From(cases), c =>
        {
            string text = c.AccountFirst ? c.Account + c.Space + c.Name : c.Name + c.Space + c.Account;
            (bool found, string a, string n) = Split(text);
            Assert.True(found, text);
            Assert.Equal(c.Account, a);
            Assert.Equal(c.Name, n);
        }).Check(PropertyConfig.Quick(1000));
    }

    /// <summary>An account of <paramref name="digits"/> digits with up to four of its middle digits masked.</summary>
    private static string Account(int digits, int stars, int seed)
    {
        var random = new Random(seed);
        char[] chars = Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))).ToArray();
        for (int k = 0; k < stars && 2 + k < digits - 2; k++) chars[2 + k] = '*';
        return new string(chars);
    }
}
