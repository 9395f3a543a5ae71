using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Writes one project's four outputs; each file appears under its final name only once complete.</summary>
internal static class ProjectOutput
{
    public static void Write(ReconciliationResult result, string outDir, ReportOptions options, CancellationToken ct)
    {
        Directory.CreateDirectory(outDir);
        WriteAtomically(Path.Combine(outDir, "findings.csv"), s => ReportWriter.WriteFindingsCsv(s, result, options), ct);
        WriteAtomically(Path.Combine(outDir, "ledger.csv"), s => ReportWriter.WriteLedgerCsv(s, result, options), ct);
        WriteAtomically(Path.Combine(outDir, "summary.json"), s => ReportWriter.WriteSummaryJson(s, result, options), ct);
        WriteAtomically(Path.Combine(outDir, "report.html"), s => ReportWriter.WriteHtmlReport(s, result, options), ct);
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
