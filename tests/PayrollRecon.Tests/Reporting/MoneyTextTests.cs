using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reporting;

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 1)]
    [InlineData(399, 100)]
    [InlineData(401, 200)]
    [InlineData(1_800_000, 500_000)]
    [InlineData(4_000_000, 1_000_000)]
    public void NiceStep_OneTwoOrFiveTimesAPowerOfTen_CoveringTheMaximum(long max, long step)
    {
        Assert.Equal(step, MoneyText.NiceStep(max, 4));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MaxValue - 2)]
    [InlineData(9_000_000_000_000_000_000)]
    [InlineData(3_000_000_000_000_000_000)]
    public void NiceStep_NearTheLimitOfAnAmount_FitsFourTimesWithoutOverflow(long max)
    {
        // Before, a month owed 92 233 720 368 547 758.07 yuan stopped report.html with an overflow.
        long step = MoneyText.NiceStep(max, 4);
        Assert.True(step <= long.MaxValue / 4);
        Assert.True((Int128)step * 4 >= max - 3);
    }
}
