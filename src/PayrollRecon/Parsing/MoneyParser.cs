using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Parsing;

/// <summary>Parses and formats yuan amounts as exact fen (SPEC §2.1, R4, R37).</summary>
/// <remarks>
/// Accepted: digits, either without commas or with correctly grouped thousands (<c>1,234,567</c>), then optionally
/// <c>.</c> and one or two decimals; before them at most one sign (<c>-</c> or <c>+</c>) and at most one currency mark:
/// <c>¥</c> (U+00A5), <c>￥</c> (U+FFE5), 人民币, or <c>CNY</c> / <c>RMB</c> in any case. The sign stands either first
/// (<c>-CNY 5.00</c>, <c>+¥12</c>) or right before the digits after the mark (<c>RMB-5.00</c>, <c>CNY -5.00</c>); white
/// space may separate the mark from what follows it, never the sign from what follows it. Instead of a mark before,
/// <c>元</c> may follow the digits, white space allowed between (<c>1,234.50元</c>, <c>-12 元</c>); never both
/// (<c>人民币12元</c> is rejected). Rejected, among others: <c>12.</c>, <c>.5</c>, <c>12.345</c>, <c>1,2,3</c>, two signs,
/// two marks, a mark anywhere else (<c>12CNY</c>, <c>元12</c>), white space at either end or inside the digits, the
/// empty string, and anything outside the range of <see cref="long"/> fen. Never throws, never allocates.
/// </remarks>
internal static class MoneyParser
{
    // Magnitudes are accumulated as ulong fen so that long.MinValue (one more than long.MaxValue) stays reachable.
    private const ulong MaxPositiveFen = long.MaxValue;
    private const ulong MaxNegativeFen = (ulong)long.MaxValue + 1;

    /// <summary>Parses a trimmed UTF-8 amount in yuan into fen.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Money value) =>
        TryParsePlain(utf8, out value) || TryParseGrouped(utf8, out value) || TryParseGrammar(utf8, out value);

    /// <summary>The general grammar alone (what <see cref="TryParse(ReadOnlySpan{byte}, out Money)"/> falls back to).</summary>
    internal static bool TryParseGrammar(ReadOnlySpan<byte> utf8, out Money value)
    {
        value = Money.Zero;
        int end = utf8.Length;
        bool yuanAfter = end >= 3 && utf8.EndsWith(YuanSuffix);
        if (yuanAfter) end = TrimWhiteSpaceEnd(utf8, end - YuanSuffix.Length);

        int i = 0;
        int sign = SignAt(utf8, i, end);
        if (sign != 0) i++;
        int mark = CurrencyMarkLength(utf8[i..end]);
        if (mark > 0)
        {
            // One currency statement only: 人民币12元 says it twice and is rejected.
            if (yuanAfter) return false;
            i = SkipWhiteSpace(utf8, i + mark, end);
            if (sign == 0)
            {
                sign = SignAt(utf8, i, end);
                if (sign != 0) i++;
            }
        }
        return TryParseNumber(utf8[i..end], sign < 0, out value);
    }

    /// <summary>Digits (grouped by thousands or not), then optionally <c>.</c> and one or two decimals; nothing else.</summary>
    private static bool TryParseNumber(ReadOnlySpan<byte> utf8, bool negative, out Money value)
    {
        value = Money.Zero;
        int i = 0;
        ulong yuan = 0;
        int groupDigits = 0;   // digits since the start or the last comma
        bool grouped = false;
        int intDigits = 0;
        for (; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            uint digit = DigitHelpers.Value(b);
            if (digit <= 9)
            {
                if (yuan > (ulong.MaxValue - digit) / 10) return false;
                yuan = yuan * 10 + digit;
                groupDigits++;
                intDigits++;
                if (grouped && groupDigits > 3) return false;
            }
            else if (b == (byte)',')
            {
                // The first group holds 1–3 digits, every later one exactly 3.
                if (groupDigits == 0 || groupDigits > 3 || (grouped && groupDigits != 3)) return false;
                grouped = true;
                groupDigits = 0;
            }
            else
            {
                break;
            }
        }
        if (intDigits == 0 || (grouped && groupDigits != 3)) return false;

        uint fraction = 0;
        if (i < utf8.Length)
        {
            if (utf8[i] != (byte)'.') return false;
            int decimals = utf8.Length - i - 1;
            if (decimals is < 1 or > 2) return false;
            uint d1 = DigitHelpers.Value(utf8[i + 1]);
            if (d1 > 9) return false;
            fraction = d1 * 10;
            if (decimals == 2)
            {
                uint d2 = DigitHelpers.Value(utf8[i + 2]);
                if (d2 > 9) return false;
                fraction += d2;
            }
        }

        ulong limit = negative ? MaxNegativeFen : MaxPositiveFen;
        if (yuan > (limit - fraction) / 100) return false;
        ulong fen = yuan * 100 + fraction;
        value = new Money(negative ? unchecked((long)(0UL - fen)) : (long)fen);
        return true;
    }

    /// <summary>
    /// What nearly every export writes: an optional <c>-</c>, 1–15 digits without grouping, <c>.</c> and two decimals;
    /// false for anything else, which the general grammar then decides (it accepts all this does, with the same value).
    /// </summary>
    /// <remarks>Fifteen digits of yuan are below 10^17 fen, so the value cannot overflow.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParsePlain(ReadOnlySpan<byte> utf8, out Money value)
    {
        value = Money.Zero;
        unchecked
        {
            int n = utf8.Length;
            if (n < 4 || n > 19) return false;
            ref byte p = ref MemoryMarshal.GetReference(utf8);
            int i = p == (byte)'-' ? 1 : 0;
            int dot = n - 3;
            if (dot - i is < 1 or > 15 || Unsafe.Add(ref p, dot) != (byte)'.') return false;
            // The digits as words (DigitHelpers.ParseDigits8): eight bytes from the first digit lie in the span unless the
            // amount has at most four digits, and nine or more are the first ones and the eight before the point.
            int digits = dot - i;
            long yuan;
            if (n - i < 8)
            {
                yuan = DigitHelpers.ParseDigits4(ref Unsafe.Add(ref p, i), digits);
            }
            else if (digits <= 8)
            {
                yuan = DigitHelpers.ParseDigits8(ref Unsafe.Add(ref p, i), digits);
            }
            else
            {
                long high = DigitHelpers.ParseDigits8(ref Unsafe.Add(ref p, i), digits - 8);
                long low = DigitHelpers.ParseDigits8(ref Unsafe.Add(ref p, dot - 8), 8);
                yuan = (high | low) < 0 ? -1 : (high * 100_000_000) + low;
            }
            if (yuan < 0) return false;
            uint d1 = DigitHelpers.Value(Unsafe.Add(ref p, dot + 1));
            uint d2 = DigitHelpers.Value(Unsafe.Add(ref p, dot + 2));
            // Each on its own: two digits can OR to more than 9 (4 | 9 is 13), which sent such amounts to the grammar.
            if (d1 > 9 || d2 > 9) return false;
            long fen = (yuan * 100) + (d1 * 10) + d2;
            value = new Money(p == (byte)'-' ? -fen : fen);
            return true;
        }
    }

    /// <summary>
    /// The other layout exports write: an optional <c>-</c>, 4–15 digits grouped by thousands (<c>1,913,786</c>), <c>.</c>
    /// and two decimals; false for anything else, which the general grammar then decides (with the same value on this).
    /// </summary>
    /// <remarks>The commas stand every four bytes after the first group of 1–3 digits; fifteen digits cannot overflow.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TryParseGrouped(ReadOnlySpan<byte> utf8, out Money value)
    {
        value = Money.Zero;
        unchecked
        {
            int n = utf8.Length;
            if (n < 8 || n > 23) return false;
            ref byte p = ref MemoryMarshal.GetReference(utf8);
            int i = p == (byte)'-' ? 1 : 0;
            int dot = n - 3;
            int first = (dot - i) % 4;
            if (dot - i < 5 || first == 0 || Unsafe.Add(ref p, dot) != (byte)'.') return false;
            ulong yuan = 0;
            int comma = i + first;
            for (; i < dot; i++)
            {
                byte b = Unsafe.Add(ref p, i);
                if (i == comma)
                {
                    if (b != (byte)',') return false;
                    comma += 4;
                    continue;
                }
                uint digit = DigitHelpers.Value(b);
                if (digit > 9) return false;
                yuan = yuan * 10 + digit;
            }
            uint d1 = DigitHelpers.Value(Unsafe.Add(ref p, dot + 1));
            uint d2 = DigitHelpers.Value(Unsafe.Add(ref p, dot + 2));
            // Each on its own: two digits can OR to more than 9 (4 | 9 is 13), which sent such amounts to the grammar.
            if (d1 > 9 || d2 > 9) return false;
            long fen = (long)(yuan * 100 + d1 * 10 + d2);
            value = new Money(p == (byte)'-' ? -fen : fen);
            return true;
        }
    }

    /// <summary>Parses an amount given as text (project.json strings) into fen; same grammar as the UTF-8 overload.</summary>
    /// <remarks>Text longer than 128 characters is rejected (only absurd runs of leading zeros are that long).</remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out Money value)
    {
        // Longer than any valid amount with a sane number of leading zeros; rejecting it keeps the buffer on the stack.
        const int MaxChars = 128;
        if (text.Length > MaxChars) { value = Money.Zero; return false; }
        Span<byte> utf8 = stackalloc byte[MaxChars * 3];
        if (Encoding.UTF8.TryGetBytes(text, utf8, out int length)) return TryParse(utf8[..length], out value);
        value = Money.Zero;
        return false;
    }

    /// <summary>Writes fen as yuan with two decimals and no grouping (e.g. <c>-1234.50</c>) in UTF-8.</summary>
    public static bool TryFormat(Money value, Span<byte> utf8Destination, out int bytesWritten)
    {
        long fen = value.Fen;
        ulong magnitude = fen < 0 ? unchecked(0UL - (ulong)fen) : (ulong)fen;
        ulong yuan = magnitude / 100;
        uint cents = (uint)(magnitude % 100);

        int yuanDigits = 1;
        for (ulong rest = yuan / 10; rest != 0; rest /= 10) yuanDigits++;
        int length = (fen < 0 ? 1 : 0) + yuanDigits + 3;
        if (utf8Destination.Length < length) { bytesWritten = 0; return false; }

        int pos = 0;
        if (fen < 0) utf8Destination[pos++] = (byte)'-';
        for (int k = pos + yuanDigits - 1; k >= pos; k--)
        {
            utf8Destination[k] = (byte)('0' + (int)(yuan % 10));
            yuan /= 10;
        }
        pos += yuanDigits;
        utf8Destination[pos++] = (byte)'.';
        utf8Destination[pos++] = (byte)('0' + (int)(cents / 10));
        utf8Destination[pos++] = (byte)('0' + (int)(cents % 10));
        bytesWritten = pos;
        return true;
    }

    // 元 after the number; 人民币 before it (UTF-8).
    private static ReadOnlySpan<byte> YuanSuffix => "元"u8;
    private static ReadOnlySpan<byte> Renminbi => "人民币"u8;

    /// <summary>+1 or -1 for a <c>+</c> or <c>-</c> at <paramref name="i"/> (before <paramref name="end"/>), else 0.</summary>
    private static int SignAt(ReadOnlySpan<byte> utf8, int i, int end)
    {
        if (i >= end) return 0;
        return utf8[i] switch { (byte)'-' => -1, (byte)'+' => 1, _ => 0 };
    }

    /// <summary>
    /// Length of a leading currency mark: <c>¥</c> (C2 A5), <c>￥</c> (EF BF A5), 人民币, or <c>CNY</c> / <c>RMB</c> in any
    /// case; 0 when there is none.
    /// </summary>
    private static int CurrencyMarkLength(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < 2) return 0;
        switch (utf8[0])
        {
            case 0xC2:
                return utf8[1] == 0xA5 ? 2 : 0;
            case 0xEF:
                return utf8.Length >= 3 && utf8[1] == 0xBF && utf8[2] == 0xA5 ? 3 : 0;
            case 0xE4:
                return utf8.StartsWith(Renminbi) ? Renminbi.Length : 0;
            case (byte)'C' or (byte)'c' or (byte)'R' or (byte)'r':
                return utf8.Length >= 3 && (Ascii.EqualsIgnoreCase(utf8[..3], "CNY"u8) || Ascii.EqualsIgnoreCase(utf8[..3], "RMB"u8)) ? 3 : 0;
            default:
                return 0;
        }
    }

    /// <summary>The index of the first byte at or after <paramref name="i"/> that does not start a white space character.</summary>
    private static int SkipWhiteSpace(ReadOnlySpan<byte> utf8, int i, int end)
    {
        while (i < end)
        {
            int n = Utf8Text.WhiteSpaceLengthAt(utf8[..end], i);
            if (n == 0) break;
            i += n;
        }
        return i;
    }

    /// <summary><paramref name="end"/> moved back over the white space characters that end <c>utf8[..end]</c>.</summary>
    private static int TrimWhiteSpaceEnd(ReadOnlySpan<byte> utf8, int end) => end - Utf8Text.TrailingWhiteSpaceLength(utf8[..end]);
}
