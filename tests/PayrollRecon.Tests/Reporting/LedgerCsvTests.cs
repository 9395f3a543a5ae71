using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class LedgerCsvTests
{
    [Fact]
    public void WriteLedgerCsv_TwoRows_ExactBytes()
    {
        var small = Small();
        LedgerEntry[] ledger =
        [
            new()
            {
                WorkerId = null, WorkerName = "张三", IdNumber = IdZhang, Employer = "宏达劳务, 二队", Period = new YearMonth(2023, 11),
                Days = 22, Seconds = 22 * 9 * 3600 + 18, Due = Yuan(5720), DueSource = DueSource.Computed, DueDate = new DateOnly(2023, 12, 15),
                Paid = Money.Zero, PaidOnTime = Money.Zero, Outstanding = Yuan(5720), LastPaidDate = null, Status = LedgerStatus.Unpaid,
            },
            new()
            {
                WorkerId = "W002", WorkerName = "@李四", IdNumber = IdLi, Employer = "宏达劳务", Period = new YearMonth(2024, 1),
                Days = 3, Seconds = 5399, Due = Yuan(900, 5), DueSource = DueSource.Payroll, DueDate = new DateOnly(2024, 2, 15),
                Paid = Yuan(900, 5), PaidOnTime = Yuan(450), Outstanding = Money.Zero, LastPaidDate = new DateOnly(2024, 2, 20),
                Status = LedgerStatus.Late,
            },
        ];
        var result = small with { Ledger = ledger };

        string actual = Utf8(s => ReportWriter.WriteLedgerCsv(result, s));

        Assert.Equal(
            "\uFEFFworker_id,worker_name,id_number,employer,period,days,hours,due,due_source,due_date,paid,paid_on_time,outstanding,last_paid_date,status\n"
            + "410302********3418,张三,410302********3418,\"宏达劳务, 二队\",2023-11,22,198.01,5720.00,computed,2023-12-15,0.00,0.00,5720.00,,unpaid\n"
            + "W002,'@李四,410302********002X,宏达劳务,2024-01,3,1.50,900.05,payroll,2024-02-15,900.05,450.00,0.00,2024-02-20,late\n",
            actual);
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(17L, "0.00")]
    [InlineData(18L, "0.01")]
    [InlineData(5399L, "1.50")]
    [InlineData(3600L, "1.00")]
    [InlineData(35_999_981L, "9999.99")]
    [InlineData(35_999_982L, "10000.00")]
    [InlineData(-18L, "-0.01")]
    public void FormatHours_Seconds_RoundedHalfAwayFromZero(long seconds, string expected)
    {
        Span<char> buffer = stackalloc char[24];
        int n = CsvReports.FormatHours(seconds, buffer);

        Assert.Equal(expected, new string(buffer[..n]));
    }
}
