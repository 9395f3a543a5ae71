using System.Globalization;
using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reading;

/// <summary>Reads a whole input with a typed reader and flattens rows and diagnostics to strings.</summary>
internal static class TypedReaderSupport
{
    private static string S(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Format(BankRow r) =>
        $"{r.Line}|{S(r.TxnId)}|{D(r.Date)}|{r.TimeOfDay?.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}|{r.Direction}|{r.Amount}|{r.Balance}|{S(r.CounterpartyName)}|{S(r.CounterpartyAccount)}|{S(r.Memo)}|{S(r.BatchId)}";

    public static string Format(WorkerRow r) =>
        $"{r.Line}|{S(r.WorkerId)}|{S(r.Name)}|{S(r.IdNumber)}|{S(r.BankAccount)}|{S(r.Employer)}|{S(r.Team)}|{S(r.Trade)}|{r.WageType}|{r.WageRateFen}|{D(r.EntryDate)}|{D(r.ExitDate)}";

    public static string Format(AttendanceRow r) =>
        $"{r.Line}|{S(r.IdNumber)}|{r.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}|{r.Direction}";

    public static string Format(PayrollRow r) =>
        $"{r.Line}|{S(r.IdNumber)}|{r.Period}|{r.Days}|{r.HoursCentis}|{r.Gross}|{r.Deductions}|{r.Net}";

    public static string Format(BatchRow r) =>
        $"{r.Line}|{S(r.BatchId)}|{S(r.BankAccount)}|{S(r.Name)}|{r.Amount}|{r.Status}|{S(r.Memo)}";

    public static string Format(CalendarRow r) => $"{r.Line}|{D(r.Date)}|{r.Kind}";

    /// <summary>Reads <paramref name="bytes"/> with the reader of <paramref name="kind"/>; <paramref name="direct"/> gives it the
    /// bytes as a part of a file is given (a stream the window may be filled from directly, see ReadOnlyStream.ReadsDirectly).</summary>
    public static (List<string> Rows, List<string> Diagnostics, InputFileStats Stats) Read(InputKind kind, byte[] bytes, string file, InputReaderOptions options, bool direct = false)
    {
        var rows = new List<string>();
        Stream stream = direct
            ? ByteSource.Of(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true))!.Slice(0, bytes.Length)
            : new MemoryStream(bytes);
        InputFileStats stats;
        IReadOnlyList<Diagnostic> diagnostics;
        switch (kind)
        {
            case InputKind.Bank:
            {
                using var reader = BankReader.Create(stream, file, options);
                while (reader.Read(out BankRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
            case InputKind.Workers:
            {
                using var reader = WorkersReader.Create(stream, file, options);
                while (reader.Read(out WorkerRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
            case InputKind.Attendance:
            {
                using var reader = AttendanceReader.Create(stream, file, options);
                while (reader.Read(out AttendanceRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
            case InputKind.Payroll:
            {
                using var reader = PayrollReader.Create(stream, file, options);
                while (reader.Read(out PayrollRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
            case InputKind.Batches:
            {
                using var reader = BatchesReader.Create(stream, file, options);
                while (reader.Read(out BatchRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
            default:
            {
                using var reader = CalendarReader.Create(stream, file, options);
                while (reader.Read(out CalendarRow row)) rows.Add(Format(row));
                (stats, diagnostics) = (reader.Stats, reader.Diagnostics);
                break;
            }
        }
        return (rows, diagnostics.Select(d => d.ToString()).ToList(), stats);
    }

    public static (List<string> Rows, List<string> Diagnostics, InputFileStats Stats) Read(InputKind kind, string text, bool strict = false) =>
        Read(kind, Encoding.UTF8.GetBytes(text), InputKinds.DefaultFileName(kind), new InputReaderOptions { Strict = strict });

    /// <summary>The diagnostic of a one-row file, in lenient mode; also checks strict mode throws the same message.</summary>
    public static string SingleError(InputKind kind, string header, string row)
    {
        string text = header + "\n" + row + "\n";
        var (rows, diagnostics, stats) = Read(kind, text);
        Assert.Empty(rows);
        string single = Assert.Single(diagnostics);
        Assert.Equal(1, stats.RowsRejected);
        var strict = Assert.Throws<PayrollDataException>(() => Read(kind, text, strict: true));
        Assert.Equal(single, strict.Message);
        Assert.Equal(2, strict.Line);
        return single;
    }

    /// <summary>The only row of a one-row file, which must read cleanly.</summary>
    public static string SingleRow(InputKind kind, string header, string row)
    {
        var (rows, diagnostics, _) = Read(kind, header + "\n" + row + "\n");
        Assert.Empty(diagnostics);
        return Assert.Single(rows);
    }
}
