using PayrollRecon.Findings;
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
        for (int i = 0; i < rows; i++)
        {
            findings[i] = templates[i % templates.Length];
            ledger[i] = realistic.Ledger[i % realistic.Ledger.Count];
        }

        return realistic with { Findings = findings, Ledger = ledger };
    }

    private static long Allocated(Action write)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        write();
        return GC.GetAllocatedBytesForCurrentThread() - before;
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
}
