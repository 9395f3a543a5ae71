using System.Diagnostics;
using System.Text.RegularExpressions;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

/// <summary>Renders the pages in a real headless browser (issue 5 item 3).</summary>
/// <remarks>
/// Needs <c>/usr/bin/chromium</c>; without it the test fails unless <c>PAYROLLRECON_SKIP_BROWSER=1</c>.
/// Set <c>PAYROLLRECON_DOCS_DIR</c> to a folder to also keep the screenshots there (<c>report.png</c>,
/// <c>portfolio.png</c> in Chinese, as committed under <c>docs/</c>; <c>*.en.png</c> in English).
/// </remarks>
public sealed class BrowserRenderTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void ReportHtml_HeadlessChromium_RendersLevelTotalsAndFindings(ReportLanguage language)
    {
        if (!BrowserAvailable()) return;
        var result = Realistic();
        var options = new ReportOptions { Language = language };
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "report.html");
        using (var f = File.Create(page)) ReportWriter.WriteReportHtml(result, f, options);

        var (dom, png) = Render(dir.Path, page);

        Assert.Contains("id=\"warning-level\" data-level=\"red\"", dom);
        Assert.Contains(language == ReportLanguage.Zh ? "红色预警" : "Red warning", dom);
        Assert.Contains($"<td data-total=\"due\">{result.Summary.TotalDue}</td>", dom);
        Assert.Contains($"<td data-total=\"paid\">{result.Summary.TotalPaid}</td>", dom);
        Assert.Contains($"data-total=\"outstanding\">{result.Summary.TotalOutstanding}</td>", dom);
        Assert.Equal(result.Findings.Count, Regex.Count(dom, "<tr class=\"finding\""));
        // The sorting script ran: it marks every sortable header.
        Assert.Contains("<th data-sort=\"\"", dom);
        AssertNotBlank(png);
        KeepForDocs(png, "report.png", language);
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public void PortfolioHtml_HeadlessChromium_RendersRankedProjects(ReportLanguage language)
    {
        if (!BrowserAvailable()) return;
        var entries = RealisticPortfolio();
        using var dir = new TempDir();
        string page = Path.Combine(dir.Path, "portfolio.html");
        using (var f = File.Create(page)) ReportWriter.WritePortfolioHtml(entries, f, new ReportOptions { Language = language });

        var (dom, png) = Render(dir.Path, page);

        Assert.Contains("id=\"warning-level\" data-level=\"red\"", dom);
        Assert.Equal(entries.Count, Regex.Count(dom, "<tr class=\"project"));
        Assert.Contains("data-total=\"outstanding\">", dom);
        Assert.Contains(language == ReportLanguage.Zh ? "红色预警" : "Red warning", dom);
        AssertNotBlank(png);
        KeepForDocs(png, "portfolio.png", language);
    }

    internal static List<PortfolioEntry> RealisticPortfolio()
    {
        var list = new List<PortfolioEntry>(PortfolioTests.Entries()) { PortfolioEntry.FromResult(Realistic()) };
        string[] cities = ["洛阳", "郑州", "开封", "安阳", "新乡", "许昌", "南阳", "信阳", "周口", "商丘", "焦作", "平顶山"];
        string[] kinds = ["安置房项目", "中学教学楼", "道路改造工程", "人民医院门诊楼", "产业园标准厂房", "棚户区改造项目"];
        for (int i = 0; i < 18; i++)
        {
            var level = (i % 5) switch { 0 => Severity.Red, 1 => Severity.Orange, 2 => Severity.Yellow, 3 => (Severity?)null, _ => Severity.Orange };
            long outstanding = level is null ? 0 : 30_000L * ((i * 7 % 11) + 1) + 1234 * i;
            list.Add(new PortfolioEntry
            {
                Code = $"HN-2024-{i + 101:D4}",
                Name = $"{cities[i % cities.Length]}市{kinds[i % kinds.Length]}",
                WarningLevel = level,
                Red = level == Severity.Red ? 1 + i % 3 : 0,
                Orange = level >= Severity.Orange ? 2 + i % 4 : 0,
                Yellow = level is null ? 0 : 3 + i % 5,
                Info = i % 2,
                Due = Yuan(600_000 + 45_000L * i),
                Paid = Yuan(600_000 + 45_000L * i - outstanding),
                Outstanding = Yuan(outstanding),
                Workers = 40 + 7 * i,
                EmployersC = level == Severity.Red ? 1 : 0,
                ReportLink = PortfolioEntry.DefaultReportLink($"HN-2024-{i + 101:D4}"),
            });
        }

        return list;
    }

    private static bool BrowserAvailable()
    {
        if (File.Exists(Chromium)) return true;
        if (Environment.GetEnvironmentVariable("PAYROLLRECON_SKIP_BROWSER") == "1") return false;
        Assert.Fail($"{Chromium} not found: install chromium (apt-get install -y chromium) or set PAYROLLRECON_SKIP_BROWSER=1 to skip the browser check.");
        return false;
    }

    // One browser run does both: the screenshot goes to a file, the DOM after scripts ran to stdout.
    private static (string Dom, byte[] Png) Render(string dir, string page)
    {
        string png = Path.Combine(dir, Path.GetFileNameWithoutExtension(page) + ".png");
        string dom = Run(dir, "--screenshot=" + png, "--window-size=1280,2000", "--dump-dom", page);
        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        return (dom, File.ReadAllBytes(png));
    }

    private static void AssertNotBlank(byte[] png)
    {
        var stats = PngProbe.Analyse(png);
        Assert.Equal(1280, stats.Width);
        Assert.True(stats.DistinctColors >= 200, $"only {stats.DistinctColors} distinct colours: the page looks blank");
        Assert.True(stats.NonWhiteShare > 0.05, $"only {stats.NonWhiteShare:P1} of the pixels are not white");
    }

    private static void KeepForDocs(byte[] png, string name, ReportLanguage language)
    {
        string? docs = Environment.GetEnvironmentVariable("PAYROLLRECON_DOCS_DIR");
        if (string.IsNullOrEmpty(docs)) return;
        Directory.CreateDirectory(docs);
        File.WriteAllBytes(Path.Combine(docs, language == ReportLanguage.Zh ? name : Path.ChangeExtension(name, ".en.png")), png);
    }

    private static string Run(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])
                 [
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     "--user-data-dir=" + Path.Combine(dir, "profile-" + Guid.NewGuid().ToString("N")),
                 ])
        {
            psi.ArgumentList.Add(a);
        }

        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }

        Assert.True(p.ExitCode == 0, $"chromium exited with {p.ExitCode}: {stderr.Result}");
        return stdout;
    }

    private sealed class TempDir : IDisposable
    {
        internal TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payrollrecon-browser-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        internal string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A browser helper process may still hold the profile for a moment; the temp folder is cleaned later.
            }
        }
    }
}
