using PayrollRecon.Reading;

namespace PayrollRecon.Cli;

/// <summary>Reads a whole input file through its typed reader and reports what it found (for <c>payrollrecon inspect</c>).</summary>
internal static class InputInspector
{
    /// <summary>Reads the file at <paramref name="path"/> leniently; a file that cannot be read at all throws <see cref="Model.PayrollDataException"/>.</summary>
    /// <param name="path">The input file.</param>
    /// <param name="kind">Which input it is.</param>
    /// <param name="maxDiagnostics">How many diagnostics to keep (the rest are only counted in the stats).</param>
    /// <param name="rows">How many parsed rows to return as JSON lines.</param>
    public static InputInspection Inspect(string path, InputKind kind, int maxDiagnostics = 20, int rows = 0)
    {
        // The same stream a check reads the file through.
        var source = InputSource.FromFile(path);
        return Inspect(source.Open(), source.Name, kind, maxDiagnostics, rows);
    }

    /// <summary>Reads a stream leniently (the stream is disposed); <paramref name="fileName"/> names it in diagnostics.</summary>
    public static InputInspection Inspect(Stream stream, string fileName, InputKind kind, int maxDiagnostics = 20, int rows = 0)
    {
        var sink = new FirstDiagnostics(maxDiagnostics);
        var options = new InputReaderOptions { Diagnostics = sink };
        var json = new List<string>();
        InputReader reader = InputKinds.CreateReader(kind, stream, fileName, options);
        using (reader)
        {
            switch (reader)
            {
                case WorkersReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case AttendanceReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case PayrollReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case BankReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case BatchesReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case CalendarReader r: Drain(r, rows, json, InspectedRows.Json); break;
                case RulingsReader r: Drain(r, rows, json, InspectedRows.Json); break;
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "no row format for this input kind");
            }
        }
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

    private static void Drain<TRow>(InputReader<TRow> reader, int rows, List<string> json, RowJson<TRow> format)
        where TRow : allows ref struct
    {
        while (reader.Read(out TRow row))
        {
            if (json.Count < rows) json.Add(format(in row));
        }
    }
}
