using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>Writes <c>portfolio.html</c>: every project of a batch ranked by warning level, then outstanding.</summary>
internal static class PortfolioHtml
{
    private const int MaxBars = 20;

    internal static void Write(IEnumerable<PortfolioEntry> entries, TextWriter writer, ReportOptions options) =>
        HtmlOutput.Write(writer, h => Write(entries, h, options));

    private static void Write(IEnumerable<PortfolioEntry> entries, HtmlOutput h, ReportOptions options)
    {
        var l = Labels.For(options.Language);
        // Names and errors come from the inputs (project.json, a quoted header row): masked like every output; the
        // code names the project's folder and is kept as is.
        var ranked = Rank(options.Mask
            ? entries.Select(static p => p with { Name = p.Name is null ? null : PersonalData.FreeText(p.Name, mask: true), Error = p.Error is null ? null : PersonalData.FreeText(p.Error, mask: true) })
            : entries);

        int failed = ranked.Count(static p => p.Error is not null);
        var checkedProjects = ranked.Where(static p => p.Error is null).ToList();
        Severity? worst = null;
        foreach (var p in checkedProjects)
        {
            if (p.WarningLevel is { } lv && (worst is null || lv > worst)) worst = lv;
        }

        string level = CsvReports.LevelName(worst);
        int levelIndex = Labels.LevelIndex(worst);

        h.Raw("<!DOCTYPE html>").Line()
            .Raw("<html lang=\"").Raw(l.HtmlLang).Raw("\">").Line()
            .Raw("<head>").Line()
            .Raw("<meta charset=\"utf-8\">").Line()
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").Line()
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">").Line()
            .Raw("<title>").Text(l.PortfolioTitle).Raw("</title>").Line()
            .Raw("<style>").Line().Raw(PageStyle.Css).Raw("</style>").Line()
            .Raw("</head>").Line()
            .Raw("<body class=\"lv-").Raw(level).Raw("\">").Line()
            .Raw("<main>").Line();

        string badge = l.LevelBadge[levelIndex];
        h.Raw("<header class=\"head\">").Line()
            .Raw("<div>").Line()
            .Raw("<div class=\"eyebrow\">PayrollRecon</div>").Line()
            .Raw("<h1>").Text(l.PortfolioTitle).Raw("</h1>").Line()
            .Raw("<div class=\"meta\"><span>").Text(l.Projects).Raw(" <b id=\"project-count\">").Number(ranked.Count).Raw("</b></span>");
        // The as-of date decides what is overdue: a portfolio states it, and a range when projects differ.
        var asOf = checkedProjects.Where(static p => p.AsOf is not null).Select(static p => p.AsOf!.Value).ToList();
        if (asOf.Count > 0)
        {
            DateOnly first = asOf.Min(), last = asOf.Max();
            h.Raw("<span>").Text(l.AsOf).Raw(" <b id=\"as-of\"><time datetime=\"").Date(first).Raw("\">").Date(first).Raw("</time>");
            if (last != first) h.Raw(" – <time datetime=\"").Date(last).Raw("\">").Date(last).Raw("</time>");
            h.Raw("</b></span>");
        }
        if (failed > 0) h.Raw("<span>").Text(l.LoadFailed).Raw(" <b id=\"failed-count\">").Number(failed).Raw("</b></span>");
        h.Raw("</div>").Line()
            .Raw("</div>").Line()
            .Raw("<div id=\"warning-level\" data-level=\"").Raw(level).Raw("\" class=\"badge lv-").Raw(level).Raw("\" role=\"status\">")
            .Raw("<span class=\"big").Raw(badge.Length > 2 ? " long" : string.Empty).Raw("\">").Text(badge).Raw("</span>")
            .Raw("<span class=\"small\">").Text(l.LevelText[levelIndex]).Raw("</span></div>").Line()
            .Raw("</header>").Line();

        WriteLevels(h, ranked, l);
        WriteTotals(h, checkedProjects, l);

        h.Raw("<section class=\"row\">").Line()
            .Raw("<h2>").Text(l.ChartOutstandingByProject).Raw("<small>").Text(l.YuanUnit).Raw("</small></h2>").Line();
        SvgCharts.Horizontal(h, Bars(checkedProjects), l.ChartOutstandingByProject, l, "chart-outstanding-project", width: 1120);
        h.Raw("</section>").Line();

        WriteTable(h, ranked, l, FollowUpLabels.For(options.Language));

        h.Raw("<footer>").Text(l.GeneratedBy).Raw("</footer>").Line()
            .Raw("</main>").Line()
            .Raw("<script>").Line().Raw(PageStyle.Script).Raw("</script>").Line()
            .Raw("</body>").Line()
            .Raw("</html>").Line();
    }

    /// <summary>Failed projects first (they need a look before anything else), then by level desc, outstanding desc, code.</summary>
    internal static List<PortfolioEntry> Rank(IEnumerable<PortfolioEntry> entries) => entries
        .OrderBy(static p => p.Error is null ? 1 : 0)
        .ThenByDescending(static p => p.WarningLevel is { } lv ? (int)lv : -1)
        // Within a level, the projects that are not clearing (SPEC §7): the oldest finding still open first.
        .ThenByDescending(static p => p.Tracked ? p.OldestOpenDays ?? -1 : -1)
        .ThenByDescending(static p => p.Outstanding.Fen)
        .ThenBy(static p => p.Code, StringComparer.Ordinal)
        .ToList();

    private static void WriteLevels(HtmlOutput h, List<PortfolioEntry> ranked, Labels l)
    {
        h.Raw("<section class=\"row\" id=\"levels\">").Line()
            .Raw("<h2>").Text(l.ProjectsByLevel).Raw("</h2>").Line()
            .Raw("<div class=\"tiles\">");
        foreach (var (level, index) in (ReadOnlySpan<(Severity?, int)>)[(Severity.Red, 3), (Severity.Orange, 2), (Severity.Yellow, 1), (null, 0)])
        {
            string key = CsvReports.LevelName(level);
            int n = ranked.Count(p => p.Error is null && Labels.LevelIndex(p.WarningLevel) == index);
            h.Raw("<div class=\"tile lv-").Raw(key).Raw("\" data-level-count=\"").Raw(key).Raw("\"><b>").Number(n).Raw("</b>")
                .Text(l.LevelText[index]).Raw("</div>");
        }

        int failed = ranked.Count(static p => p.Error is not null);
        if (failed > 0)
        {
            h.Raw("<div class=\"tile lv-error\" data-level-count=\"error\"><b>").Number(failed).Raw("</b>").Text(l.LoadFailed).Raw("</div>");
        }

        h.Raw("</div>").Line()
            .Raw("</section>").Line();
    }

    private static void WriteTotals(HtmlOutput h, List<PortfolioEntry> projects, Labels l)
    {
        Money due = Money.Zero, paid = Money.Zero, outstanding = Money.Zero;
        long workers = 0, employersC = 0;
        foreach (var p in projects)
        {
            due += p.Due;
            paid += p.Paid;
            outstanding += p.Outstanding;
            workers = checked(workers + p.Workers);
            employersC = checked(employersC + p.EmployersC);
        }

        h.Raw("<section class=\"row\" id=\"totals\">").Line()
            .Raw("<h2>").Text(l.Totals).Raw("<small>").Text(l.YuanUnit).Raw("</small></h2>").Line()
            .Raw("<table class=\"totals\"><thead><tr><th>").Text(l.Due).Raw("</th><th>").Text(l.Paid).Raw("</th><th>")
            .Text(l.Outstanding).Raw("</th><th>").Text(l.Workers).Raw("</th><th>").Text(l.EmployersC).Raw("</th></tr></thead>").Line()
            .Raw("<tbody><tr><td data-total=\"due\">").Money(due).Raw("</td><td data-total=\"paid\">").Money(paid)
            .Raw(outstanding > Money.Zero ? "</td><td class=\"bad\" data-total=\"outstanding\">" : "</td><td data-total=\"outstanding\">")
            .Money(outstanding).Raw("</td><td data-total=\"workers\">").Number(workers)
            .Raw("</td><td data-total=\"employers-c\">").Number(employersC).Raw("</td></tr></tbody></table>").Line()
            .Raw("</section>").Line();
    }

    private static List<SvgCharts.Bar> Bars(List<PortfolioEntry> projects)
    {
        var bars = new List<SvgCharts.Bar>(MaxBars);
        foreach (var p in projects.Where(static p => p.Outstanding > Money.Zero)
                     .OrderByDescending(static p => p.Outstanding.Fen)
                     .ThenBy(static p => p.Code, StringComparer.Ordinal)
                     .Take(MaxBars))
        {
            string label = string.IsNullOrEmpty(p.Name) ? p.Code : p.Name;
            bars.Add(new SvgCharts.Bar(label, p.Outstanding.Fen, p.Outstanding.ToString(), "lv-" + CsvReports.LevelName(p.WarningLevel),
                $"{p.Code} {p.Name} {p.Outstanding}"));
        }

        return bars;
    }

    private static void WriteTable(HtmlOutput h, List<PortfolioEntry> ranked, Labels l, FollowUpLabels fl)
    {
        h.Raw("<section class=\"row\" id=\"projects-section\">").Line()
            .Raw("<h2>").Text(l.Projects).Raw("<small>").Number(ranked.Count).Raw("</small></h2>").Line()
            .Raw("<div class=\"scroll\"><table id=\"projects\" class=\"data sortable\" data-sort-hint=\"").Text(l.SortHint).Raw("\">")
            .Raw("<thead><tr><th class=\"num\">").Text(l.Rank).Raw("</th><th>").Text(l.WarningLevel).Raw("</th><th>").Text(l.ProjectCode)
            .Raw("</th><th>").Text(l.ProjectName).Raw("</th>");
        foreach (var sev in (ReadOnlySpan<Severity>)[Severity.Red, Severity.Orange, Severity.Yellow, Severity.Info])
        {
            h.Raw("<th class=\"num\">").Text(l.SeverityLabel(sev)).Raw("</th>");
        }

        h.Raw("<th class=\"num\">").Text(l.Due).Raw("</th><th class=\"num\">").Text(l.Paid).Raw("</th><th class=\"num\">")
            .Text(l.Outstanding).Raw("</th><th class=\"num\">").Text(l.Workers).Raw("</th><th class=\"num\">").Text(l.EmployersC)
            .Raw("</th><th>").Text(l.Error).Raw("</th>");
        WriteFollowUpHeads(h, fl, l);
        h.Raw("</tr></thead>").Line()
            .Raw("<tbody>").Line();
        int rank = 0;
        foreach (var p in ranked)
        {
            rank++;
            bool failed = p.Error is not null;
            string key = failed ? "error" : CsvReports.LevelName(p.WarningLevel);
            int levelIndex = Labels.LevelIndex(p.WarningLevel);
            h.Raw(failed ? "<tr class=\"project failed\" data-level=\"" : "<tr class=\"project\" data-level=\"").Raw(key)
                .Raw("\" data-code=\"").Text(p.Code).Raw("\"><td class=\"num\">").Number(rank).Raw("</td>")
                .Raw("<td data-v=\"").Number(failed ? 4 : levelIndex).Raw("\"><span class=\"sev ")
                .Raw(failed ? "s0" : "s" + levelIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("\">")
                .Text(failed ? l.LoadFailed : l.LevelBadge[levelIndex]).Raw("</span></td><td class=\"mono nowrap\">");
            if (!string.IsNullOrEmpty(p.ReportLink) && !failed)
            {
                h.Raw("<a href=\"").Text(SafeLink(p.ReportLink)).Raw("\">").Text(p.Code).Raw("</a>");
            }
            else
            {
                h.Text(p.Code);
            }

            h.Raw("</td><td>").Text(p.Name).Raw("</td>");
            if (failed)
            {
                h.Raw("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>")
                    .Raw("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td>").Text(p.Error)
                    .Raw("</td><td></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td></td></tr>").Line();
                continue;
            }

            h.Raw("<td class=\"num\">").Number(p.Red).Raw("</td><td class=\"num\">").Number(p.Orange).Raw("</td><td class=\"num\">")
                .Number(p.Yellow).Raw("</td><td class=\"num\">").Number(p.Info).Raw("</td><td class=\"num\">").Money(p.Due)
                .Raw("</td><td class=\"num\">").Money(p.Paid).Raw("</td><td class=\"num\">").Money(p.Outstanding)
                .Raw("</td><td class=\"num\">").Number(p.Workers).Raw("</td><td class=\"num\">").Number(p.EmployersC)
                .Raw("</td><td></td>");
            WriteFollowUpCells(h, p, l);
            h.Raw("</tr>").Line();
        }

        h.Raw("</tbody></table></div>").Line()
            .Raw("</section>").Line();
    }

    private static void WriteFollowUpHeads(HtmlOutput h, FollowUpLabels fl, Labels l) =>
        h.Raw("<th>").Text(fl.WhyLevel).Raw("</th><th class=\"num\">").Text(fl.NewCount).Raw("</th><th class=\"num\">").Text(fl.OpenCount)
            .Raw("</th><th class=\"num\">").Text(fl.ResolvedCount).Raw("</th><th class=\"num\">").Text(fl.WaivedCount)
            .Raw("</th><th class=\"num\">").Text(fl.OldestOpen).Raw("</th><th>").Text(l.AsOf).Raw("</th>");

    /// <summary>Why the project has its level (its top codes and their amounts), its follow-up counts and its as-of date.</summary>
    private static void WriteFollowUpCells(HtmlOutput h, PortfolioEntry p, Labels l)
    {
        h.Raw("<td class=\"why\">");
        for (int i = 0; i < p.TopCodes.Count; i++)
        {
            var c = p.TopCodes[i];
            if (i > 0) h.Raw("<br>");
            // The code's title in the page's language; the code name itself on hover and for tools.
            string title = FindingCodes.TryParse(c.Code, out var code) ? l.CodeTitle(code) : c.Code;
            h.Raw("<span class=\"nowrap\" data-top-code=\"").Text(c.Code).Raw("\" title=\"").Text(c.Code).Raw("\">").Text(title).Raw(" ×").Number(c.Count);
            if (c.Amount is { } amount && amount > Money.Zero) h.Raw(" ").Money(amount);
            h.Raw("</span>");
        }
        h.Raw("</td>");
        if (p.Tracked)
        {
            h.Raw("<td class=\"num\" data-follow=\"new\">").Number(p.New).Raw("</td><td class=\"num\" data-follow=\"open\">").Number(p.Open + p.Reopened)
                .Raw("</td><td class=\"num\" data-follow=\"resolved\">").Number(p.Resolved).Raw("</td><td class=\"num\" data-follow=\"waived\">").Number(p.Waived)
                .Raw("</td><td class=\"num\" data-follow=\"oldest-open-days\">");
            if (p.OldestOpenDays is { } days) h.Number(days);
            h.Raw("</td>");
        }
        else
        {
            h.Raw("<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>");
        }
        h.Raw("<td class=\"nowrap\">").Date(p.AsOf).Raw("</td>");
    }

    // Links are relative paths to a project's folder; anything with a scheme (javascript:, http:) is neutralised so the
    // page can never navigate off the local tree or run a script from a crafted project code.
    private static string SafeLink(string link)
    {
        int colon = link.IndexOf(':');
        int slash = link.IndexOf('/');
        bool hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        return hasScheme || link.StartsWith("//", StringComparison.Ordinal) ? "./" + link : link;
    }
}
