using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>Reads a whole input file through its typed reader and reports what it found (for <c>payrollrecon inspect</c>).</summary>
public static class InputInspector
{
    /// <summary>The default file name of an input kind, e.g. <c>bank.csv</c>.</summary>
    public static string DefaultFileName(InputKind kind) => kind switch
    {
        InputKind.Workers => "workers.csv",
        InputKind.Attendance => "attendance.csv",
        InputKind.Payroll => "payroll.csv",
        InputKind.Bank => "bank.csv",
        InputKind.Batches => "batches.csv",
        InputKind.Calendar => "calendar.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads the file at <paramref name="path"/> leniently; a file that cannot be read at all throws <see cref="PayrollDataException"/>.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="kind">Which input it is.</param>
    /// <param name="maxDiagnostics">How many diagnostics to keep (the rest are only counted in the stats).</param>
    public static InputInspection Inspect(string path, InputKind kind, int maxDiagnostics = 20)
    {
        var sink = new FirstDiagnostics(maxDiagnostics);
        var options = new InputReaderOptions { Diagnostics = sink };
        (InputFileStats stats, string? sheet) = kind switch
        {
            InputKind.Workers => Drain(WorkersReader.Open(path, options)),
            InputKind.Attendance => Drain(AttendanceReader.Open(path, options)),
            InputKind.Payroll => Drain(PayrollReader.Open(path, options)),
            InputKind.Bank => Drain(BankReader.Open(path, options)),
            InputKind.Batches => Drain(BatchesReader.Open(path, options)),
            InputKind.Calendar => Drain(CalendarReader.Open(path, options)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new InputInspection(stats, sink.Kept) { SheetName = sheet };
    }

    /// <summary>Reads a stream leniently (the stream is disposed); <paramref name="fileName"/> names it in diagnostics.</summary>
    public static InputInspection Inspect(Stream stream, string fileName, InputKind kind, int maxDiagnostics = 20)
    {
        var sink = new FirstDiagnostics(maxDiagnostics);
        var options = new InputReaderOptions { Diagnostics = sink };
        (InputFileStats stats, string? sheet) = kind switch
        {
            InputKind.Workers => Drain(WorkersReader.Create(stream, fileName, options)),
            InputKind.Attendance => Drain(AttendanceReader.Create(stream, fileName, options)),
            InputKind.Payroll => Drain(PayrollReader.Create(stream, fileName, options)),
            InputKind.Bank => Drain(BankReader.Create(stream, fileName, options)),
            InputKind.Batches => Drain(BatchesReader.Create(stream, fileName, options)),
            InputKind.Calendar => Drain(CalendarReader.Create(stream, fileName, options)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new InputInspection(stats, sink.Kept) { SheetName = sheet };
    }

    private static (InputFileStats Stats, string? Sheet) Drain<TRow>(InputReader<TRow> reader)
        where TRow : allows ref struct
    {
        using (reader)
        {
            while (reader.Read(out _))
            {
            }
            return (reader.Stats, reader.SheetName);
        }
    }
}
