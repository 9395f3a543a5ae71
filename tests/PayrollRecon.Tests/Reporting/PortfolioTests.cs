using System.Text.RegularExpressions;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class PortfolioTests
{
    private static readonly string?[] ProjectOutputFiles = ["findings.csv", "history.csv", "ledger.csv", "report.html", "resolved.csv", "summary.json"];

    internal static PortfolioEntry[] Entries() =>
    [
        new()
        {
            Code = "ZZ-01", Name = "郑州某商住楼", WarningLevel = Severity.Yellow, Yellow = 3, Info = 1, Due = Yuan(900_000),
            Paid = Yuan(880_000), Outstanding = Yuan(20_000), Workers = 80, EmployersC = 0, ReportLink = "ZZ-01/report.html",
        },
        new()
        {
            Code = "LY-02", Name = "洛阳某安置房", WarningLevel = Severity.Red, Red = 2, Orange = 5, Due = Yuan(1_200_000, 50),
            Paid = Yuan(1_000_000), Outstanding = Yuan(200_000, 50), Workers = 120, EmployersC = 2, ReportLink = "LY-02/report.html",
        },
        new()
        {
            Code = "AY-03", Name = "安阳某学校", WarningLevel = Severity.Red, Red = 1, Due = Yuan(500_000), Paid = Yuan(100_000),
            Outstanding = Yuan(400_000), Workers = 60, EmployersC = 1, ReportLink = "AY-03/report.html",
        },
        new() { Code = "KF-04", Name = "开封某道路", Due = Yuan(10_000), Paid = Yuan(10_000), Workers = 12, ReportLink = "KF-04/report.html" },
        PortfolioEntry.Failed("XX-05", null, "project.json: unknown key 'payday'"),
    ];

    [Fact]
    public void WritePortfolioCsv_Entries_SortedByCodeExact()
    {
        string csv = Utf8(s => ReportWriter.WritePortfolioCsv(Entries(), s));

        Assert.Equal(
            "\uFEFFcode,name,warning_level,red,orange,yellow,info,due,paid,outstanding,workers,employers_c,error,as_of,new,open,reopened,resolved,waived,oldest_open_days,top_codes\n"
            + "AY-03,安阳某学校,red,1,0,0,0,500000.00,100000.00,400000.00,60,1,,,0,0,0,0,0,,\n"
            + "KF-04,开封某道路,green,0,0,0,0,10000.00,10000.00,0.00,12,0,,,0,0,0,0,0,,\n"
            + "LY-02,洛阳某安置房,red,2,5,0,0,1200000.50,1000000.00,200000.50,120,2,,,0,0,0,0,0,,\n"
            + "XX-05,,,,,,,,,,,,project.json: unknown key 'payday',,,,,,,,\n"
            + "ZZ-01,郑州某商住楼,yellow,0,0,3,1,900000.00,880000.00,20000.00,80,0,,,0,0,0,0,0,,\n",
            csv);
    }

    [Fact]
    public void WritePortfolioHtml_Entries_RankedByLevelThenOutstanding()
    {
        string html = Utf8(s => ReportWriter.WritePortfolioHtml(Entries(), s));

        var codes = Regex.Matches(html, "<tr class=\"project[^\"]*\" data-level=\"([a-z]+)\" data-code=\"([^\"]+)\"")
            .Select(m => m.Groups[2].Value + ":" + m.Groups[1].Value)
            .ToArray();
        Assert.Equal(["XX-05:error", "AY-03:red", "LY-02:red", "ZZ-01:yellow", "KF-04:green"], codes);
        Assert.Contains("<a href=\"AY-03/report.html\">AY-03</a>", html);
        Assert.Contains("<div id=\"warning-level\" data-level=\"red\"", html);
        Assert.Contains("<div class=\"tile lv-red\" data-level-count=\"red\"><b>2</b>", html);
        Assert.Contains("<div class=\"tile lv-error\" data-level-count=\"error\"><b>1</b>", html);
        Assert.Contains("<td data-total=\"due\">2610000.50</td>", html);
        Assert.Contains("<td class=\"bad\" data-total=\"outstanding\">620000.50</td>", html);
        Assert.Contains("project.json: unknown key &#39;payday&#39;", html);
        Assert.Contains("<svg id=\"chart-outstanding-project\"", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void FromResult_Realistic_CountsAndLink()
    {
        var result = Realistic();

        var entry = PortfolioEntry.FromResult(result);

        Assert.Equal("LY-2023-0017", entry.Code);
        Assert.Equal(Severity.Red, entry.WarningLevel);
        Assert.Equal(result.Summary.CountsBySeverity[Severity.Red], entry.Red);
        Assert.Equal(result.Summary.TotalOutstanding, entry.Outstanding);
        Assert.Equal(result.Summary.EmployerGrades.Count(g => g.Grade == 'C'), entry.EmployersC);
        Assert.Equal("LY-2023-0017/report.html", entry.ReportLink);
        Assert.Equal("A%20B%2F1/report.html", PortfolioEntry.DefaultReportLink("A B/1"));
    }

    [Fact]
    public void ProjectOutput_Write_SixFiles()
    {
        string dir = Path.Combine(Path.GetTempPath(), "payrollrecon-project-" + Guid.NewGuid().ToString("N"));
        try
        {
            PayrollRecon.Cli.ProjectOutput.Write(Realistic(), dir, default, CancellationToken.None);

            Assert.Equal(
                ProjectOutputFiles,
                Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
