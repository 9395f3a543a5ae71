using System.Globalization;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>Writes <c>report.html</c>, the regulator's one-page view of a project (issue 5).</summary>
internal static partial class ReportHtml
{
    private const int MaxEmployerBars = 12;

    internal static void Write(ReconciliationResult result, TextWriter writer, ReportOptions options) =>
        HtmlOutput.Write(writer, h => Write(result, h, options));

    private static void Write(ReconciliationResult result, HtmlOutput h, ReportOptions options)
    {
        var l = Labels.For(options.Language);
        var s = result.Summary;
        string level = CsvReports.LevelName(s.WarningLevel);
        string? name = PersonalData.FreeText(s.ProjectName ?? result.Settings.Name, options.Mask);

        h.Raw("<!DOCTYPE html>").Line()
            .Raw("<html lang=\"").Raw(l.HtmlLang).Raw("\">").Line()
            .Raw("<head>").Line()
            .Raw("<meta charset=\"utf-8\">").Line()
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">").Line()
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">").Line()
            .Raw("<title>").Text(l.ReportTitle).Raw(" · ").Text(s.ProjectCode);
        if (!string.IsNullOrEmpty(name)) h.Raw(" ").Text(name);
        h.Raw("</title>").Line()
            .Raw("<style>").Line().Raw(PageStyle.Css).Raw("</style>").Line()
            .Raw("</head>").Line()
            .Raw("<body class=\"lv-").Raw(level).Raw("\">").Line()
            .Raw("<main>").Line();

        WriteHead(h, result, l, options, level, name);
        WriteTotals(h, result, l);
        WriteGradesAndCharts(h, result, l, options);
        WriteFindings(h, result, l, options);
        WriteFollowUp(h, result, options);
        WriteArrears(h, result, l, options);
        WriteFiles(h, result, l, options);

        h.Raw("</main>").Line()
            .Raw("<script>").Line().Raw(PageStyle.Script).Raw("</script>").Line()
            .Raw("</body>").Line()
            .Raw("</html>").Line();
    }

    private static void WriteHead(HtmlOutput h, ReconciliationResult result, Labels l, ReportOptions options, string level, string? name)
    {
        var s = result.Summary;
        var settings = result.Settings;
        int levelIndex = Labels.LevelIndex(s.WarningLevel is Severity.Info ? null : s.WarningLevel);
        string badge = l.LevelBadge[levelIndex];
        h.Raw("<header class=\"head\">").Line()
            .Raw("<div>").Line()
            .Raw("<div class=\"eyebrow\">").Text(l.ReportTitle).Raw("</div>").Line()
            .Raw("<h1 id=\"project-name\">").Text(string.IsNullOrEmpty(name) ? s.ProjectCode : name).Raw("</h1>").Line()
            .Raw("<div class=\"meta\">")
            .Raw("<span>").Text(l.ProjectCode).Raw(" <b id=\"project-code\">").Text(s.ProjectCode).Raw("</b></span>");
        if (!string.IsNullOrEmpty(settings.Contractor))
        {
            h.Raw("<span>").Text(l.Contractor).Raw(" <b>").Text(PersonalData.FreeText(settings.Contractor, options.Mask)).Raw("</b></span>");
        }

        if (!string.IsNullOrEmpty(settings.Account))
        {
            h.Raw("<span>").Text(l.Account).Raw(" <b class=\"mono\">")
                .Text(options.Mask ? PersonalData.MaskNumbers(settings.Account) : settings.Account).Raw("</b></span>");
        }

        h.Raw("<span>").Text(l.AsOf).Raw(" <b><time id=\"as-of\" datetime=\"").Date(s.AsOf).Raw("\">").Date(s.AsOf)
            .Raw("</time></b></span>")
            .Raw("</div>").Line()
            .Raw("</div>").Line()
            .Raw("<div id=\"warning-level\" data-level=\"").Raw(level).Raw("\" class=\"badge lv-").Raw(level)
            .Raw("\" role=\"status\" aria-label=\"").Text(l.WarningLevel).Raw(": ").Text(l.LevelText[levelIndex]).Raw("\">")
            .Raw("<span class=\"big").Raw(badge.Length > 2 ? " long" : string.Empty).Raw("\">").Text(badge).Raw("</span>")
            .Raw("<span class=\"small\">").Text(l.LevelText[levelIndex]).Raw("</span></div>").Line()
            .Raw("</header>").Line();
    }

    private static void WriteTotals(HtmlOutput h, ReconciliationResult result, Labels l)
    {
        var s = result.Summary;
        h.Raw("<section id=\"totals\">").Line()
            .Raw("<h2>").Text(l.Totals).Raw("<small>").Text(l.YuanUnit).Raw("</small></h2>").Line()
            .Raw("<table class=\"totals\"><thead><tr><th>").Text(l.Due).Raw("</th><th>").Text(l.Paid).Raw("</th><th>")
            .Text(l.Outstanding).Raw("</th><th>").Text(l.LaborFundsIn).Raw("</th><th>").Text(l.WagePaymentsOut)
            .Raw("</th></tr></thead>").Line()
            .Raw("<tbody><tr>");
        TotalCell(h, "due", s.TotalDue, bad: false);
        TotalCell(h, "paid", s.TotalPaid, bad: false);
        TotalCell(h, "outstanding", s.TotalOutstanding, bad: s.TotalOutstanding > Money.Zero);
        TotalCell(h, "labor-funds-in", s.LaborFundsIn, bad: false);
        TotalCell(h, "wage-payments-out", s.WagePaymentsOut, bad: false);
        h.Raw("</tr></tbody></table>").Line();

        h.Raw("<div class=\"stats\">");
        h.Raw("<span class=\"stat\">").Text(l.Workers).Raw("<b id=\"workers\">").Number(s.Workers).Raw("</b></span>");
        h.Raw("<span class=\"stat\">").Text(l.FindingsCount).Raw("<b id=\"finding-count\">").Number(result.Findings.Count).Raw("</b></span>");
        foreach (var sev in (ReadOnlySpan<Severity>)[Severity.Red, Severity.Orange, Severity.Yellow, Severity.Info])
        {
            h.Raw("<span class=\"stat s").Number((int)sev).Raw("\" data-severity-count=\"").Raw(CsvReports.SeverityName(sev)).Raw("\">")
                .Text(l.SeverityLabel(sev)).Raw("<b>").Number(s.CountsBySeverity.GetValueOrDefault(sev)).Raw("</b></span>");
        }

        bool balanced = s.Conservation.Balanced;
        h.Raw("<span class=\"stat\" id=\"conservation\" data-balanced=\"").Raw(balanced ? "true" : "false").Raw("\">")
            .Text(l.Conservation).Raw("<b class=\"").Raw(balanced ? "ok" : "warn").Raw("\">")
            .Raw(balanced ? "✓ " : "✗ ").Text(balanced ? l.Balanced : l.Unbalanced).Raw("</b></span>");
        // Said only when it applies, so the page of an ordinary statement stays as it was.
        if (s.BankStatementNewestFirst)
        {
            h.Raw("<span class=\"stat\" id=\"statement-order\" data-newest-first=\"true\">").Text(l.StatementOrder)
                .Raw("<b>").Text(l.NewestFirst).Raw("</b></span>");
        }
        if (s.ExcludedBankLines > 0 || s.ZeroBankLines > 0)
        {
            h.Raw("<span class=\"stat\" id=\"lines-outside-totals\" data-excluded=\"").Number(s.ExcludedBankLines)
                .Raw("\" data-zero=\"").Number(s.ZeroBankLines).Raw("\">").Text(l.LinesOutsideTotals).Raw("<b>");
            if (s.ExcludedBankLines > 0) h.Text(string.Format(CultureInfo.InvariantCulture, l.ExcludedLines, s.ExcludedBankLines));
            if (s.ExcludedBankLines > 0 && s.ZeroBankLines > 0) h.Raw(" · ");
            if (s.ZeroBankLines > 0) h.Text(string.Format(CultureInfo.InvariantCulture, l.ZeroLines, s.ZeroBankLines));
            h.Raw("</b></span>");
        }
        h.Raw("</div>").Line()
            .Raw("</section>").Line();
    }

    /// <summary>Writes the finding's transaction ids joined by <c>;</c>, as the findings file writes them (see <see cref="PersonalData.AppendTxnIds"/>).</summary>
    private static void TxnIds(HtmlOutput h, Finding f, bool mask)
    {
        for (int i = 0; i < f.TxnIds.Count; i++)
        {
            if (i > 0) h.Raw(";"u8);
            h.IdNumber(f.TxnIds[i], mask && i < 31 && (f.PersonalIds & (1 << i)) != 0);
        }
    }

    private static void TotalCell(HtmlOutput h, string key, Money value, bool bad)
    {
        // The exact value is the cell's whole text, so tools reading the page find it without parsing grouping.
        h.Raw(bad ? "<td class=\"bad\" data-total=\"" : "<td data-total=\"").Raw(key).Raw("\">").Money(value).Raw("</td>");
    }

    private static void WriteGradesAndCharts(HtmlOutput h, ReconciliationResult result, Labels l, ReportOptions options)
    {
        var s = result.Summary;
        var grades = s.EmployerGrades.OrderBy(static g => g.Employer, StringComparer.Ordinal).ToList();

        h.Raw("<div class=\"grid row\">").Line();
        h.Raw("<section id=\"employers\">").Line()
            .Raw("<h2>").Text(l.EmployerGrades).Raw("</h2>").Line();
        if (grades.Count == 0)
        {
            h.Raw("<p class=\"empty\">").Text(l.NoData).Raw("</p>").Line();
        }
        else
        {
            h.Raw("<div class=\"scroll\"><table class=\"data sortable\" data-sort-hint=\"").Text(l.SortHint).Raw("\"><thead><tr><th>")
                .Text(l.Employer).Raw("</th><th>").Text(l.Grade).Raw("</th><th class=\"num\">").Text(l.Outstanding)
                .Raw("</th><th class=\"num\">").Text(l.Workers).Raw("</th></tr></thead><tbody>").Line();
            foreach (var g in grades)
            {
                h.Raw("<tr class=\"employer\" data-grade=\"").Text(g.Grade.ToString()).Raw("\"><td>").Text(PersonalData.FreeText(g.Employer, options.Mask))
                    .Raw("</td><td><span class=\"grade grade-").Text(g.Grade.ToString()).Raw("\">").Text(g.Grade.ToString())
                    .Raw("</span></td><td class=\"num\">").Money(g.Outstanding).Raw("</td><td class=\"num\">").Number(g.Workers)
                    .Raw("</td></tr>").Line();
            }

            h.Raw("</tbody></table></div>").Line();
        }

        h.Raw("<div class=\"legend-line\">").Text(string.Join("　", l.GradeHint)).Raw("</div>").Line();
        h.Raw("</section>").Line();

        h.Raw("<section>").Line()
            .Raw("<h2>").Text(l.ChartOutstandingByEmployer).Raw("<small>").Text(l.YuanUnit).Raw("</small></h2>").Line();
        SvgCharts.Horizontal(h, EmployerBars(grades, l, options), l.ChartOutstandingByEmployer, l, "chart-outstanding-employer");
        h.Raw("</section>").Line();
        h.Raw("</div>").Line();

        h.Raw("<section class=\"row\">").Line()
            .Raw("<h2>").Text(l.ChartDuePaid).Raw("<small>").Text(l.YuanUnit).Raw("</small></h2>").Line();
        SvgCharts.DuePaid(h, MonthTotals(result.Ledger), l, options.Language, "chart-due-paid");
        h.Raw("</section>").Line();

        h.Raw("<section class=\"row\">").Line()
            .Raw("<h2>").Text(l.ChartFindingsByCode).Raw("</h2>").Line();
        SvgCharts.Horizontal(h, CodeBars(result.Findings, l), l.ChartFindingsByCode, l, "chart-findings-code", width: 1120);
        h.Raw("</section>").Line();
    }

    private static List<SvgCharts.Bar> EmployerBars(List<EmployerGrade> grades, Labels l, ReportOptions options)
    {
        var owing = grades.Where(static g => g.Outstanding > Money.Zero)
            .OrderByDescending(static g => g.Outstanding.Fen)
            .ThenBy(static g => g.Employer, StringComparer.Ordinal)
            .ToList();
        var bars = new List<SvgCharts.Bar>(Math.Min(owing.Count, MaxEmployerBars + 1));
        foreach (var g in owing.Take(MaxEmployerBars))
        {
            string employer = PersonalData.FreeText(g.Employer, options.Mask);
            bars.Add(new SvgCharts.Bar(employer, g.Outstanding.Fen, g.Outstanding.ToString(), "grade-" + g.Grade,
                $"{employer} ({g.Grade}) {g.Outstanding}"));
        }

        if (owing.Count > MaxEmployerBars)
        {
            var rest = Money.Zero;
            foreach (var g in owing.Skip(MaxEmployerBars)) rest += g.Outstanding;
            string label = $"{l.Others} ({owing.Count - MaxEmployerBars})";
            bars.Add(new SvgCharts.Bar(label, rest.Fen, rest.ToString(), "s0", $"{label} {rest}"));
        }

        return bars;
    }

    private static List<SvgCharts.MonthBars> MonthTotals(IReadOnlyList<LedgerEntry> ledger)
    {
        // Summed in a hash table (one lookup a row), then listed in month order.
        var byMonth = new Dictionary<int, (Money Due, Money Paid)>();
        foreach (var e in new LedgerLines(ledger))
        {
            ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byMonth, e.Period.Ordinal, out _);
            t = (t.Due + e.Due, t.Paid + e.Paid);
        }

        var months = byMonth.Keys.ToArray();
        Array.Sort(months);
        var list = new List<SvgCharts.MonthBars>(months.Length);
        foreach (int k in months) list.Add(new SvgCharts.MonthBars(YearMonth.FromOrdinal(k), byMonth[k].Due, byMonth[k].Paid));
        return list;
    }

    private static List<SvgCharts.Bar> CodeBars(IReadOnlyList<Finding> findings, Labels l)
    {
        var count = new int[Enum.GetValues<FindingCode>().Length];
        var worst = new Severity[count.Length];
        foreach (var f in findings)
        {
            count[(int)f.Code]++;
            if (f.Severity > worst[(int)f.Code]) worst[(int)f.Code] = f.Severity;
        }

        var bars = new List<SvgCharts.Bar>();
        foreach (var code in Enum.GetValues<FindingCode>()
                     .Where(c => count[(int)c] > 0)
                     .OrderByDescending(c => count[(int)c])
                     .ThenBy(FindingCodes.Name, StringComparer.Ordinal))
        {
            int n = count[(int)code];
            string codeName = FindingCodes.Name(code);
            bars.Add(new SvgCharts.Bar(l.CodeTitle(code), n, n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "s" + ((int)worst[(int)code]).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{codeName} {l.CodeTitle(code)}: {n}"));
        }

        return bars;
    }

    private static void WriteFindings(HtmlOutput h, ReconciliationResult result, Labels l, ReportOptions options)
    {
        var s = result.Summary;
        bool mask = options.Mask;
        h.Raw("<section class=\"row\" id=\"findings-section\">").Line()
            .Raw("<h2>").Text(l.Findings).Raw("<small>").Number(result.Findings.Count).Raw("</small></h2>").Line();
        if (result.Findings.Count == 0)
        {
            h.Raw("<p class=\"empty\">").Text(l.NoFindings).Raw("</p>").Line()
                .Raw("<table id=\"findings\" class=\"data\"><tbody></tbody></table>").Line()
                .Raw("</section>").Line();
            return;
        }

        h.Raw("<div class=\"filters no-print\"><span>").Text(l.FilterBySeverity).Raw("</span>");
        foreach (var sev in (ReadOnlySpan<Severity>)[Severity.Red, Severity.Orange, Severity.Yellow, Severity.Info])
        {
            string key = CsvReports.SeverityName(sev);
            h.Raw("<label><input type=\"checkbox\" checked data-target=\"findings\" data-hide=\"").Raw(key).Raw("\"><span class=\"sev s")
                .Number((int)sev).Raw("\">").Text(l.SeverityLabel(sev)).Raw("</span>")
                .Number(s.CountsBySeverity.GetValueOrDefault(sev)).Raw("</label>");
        }

        h.Raw("<span>· ").Text(l.SortHint).Raw("</span></div>").Line();
        h.Raw("<div class=\"scroll\"><table id=\"findings\" class=\"data sortable\" data-sort-hint=\"").Text(l.SortHint).Raw("\">")
            .Raw("<thead><tr><th>").Text(l.Severity).Raw("</th><th>").Text(l.Code).Raw("</th><th>").Text(l.Employer)
            .Raw("</th><th>").Text(l.WorkerName).Raw("</th><th>").Text(l.Period).Raw("</th><th class=\"num\">").Text(l.Amount)
            .Raw("</th><th class=\"num\">").Text(l.Days).Raw("</th><th>").Text(l.Source).Raw("</th><th>").Text(l.Message)
            .Raw("</th><th>").Text(FollowUpLabels.For(options.Language).Id).Raw("</th></tr></thead>").Line()
            .Raw("<tbody>").Line();
        var messages = new FindingMessages(options.Language, mask, s.AsOf);
        // A row's opening tag up to its id, and its first two cells, depend only on the code, severity and status:
        // rendered once for each.
        var rowStarts = new byte[]?[CsvReports.CodeCount * CsvReports.SeverityCount * StatusCount];
        var firstCells = new byte[]?[CsvReports.CodeCount * CsvReports.SeverityCount];
        foreach (var f in result.Findings)
        {
            int kind = (int)f.Code * CsvReports.SeverityCount + (int)f.Severity;
            h.Raw(rowStarts[kind * StatusCount + (int)f.Status] ??= RowStart(f.Code, f.Severity, f.Status)).Raw(f.FindingId).Raw("\""u8);
            // An unreadable row is a target; a finding it may have set off points at it.
            if (f.Code == FindingCode.DataError && f.Source is { } rowSource) h.Raw(" id=\"row-"u8).Text(rowSource).Raw("\""u8);
            if (f.CausedBy is { } cause) h.Raw(" data-caused-by=\""u8).Text(cause).Raw("\""u8);
            h.Raw(firstCells[kind] ??= FirstCells(f.Code, f.Severity, l))
                .Raw("<td>"u8).FreeText(f.Employer, mask).Raw("</td>"u8)
                .Raw("<td>"u8).FreeText(f.WorkerName, mask);
            if (!string.IsNullOrEmpty(f.WorkerId)) h.Raw("<small class=\"mono\">"u8).WorkerId(f.WorkerId, f.IdNumber, mask).Raw("</small>"u8);
            h.Raw("</td><td class=\"nowrap\">"u8).Period(f.Period).Raw("</td>"u8)
                .Raw("<td class=\"num\">"u8).Money(f.Amount).Raw("</td>"u8)
                .Raw("<td class=\"num\">"u8);
            if (f.Days is { } days) h.Number(days);
            h.Raw("</td><td class=\"mono\">"u8).FreeText(f.Source, mask);
            if (f.TxnIds.Count > 0)
            {
                h.Raw("<small>"u8);
                TxnIds(h, f, mask);
                h.Raw("</small>"u8);
            }
            if (f.CausedBy is { } causedBy) h.Raw("<small class=\"cause\"><a href=\"#row-"u8).Text(causedBy).Raw("\">← "u8).Text(causedBy).Raw("</a></small>"u8);
            h.Raw("</td><td class=\"msg\">"u8).Utf8Text(messages.ComposeUtf8(f)).Raw("</td>"u8);
            FollowUpCell(h, f, result, options);
            h.Raw("</tr>"u8).Line();
        }

        h.Raw("</tbody></table></div>").Line()
            .Raw("</section>").Line();
    }

    private const int StatusCount = (int)FindingStatus.Waived + 1;

    /// <summary>The opening tag of a findings row up to its id: <c>&lt;tr class="finding" data-severity=… data-id="</c>.</summary>
    private static byte[] RowStart(FindingCode code, Severity severity, FindingStatus status) => HtmlOutput.Fragment(h =>
        h.Raw("<tr class=\"finding\" data-severity=\"").Raw(CsvReports.SeverityName(severity)).Raw("\" data-code=\"").Raw(FindingCodes.Name(code))
            .Raw("\" data-status=\"").Raw(FollowUp.Statuses.Name(status)).Raw("\" data-id=\""));

    /// <summary>The end of a findings row's opening tag and its severity and code cells.</summary>
    private static byte[] FirstCells(FindingCode code, Severity severity, Labels l) => HtmlOutput.Fragment(h =>
        h.Raw(">")
            .Raw("<td data-v=\"").Number((int)severity).Raw("\"><span class=\"sev s").Number((int)severity).Raw("\">")
            .Text(l.SeverityLabel(severity)).Raw("</span></td>")
            .Raw("<td>").Text(l.CodeTitle(code)).Raw("<small class=\"mono\">").Raw(FindingCodes.Name(code)).Raw("</small></td>"));

    private static void WriteArrears(HtmlOutput h, ReconciliationResult result, Labels l, ReportOptions options)
    {
        bool mask = options.Mask;
        h.Raw("<section class=\"row\" id=\"arrears-section\">").Line()
            .Raw("<h2>").Text(l.Arrears).Raw("</h2>").Line();
        bool any = false;
        foreach (var e in new LedgerLines(result.Ledger))
        {
            if (!IsArrear(e)) continue;
            if (!any)
            {
                any = true;
                h.Raw("<div class=\"scroll\"><table id=\"arrears\" class=\"data sortable\" data-sort-hint=\"").Text(l.SortHint).Raw("\">")
                    .Raw("<thead><tr><th>").Text(l.WorkerId).Raw("</th><th>").Text(l.WorkerName).Raw("</th><th>").Text(l.IdNumber)
                    .Raw("</th><th>").Text(l.Employer).Raw("</th><th>").Text(l.Period).Raw("</th><th class=\"num\">").Text(l.Days)
                    .Raw("</th><th class=\"num\">").Text(l.Due).Raw("</th><th class=\"num\">").Text(l.Paid)
                    .Raw("</th><th class=\"num\">").Text(l.Outstanding).Raw("</th><th>").Text(l.DueDate).Raw("</th><th>")
                    .Text(l.LastPaid).Raw("</th><th>").Text(l.Status).Raw("</th></tr></thead>").Line()
                    .Raw("<tbody>").Line();
            }

            h.Raw("<tr class=\"arrear\" data-status=\"").Raw(CsvReports.StatusName(e.Status)).Raw("\">")
                .Raw("<td class=\"mono\">").WorkerId(e.WorkerId ?? e.IdNumber, e.IdNumber, mask).Raw("</td>")
                .Raw("<td>").FreeText(e.WorkerName, mask).Raw("</td>")
                .Raw("<td class=\"mono\">").IdNumber(e.IdNumber, mask).Raw("</td>")
                .Raw("<td>").FreeText(e.Employer, mask).Raw("</td>")
                .Raw("<td class=\"nowrap\">").Period(e.Period).Raw("</td>")
                .Raw("<td class=\"num\">").Number(e.Days).Raw("</td>")
                .Raw("<td class=\"num\">").Money(e.Due).Raw("</td>")
                .Raw("<td class=\"num\">").Money(e.Paid).Raw("</td>")
                .Raw("<td class=\"num\">").Money(e.Outstanding).Raw("</td>")
                .Raw("<td class=\"nowrap\">").Date(e.DueDate).Raw("</td>")
                .Raw("<td class=\"nowrap\">").Date(e.LastPaidDate).Raw("</td>")
                .Raw("<td>").Text(l.StatusLabel(e.Status)).Raw("</td></tr>").Line();
        }

        h.Raw(any ? "</tbody></table></div>" : string.Empty);
        if (!any) h.Raw("<p class=\"empty\">").Text(l.NoArrears).Raw("</p>");
        h.Line().Raw("</section>").Line();
    }

    /// <summary>A due worker-month with money still outstanding.</summary>
    internal static bool IsArrear(in LedgerLine e) => e.Status != LedgerStatus.Pending && e.Outstanding > Money.Zero;

    private static void WriteFiles(HtmlOutput h, ReconciliationResult result, Labels l, ReportOptions options)
    {
        var files = result.Summary.Files;
        h.Raw("<section class=\"row\" id=\"files\">").Line()
            .Raw("<h2>").Text(l.InputFiles).Raw("</h2>").Line();
        if (files.Count > 0)
        {
            h.Raw("<table class=\"data\"><thead><tr><th>").Text(l.File).Raw("</th><th class=\"num\">").Text(l.RowsRead)
                .Raw("</th><th class=\"num\">").Text(l.RowsRejected).Raw("</th><th>").Text(l.Encoding).Raw("</th></tr></thead><tbody>").Line();
            foreach (var f in files)
            {
                h.Raw("<tr><td class=\"mono\">").Text(PersonalData.FreeText(f.File, options.Mask)).Raw("</td><td class=\"num\">").Number(f.RowsRead)
                    .Raw("</td><td class=\"num\">").Number(f.RowsRejected).Raw("</td><td>").Text(SummaryJson.EncodingName(f.Encoding))
                    .Raw("</td></tr>").Line();
            }

            h.Raw("</tbody></table>").Line();
        }

        h.Raw("</section>").Line()
            .Raw("<footer>").Text(l.GeneratedBy).Raw(" · ").Text(options.Mask ? l.Masked : l.Unmasked).Raw("</footer>").Line();
    }
}
