using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using Sylvan.Data.Csv;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>
/// An extra baseline: Sylvan.Data.Csv 1.4 (<see cref="CsvDataReader"/>), which decodes to UTF-16 and hands out
/// <c>char</c> spans (<c>GetFieldSpan</c>). Quoted fields are unescaped, nothing is trimmed; the same fields are
/// converted with the same PayrollRecon parsers after a transcode back to UTF-8 (<see cref="Utf16Fields"/>).
/// </summary>
internal static class SylvanScenarios
{
    private static CsvDataReaderOptions Options(bool hasHeaders) => new() { Delimiter = ',', HasHeaders = hasHeaders };

    public static ParseResult BankTyped(string path)
    {
        using CsvDataReader csv = CsvDataReader.Create(path, Options(hasHeaders: true));
        return Bank(csv);
    }

    public static ParseResult BankGb18030Typed(string path)
    {
        using var text = new StreamReader(path, Reading.Gb18030Transcoder.Encoding);
        using CsvDataReader csv = CsvDataReader.Create(text, Options(hasHeaders: true));
        return Bank(csv);
    }

    public static ParseResult AttendanceTyped(string path)
    {
        using CsvDataReader csv = CsvDataReader.Create(path, Options(hasHeaders: true));
        var utf8 = new Utf16Fields();
        int id = csv.GetOrdinal("id_number");
        int time = csv.GetOrdinal("time");
        int direction = csv.GetOrdinal("direction");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        while (csv.Read())
        {
            if (csv.GetFieldSpan(id).IsEmpty
                || !DateParser.TryParseDateTime(utf8.Utf8(csv.GetFieldSpan(time)), out DateTime punch)
                || !TokenParser.TryParsePunchDirection(utf8.Utf8(csv.GetFieldSpan(direction)), out PunchDirection d))
            {
                rejected++;
                continue;
            }
            rows++;
            acc = Fold.Attendance(acc, utf8.Utf8(csv.GetFieldSpan(id)), punch, d);
        }
        return new ParseResult(rows, rejected, acc);
    }

    /// <summary>Records split into fields, header included (read as a record), nothing converted.</summary>
    public static ParseResult Tokenize(string path)
    {
        using CsvDataReader csv = CsvDataReader.Create(path, Options(hasHeaders: false));
        var utf8 = new Utf16Fields();
        long rows = 0;
        long acc = 0;
        while (csv.Read())
        {
            rows++;
            int count = csv.RowFieldCount;
            for (int i = 0; i < count; i++) acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(i))));
        }
        return new ParseResult(rows, 0, acc);
    }

    private static ParseResult Bank(CsvDataReader csv)
    {
        var utf8 = new Utf16Fields();
        int txnId = csv.GetOrdinal("txn_id");
        int time = csv.GetOrdinal("time");
        int direction = csv.GetOrdinal("direction");
        int amount = csv.GetOrdinal("amount");
        int balance = csv.GetOrdinal("balance");
        int name = csv.GetOrdinal("counterparty_name");
        int account = csv.GetOrdinal("counterparty_account");
        int memo = csv.GetOrdinal("memo");
        int batchId = csv.GetOrdinal("batch_id");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        while (csv.Read())
        {
            // The same rules as layout A of the bank reader: date-time, direction, a non-negative amount, an optional balance.
            if (!DateParser.TryParseDateOrDateTime(utf8.Utf8(csv.GetFieldSpan(time)), out DateOnly date, out TimeOnly? timeOfDay)
                || !TokenParser.TryParseBankDirection(utf8.Utf8(csv.GetFieldSpan(direction)), out BankDirection d)
                || !MoneyParser.TryParse(utf8.Utf8(csv.GetFieldSpan(amount)), out Money value)
                || value.Fen < 0)
            {
                rejected++;
                continue;
            }
            Money? runningBalance = null;
            ReadOnlySpan<char> b = csv.GetFieldSpan(balance);
            if (!b.IsEmpty)
            {
                if (!MoneyParser.TryParse(utf8.Utf8(b), out Money parsed))
                {
                    rejected++;
                    continue;
                }
                runningBalance = parsed;
            }
            rows++;
            // Text fields are folded by their UTF-8 length and last byte, one at a time through the shared buffer.
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(txnId))));
            acc = Fold.BankValues(acc, date, timeOfDay, d, value, runningBalance);
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(name))));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(account))));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(memo))));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(csv.GetFieldSpan(batchId))));
        }
        return new ParseResult(rows, rejected, acc);
    }
}
