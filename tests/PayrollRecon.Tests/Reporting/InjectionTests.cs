using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class InjectionTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Formula = "=HYPERLINK(\"x\")";

    private static ReconciliationResult Hostile()
    {
        var small = Small();
        Finding[] findings =
        [
            new()
            {
                Code = FindingCode.Unpaid, Severity = Severity.Red, Employer = Formula, WorkerId = "W1", WorkerName = Script,
                IdNumber = IdZhang, Period = new YearMonth(2023, 11), Amount = Yuan(100), Expected = Yuan(100), Actual = Money.Zero,
                DueDate = new DateOnly(2023, 12, 15), Days = 48,
            },
            new()
            {
                Code = FindingCode.UnknownPayee, Severity = Severity.Red, Amount = Yuan(50), EventDate = new DateOnly(2024, 1, 3),
                Source = "bank.csv:7", Detail = Formula,
            },
            new()
            {
                Code = FindingCode.AccountMismatch, Severity = Severity.Orange, Employer = "E", WorkerId = "W2", WorkerName = Formula,
                IdNumber = IdLi, Amount = Yuan(50), EventDate = new DateOnly(2024, 1, 3), Source = "bank.csv:8", Detail = Script,
            },
        ];
        LedgerEntry[] ledger =
        [
            new()
            {
                WorkerId = "W1", WorkerName = Script, IdNumber = IdZhang, Employer = Formula, Period = new YearMonth(2023, 11), Days = 1,
                Seconds = 3600, Due = Yuan(100), DueSource = DueSource.Computed, DueDate = new DateOnly(2023, 12, 15), Paid = Money.Zero,
                PaidOnTime = Money.Zero, Outstanding = Yuan(100), LastPaidDate = null, Status = LedgerStatus.Unpaid,
            },
        ];
        var settings = small.Settings with { Name = Script, Contractor = Formula };
        return small with
        {
            Settings = settings,
            Findings = findings,
            Ledger = ledger,
            Summary = small.Summary with { ProjectName = Script, EmployerGrades = [new EmployerGrade(Script, 'C', Yuan(100), 1)] },
        };
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void WriteReportHtml_HostileNames_Escaped(ReportLanguage language)
    {
        string html = Utf8(s => ReportWriter.WriteReportHtml(Hostile(), s, new ReportOptions { Language = language }));

        Assert.DoesNotContain(Script, html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<h1 id=\"project-name\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>", html);
        Assert.Contains("=HYPERLINK(&quot;x&quot;)", html);
        Assert.DoesNotContain(Formula, html);
        // Only the page's own script block, with no input in it.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<script>"));
    }

    [Fact]
    public void WritePortfolioHtml_HostileCodeAndName_EscapedAndLinkNeutralised()
    {
        PortfolioEntry[] entries =
        [
            new() { Code = "javascript:alert(1)", Name = Script, ReportLink = "javascript:alert(1)", WarningLevel = Severity.Red },
            PortfolioEntry.Failed("\"><img src=x>", Formula, Script),
        ];

        string html = Utf8(s => ReportWriter.WritePortfolioHtml(entries, s));

        Assert.DoesNotContain(Script, html);
        Assert.Contains("href=\"./javascript:alert(1)\"", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&quot;&gt;&lt;img src=x&gt;", html);
    }

    [Fact]
    public void WriteFindingsCsv_HostileNames_FormulaGuardedAndQuoted()
    {
        string csv = Utf8(s => ReportWriter.WriteFindingsCsv(Hostile(), s));
        string[] lines = csv.Split('\n');

        Assert.Equal(
            "UNPAID,red,LY-2023-0017,\"'=HYPERLINK(\"\"x\"\")\",W1,<script>alert(1)</script>,410302********3418,2023-11,100.00,100.00,0.00,2023-12-15,,48,,,"
            + "<script>alert(1)</script> 2023年11月工资 100.00 元未支付，应发日 2023-12-15，已逾期 48 天。,new,,,,",
            lines[1]);
        Assert.Equal(
            "UNKNOWN_PAYEE,red,LY-2023-0017,,,,,,50.00,,,,2024-01-03,,,bank.csv:7,\"2024-01-03 从专户向不在花名册上的“=HYPERLINK(\"\"x\"\")”支出 50.00 元。\",new,,,,",
            lines[2]);
        Assert.StartsWith("ACCOUNT_MISMATCH,orange,LY-2023-0017,E,W2,\"'=HYPERLINK(\"\"x\"\")\",", lines[3]);
    }

    [Fact]
    public void WriteFindingsCsv_EnglishMessageStartingWithName_FormulaGuarded()
    {
        string csv = Utf8(s => ReportWriter.WriteFindingsCsv(Hostile(), s, new ReportOptions { Language = ReportLanguage.En }));
        string line = csv.Split('\n')[3];

        Assert.EndsWith(
            ",\"'=HYPERLINK(\"\"x\"\"): 50.00 yuan paid on 2024-01-03 to \"\"<script>alert(1)</script>\"\" on a card that is not the registered wage card.\",new,,,,",
            line);
    }

    [Fact]
    public void WriteLedgerAndPortfolioCsv_HostileNames_FormulaGuarded()
    {
        string ledger = Utf8(s => ReportWriter.WriteLedgerCsv(Hostile(), s));
        string portfolio = Utf8(s => ReportWriter.WritePortfolioCsv([new PortfolioEntry { Code = "@P1", Name = Formula }], s));

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",2023-11,", ledger);
        Assert.Equal(
            "\uFEFFcode,name,warning_level,red,orange,yellow,info,due,paid,outstanding,workers,employers_c,error,as_of,new,open,reopened,resolved,waived,oldest_open_days,top_codes\n"
            + "'@P1,\"'=HYPERLINK(\"\"x\"\")\",green,0,0,0,0,0.00,0.00,0.00,0,0,,,0,0,0,0,0,,\n",
            portfolio);
    }
}
