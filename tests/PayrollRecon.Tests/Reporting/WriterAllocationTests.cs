using PayrollRecon.Findings;
using PayrollRecon.FollowUp;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

using static PayrollRecon.Tests.Reporting.ReportFixtures;

namespace PayrollRecon.Tests.Reporting;

public sealed class WriterAllocationTests
{
    private static ReconciliationResult Many(int rows)
    {
        var realistic = Realistic();
        var small = Small();
        Finding[] templates = [.. realistic.Findings, .. small.Findings];
        var findings = new Finding[rows];
        var ledger = new LedgerEntry[rows];
        var history = new HistoryEntry[rows];
        for (int i = 0; i < rows; i++)
        {
            var f = templates[i % templates.Length];
            findings[i] = f;
            ledger[i] = realistic.Ledger[i % realistic.Ledger.Count];
            history[i] = new HistoryEntry
            {
                FindingId = f.FindingId, Code = FindingCodes.Name(f.Code), Severity = CsvReports.SeverityName(f.Severity), WorkerId = f.WorkerId ?? "",
                IdNumber = f.IdNumber, Period = f.Period?.ToString() ?? "", FirstSeen = new DateOnly(2024, 1, 1), LastSeen = new DateOnly(2024, 2, 1),
                ResolvedOn = i % 3 == 0 ? new DateOnly(2024, 3, 1) : null, RunsOpen = 1 + i % 4, Status = i % 3 == 0 ? Statuses.Resolved : Statuses.Open,
            };
        }

        // Followed up (a previous run's date), so the page shows each finding's status too.
        return realistic with { Findings = findings, Ledger = ledger, History = history, PreviousAsOf = new DateOnly(2024, 1, 1) };
    }

    /// <summary>Bytes one write allocates on this thread, the least of three: a write may rent its buffer afresh when a
    /// full collection, caused by tests running beside it, has trimmed the shared array pool (a 64 KiB array once, not
    /// bytes per row); that does not happen three times running.</summary>
    private static long Allocated(Action write)
    {
        long least = long.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            write();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, true)]
    [InlineData(ReportLanguage.En, true)]
    [InlineData(ReportLanguage.Zh, false)]
    public void WriteFindingsAndLedgerCsv_MoreRows_NoMoreAllocation(ReportLanguage language, bool mask)
    {
        var options = new ReportOptions { Language = language, Mask = mask };
        var few = Many(1_000);
        var many = Many(21_000);
        ReportWriter.WriteFindingsCsv(few, Stream.Null, options);
        ReportWriter.WriteLedgerCsv(few, Stream.Null, options);

        long findingsFew = Allocated(() => ReportWriter.WriteFindingsCsv(few, Stream.Null, options));
        long findingsMany = Allocated(() => ReportWriter.WriteFindingsCsv(many, Stream.Null, options));
        long ledgerFew = Allocated(() => ReportWriter.WriteLedgerCsv(few, Stream.Null, options));
        long ledgerMany = Allocated(() => ReportWriter.WriteLedgerCsv(many, Stream.Null, options));

        // 20 000 extra rows: a single allocation per row would show as 20 bytes or more per row.
        Assert.True((findingsMany - findingsFew) / 20_000.0 < 1, $"findings.csv: {findingsFew} bytes for 1 000 rows, {findingsMany} for 21 000");
        Assert.True((ledgerMany - ledgerFew) / 20_000.0 < 1, $"ledger.csv: {ledgerFew} bytes for 1 000 rows, {ledgerMany} for 21 000");
    }

    [Theory]
    [InlineData(ReportLanguage.Zh, true)]
    [InlineData(ReportLanguage.En, true)]
    [InlineData(ReportLanguage.Zh, false)]
    public void WriteHistoryCsvAndReportHtml_MoreRows_NoMoreAllocation(ReportLanguage language, bool mask)
    {
        var options = new ReportOptions { Language = language, Mask = mask };
        var few = Many(1_000);
        var many = Many(21_000);
        ReportWriter.WriteHistoryCsv(few, Stream.Null, options);
        ReportWriter.WriteReportHtml(few, Stream.Null, options);

        long historyFew = Allocated(() => ReportWriter.WriteHistoryCsv(few, Stream.Null, options));
        long historyMany = Allocated(() => ReportWriter.WriteHistoryCsv(many, Stream.Null, options));
        long pageFew = Allocated(() => ReportWriter.WriteReportHtml(few, Stream.Null, options));
        long pageMany = Allocated(() => ReportWriter.WriteReportHtml(many, Stream.Null, options));

        // 20 000 more findings, history rows and ledger rows (some of them arrears on the page).
        Assert.True((historyMany - historyFew) / 20_000.0 < 1, $"history.csv: {historyFew} bytes for 1 000 rows, {historyMany} for 21 000");
        Assert.True((pageMany - pageFew) / 20_000.0 < 1, $"report.html: {pageFew} bytes for 1 000 rows, {pageMany} for 21 000");
    }
}
