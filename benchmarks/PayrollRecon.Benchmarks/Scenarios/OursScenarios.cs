using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>The library's readers, used the way the engine uses them: a file on disk, read synchronously, row by row.</summary>
internal static class OursScenarios
{
    /// <summary>bank.csv through <see cref="BankReader"/>: every field of every line to typed values (UTF-8 or GB18030 alike).</summary>
    public static ParseResult BankTyped(string path)
    {
        long rows = 0;
        long acc = 0;
        using BankReader reader = BankReader.Open(path, new InputReaderOptions());
        while (reader.Read(out BankRow row))
        {
            rows++;
            acc = Fold.Bank(
                acc, row.TxnId, row.Date, row.TimeOfDay, row.Direction, row.Amount, row.Balance,
                row.CounterpartyName, row.CounterpartyAccount, row.Memo, row.BatchId);
        }
        return new ParseResult(rows, reader.Stats.RowsRejected, acc);
    }

    /// <summary>attendance.csv through <see cref="AttendanceReader"/>: id, punch date-time and direction per row.</summary>
    public static ParseResult AttendanceTyped(string path)
    {
        long rows = 0;
        long acc = 0;
        using AttendanceReader reader = AttendanceReader.Open(path, new InputReaderOptions());
        while (reader.Read(out AttendanceRow row))
        {
            rows++;
            acc = Fold.Attendance(acc, row.IdNumber, row.Time, row.Direction);
        }
        return new ParseResult(rows, reader.Stats.RowsRejected, acc);
    }

    /// <summary>The CSV core alone: records split into unquoted, trimmed fields, header included, nothing converted.</summary>
    public static ParseResult Tokenize(string path)
    {
        long rows = 0;
        long acc = 0;
        using CsvReader reader = CsvReader.Open(path, new CsvReaderOptions());
        while (reader.Read(out CsvRow row))
        {
            rows++;
            for (int i = 0; i < row.FieldCount; i++) acc = Fold.Mix(acc, Fold.Text(row[i]));
        }
        return new ParseResult(rows, 0, acc);
    }
}
