using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>The follow-up outputs of SPEC §7: the columns findings.csv gains, history.csv and resolved.csv.</summary>
internal static class FollowUpCsv
{
    internal const string HistoryHeader = "id,code,severity,worker_id,period,first_seen,last_seen,resolved_on,runs_open,status";

    internal const string ResolvedHeader = "id,code,worker_id,period,first_seen,resolved_on,days_open";

    /// <summary>The ruling column: the ruling's name, with <c>;fix_not_confirmed</c> when a fix is not borne out.</summary>
    internal static string RulingText(Finding f) => f.Ruling is { } r
        ? f.FixNotConfirmed ? FindingRuling.Name(r.Kind) + ";fix_not_confirmed" : FindingRuling.Name(r.Kind)
        : "";

    /// <summary><c>status,first_seen,runs_open,ruling,finding_id</c> of one finding.</summary>
    internal static void FollowUpFields(CsvOutput csv, Finding f)
    {
        csv.PlainField(Statuses.Name(f.Status));
        csv.Field(f.FirstSeen);
        csv.Field(f.RunsOpen);
        csv.PlainField(RulingText(f));
        csv.PlainField(f.FindingId);
    }

    internal static void WriteHistory(ReconciliationResult result, TextWriter writer, ReportOptions options)
    {
        using var csv = new CsvOutput(writer);
        csv.Header(HistoryHeader);
        foreach (var e in result.History)
        {
            csv.PlainField(e.FindingId);
            csv.Field(e.Code);
            csv.Field(e.Severity);
            csv.WorkerIdField(e.WorkerId, e.IdNumber, options.Mask);
            csv.Field(e.Period);
            csv.Field(e.FirstSeen);
            csv.Field(e.LastSeen);
            csv.Field(e.ResolvedOn);
            csv.Field(e.RunsOpen);
            csv.Field(e.Status);
            csv.EndRow();
        }
    }

    internal static void WriteResolved(ReconciliationResult result, TextWriter writer, ReportOptions options)
    {
        using var csv = new CsvOutput(writer);
        csv.Header(ResolvedHeader);
        foreach (var r in result.Resolved)
        {
            csv.PlainField(r.FindingId);
            csv.Field(r.Code);
            csv.WorkerIdField(r.WorkerId, null, options.Mask);
            csv.Field(r.Period);
            csv.Field(r.FirstSeen);
            csv.Field(r.ResolvedOn);
            csv.Field(r.DaysOpen);
            csv.EndRow();
        }
    }
}
