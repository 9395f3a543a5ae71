using System.Text;

namespace PayrollRecon.Reading;

/// <summary>Character references of HTML text: the common named ones and every numeric one.</summary>
internal static class HtmlEntities
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["amp"] = "&", ["lt"] = "<", ["gt"] = ">", ["quot"] = "\"", ["apos"] = "'",
        // No-break and typographic spaces are spaces here: a cell's text is trimmed and its spaces collapsed.
        ["nbsp"] = " ", ["ensp"] = " ", ["emsp"] = " ", ["thinsp"] = " ",
        ["shy"] = "", ["zwnj"] = "", ["zwj"] = "",
        ["yen"] = "¥", ["cent"] = "¢", ["pound"] = "£", ["euro"] = "€",
        ["copy"] = "©", ["reg"] = "®", ["trade"] = "™", ["sect"] = "§", ["para"] = "¶", ["deg"] = "°",
        ["middot"] = "·", ["bull"] = "•", ["hellip"] = "…", ["times"] = "×", ["divide"] = "÷", ["plusmn"] = "±",
        ["ndash"] = "–", ["mdash"] = "—", ["minus"] = "−",
        ["lsquo"] = "‘", ["rsquo"] = "’", ["ldquo"] = "“", ["rdquo"] = "”", ["laquo"] = "«", ["raquo"] = "»",
    };

    /// <summary>Names decoded even without the closing semicolon, as browsers do for these legacy ones.</summary>
    private static readonly HashSet<string> Legacy = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "yen" };

    /// <summary>What the numeric references 0x80–0x9F stand for (HTML: they are read as Windows-1252).</summary>
    private static ReadOnlySpan<char> Windows1252 =>
        "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>Writes the UTF-8 text of the reference <c>&amp;{name}</c> (without the ampersand and semicolon) to <paramref name="destination"/>.</summary>
    /// <returns>Bytes written, or -1 when <paramref name="name"/> is not a reference that decodes (it is then text as written).</returns>
    public static int Decode(ReadOnlySpan<byte> name, bool semicolon, Span<byte> destination)
    {
        if (name.Length >= 2 && name[0] == (byte)'#')
        {
            bool hex = name[1] is (byte)'x' or (byte)'X';
            ReadOnlySpan<byte> digits = name[(hex ? 2 : 1)..];
            if (digits.IsEmpty) return -1;
            long code = 0;
            foreach (byte b in digits)
            {
                int d = HexValue(b);
                if (d < 0 || (!hex && d > 9)) return -1;
                code = Math.Min(code * (hex ? 16 : 10) + d, 0x110000);
            }
            return EncodeCodePoint(code, destination);
        }

        string key = Encoding.ASCII.GetString(name);
        if (!Named.TryGetValue(key, out string? text) || (!semicolon && !Legacy.Contains(key))) return -1;
        return Encoding.UTF8.GetBytes(text, destination);
    }

    private static int EncodeCodePoint(long code, Span<byte> destination)
    {
        int scalar;
        if (code is >= 0x80 and <= 0x9F) scalar = Windows1252[(int)code - 0x80];
        else if (code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) scalar = 0xFFFD;
        else scalar = (int)code;
        return new Rune(scalar).EncodeToUtf8(destination);
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
