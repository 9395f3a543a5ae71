using System.Diagnostics;
using System.Globalization;

using PayrollRecon.Reading;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// <c>--workbook FILE [--rounds N]</c>: reads one bank statement (CSV, xlsx, xls or HTML) through <see cref="BankReader"/>
/// N times (default 3) in this process, as <c>check</c> reads it, and prints one markdown row: rows, the first read
/// (as a fresh CLI process does it, JIT included) and the best one in seconds and rows/s, source MB/s of the best,
/// bytes allocated per row, and the process's peak working set.
/// </summary>
/// <remarks>Run it once per file in a fresh process (as <c>benchmarks/workbooks.sh</c> does), so the peak working set is that file's alone.</remarks>
internal static class WorkbookRead
{
    public static int Run(string[] args, TextWriter output)
    {
        int at = Array.IndexOf(args, "--workbook");
        if (at < 0 || at + 1 >= args.Length)
        {
            output.WriteLine("usage: --workbook FILE [--rounds N]");
            return 2;
        }
        string path = args[at + 1];
        int roundsAt = Array.IndexOf(args, "--rounds");
        int rounds = roundsAt >= 0 && roundsAt + 1 < args.Length ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 3;

        double first = 0, best = double.MaxValue;
        long rows = 0, rejected = 0, allocated = 0;
        string format = "";
        string? sheet = null;
        for (int round = 0; round < rounds; round++)
        {
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            rows = 0;
            using (var reader = BankReader.Open(path, new InputReaderOptions()))
            {
                while (reader.Read(out _)) rows++;
                format = Reporting.SummaryJson.EncodingName(reader.Stats.Encoding);
                sheet = reader.SheetName;
                rejected = reader.Stats.RowsRejected;
            }
            double seconds = clock.Elapsed.TotalSeconds;
            if (round == 0)
            {
                first = seconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }
            best = Math.Min(best, seconds);
        }
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        long bytes = new FileInfo(path).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {Path.GetFileName(path)} | {format}{(sheet is null ? "" : $" ({sheet})")} | {bytes / 1e6:F1} | {rows:N0} | {rejected} | {first:F2} | {rows / first:N0} | {best:F2} | {rows / best:N0} | {bytes / 1e6 / best:F1} | {allocated / (rows + 1.0):N0} | {peak / 1048576.0:N0} |"));
        return 0;
    }
}
