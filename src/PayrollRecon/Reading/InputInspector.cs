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
        InputKind.Rulings => "rulings.csv",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads the file at <paramref name="path"/> leniently; a file that cannot be read at all throws <see cref="PayrollDataException"/>.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="kind">Which input it is.</param>
    /// <param name="maxDiagnostics">How many diagnostics to keep (the rest are only counted in the stats).</param>
    /// <param name="rows">How many parsed rows to return as JSON lines.</param>
    public static InputInspection Inspect(string path, InputKind kind, int maxDiagnostics = 20, int rows = 0) =>
        Inspect(SequentialFileStream.Open(path), Path.GetFileName(path), kind, maxDiagnostics, rows);

    /// <summary>Reads a stream leniently (the stream is disposed); <paramref name="fileName"/> names it in diagnostics.</summary>
    public static InputInspection Inspect(Stream stream, string fileName, InputKind kind, int maxDiagnostics = 20, int rows = 0)
    {
        var sink = new FirstDiagnostics(maxDiagnostics);
        var options = new InputReaderOptions { Diagnostics = sink };
        var json = new List<string>();
        InputReader reader = kind switch
        {
            InputKind.Workers => Drain(WorkersReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Attendance => Drain(AttendanceReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Payroll => Drain(PayrollReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Bank => Drain(BankReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Batches => Drain(BatchesReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Calendar => Drain(CalendarReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            InputKind.Rulings => Drain(RulingsReader.Create(stream, fileName, options), rows, json, InspectedRows.Json),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var bank = reader as BankReader;
        return new InputInspection(reader.Stats, sink.Kept)
        {
            Columns = reader.Columns,
            Preamble = reader.Preamble,
            Separator = reader.Separator,
            BankLayout = bank?.Layout,
            PreambleAccount = bank?.PreambleAccount,
            PreamblePeriod = bank?.PreamblePeriod,
            NewestFirst = bank?.NewestFirst ?? false,
            Rows = json,
        };
    }

    private delegate string RowJson<TRow>(in TRow row)
        where TRow : allows ref struct;

    private static InputReader<TRow> Drain<TRow>(InputReader<TRow> reader, int rows, List<string> json, RowJson<TRow> format)
        where TRow : allows ref struct
    {
        using (reader)
        {
            while (reader.Read(out TRow row))
            {
                if (json.Count < rows) json.Add(format(in row));
            }
            return reader;
        }
    }
}
