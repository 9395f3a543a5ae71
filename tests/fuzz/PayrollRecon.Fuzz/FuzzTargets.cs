using System.Text;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Project;
using PayrollRecon.Reading;
using PayrollRecon.Records;

namespace PayrollRecon.Fuzz;

/// <summary>
/// The fuzz targets. Each takes the fuzzer's bytes and lets through only the exceptions the library documents
/// (<see cref="PayrollDataException"/>, and <see cref="ArgumentException"/> where a parser documents it for a broken
/// precondition): any other exception escapes, and the fuzzer records a crash. Some targets also check a property the
/// input must keep (a parsed amount formats and parses back to itself; a CSV file gives the same rows whatever the
/// read sizes) and throw <see cref="FuzzPropertyException"/> when it does not.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name, as <c>run.sh</c> and the corpus folders name them.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["csv"] = Csv,
        ["readers"] = Readers,
        ["fields"] = Fields,
        ["workbook"] = Workbook,
        ["project"] = Project,
    };

    /// <summary>Runs a target, swallowing only the documented exceptions.</summary>
    public static void Run(string target, byte[] data)
    {
        if (!All.TryGetValue(target, out Action<byte[]>? action)) throw new ArgumentException($"unknown fuzz target '{target}' (known: {string.Join(", ", All.Keys)})");
        try
        {
            action(data);
        }
        catch (PayrollDataException)
        {
            // Documented: an unreadable file (no header, damaged workbook, invalid project.json…).
        }
    }

    /// <summary>The CSV core over raw bytes: every record read twice, with a whole buffer and in small pieces; the rows must agree.</summary>
    private static void Csv(byte[] data)
    {
        // A small record cap so the fuzzer reaches the too-long path with small inputs.
        var options = new CsvReaderOptions { MaxRecordBytes = 256 };
        List<string> whole = ReadAll(new MemoryStream(data), options);
        int piece = 1 + (data.Length == 0 ? 0 : data[0] % 7);
        List<string> pieces = ReadAll(new TrickleStream(data, piece), options);
        if (!whole.SequenceEqual(pieces))
        {
            int at = Enumerable.Range(0, Math.Min(whole.Count, pieces.Count)).FirstOrDefault(i => whole[i] != pieces[i], Math.Min(whole.Count, pieces.Count));
            throw new FuzzPropertyException($"reading in {piece}-byte pieces changed the rows: record {at}: '{Get(whole, at)}' vs '{Get(pieces, at)}' ({whole.Count} vs {pieces.Count} records)");
        }
    }

    private static string Get(List<string> rows, int i) => i < rows.Count ? rows[i] : "(none)";

    private static List<string> ReadAll(Stream stream, CsvReaderOptions options)
    {
        var rows = new List<string>();
        using CsvReader reader = CsvReader.Create(stream, "fuzz.csv", options);
        while (reader.Read(out CsvRow row))
        {
            var sb = new StringBuilder();
            sb.Append(row.Line).Append(':').Append(row.Error).Append(':');
            if (row.Error == CsvRowError.None)
            {
                for (int i = 0; i < row.FieldCount; i++) sb.Append(Convert.ToHexString(row[i])).Append('|');
            }
            rows.Add(sb.ToString());
        }
        return rows;
    }

    /// <summary>Every typed reader (the first byte picks bank, workers, attendance, payroll, batches or calendar) over the rest of the input.</summary>
    private static void Readers(byte[] data)
    {
        if (data.Length == 0) return;
        var stream = new MemoryStream(data, 1, data.Length - 1);
        var options = new InputReaderOptions { MaxRecordBytes = 512, ExpectedAccount = (data[0] & 0x80) != 0 ? "41050163360800001717" : null };
        switch (data[0] % 6)
        {
            case 0:
                using (BankReader r = BankReader.Create(stream, "bank.csv", options)) Drain(r);
                break;
            case 1:
                using (WorkersReader r = WorkersReader.Create(stream, "workers.csv", options)) Drain(r);
                break;
            case 2:
                using (AttendanceReader r = AttendanceReader.Create(stream, "attendance.csv", options)) Drain(r);
                break;
            case 3:
                using (PayrollReader r = PayrollReader.Create(stream, "payroll.csv", options)) Drain(r);
                break;
            case 4:
                using (BatchesReader r = BatchesReader.Create(stream, "batches.csv", options)) Drain(r);
                break;
            default:
                using (CalendarReader r = CalendarReader.Create(stream, "calendar.csv", options)) Drain(r);
                break;
        }
    }

    private static void Drain(BankReader r)
    {
        while (r.Read(out BankRow _))
        {
        }
        CheckStats(r);
    }

    private static void Drain(WorkersReader r)
    {
        while (r.Read(out WorkerRow _))
        {
        }
        CheckStats(r);
    }

    private static void Drain(AttendanceReader r)
    {
        while (r.Read(out AttendanceRow _))
        {
        }
        CheckStats(r);
    }

    private static void Drain(PayrollReader r)
    {
        while (r.Read(out PayrollRow _))
        {
        }
        CheckStats(r);
    }

    private static void Drain(BatchesReader r)
    {
        while (r.Read(out BatchRow _))
        {
        }
        CheckStats(r);
    }

    private static void Drain(CalendarReader r)
    {
        while (r.Read(out CalendarRow _))
        {
        }
        CheckStats(r);
    }

    private static void CheckStats(InputReader r)
    {
        InputFileStats s = r.Stats;
        if (s.RowsRejected > s.RowsRead || s.RowsRejected < 0 || s.FooterRows < 0)
            throw new FuzzPropertyException($"inconsistent counts: {s.RowsRead} read, {s.RowsRejected} rejected, {s.FooterRows} footer rows");
    }

    /// <summary>The field parsers (money, dates, times, periods, ID numbers, memo months, tokens, accounts, footer words); the first byte picks one.</summary>
    private static void Fields(byte[] data)
    {
        if (data.Length == 0) return;
        ReadOnlySpan<byte> v = data.AsSpan(1);
        string text = Encoding.UTF8.GetString(v);
        switch (data[0] % 14)
        {
            case 0:
                if (MoneyParser.TryParse(v, out Money money))
                {
                    // What was read formats and reads back to the same fen.
                    Span<byte> buffer = stackalloc byte[64];
                    if (!MoneyParser.TryFormat(money, buffer, out int written)) throw new FuzzPropertyException($"{money.Fen} fen parsed from '{text}' does not format");
                    if (!MoneyParser.TryParse(buffer[..written], out Money again) || again != money)
                        throw new FuzzPropertyException($"'{text}' → {money.Fen} fen → '{Encoding.UTF8.GetString(buffer[..written])}' does not read back");
                }
                _ = MoneyParser.TryParse(text.AsSpan(), out _);
                break;
            case 1:
                if (DateParser.TryParseDate(v, out DateOnly date) && (date.Year < 1 || date.Year > 9999)) throw new FuzzPropertyException($"date out of range from '{text}'");
                _ = DateParser.TryParseDate(text.AsSpan(), out _);
                break;
            case 2:
                _ = DateParser.TryParseDateTime(v, out _);
                break;
            case 3:
                _ = DateParser.TryParseDateOrDateTime(v, out _, out _);
                break;
            case 4:
                _ = DateParser.TryParseTime(v, out _);
                _ = DateParser.TryParseBankTime(v, out _);
                break;
            case 5:
                _ = DateParser.TryParsePeriod(v, out _);
                _ = DateParser.TryParsePeriod(text.AsSpan(), out _);
                break;
            case 6:
                IdNumbers.IsValid(text, new DateOnly(2024, 7, 10));
                if (IdNumbers.TryGetBirthDate(text, out DateOnly birth)) IdNumbers.IsUnder16(birth, new DateOnly(2024, 7, 10));
                if (text.Length >= 17 && text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') == false) IdNumbers.CheckCharacter(text.AsSpan(0, 17));
                IdNumbers.Mask(text);
                break;
            case 7:
                DateOnly paid = new(2000 + (v.Length % 30), 1 + (v.Length % 12), 1 + (v.Length % 28));
                MemoMonth.TryFind(v, paid, out _);
                MemoMonth.TryFind(text.AsSpan(), paid, out _);
                break;
            case 8:
                _ = TokenParser.TryParseBankDirection(v, out _);
                _ = TokenParser.TryParseBankStatus(v, out _);
                _ = TokenParser.TryParsePunchDirection(v, out _);
                break;
            case 9:
                _ = TokenParser.TryParseWageType(v, out _);
                _ = TokenParser.TryParseBatchStatus(v, out _);
                _ = TokenParser.TryParseCalendarKind(v, out _);
                _ = TokenParser.TryParseInt(v, out _);
                _ = TokenParser.TryParseHundredths(v, out _);
                break;
            case 10:
                if (CombinedCounterparty.TrySplit(v, out Range account, out Range head, out Range tail))
                {
                    _ = v[account];
                    Span<byte> name = new byte[v.Length + 8];
                    CombinedCounterparty.Name(v, head, tail, name);
                }
                break;
            case 11:
                PreambleFacts.TryFindAccount(text, out string found);
                PreambleFacts.AccountAgrees(text, found ?? "");
                PreambleFacts.TryFindPeriod(text, out _, out _);
                break;
            case 12:
                FooterWords.IsFooterWord(v);
                FieldValues.IsPlaceholder(v);
                NameNormalizer.Normalize(text);
                break;
            default:
                AccountNumbers.IsInvalid(text);
                AccountNumbers.DigitsOf(text);
                Keywords.IsFirm(v);
                Keywords.IsRefundMemo(text.AsSpan());
                break;
        }
    }

    /// <summary>An Excel workbook (or an HTML table saved as .xls) through the bank reader, as the CLI reads <c>bank.xlsx</c>.</summary>
    private static void Workbook(byte[] data)
    {
        var options = new InputReaderOptions { MaxRecordBytes = 4096 };
        using BankReader r = BankReader.Create(new MemoryStream(data), "bank.xlsx", options);
        Drain(r);
    }

    /// <summary>project.json through <see cref="ProjectSettingsReader"/>, as a span and as a stream.</summary>
    private static void Project(byte[] data)
    {
        ProjectSettings? a = null;
        try
        {
            a = ProjectSettingsReader.Read(data);
        }
        catch (PayrollDataException)
        {
        }
        ProjectSettings? b = null;
        try
        {
            b = ProjectSettingsReader.Read(new MemoryStream(data));
        }
        catch (PayrollDataException)
        {
        }
        if ((a is null) != (b is null)) throw new FuzzPropertyException($"the span reader {(a is null ? "refused" : "read")} it and the stream reader {(b is null ? "refused" : "read")} it");
    }
}

/// <summary>A property a fuzz target checks did not hold.</summary>
public sealed class FuzzPropertyException(string message) : Exception(message);

/// <summary>A stream that hands out at most a few bytes per read, to move every record across read boundaries.</summary>
internal sealed class TrickleStream(byte[] data, int piece) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(piece, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
