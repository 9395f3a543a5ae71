using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Writes one project's four outputs; each file appears under its final name only once complete.</summary>
internal static class ProjectOutput
{
    public static void Write(ReconciliationResult result, string outDir, ReportOptions options, CancellationToken ct, CheckTimings? timings = null)
    {
        Directory.CreateDirectory(outDir);
        timings?.Restart();
        WriteAtomically(Path.Combine(outDir, ReportWriter.FindingsFileName), s => ReportWriter.WriteFindingsCsv(result, s, options), ct);
        timings?.Lap("write " + ReportWriter.FindingsFileName);
        WriteAtomically(Path.Combine(outDir, ReportWriter.LedgerFileName), s => ReportWriter.WriteLedgerCsv(result, s, options), ct);
        timings?.Lap("write " + ReportWriter.LedgerFileName);
        WriteAtomically(Path.Combine(outDir, ReportWriter.SummaryFileName), s => ReportWriter.WriteSummaryJson(result, s), ct);
        timings?.Lap("write " + ReportWriter.SummaryFileName);
        WriteAtomically(Path.Combine(outDir, ReportWriter.ReportFileName), s => ReportWriter.WriteReportHtml(result, s, options), ct);
        timings?.Lap("write " + ReportWriter.ReportFileName);
    }

    /// <summary>Writes to <c>path.tmp</c> and renames, so a cancelled run never leaves a partial file under the final name.</summary>
    public static void WriteAtomically(string path, Action<Stream> write, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var tmp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            ct.ThrowIfCancellationRequested();
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
