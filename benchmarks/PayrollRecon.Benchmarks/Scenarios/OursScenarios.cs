using PayrollRecon.Model;
using PayrollRecon.Parsing;
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

    /// <summary>
    /// bank.csv through the CSV core with the baseline's hand-written conversion loop instead of <see cref="BankReader"/>:
    /// the difference to <see cref="BankTyped"/> is what the typed reader layer itself costs.
    /// </summary>
    public static ParseResult BankCoreWithHandLoop(string path)
    {
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        using CsvReader reader = CsvReader.Open(path, new CsvReaderOptions());
        reader.Read(out _);
        while (reader.Read(out CsvRow row))
        {
            if (!DateParser.TryParseDateOrDateTime(row[1], out DateOnly date, out TimeOnly? timeOfDay)
                || !TokenParser.TryParseBankDirection(row[2], out BankDirection d)
                || !MoneyParser.TryParse(row[3], out Money value)
                || value.Fen < 0)
            {
                rejected++;
                continue;
            }
            Money? balance = null;
            ReadOnlySpan<byte> b = row[4];
            if (!b.IsEmpty)
            {
                if (!MoneyParser.TryParse(b, out Money parsed))
                {
                    rejected++;
                    continue;
                }
                balance = parsed;
            }
            rows++;
            acc = Fold.Bank(acc, row[0], date, timeOfDay, d, value, balance, row[5], row[6], row[7], row[8]);
        }
        return new ParseResult(rows, rejected, acc);
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
