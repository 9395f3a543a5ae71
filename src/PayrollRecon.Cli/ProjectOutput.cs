using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Writes one project's four outputs; each file appears under its final name only once complete.</summary>
internal static class ProjectOutput
{
    /// <summary>Writes findings.csv, ledger.csv, summary.json, report.html, history.csv and resolved.csv into <paramref name="outDir"/>.</summary>
    /// <remarks>All six are written as <c>.tmp</c> files first and renamed together at the end, so a cancelled run
    /// leaves either the new set or the files that were there before, never some of each, and no <c>.tmp</c> file.</remarks>
    public static void Write(ReconciliationResult result, string outDir, ReportOptions options, CancellationToken ct, CheckTimings? timings = null)
    {
        Directory.CreateDirectory(outDir);
        (string Name, Action<Stream> Write)[] files =
        [
            (ReportWriter.FindingsFileName, s => ReportWriter.WriteFindingsCsv(result, s, options)),
            (ReportWriter.LedgerFileName, s => ReportWriter.WriteLedgerCsv(result, s, options)),
            (ReportWriter.SummaryFileName, s => ReportWriter.WriteSummaryJson(result, s)),
            (ReportWriter.ReportFileName, s => ReportWriter.WriteReportHtml(result, s, options)),
            (ReportWriter.HistoryFileName, s => ReportWriter.WriteHistoryCsv(result, s, options)),
            (ReportWriter.ResolvedFileName, s => ReportWriter.WriteResolvedCsv(result, s, options)),
        ];
        var temporary = new List<string>(files.Length);
        timings?.Restart();
        try
        {
            foreach (var (name, write) in files)
            {
                ct.ThrowIfCancellationRequested();
                var tmp = Path.Combine(outDir, name + ".tmp");
                temporary.Add(tmp);
                WriteFile(tmp, write);
                timings?.Lap("write " + name);
            }
            ct.ThrowIfCancellationRequested();
            // Past this point the renames run to the end: they take microseconds, and stopping half-way would mix runs.
            for (int i = 0; i < files.Length; i++) File.Move(temporary[i], Path.Combine(outDir, files[i].Name), overwrite: true);
        }
        finally
        {
            foreach (var tmp in temporary)
                if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>Writes to <c>path.tmp</c> and renames, so a cancelled run never leaves a partial file under the final name.</summary>
    public static void WriteAtomically(string path, Action<Stream> write, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var tmp = path + ".tmp";
        try
        {
            WriteFile(tmp, write);
            ct.ThrowIfCancellationRequested();
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    }
}
