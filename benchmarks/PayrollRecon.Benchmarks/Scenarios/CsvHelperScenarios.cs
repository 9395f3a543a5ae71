using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using CsvHelperOptions = CsvHelper.CsvReaderOptions;
using CsvHelperReader = CsvHelper.CsvReader;

namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>
/// The baseline: CsvHelper 34 at its fastest — its SIMD UTF-8 reader opened on the file, fields taken as UTF-8 spans
/// (<c>GetSpan</c>, no strings), and the library's own field parsers on those spans.
/// </summary>
/// <remarks>
/// Its options are the fast ones: the separator given (no detection), no trimming, no line counting, no string pool.
/// It converts the same fields with the same parsers as <see cref="OursScenarios"/> and folds them identically; what it
/// leaves out is what the library must do on top (Unicode trimming, line numbers, field-count checks, diagnostics,
/// encoding detection).
/// </remarks>
internal static class CsvHelperScenarios
{
    private static readonly CsvHelperOptions s_options = new()
    {
        Separator = ',',
        TrimWhitespace = false,
        TrackLineNumbers = false,
        PoolStrings = false,
    };

    private static readonly CsvHelperOptions s_gb18030Options = new()
    {
        Separator = ',',
        TrimWhitespace = false,
        TrackLineNumbers = false,
        PoolStrings = false,
        Encoding = Reading.Gb18030Transcoder.Encoding,
    };

    private static readonly CsvHelperOptions s_noHeaderOptions = new()
    {
        Separator = ',',
        HasHeader = false,
        TrimWhitespace = false,
        TrackLineNumbers = false,
        PoolStrings = false,
    };

    public static ParseResult BankTyped(string path) => Bank(path, s_options);

    public static ParseResult BankGb18030Typed(string path) => Bank(path, s_gb18030Options);

    public static ParseResult AttendanceTyped(string path)
    {
        using CsvHelperReader csv = CsvHelperReader.FromFile(path, s_options);
        csv.ReadHeader();
        int id = csv.GetFieldIndex("id_number");
        int time = csv.GetFieldIndex("time");
        int direction = csv.GetFieldIndex("direction");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        while (csv.Read())
        {
            ReadOnlySpan<byte> idNumber = csv.GetSpan(id);
            if (idNumber.IsEmpty
                || !DateParser.TryParseDateTime(csv.GetSpan(time), out DateTime punch)
                || !TokenParser.TryParsePunchDirection(csv.GetSpan(direction), out PunchDirection d))
            {
                rejected++;
                continue;
            }
            rows++;
            acc = Fold.Attendance(acc, idNumber, punch, d);
        }
        return new ParseResult(rows, rejected, acc);
    }

    /// <summary>Records split into fields, header included (read as a record), nothing converted.</summary>
    public static ParseResult Tokenize(string path)
    {
        using CsvHelperReader csv = CsvHelperReader.FromFile(path, s_noHeaderOptions);
        long rows = 0;
        long acc = 0;
        while (csv.Read())
        {
            rows++;
            int count = csv.FieldCount;
            for (int i = 0; i < count; i++) acc = Fold.Mix(acc, Fold.Text(csv.GetSpan(i)));
        }
        return new ParseResult(rows, 0, acc);
    }

    private static ParseResult Bank(string path, CsvHelperOptions options)
    {
        using CsvHelperReader csv = CsvHelperReader.FromFile(path, options);
        csv.ReadHeader();
        int txnId = csv.GetFieldIndex("txn_id");
        int time = csv.GetFieldIndex("time");
        int direction = csv.GetFieldIndex("direction");
        int amount = csv.GetFieldIndex("amount");
        int balance = csv.GetFieldIndex("balance");
        int name = csv.GetFieldIndex("counterparty_name");
        int account = csv.GetFieldIndex("counterparty_account");
        int memo = csv.GetFieldIndex("memo");
        int batchId = csv.GetFieldIndex("batch_id");
        long rows = 0;
        long rejected = 0;
        long acc = 0;
        while (csv.Read())
        {
            // The same rules as layout A of the bank reader: date-time, direction, a non-negative amount, an optional balance.
            if (!DateParser.TryParseDateOrDateTime(csv.GetSpan(time), out DateOnly date, out TimeOnly? timeOfDay)
                || !TokenParser.TryParseBankDirection(csv.GetSpan(direction), out BankDirection d)
                || !MoneyParser.TryParse(csv.GetSpan(amount), out Money value)
                || value.Fen < 0)
            {
                rejected++;
                continue;
            }
            Money? runningBalance = null;
            ReadOnlySpan<byte> b = csv.GetSpan(balance);
            if (!b.IsEmpty)
            {
                if (!MoneyParser.TryParse(b, out Money parsed))
                {
                    rejected++;
                    continue;
                }
                runningBalance = parsed;
            }
            rows++;
            acc = Fold.Bank(
                acc, csv.GetSpan(txnId), date, timeOfDay, d, value, runningBalance,
                csv.GetSpan(name), csv.GetSpan(account), csv.GetSpan(memo), csv.GetSpan(batchId));
        }
        return new ParseResult(rows, rejected, acc);
    }
}
