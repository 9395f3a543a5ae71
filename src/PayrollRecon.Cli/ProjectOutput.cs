using PayrollRecon.Reconciliation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>Writes one project's four outputs; each file appears under its final name only once complete.</summary>
internal static class ProjectOutput
{
    /// <summary>Writes findings.csv, ledger.csv, summary.json, report.html, history.csv and resolved.csv into <paramref name="outDir"/>.</summary>
    /// <remarks>All six are written as <c>.tmp</c> files first and renamed together at the end, so a cancelled run
    /// leaves either the new set or the files that were there before, never some of each, and no <c>.tmp</c> file.
    /// A folder this call creates is removed again when it fails or is cancelled, so Ctrl-C leaves no empty project folder.</remarks>
    /// <param name="besideLedger">Write <c>ledger.csv</c>, the largest file, on a thread of its own while the others are
    /// written on this one (a single check with cores to spare; a batch keeps to its thread budget).</param>
    public static void Write(ReconciliationResult result, string outDir, ReportOptions options, CancellationToken ct, CheckTimings? timings = null, bool besideLedger = false)
    {
        bool created = !Directory.Exists(outDir);
        Directory.CreateDirectory(outDir);
        (string Name, Action<Stream> Write)[] files =
        [
            (ReportWriter.FindingsFileName, s => ReportWriter.WriteFindingsCsv(result, s, options)),
            (ReportWriter.LedgerFileName, s => ReportWriter.WriteLedgerCsv(result, s, options)),
            (ReportWriter.SummaryFileName, s => ReportWriter.WriteSummaryJson(result, s, options)),
            (ReportWriter.ReportFileName, s => ReportWriter.WriteReportHtml(result, s, options)),
            (ReportWriter.HistoryFileName, s => ReportWriter.WriteHistoryCsv(result, s, options)),
            (ReportWriter.ResolvedFileName, s => ReportWriter.WriteResolvedCsv(result, s, options)),
        ];
        var temporary = files.Select(f => Path.Combine(outDir, f.Name + ".tmp")).ToArray();
        timings?.Restart();
        bool done = false;
        Thread? beside = null;
        var errors = new System.Runtime.ExceptionServices.ExceptionDispatchInfo?[files.Length];
        try
        {
            int ledger = besideLedger ? Array.FindIndex(files, static f => f.Name == ReportWriter.LedgerFileName) : -1;
            if (ledger >= 0)
            {
                beside = new Thread(() => errors[ledger] = Guarded(() => WriteFile(temporary[ledger], files[ledger].Write), ct)) { IsBackground = true, Name = "PayrollRecon ledger.csv" };
                beside.Start();
            }
            for (int i = 0; i < files.Length; i++)
            {
                if (i == ledger) continue;
                int file = i;
                if ((errors[i] = Guarded(() => WriteFile(temporary[file], files[file].Write), ct)) is not null) break;
                timings?.Lap("write " + files[i].Name);
            }
            beside?.Join();
            beside = null;
            if (ledger >= 0) timings?.Lap("write " + files[ledger].Name + " beside");
            // The error of the file first in order, as when they are written one after another.
            foreach (var error in errors) error?.Throw();
            ct.ThrowIfCancellationRequested();
            // Past this point the renames run to the end: they take microseconds, and stopping half-way would mix runs.
            for (int i = 0; i < files.Length; i++) File.Move(temporary[i], Path.Combine(outDir, files[i].Name), overwrite: true);
            done = true;
        }
        finally
        {
            // A failure on this thread waits for the other writer before the temporary files go.
            beside?.Join();
            foreach (var tmp in temporary)
                if (File.Exists(tmp)) File.Delete(tmp);
            if (created && !done) RemoveIfEmpty(outDir);
        }
    }

    private static System.Runtime.ExceptionServices.ExceptionDispatchInfo? Guarded(Action write, CancellationToken ct)
    {
        try
        {
            ct.ThrowIfCancellationRequested();
            write();
            return null;
        }
        catch (Exception e)
        {
            return System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
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

    /// <summary>Writes a temporary file, created exclusively: whatever is found under its name (a file a killed run
    /// left, a link planted there) is removed, never written through — removing a link removes the link, not its target.</summary>
    private static void WriteFile(string path, Action<Stream> write)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (IOException) when (LocalFiles.KindOf(path, followLinks: false) is not EntryKind.Missing and not EntryKind.Directory)
        {
            File.Delete(path);
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
        using (stream) write(stream);
    }

    private static void RemoveIfEmpty(string dir)
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left as it is: the error being reported matters more than an empty folder.
        }
    }
}
