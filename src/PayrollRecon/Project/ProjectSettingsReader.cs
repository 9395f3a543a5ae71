using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reporting;

namespace PayrollRecon.Project;

/// <summary>Reads <c>project.json</c> (SPEC §2.2, R8) into <see cref="ProjectSettings"/>.</summary>
/// <remarks>
/// Only <c>code</c> is required; absent keys (or JSON <c>null</c>) take the defaults. Unknown keys anywhere — top level,
/// inside <c>minimumWage</c>, inside <c>laborFunds</c> items — are errors, so a typo cannot silently disable a check.
/// Money is a JSON number or a string with at most two decimals, read from its raw text (never through a double).
/// Every problem throws <see cref="PayrollDataException"/> whose message is one line starting with the file name,
/// odd bytes included: a byte order mark past the start (two files joined), bytes that are neither UTF-8 nor GB18030
/// (a file saved as GBK is read as GB18030, as CSV inputs are), and string escapes of half a surrogate pair (<c>"\ud800"</c>), which System.Text.Json parses but cannot
/// turn into a string. Comments and trailing commas are tolerated, since the file is written by hand.
/// </remarks>
public static class ProjectSettingsReader
{
    /// <summary>Largest <c>project.json</c> accepted; a real one is a few hundred bytes.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>Largest <c>payMonthOffset</c>: wages are paid within a year of the month worked.</summary>
    public const int MaxPayMonthOffset = 12;

    /// <summary>Largest <c>graceDays</c>.</summary>
    public const int MaxGraceDays = 366;

    private static readonly string[] TopLevelKeys =
    [
        "code", "name", "contractor", "account", "asOf", "payDay", "payMonthOffset", "graceDays",
        "amountTolerance", "minimumWage", "monthlyCap", "yearlyCap", "laborFunds",
    ];

    private static readonly string[] MinimumWageKeys = ["monthly", "hourly"];
    private static readonly string[] LaborFundKeys = ["period", "amount", "dueDate"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    /// <summary>Reads the settings from JSON bytes, in the encoding detected as for the CSV inputs (SPEC §2.1): a byte
    /// order mark means UTF-8; otherwise valid UTF-8 is UTF-8, and anything else is GB18030 (GBK, GB2312), which is what a
    /// Chinese Windows editor saves.</summary>
    /// <exception cref="PayrollDataException">When the document is not valid JSON or breaks a rule of SPEC §2.2.</exception>
    public static ProjectSettings Read(ReadOnlySpan<byte> json, string fileName = "project.json")
    {
        bool byteOrderMark = json.StartsWith("\uFEFF"u8);
        if (byteOrderMark) json = json[3..];
        if (json.Length > MaxBytes) throw Error(fileName, MessageKey.SettingsTooLarge, MaxBytes);
        if (json.Trim(" \t\r\n"u8).IsEmpty) throw Error(fileName, MessageKey.SettingsEmpty);
        byte[]? transcoded = byteOrderMark || System.Text.Unicode.Utf8.IsValid(json) ? null : FromGb18030(json, fileName);
        ReadOnlySpan<byte> utf8Json = transcoded ?? json;
        CheckText(utf8Json, fileName);

        // JsonDocument needs memory it can keep; the copy is a few hundred bytes for a real file.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(transcoded ?? utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Error(fileName, MessageKey.SettingsInvalidJson, (e.LineNumber ?? 0) + 1, StripPosition(e.Message), (e.BytePositionInLine ?? 0) + 1);
        }
        using (document)
        {
            CheckEscapes(utf8Json, fileName);
            return new Reader(fileName).ReadRoot(document.RootElement);
        }
    }

    /// <summary>Strict GB18030: a byte sequence that is not a character of it is an error, never a U+FFFD in a setting.</summary>
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The UTF-8 text of a GB18030 file; bytes that are neither UTF-8 nor GB18030 are refused naming the line.</summary>
    private static byte[] FromGb18030(ReadOnlySpan<byte> gb18030, string fileName)
    {
        try
        {
            return Encoding.UTF8.GetBytes(StrictGb18030.Value.GetString(gb18030));
        }
        catch (DecoderFallbackException e)
        {
            // 0x0A is never part of a multi-byte GB18030 character, so lines are counted on the raw bytes.
            int at = Math.Clamp(e.Index, 0, gb18030.Length - 1);
            throw Error(fileName, MessageKey.SettingsNotGb18030, LineAt(gb18030, at), Hex(gb18030[at]));
        }
    }

    /// <summary>Refuses a byte order mark past the start and bytes that are not UTF-8, naming the line, before any JSON is read.</summary>
    /// <remarks>
    /// System.Text.Json only checks UTF-8 where it reads structure: invalid bytes inside a string come out later as an
    /// <see cref="InvalidOperationException"/>, and a byte order mark between two values as a puzzling JSON error.
    /// Text that is not UTF-8 reaches here only after a UTF-8 byte order mark.
    /// </remarks>
    private static void CheckText(ReadOnlySpan<byte> utf8Json, string fileName)
    {
        int bom = utf8Json.IndexOf("\uFEFF"u8);
        int invalid = System.Text.Unicode.Utf8.IsValid(utf8Json) ? -1 : FirstInvalidUtf8(utf8Json);
        if (bom >= 0 && (invalid < 0 || bom < invalid))
        {
            throw Error(fileName, MessageKey.SettingsByteOrderMarkInside, LineAt(utf8Json, bom));
        }
        if (invalid >= 0)
        {
            throw Error(fileName, MessageKey.SettingsNotUtf8AfterByteOrderMark, LineAt(utf8Json, invalid), Hex(utf8Json[invalid]));
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        while (i < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[i..], out _, out int consumed) != OperationStatus.Done) return i;
            i += consumed;
        }
        return -1;
    }

    /// <summary>Refuses a string or key whose <c>\u</c> escapes hold half a surrogate pair, which no .NET string can be read from.</summary>
    private static void CheckEscapes(ReadOnlySpan<byte> utf8Json, string fileName)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            AllowTrailingCommas = DocumentOptions.AllowTrailingCommas,
            CommentHandling = DocumentOptions.CommentHandling,
            MaxDepth = DocumentOptions.MaxDepth,
        });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            ReadOnlySpan<byte> raw = reader.ValueSpan;
            int bad = UnpairedSurrogateEscape(raw);
            if (bad < 0) continue;
            string escape = Encoding.ASCII.GetString(raw.Slice(bad, 6));
            throw Error(fileName, MessageKey.SettingsHalfSurrogate, LineAt(utf8Json, (int)reader.TokenStartIndex), escape);
        }
    }

    /// <summary>The offset of the first <c>\uXXXX</c> escape in a raw JSON string that is a surrogate without its partner, or -1.</summary>
    private static int UnpairedSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        int i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                i++;
                continue;
            }
            if (raw[i + 1] != (byte)'u')
            {
                i += 2;
                continue;
            }
            int unit = HexUnit(raw, i);
            if (unit is >= 0xDC00 and <= 0xDFFF) return i;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                bool paired = i + 12 <= raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' && HexUnit(raw, i + 6) is >= 0xDC00 and <= 0xDFFF;
                if (!paired) return i;
                i += 12;
                continue;
            }
            i += 6;
        }
        return -1;
    }

    /// <summary>The UTF-16 unit of the <c>\uXXXX</c> escape at <paramref name="at"/> (the JSON reader has checked its four hex digits).</summary>
    private static int HexUnit(ReadOnlySpan<byte> raw, int at) =>
        int.Parse(raw.Slice(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>The 1-based line of the byte at <paramref name="offset"/>.</summary>
    private static int LineAt(ReadOnlySpan<byte> utf8, int offset) => utf8[..offset].Count((byte)'\n') + 1;

    /// <summary>Reads the settings from a stream of JSON (encoding detected as in <see cref="Read(ReadOnlySpan{byte}, string)"/>).</summary>
    /// <remarks>The size cap holds as bytes arrive: a huge or endless stream (<c>/dev/zero</c>) is refused once it has
    /// given <see cref="MaxBytes"/> bytes, with no more than that in memory.</remarks>
    /// <exception cref="PayrollDataException">When the document is too large, not valid JSON, or breaks a rule of SPEC §2.2.</exception>
    public static ProjectSettings Read(Stream utf8Json, string fileName = "project.json")
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes + 3) throw Error(fileName, MessageKey.SettingsTooLarge, MaxBytes);
            buffer.Write(chunk, 0, read);
        }
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), fileName);
    }

    /// <summary>The one-line error, the file name first: a key or value quoted in the message cannot break it over lines (control characters shown as <c>?</c>).</summary>
    private static PayrollDataException Error(string fileName, MessageKey key, params object?[] values)
    {
        var shown = new object?[values.Length + 1];
        shown[0] = fileName;
        for (int i = 0; i < values.Length; i++) shown[i + 1] = values[i] is string text ? OutputText.ControlsShown(text) : values[i];
        return new(fileName, new LocalizedText(key, shown));
    }

    private static string Hex(byte b) => b.ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>System.Text.Json appends "LineNumber: n | BytePositionInLine: m." — the line is already in our message.</summary>
    private static string StripPosition(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (cut >= 0 ? message[..cut] : message).Trim();
        if (text.EndsWith(" Path: $", StringComparison.Ordinal)) text = text[..^8].TrimEnd();
        return text.ReplaceLineEndings(" ");
    }

    /// <summary>The state of one read: the file name for messages.</summary>
    private readonly struct Reader(string fileName)
    {
        public ProjectSettings ReadRoot(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Fail(MessageKey.SettingsNotObject, Describe(root));
            CheckKeys(root, TopLevelKeys, prefix: "");
            if (!root.TryGetProperty("code", out JsonElement codeElement) || codeElement.ValueKind == JsonValueKind.Null)
            {
                throw Fail(MessageKey.SettingsMissingKey, "code");
            }

            var settings = new ProjectSettings { Code = ReadCode(codeElement) };
            foreach (JsonProperty p in root.EnumerateObject())
            {
                JsonElement v = p.Value;
                if (v.ValueKind == JsonValueKind.Null) continue;
                settings = p.Name switch
                {
                    "name" => settings with { Name = ReadString(v, "name") },
                    "contractor" => settings with { Contractor = ReadString(v, "contractor") },
                    "account" => settings with { Account = ReadString(v, "account") },
                    "asOf" => settings with { AsOf = ReadDate(v, "asOf") },
                    "payDay" => settings with { PayDay = ReadInt(v, "payDay", 1, 31) },
                    "payMonthOffset" => settings with { PayMonthOffset = ReadInt(v, "payMonthOffset", 0, MaxPayMonthOffset) },
                    "graceDays" => settings with { GraceDays = ReadInt(v, "graceDays", 0, MaxGraceDays) },
                    "amountTolerance" => settings with { AmountTolerance = ReadAmount(v, "amountTolerance") },
                    "monthlyCap" => settings with { MonthlyCap = ReadAmount(v, "monthlyCap") },
                    "yearlyCap" => settings with { YearlyCap = ReadAmount(v, "yearlyCap") },
                    "minimumWage" => ReadMinimumWage(v, settings),
                    "laborFunds" => settings with { LaborFunds = ReadLaborFunds(v) },
                    _ => settings,
                };
            }
            return settings;
        }

        private string ReadCode(JsonElement v)
        {
            string code = ReadString(v, "code");
            if (string.IsNullOrWhiteSpace(code)) throw Fail(MessageKey.SettingsCodeEmpty);
            // The code names the project's output folder in batch mode, so it must be a plain folder name.
            if (code.AsSpan().IndexOfAny('/', '\\') >= 0 || code.AsSpan().ContainsAnyInRange('\0', '\u001F') || code is "." or "..")
            {
                throw Fail(MessageKey.SettingsCodeNotFolderName, code);
            }
            return code;
        }

        private ProjectSettings ReadMinimumWage(JsonElement v, ProjectSettings settings)
        {
            if (v.ValueKind != JsonValueKind.Object) throw Fail(MessageKey.SettingsExpectedObject, "minimumWage", Describe(v));
            CheckKeys(v, MinimumWageKeys, prefix: "minimumWage.");
            Money? monthly = null, hourly = null;
            if (v.TryGetProperty("monthly", out JsonElement m) && m.ValueKind != JsonValueKind.Null) monthly = ReadAmount(m, "minimumWage.monthly");
            if (v.TryGetProperty("hourly", out JsonElement h) && h.ValueKind != JsonValueKind.Null) hourly = ReadAmount(h, "minimumWage.hourly");
            return settings with { MinimumWageMonthly = monthly, MinimumWageHourly = hourly };
        }

        private List<LaborFundItem> ReadLaborFunds(JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array) throw Fail(MessageKey.SettingsExpectedArray, "laborFunds", Describe(v));
            var items = new List<LaborFundItem>(v.GetArrayLength());
            int index = 0;
            foreach (JsonElement item in v.EnumerateArray())
            {
                string path = $"laborFunds[{index}]";
                if (item.ValueKind != JsonValueKind.Object) throw Fail(MessageKey.SettingsExpectedObject, path, Describe(item));
                CheckKeys(item, LaborFundKeys, prefix: path + ".");
                YearMonth period = ReadPeriod(Required(item, path, "period"), path + ".period");
                Money amount = ReadAmount(Required(item, path, "amount"), path + ".amount");
                DateOnly dueDate = ReadDate(Required(item, path, "dueDate"), path + ".dueDate");
                items.Add(new LaborFundItem(period, amount, dueDate));
                index++;
            }
            return items;
        }

        private JsonElement Required(JsonElement obj, string path, string key)
        {
            if (!obj.TryGetProperty(key, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
            {
                throw Fail(MessageKey.SettingsMissingKeyIn, path, key);
            }
            return v;
        }

        /// <summary>Rejects unknown and duplicate keys, suggesting the closest known key for a typo.</summary>
        private void CheckKeys(JsonElement obj, string[] known, string prefix)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (JsonProperty p in obj.EnumerateObject())
            {
                if (Array.IndexOf(known, p.Name) < 0)
                {
                    string? guess = ClosestKey(p.Name, known);
                    throw guess is null
                        ? Fail(MessageKey.SettingsUnknownKey, prefix + p.Name)
                        : Fail(MessageKey.SettingsUnknownKeySuggest, prefix + p.Name, prefix + guess);
                }
                if (!seen.Add(p.Name)) throw Fail(MessageKey.SettingsDuplicateKey, prefix + p.Name);
            }
        }

        private string ReadString(JsonElement v, string path)
        {
            if (v.ValueKind != JsonValueKind.String) throw Fail(MessageKey.SettingsExpectedString, path, Describe(v));
            return v.GetString()!;
        }

        private int ReadInt(JsonElement v, string path, int min, int max)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int n) || n < min || n > max)
            {
                throw Fail(MessageKey.SettingsExpectedInteger, path, min, max, Describe(v));
            }
            return n;
        }

        private Money ReadAmount(JsonElement v, string path)
        {
            Money amount;
            string shown;
            if (v.ValueKind == JsonValueKind.Number)
            {
                // The raw number text, so 0.1 stays 10 fen exactly and 2100.123 is refused rather than rounded.
                ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(v);
                shown = System.Text.Encoding.UTF8.GetString(raw);
                if (!MoneyParser.TryParse(raw, out amount)) throw Fail(MessageKey.SettingsInvalidAmount, path, shown);
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                shown = v.GetString()!;
                if (!MoneyParser.TryParse(shown.AsSpan().Trim(), out amount)) throw Fail(MessageKey.SettingsInvalidAmount, path, shown);
            }
            else
            {
                throw Fail(MessageKey.SettingsExpectedAmount, path, Describe(v));
            }
            if (amount < Money.Zero) throw Fail(MessageKey.SettingsNegativeAmount, path, shown);
            return amount;
        }

        private DateOnly ReadDate(JsonElement v, string path)
        {
            string text = ReadString(v, path);
            var trimmed = text.AsSpan().Trim();
            if (DateParser.TryParseDate(trimmed, out DateOnly date)) return date;
            throw DateParser.TryParseDateAnyYear(trimmed, out _)
                ? Fail(MessageKey.SettingsDateOutOfRange, path, text, DateParser.MinYear, DateParser.MaxYear)
                : Fail(MessageKey.SettingsInvalidDate, path, text);
        }

        private YearMonth ReadPeriod(JsonElement v, string path)
        {
            string text = ReadString(v, path);
            if (!DateParser.TryParsePeriod(text.AsSpan().Trim(), out YearMonth period)) throw Fail(MessageKey.SettingsInvalidPeriod, path, text);
            return period;
        }

        private PayrollDataException Fail(MessageKey key, params object?[] values) => Error(fileName, key, values);
    }

    /// <summary>A short description of a JSON value for messages: its kind, and its text when short.</summary>
    private static LocalizedText Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Object => new(MessageKey.JsonObject),
        JsonValueKind.Array => new(MessageKey.JsonArray),
        JsonValueKind.String => new(MessageKey.JsonString, OutputText.ControlsShown(Shorten(v.GetString()!))),
        JsonValueKind.Number => new(MessageKey.JsonNumber, Shorten(v.GetRawText())),
        JsonValueKind.True => new(MessageKey.JsonTrue),
        JsonValueKind.False => new(MessageKey.JsonFalse),
        _ => new(MessageKey.JsonNull),
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>The known key a typo most likely meant: same letters ignoring case, or at most two edits away.</summary>
    private static string? ClosestKey(string name, string[] known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int d = string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = candidate; }
        }
        return bestDistance <= 2 ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
