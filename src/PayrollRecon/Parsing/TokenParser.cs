using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using PayrollRecon.Records;

namespace PayrollRecon.Parsing;

/// <summary>Parses the small enumerated and integer fields of the CSV inputs from trimmed UTF-8.</summary>
/// <remarks>ASCII tokens compare case-insensitively; Chinese tokens compare exactly. Never throws, never allocates.</remarks>
internal static class TokenParser
{
    /// <summary>
    /// Bank direction (§2.1, R37): debit is <c>D</c>, <c>Dr</c>, <c>out</c>, 借, 支出, 出, 付, 转出 or 往账; credit is
    /// <c>C</c>, <c>Cr</c>, <c>in</c>, 贷, 收入, 入, 收, 转入 or 来账; or one of those Chinese words followed, after optional
    /// white space, by one of the English words of the same direction (<c>借 Dr</c>, <c>贷Cr</c>, <c>转出 out</c>).
    /// </summary>
    /// <remarks>
    /// English compares case-insensitively. A Chinese word followed by the other direction's English (<c>借 Cr</c>) is
    /// rejected, and so is any other word (R6: an unknown direction is a <c>DATA_ERROR</c>), also 借方, 贷方, 支 or
    /// <c>debit</c>, which some exports write but the lists do not name.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseBankDirection(ReadOnlySpan<byte> utf8, out BankDirection d)
    {
        // One Chinese character is what Chinese statements write; settle it with one comparison of its three bytes.
        if (utf8.Length == 3)
        {
            uint c = Char3(utf8);
            if (c == Jie || c == Chu) { d = BankDirection.Debit; return true; }
            if (c == Dai || c == Ru) { d = BankDirection.Credit; return true; }
        }
        return TryParseBankDirectionGeneral(utf8, out d);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseBankDirectionGeneral(ReadOnlySpan<byte> utf8, out BankDirection d)
    {
        if (TryParseEnglishDirection(utf8, out d)) return true;
        int n = ChineseDirectionLength(utf8, out d);
        if (n == 0) return false;
        if (n == utf8.Length) return true;
        int i = n;
        for (int w; (w = Utf8Text.WhiteSpaceLengthAt(utf8, i)) > 0;) i += w;
        if (TryParseEnglishDirection(utf8[i..], out BankDirection english) && english == d) return true;
        d = BankDirection.Debit;
        return false;
    }

    private static bool TryParseEnglishDirection(ReadOnlySpan<byte> utf8, out BankDirection d)
    {
        d = BankDirection.Debit;
        if (Is(utf8, "D"u8) || Is(utf8, "Dr"u8) || Is(utf8, "out"u8)) return true;
        if (Is(utf8, "C"u8) || Is(utf8, "Cr"u8) || Is(utf8, "in"u8))
        {
            d = BankDirection.Credit;
            return true;
        }
        return false;
    }

    /// <summary>The byte length of the Chinese direction word that starts <paramref name="utf8"/> (the longest one), or 0.</summary>
    private static int ChineseDirectionLength(ReadOnlySpan<byte> utf8, out BankDirection d)
    {
        d = BankDirection.Debit;
        if (utf8.Length < 3) return 0;
        if (utf8.Length >= 6)
        {
            ReadOnlySpan<byte> two = utf8[..6];
            if (two.SequenceEqual("支出"u8) || two.SequenceEqual("转出"u8) || two.SequenceEqual("往账"u8)) return 6;
            if (two.SequenceEqual("收入"u8) || two.SequenceEqual("转入"u8) || two.SequenceEqual("来账"u8))
            {
                d = BankDirection.Credit;
                return 6;
            }
        }
        uint c = Char3(utf8);
        if (c == Jie || c == Chu || c == Fu) return 3;
        if (c == Dai || c == Ru || c == Shou)
        {
            d = BankDirection.Credit;
            return 3;
        }
        return 0;
    }

    /// <summary>
    /// Bank line status (R39): empty, 成功, 交易成功, <c>success</c> → Succeeded; 失败, 交易失败, <c>failed</c> → Failed;
    /// 已撤销, 撤销, <c>cancelled</c> → Cancelled; 已冲正, 冲正, <c>reversed</c> → Reversed.
    /// </summary>
    /// <remarks>
    /// White space anywhere is ignored (<c>交易 成功</c>, <c>Success </c>); English compares case-insensitively. Anything
    /// else is false (a <c>DATA_ERROR</c>); on false the status is Succeeded.
    /// </remarks>
    public static bool TryParseBankStatus(ReadOnlySpan<byte> utf8, out BankLineStatus status)
    {
        // Longer than any known value even with generous white space; rejecting it keeps the buffer small.
        const int MaxBytes = 64;
        status = BankLineStatus.Succeeded;
        if (utf8.IsEmpty) return true;
        if (utf8.Length > MaxBytes) return false;
        Span<byte> buffer = stackalloc byte[MaxBytes];
        int n = 0;
        for (int i = 0; i < utf8.Length;)
        {
            int w = Utf8Text.WhiteSpaceLengthAt(utf8, i);
            if (w > 0) { i += w; continue; }
            buffer[n++] = utf8[i++];
        }
        ReadOnlySpan<byte> s = buffer[..n];
        if (s.IsEmpty || Is(s, "success"u8) || s.SequenceEqual("成功"u8) || s.SequenceEqual("交易成功"u8)) return true;
        if (Is(s, "failed"u8) || s.SequenceEqual("失败"u8) || s.SequenceEqual("交易失败"u8))
        {
            status = BankLineStatus.Failed;
            return true;
        }
        if (Is(s, "cancelled"u8) || s.SequenceEqual("已撤销"u8) || s.SequenceEqual("撤销"u8))
        {
            status = BankLineStatus.Cancelled;
            return true;
        }
        if (Is(s, "reversed"u8) || s.SequenceEqual("已冲正"u8) || s.SequenceEqual("冲正"u8))
        {
            status = BankLineStatus.Reversed;
            return true;
        }
        return false;
    }

    /// <summary>Punch direction: <c>in</c>/<c>out</c>, 进/出, 入/出, <c>E</c>/<c>L</c>, <c>01</c>/<c>02</c>, <c>1</c>/<c>2</c>; empty is Unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParsePunchDirection(ReadOnlySpan<byte> utf8, out PunchDirection d)
    {
        if (utf8.Length == 3)
        {
            uint c = Char3(utf8);
            if (c == Jin || c == Ru) { d = PunchDirection.In; return true; }
            if (c == Chu) { d = PunchDirection.Out; return true; }
            // out, OUT, Out…: setting bit 5 of each byte lower-cases a letter, and only O/o, U/u, T/t become o, u, t.
            if ((c | 0x20_20_20) == AsciiOut) { d = PunchDirection.Out; return true; }
        }
        else if (utf8.Length == 2 && (Char2(utf8) | 0x20_20) == AsciiIn)
        {
            d = PunchDirection.In;
            return true;
        }
        return TryParsePunchDirectionGeneral(utf8, out d);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParsePunchDirectionGeneral(ReadOnlySpan<byte> utf8, out PunchDirection d)
    {
        d = PunchDirection.Unknown;
        if (utf8.IsEmpty) return true;
        if (Is(utf8, "in"u8) || Is(utf8, "E"u8) || utf8.SequenceEqual("01"u8) || utf8.SequenceEqual("1"u8)
            || utf8.SequenceEqual("进"u8) || utf8.SequenceEqual("入"u8))
        {
            d = PunchDirection.In;
            return true;
        }
        if (Is(utf8, "out"u8) || Is(utf8, "L"u8) || utf8.SequenceEqual("02"u8) || utf8.SequenceEqual("2"u8)
            || utf8.SequenceEqual("出"u8))
        {
            d = PunchDirection.Out;
            return true;
        }
        return false;
    }

    /// <summary>Wage type: <c>daily</c>/日薪, <c>monthly</c>/月薪, <c>hourly</c>/时薪, <c>piece</c>/计件.</summary>
    public static bool TryParseWageType(ReadOnlySpan<byte> utf8, out WageType t)
    {
        t = WageType.Daily;
        if (Is(utf8, "daily"u8) || utf8.SequenceEqual("日薪"u8)) return true;
        if (Is(utf8, "monthly"u8) || utf8.SequenceEqual("月薪"u8)) { t = WageType.Monthly; return true; }
        if (Is(utf8, "hourly"u8) || utf8.SequenceEqual("时薪"u8)) { t = WageType.Hourly; return true; }
        if (Is(utf8, "piece"u8) || utf8.SequenceEqual("计件"u8)) { t = WageType.Piece; return true; }
        return false;
    }

    /// <summary>Batch line status (§2.1): <c>success</c>/成功, <c>failed</c>/失败; empty is Success; anything else is unknown (R6).</summary>
    public static bool TryParseBatchStatus(ReadOnlySpan<byte> utf8, out BatchStatus s)
    {
        s = BatchStatus.Success;
        if (utf8.IsEmpty || Is(utf8, "success"u8) || utf8.SequenceEqual("成功"u8)) return true;
        if (Is(utf8, "failed"u8) || utf8.SequenceEqual("失败"u8))
        {
            s = BatchStatus.Failed;
            return true;
        }
        return false;
    }

    /// <summary>Calendar kind (§2.1): <c>holiday</c> or <c>workday</c>; anything else, 节假日 or 班 too, is unknown (R6).</summary>
    public static bool TryParseCalendarKind(ReadOnlySpan<byte> utf8, out CalendarKind k)
    {
        k = CalendarKind.Holiday;
        if (Is(utf8, "holiday"u8)) return true;
        if (Is(utf8, "workday"u8))
        {
            k = CalendarKind.Workday;
            return true;
        }
        return false;
    }

    /// <summary>A plain non-negative decimal integer (ASCII digits only, no sign, no separators) that fits an int.</summary>
    public static bool TryParseInt(ReadOnlySpan<byte> utf8, out int value)
    {
        value = 0;
        if (utf8.IsEmpty) return false;
        int result = 0;
        foreach (byte b in utf8)
        {
            uint d = DigitHelpers.Value(b);
            if (d > 9 || result > (int.MaxValue - (int)d) / 10) return false;
            result = result * 10 + (int)d;
        }
        value = result;
        return true;
    }

    /// <summary>A non-negative decimal with at most two decimals, as hundredths: <c>8</c> → 800, <c>8.5</c> → 850, <c>8.25</c> → 825.</summary>
    /// <remarks><c>8.</c>, <c>.5</c>, signs and three or more decimals are rejected.</remarks>
    public static bool TryParseHundredths(ReadOnlySpan<byte> utf8, out long hundredths)
    {
        hundredths = 0;
        int dot = utf8.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? utf8 : utf8[..dot];
        if (whole.IsEmpty) return false;
        long result = 0;
        foreach (byte b in whole)
        {
            uint d = DigitHelpers.Value(b);
            if (d > 9 || result > (long.MaxValue / 100 - d) / 10) return false;
            result = result * 10 + d;
        }
        result *= 100;
        if (dot >= 0)
        {
            ReadOnlySpan<byte> fraction = utf8[(dot + 1)..];
            if (fraction.Length is < 1 or > 2) return false;
            uint d1 = DigitHelpers.Value(fraction[0]);
            if (d1 > 9) return false;
            result += d1 * 10;
            if (fraction.Length == 2)
            {
                uint d2 = DigitHelpers.Value(fraction[1]);
                if (d2 > 9) return false;
                result += d2;
            }
        }
        hundredths = result;
        return true;
    }

    // 借 贷 出 入 进 付 收 as their three UTF-8 bytes, first byte lowest.
    private const uint Jie = 0xE5 | (0x80 << 8) | (0x9F << 16);
    private const uint Dai = 0xE8 | (0xB4 << 8) | (0xB7 << 16);
    private const uint Chu = 0xE5 | (0x87 << 8) | (0xBA << 16);
    private const uint Ru = 0xE5 | (0x85 << 8) | (0xA5 << 16);

    private const uint Jin = 0xE8 | (0xBF << 8) | (0x9B << 16);

    // out and in as written by most devices (lower case), packed as Char3 and Char2 pack them.
    private const uint AsciiOut = 'o' | ('u' << 8) | ('t' << 16);
    private const uint AsciiIn = 'i' | ('n' << 8);
    private const uint Fu = 0xE4 | (0xBB << 8) | (0x98 << 16);
    private const uint Shou = 0xE6 | (0x94 << 8) | (0xB6 << 16);

    /// <summary>Two bytes packed into an integer, first byte lowest.</summary>
    /// <remarks>Only called on spans of at least two bytes; the rest is ignored.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Char2(ReadOnlySpan<byte> utf8)
    {
        ref byte p = ref MemoryMarshal.GetReference(utf8);
        return p | ((uint)Unsafe.Add(ref p, 1) << 8);
    }

    /// <summary>Three bytes packed into an integer, first byte lowest.</summary>
    /// <remarks>Only called on spans of at least three bytes; the rest is ignored.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Char3(ReadOnlySpan<byte> utf8)
    {
        ref byte p = ref MemoryMarshal.GetReference(utf8);
        return p | ((uint)Unsafe.Add(ref p, 1) << 8) | ((uint)Unsafe.Add(ref p, 2) << 16);
    }

    /// <summary>ASCII case-insensitive equality.</summary>
    private static bool Is(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> token) => Ascii.EqualsIgnoreCase(utf8, token);
}
