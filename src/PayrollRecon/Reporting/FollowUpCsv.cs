using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>The follow-up outputs of SPEC §7: the columns findings.csv gains, history.csv and resolved.csv.</summary>
internal static class FollowUpCsv
{
    internal const string HistoryHeader = "id,code,severity,worker_id,period,first_seen,last_seen,resolved_on,runs_open,status";

    internal const string ResolvedHeader = "id,code,worker_id,period,first_seen,resolved_on,days_open";

    /// <summary><c>status,first_seen,runs_open,ruling,finding_id</c> of one finding.</summary>
    internal static void FollowUpFields(Utf8CsvOutput csv, Finding f)
    {
        csv.PlainField(Statuses.Name(f.Status));
        csv.Field(f.FirstSeen);
        csv.Field(f.RunsOpen);
        if (f.Ruling is { } r)
        {
            csv.PlainField(FindingRuling.Name(r.Kind));
            if (f.FixNotConfirmed) csv.Append(";fix_not_confirmed"u8);
        }
        else
        {
            csv.PlainField([]);
        }
        csv.PlainField(f.FindingId);
    }

    internal static void WriteHistory(ReconciliationResult result, TextWriter writer, ReportOptions options) =>
        OutputText.ThroughStream(writer, stream => WriteHistory(result, stream, options));

    /// <summary>Writes <c>history.csv</c> (after the BOM) as UTF-8 to <paramref name="stream"/>, a row at a time into a pooled buffer.</summary>
    internal static void WriteHistory(ReconciliationResult result, Stream stream, ReportOptions options)
    {
        using var csv = new Utf8CsvOutput(stream);
        csv.Header(HistoryHeader);
        if (result.History is FollowUpHistory history)
        {
            WriteHistory(csv, history, options.Mask);
            return;
        }
        // A history a host made (a list of entries).
        foreach (var e in result.History) WriteHistoryRow(csv, e, options.Mask);
    }

    /// <summary>The rows of a run's own history, this run's written from its findings without an entry per row.</summary>
    /// <remarks>Each row's fields are <see cref="FollowUpHistory"/>'s entry's (a test holds the bytes equal); the findings
    /// lie in memory in report order, not history order, so each is prefetched a few rows before it is written.</remarks>
    private static void WriteHistory(Utf8CsvOutput csv, FollowUpHistory history, bool mask)
    {
        int count = history.Count;
        DateOnly asOf = history.AsOf;
        for (int i = 0; i < count; i++)
        {
            if (i + HistoryLookAhead < count) history.Prefetch(i + HistoryLookAhead);
            if (history.Row(i, out int carried) is not { } f)
            {
                WriteHistoryRow(csv, history.CarriedEntry(carried), mask);
                continue;
            }
            csv.Reserve(Utf8CsvOutput.FixedRowBytes);
            csv.PlainField(f.FindingId);
            csv.Field(FindingCodes.Name(f.Code));
            csv.Field(CsvReports.SeverityName(f.Severity));
            csv.WorkerIdField(f.WorkerId ?? "", f.IdNumber, mask);
            csv.Field(f.Period);
            csv.Field(history.FirstSeen(f));
            csv.Field(asOf);
            csv.Field((DateOnly?)null);
            csv.Field(f.RunsOpen ?? 1);
            csv.Field(Statuses.Name(f.Status));
            csv.EndRow();
        }
    }

    private static void WriteHistoryRow(Utf8CsvOutput csv, HistoryEntry e, bool mask)
    {
        csv.Reserve(Utf8CsvOutput.FixedRowBytes);
        csv.PlainField(e.FindingId);
        csv.Field(e.Code);
        csv.Field(e.Severity);
        csv.WorkerIdField(e.WorkerId, e.IdNumber, mask);
        csv.Field(e.Period);
        csv.Field(e.FirstSeen);
        csv.Field(e.LastSeen);
        csv.Field(e.ResolvedOn);
        csv.Field(e.RunsOpen);
        csv.Field(e.Status);
        csv.EndRow();
    }

    private const int HistoryLookAhead = 8;

    internal static void WriteResolved(ReconciliationResult result, TextWriter writer, ReportOptions options) =>
        OutputText.ThroughStream(writer, stream => WriteResolved(result, stream, options));

    /// <summary>Writes <c>resolved.csv</c> (after the BOM) as UTF-8 to <paramref name="stream"/>, a row at a time into a pooled buffer.</summary>
    internal static void WriteResolved(ReconciliationResult result, Stream stream, ReportOptions options)
    {
        using var csv = new Utf8CsvOutput(stream);
        csv.Header(ResolvedHeader);
        foreach (var r in result.Resolved)
        {
            csv.Reserve(Utf8CsvOutput.FixedRowBytes);
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
