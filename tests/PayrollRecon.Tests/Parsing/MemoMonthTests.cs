using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Tests.Parsing;

public sealed class MemoMonthTests
{
    [Theory]
    // pattern 1: yyyy年M月
    [InlineData("2024年3月工资", "2024-05-10", 2024, 3)]
    [InlineData("代发2023年12月工资", "2024-01-10", 2023, 12)]
    [InlineData("2024年03月", "2024-05-10", 2024, 3)]
    // pattern 1 beats everything else, wherever it stands
    [InlineData("202402补发2024年3月工资", "2024-05-10", 2024, 3)]
    [InlineData("2024-02 补 2024年3月", "2024-05-10", 2024, 3)]
    [InlineData("5月发2024年3月", "2024-05-10", 2024, 3)]
    [InlineData("202404发2024年3月", "2024-05-10", 2024, 3)]
    [InlineData("202403 2024年2月", "2024-05-10", 2024, 2)]
    // pattern 2: yyyy-M / yyyy-MM not followed by a digit
    [InlineData("工资2024-03", "2024-05-10", 2024, 3)]
    [InlineData("工资2024-3", "2024-05-10", 2024, 3)]
    [InlineData("2024-03-15发放", "2024-05-10", 2024, 3)]
    [InlineData("2024-11工资", "2024-12-10", 2024, 11)]
    // pattern 2 beats 3 and 4
    [InlineData("202401 2024-02", "2024-05-10", 2024, 2)]
    [InlineData("3月 2024-02", "2024-05-10", 2024, 2)]
    // pattern 3: yyyyMM, six digits not inside a longer run
    [InlineData("工资202403", "2024-05-10", 2024, 3)]
    [InlineData("202403工资", "2024-05-10", 2024, 3)]
    [InlineData("单号20240315 工资202402", "2024-05-10", 2024, 2)]
    [InlineData("5月 202403", "2024-05-10", 2024, 3)]
    // pattern 4: M月, the latest such month not after the payment date
    [InlineData("12月工资", "2024-01-10", 2023, 12)]
    [InlineData("3月工资", "2024-03-01", 2024, 3)]
    [InlineData("3月工资", "2024-02-29", 2023, 3)]
    [InlineData("1月工资", "2024-12-31", 2024, 1)]
    [InlineData("03月工资", "2024-05-10", 2024, 3)]
    [InlineData("24年3月工资", "2024-05-10", 2024, 3)]
    // an out-of-range candidate is no match; the search goes on
    [InlineData("2024年13月 2024年2月", "2024-05-10", 2024, 2)]
    [InlineData("2024年13月 3月", "2024-05-10", 2024, 3)]
    [InlineData("2024-13 202402", "2024-05-10", 2024, 2)]
    [InlineData("202413 4月", "2024-05-10", 2024, 4)]
    [InlineData("13月 4月", "2024-05-10", 2024, 4)]
    [InlineData("1899年3月", "2024-05-10", 2024, 3)]
    // R19 asks nothing of what precedes a pattern but in yyyyMM: a search finds the leftmost occurrence.
    [InlineData("12024年3月", "2024-02-01", 2024, 3)]
    [InlineData("12023年3月", "2024-05-10", 2023, 3)]
    [InlineData("12024-3", "2024-05-10", 2024, 3)]
    [InlineData("单号0012024-03工资", "2024-05-10", 2024, 3)]
    [InlineData("112月", "2024-01-10", 2023, 12)]
    [InlineData("第1批12月工资", "2024-01-10", 2023, 12)]
    // Full-width digits are digits.
    [InlineData("２０２４年３月工资", "2024-05-10", 2024, 3)]
    [InlineData("工资２０２４０２", "2024-05-10", 2024, 2)]
    [InlineData("３月工资", "2024-05-10", 2024, 3)]
    [InlineData("2024年１２月", "2024-12-31", 2024, 12)]
    public void TryFind_Memo_ReturnsMonth(string memo, string paid, int year, int month)
    {
        Assert.True(MemoMonth.TryFind(memo, DateOnly.Parse(paid), out YearMonth found));
        Assert.Equal(new YearMonth(year, month), found);
        Assert.True(MemoMonth.TryFind(Encoding.UTF8.GetBytes(memo), DateOnly.Parse(paid), out YearMonth fromBytes));
        Assert.Equal(found, fromBytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("工资")]
    [InlineData("劳务费")]
    [InlineData("13月工资")]
    [InlineData("0月工资")]
    [InlineData("123月")]
    [InlineData("2024年13月")]
    [InlineData("2024-13")]
    [InlineData("2024-123")]
    [InlineData("202413")]
    [InlineData("202400")]
    [InlineData("2024031")]
    [InlineData("20240315")]
    [InlineData("12024年")]
    [InlineData("卡号6222021234567890")]
    [InlineData("十二月工资")]
    [InlineData("1899年3")]
    [InlineData("1899-03")]
    [InlineData("189903")]
    [InlineData("2200-03")]
    public void TryFind_NoMonth_ReturnsFalse(string memo)
    {
        Assert.False(MemoMonth.TryFind(memo, new DateOnly(2024, 5, 10), out YearMonth found));
        Assert.Equal(default, found);
        Assert.False(MemoMonth.TryFind(Encoding.UTF8.GetBytes(memo), new DateOnly(2024, 5, 10), out _));
    }

    [Fact]
    public void TryFind_LongUtf8Memo_FindsMonth()
    {
        byte[] memo = Encoding.UTF8.GetBytes(new string('备', 400) + "2024年3月工资");
        Assert.True(MemoMonth.TryFind(memo, new DateOnly(2024, 5, 10), out YearMonth found));
        Assert.Equal(new YearMonth(2024, 3), found);
    }

    [Fact]
    public void TryFind_InvalidUtf8_DoesNotThrow()
    {
        Assert.True(MemoMonth.TryFind([0xFF, 0xFE, (byte)'3', 0xE6, 0x9C, 0x88], new DateOnly(2024, 5, 10), out YearMonth found));
        Assert.Equal(new YearMonth(2024, 3), found);
        Assert.False(MemoMonth.TryFind([0xE6, 0x9C], new DateOnly(2024, 5, 10), out _));
    }
}
