using System.Globalization;

using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>The follow-up parts of <c>report.html</c> (SPEC §7): status marks, the resolved list (销号清单) and the rulings.</summary>
internal static partial class ReportHtml
{
    /// <summary>True when the run was compared with a previous one or read rulings: only then are statuses worth showing.</summary>
    private static bool Tracked(ReconciliationResult result) => result.PreviousAsOf is not null || result.Rulings.Count > 0;

    /// <summary>The last cell of a finding's row: its status mark (new findings stand out), its ruling and its id.</summary>
    private static void FollowUpCell(HtmlOutput h, Finding f, ReconciliationResult result, ReportOptions options)
    {
        var fl = FollowUpLabels.For(options.Language);
        h.Raw("<td class=\"nowrap\">"u8);
        if (Tracked(result))
        {
            h.Raw("<span class=\"st st-"u8).Raw(Statuses.Name(f.Status)).Raw("\">"u8).Text(fl.StatusText[(int)f.Status]).Raw("</span>"u8);
            if (f.RunsOpen is > 1 and var runs) h.Raw(" ×"u8).Number(runs);
            if (f.Ruling is { } r)
            {
                h.Raw(" <span class=\"st\" data-ruling=\""u8).Raw(FindingRuling.Name(r.Kind)).Raw("\">"u8).Text(fl.RulingText[(int)r.Kind]).Raw("</span>"u8);
            }
            if (f.FixNotConfirmed) h.Raw(" <span class=\"st st-fix\" data-flag=\"fix_not_confirmed\">"u8).Text(fl.FixNotConfirmed).Raw("</span>"u8);
        }
        h.Raw("<small class=\"mono\">"u8).Raw(f.FindingId).Raw("</small></td>"u8);
    }

    /// <summary>The follow-up section: status counts against the previous run, the resolved list and the rulings.</summary>
    private static void WriteFollowUp(HtmlOutput h, ReconciliationResult result, ReportOptions options)
    {
        if (!Tracked(result)) return;
        var fl = FollowUpLabels.For(options.Language);
        var l = Labels.For(options.Language);
        var s = result.Summary;
        h.Raw("<section class=\"row\" id=\"follow-up\">").Line()
            .Raw("<h2>").Text(fl.FollowUp).Raw("</h2>").Line()
            .Raw("<div class=\"stats\">");
        if (result.PreviousAsOf is { } previous)
        {
            h.Raw("<span class=\"stat\" id=\"previous-as-of\">")
                .Text(string.Format(CultureInfo.InvariantCulture, fl.Since, previous.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Raw("</span>");
        }
        else
        {
            h.Raw("<span class=\"stat\">").Text(fl.NoPrevious).Raw("</span>");
        }
        foreach (var status in (ReadOnlySpan<FindingStatus>)[FindingStatus.New, FindingStatus.Open, FindingStatus.Reopened, FindingStatus.Waived])
        {
            h.Raw("<span class=\"stat\" data-status-count=\"").Raw(Statuses.Name(status)).Raw("\">").Text(fl.StatusText[(int)status])
                .Raw("<b>").Number(s.CountsByStatus.GetValueOrDefault(status)).Raw("</b></span>");
        }
        h.Raw("<span class=\"stat\" data-status-count=\"resolved\">").Text(fl.Resolved).Raw("<b>").Number(result.Resolved.Count).Raw("</b></span>");
        h.Raw("</div>").Line();

        h.Raw("<h3>").Text(fl.ResolvedList).Raw("<small>").Number(result.Resolved.Count).Raw("</small></h3>").Line();
        if (result.Resolved.Count == 0)
        {
            h.Raw("<p class=\"empty\">").Text(fl.NoResolved).Raw("</p>").Line();
        }
        else
        {
            h.Raw("<div class=\"scroll\"><table id=\"resolved\" class=\"data sortable\" data-sort-hint=\"").Text(l.SortHint).Raw("\"><thead><tr><th>")
                .Text(fl.Id).Raw("</th><th>").Text(fl.Code).Raw("</th><th>").Text(fl.Worker).Raw("</th><th>").Text(fl.Period)
                .Raw("</th><th>").Text(fl.FirstSeen).Raw("</th><th>").Text(fl.ResolvedOn).Raw("</th><th class=\"num\">").Text(fl.DaysOpen)
                .Raw("</th></tr></thead><tbody>").Line();
            foreach (var r in result.Resolved)
            {
                h.Raw("<tr class=\"resolved\" data-id=\"").Text(r.FindingId).Raw("\"><td class=\"mono\">").Text(r.FindingId).Raw("</td><td>");
                if (FindingCodes.TryParse(r.Code, out var code)) h.Text(l.CodeTitle(code)).Raw("<small class=\"mono\">").Text(r.Code).Raw("</small>");
                else h.Text(r.Code);
                h.Raw("</td><td class=\"mono\">").Text(PersonalData.WorkerId(r.WorkerId, null, options.Mask))
                    .Raw("</td><td class=\"nowrap\">").Text(r.Period)
                    .Raw("</td><td class=\"nowrap\">").Date(r.FirstSeen)
                    .Raw("</td><td class=\"nowrap\">").Date(r.ResolvedOn)
                    .Raw("</td><td class=\"num\">").Number(r.DaysOpen).Raw("</td></tr>").Line();
            }
            h.Raw("</tbody></table></div>").Line();
        }

        if (result.Rulings.Count > 0)
        {
            var matched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in result.Findings)
            {
                if (f.Code != FindingCode.StaleRuling) matched.Add(f.FindingId);
            }
            h.Raw("<h3>").Text(fl.Rulings).Raw("<small>").Number(result.Rulings.Count).Raw("</small></h3>").Line()
                .Raw("<div class=\"scroll\"><table id=\"rulings\" class=\"data\"><thead><tr><th>").Text(fl.Id).Raw("</th><th>").Text(fl.Ruling)
                .Raw("</th><th>").Text(fl.Reason).Raw("</th><th>").Text(fl.Reviewer).Raw("</th><th>").Text(fl.RulingDate)
                .Raw("</th><th>").Text(fl.Matched).Raw("</th><th>").Text(fl.Source).Raw("</th></tr></thead><tbody>").Line();
            foreach (var r in result.Rulings)
            {
                bool found = matched.Contains(r.FindingId);
                h.Raw("<tr class=\"ruling\" data-ruling=\"").Raw(FindingRuling.Name(r.Kind)).Raw("\" data-matched=\"").Raw(found ? "true" : "false")
                    .Raw("\"><td class=\"mono\">").Text(r.FindingId).Raw("</td><td>").Text(fl.RulingText[(int)r.Kind])
                    .Raw("</td><td>").Text(PersonalData.FreeText(r.Reason, options.Mask))
                    .Raw("</td><td>").Text(PersonalData.FreeText(r.Reviewer, options.Mask))
                    .Raw("</td><td class=\"nowrap\">").Date(r.Date)
                    .Raw("</td><td>").Text(found ? "✓" : fl.Stale)
                    .Raw("</td><td class=\"mono\">").Text(r.Source).Raw("</td></tr>").Line();
            }
            h.Raw("</tbody></table></div>").Line();
        }
        h.Raw("</section>").Line();
    }
}
