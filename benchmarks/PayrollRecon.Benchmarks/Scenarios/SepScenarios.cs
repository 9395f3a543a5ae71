using nietras.SeparatedValues;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>
/// An extra baseline: Sep 0.18 (nietras.SeparatedValues), a SIMD CSV reader that decodes to UTF-16 and hands out
/// <c>char</c> spans. Quoted fields are unescaped, nothing is trimmed; the same fields are converted with the same
/// PayrollRecon parsers after a transcode back to UTF-8 (<see cref="Utf16Fields"/>), and folded as ours are.
/// </summary>
internal static class SepScenarios
{
    private static SepReaderOptions Options(bool hasHeader) =>
        Sep.New(',').Reader(o => o with { HasHeader = hasHeader, Unescape = true, DisableColCountCheck = true });

    public static ParseResult BankTyped(string path)
    {
        using SepReader reader = Options(hasHeader: true).FromFile(path);
        return Bank(reader);
    }

    public static ParseResult BankGb18030Typed(string path)
    {
        using var text = new StreamReader(path, Reading.Gb18030Transcoder.Encoding);
        using SepReader reader = Options(hasHeader: true).From(text);
        return Bank(reader);
    }

    public static ParseResult AttendanceTyped(string path)
    {
        using SepReader reader = Options(hasHeader: true).FromFile(path);
        var utf8 = new Utf16Fields();
        int id = reader.Header.IndexOf("id_number");
        int time = reader.Header.IndexOf("time");
        int direction = reader.Header.IndexOf("direction");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        foreach (SepReader.Row row in reader)
        {
            if (row[id].Span.IsEmpty
                || !DateParser.TryParseDateTime(utf8.Utf8(row[time].Span), out DateTime punch)
                || !TokenParser.TryParsePunchDirection(utf8.Utf8(row[direction].Span), out PunchDirection d))
            {
                rejected++;
                continue;
            }
            rows++;
            acc = Fold.Attendance(acc, utf8.Utf8(row[id].Span), punch, d);
        }
        return new ParseResult(rows, rejected, acc);
    }

    /// <summary>Records split into fields, header included (read as a record), nothing converted.</summary>
    public static ParseResult Tokenize(string path)
    {
        using SepReader reader = Options(hasHeader: false).FromFile(path);
        var utf8 = new Utf16Fields();
        long rows = 0;
        long acc = 0;
        foreach (SepReader.Row row in reader)
        {
            rows++;
            int count = row.ColCount;
            for (int i = 0; i < count; i++) acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[i].Span)));
        }
        return new ParseResult(rows, 0, acc);
    }

    private static ParseResult Bank(SepReader reader)
    {
        var utf8 = new Utf16Fields();
        SepReaderHeader header = reader.Header;
        int txnId = header.IndexOf("txn_id");
        int time = header.IndexOf("time");
        int direction = header.IndexOf("direction");
        int amount = header.IndexOf("amount");
        int balance = header.IndexOf("balance");
        int name = header.IndexOf("counterparty_name");
        int account = header.IndexOf("counterparty_account");
        int memo = header.IndexOf("memo");
        int batchId = header.IndexOf("batch_id");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        foreach (SepReader.Row row in reader)
        {
            // The same rules as layout A of the bank reader: date-time, direction, a non-negative amount, an optional balance.
            if (!DateParser.TryParseDateOrDateTime(utf8.Utf8(row[time].Span), out DateOnly date, out TimeOnly? timeOfDay)
                || !TokenParser.TryParseBankDirection(utf8.Utf8(row[direction].Span), out BankDirection d)
                || !MoneyParser.TryParse(utf8.Utf8(row[amount].Span), out Money value)
                || value.Fen < 0)
            {
                rejected++;
                continue;
            }
            Money? runningBalance = null;
            ReadOnlySpan<char> b = row[balance].Span;
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
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[txnId].Span)));
            acc = Fold.BankValues(acc, date, timeOfDay, d, value, runningBalance);
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[name].Span)));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[account].Span)));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[memo].Span)));
            acc = Fold.Mix(acc, Fold.Text(utf8.Utf8(row[batchId].Span)));
        }
        return new ParseResult(rows, rejected, acc);
    }
}
