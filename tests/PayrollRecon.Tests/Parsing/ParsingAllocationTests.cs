using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Parsing;

public sealed class ParsingAllocationTests
{
    private static readonly byte[][] Amounts = new[]
        {
            "1234.56", "-¥1,234,567.89", "￥12", "0.5", "12.345", "1,2,3", "92233720368547758.07",
        }.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly byte[][] Dates = new[]
        {
            "2024-03-05", "2024/3/5", "20240305", "2024年3月5日", "2024-02-30", "2024-03-05 08:07:09", "2024-03-05T8:00",
            "2024年3月5日\u300017:30", "2024-03",
        }.Select(Encoding.UTF8.GetBytes).ToArray();

    [Fact]
    public void Parse_HundredThousandValues_AllocatesNothing()
    {
        Run(1_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sink = Run(100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }

    private static long Run(int count)
    {
        long sink = 0;
        Span<byte> buffer = stackalloc byte[32];
        for (int k = 0; k < count; k++)
        {
            if (MoneyParser.TryParse(Amounts[k % Amounts.Length], out Money m)) sink += m.Fen & 0xFF;
            if (MoneyParser.TryFormat(new Money(k), buffer, out int n)) sink += n;
            byte[] d = Dates[k % Dates.Length];
            if (DateParser.TryParseDate(d, out DateOnly date)) sink += date.Day;
            if (DateParser.TryParseDateTime(d, out DateTime dt)) sink += dt.Minute;
            if (DateParser.TryParseDateOrDateTime(d, out _, out TimeOnly? t) && t.HasValue) sink += t.Value.Hour;
            if (DateParser.TryParsePeriod(d, out YearMonth p)) sink += p.Month;
            if (TokenParser.TryParseBankDirection("贷"u8, out BankDirection dir)) sink += (int)dir;
            if (TokenParser.TryParseHundredths("8.25"u8, out long h)) sink += h;
            if (MemoMonth.TryFind("代发202403工资"u8, new DateOnly(2024, 4, 10), out YearMonth memoMonth)) sink += memoMonth.Month;
            if (MemoMonth.TryFind("3月工资", new DateOnly(2024, 4, 10), out memoMonth)) sink += memoMonth.Month;
            if (Keywords.IsFirm("某建设集团有限公司"u8) && Keywords.IsFeeMemo("跨行手续费")) sink++;
        }
        return sink;
    }
}
