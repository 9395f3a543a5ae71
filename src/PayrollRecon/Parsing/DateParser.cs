using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Parsing;

/// <summary>Parses dates, date-times, times of day and periods (SPEC §2.1, R5, R37) from trimmed UTF-8 or text.</summary>
/// <remarks>
/// Dates: <c>yyyy-MM-dd</c> (two-digit month and day), <c>yyyy/M/d</c>, <c>yyyyMMdd</c>, <c>yyyy年M月d日</c>; only real
/// calendar dates of years <see cref="MinYear"/>–<see cref="MaxYear"/>. A date-time is a date, then one or more white
/// space characters (any mix: spaces, tabs, U+3000 …) or a single <c>T</c>, then <c>H:mm</c> or <c>H:mm:ss</c> (H 0–23
/// in one or two digits, minutes and seconds two digits 00–59); or the 14 digits <c>yyyyMMddHHmmss</c> (HH 00–23).
/// Periods: <c>yyyy-MM</c>, <c>yyyyMM</c>, <c>yyyy年M月</c> (§2.1).
/// Never throws, never allocates.
/// </remarks>
internal static class DateParser
{
    /// <summary>Earliest year accepted in a date or period.</summary>
    /// <remarks>
    /// The formats would allow 0001–9999, but a wage-account date outside 1900–2199 is a typo (<c>0224-03-05</c>), and
    /// reading it as a real date would sort the line first and push due dates (month + offset) past DateOnly's range.
    /// </remarks>
    public const int MinYear = 1900;

    /// <summary>Latest year accepted in a date or period.</summary>
    public const int MaxYear = 2199;

    // 年 月 日 in UTF-8.
    private static ReadOnlySpan<byte> Nian => "年"u8;
    private static ReadOnlySpan<byte> Yue => "月"u8;
    private static ReadOnlySpan<byte> Ri => "日"u8;

    // The longest valid date-time is about 30 bytes; anything much longer is rejected without transcoding.
    private const int MaxTextChars = 64;

    /// <summary>Parses a bare date of the years <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, out DateOnly date) => TryParseDate(utf8, MinYear, MaxYear, out date);

    /// <summary>Parses a bare date of any year DateOnly holds (0001–9999): for the roster's entry and exit dates, which
    /// only bound a tenure, so that an export's "no exit" placeholder (<c>9999-12-31</c>) is the date it says.</summary>
    public static bool TryParseDateAnyYear(ReadOnlySpan<byte> utf8, out DateOnly date) => TryParseDate(utf8, 1, 9999, out date);

    private static bool TryParseDate(ReadOnlySpan<byte> utf8, int minYear, int maxYear, out DateOnly date)
    {
        date = default;
        if (utf8.Length < 8 || !DigitHelpers.TryReadFixed(utf8, 0, 4, out int year)) return false;
        int month, day;
        if (utf8.Length == 8 && DigitHelpers.RunLength(utf8, 0) == 8)
        {
            // yyyyMMdd
            if (!DigitHelpers.TryReadFixed(utf8, 4, 2, out month) || !DigitHelpers.TryReadFixed(utf8, 6, 2, out day)) return false;
        }
        else if (utf8[4] == (byte)'-')
        {
            // yyyy-MM-dd: the dash form insists on two-digit month and day.
            if (utf8.Length != 10 || utf8[7] != (byte)'-') return false;
            if (!DigitHelpers.TryReadFixed(utf8, 5, 2, out month) || !DigitHelpers.TryReadFixed(utf8, 8, 2, out day)) return false;
        }
        else if (utf8[4] == (byte)'/')
        {
            int pos = 5;
            if (!TryReadShort(utf8, ref pos, out month) || pos >= utf8.Length || utf8[pos] != (byte)'/') return false;
            pos++;
            if (!TryReadShort(utf8, ref pos, out day) || pos != utf8.Length) return false;
        }
        else if (utf8[4..].StartsWith(Nian))
        {
            int pos = 4 + Nian.Length;
            if (!TryReadShort(utf8, ref pos, out month) || !utf8[pos..].StartsWith(Yue)) return false;
            pos += Yue.Length;
            if (!TryReadShort(utf8, ref pos, out day) || !utf8[pos..].SequenceEqual(Ri)) return false;
        }
        else
        {
            return false;
        }
        return year >= minYear && year <= maxYear && TryMakeDate(year, month, day, out date);
    }

    /// <summary>Parses a date followed by white space or <c>T</c> and a time of day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDateTime(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        if (utf8.Length == 19 && TryParseCanonical(utf8, out int dayNumber, out long timeTicks))
        {
            // The day number of a year up to MaxYear times ticks per day stays far below long.MaxValue.
            value = new DateTime(unchecked((dayNumber * TimeSpan.TicksPerDay) + timeTicks));
            return true;
        }
        return TryParseDateTimeGrammar(utf8, out value);
    }

    /// <summary>The general grammar of <see cref="TryParseDateTime"/> alone, without the fixed-layout fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TryParseDateTimeGrammar(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        value = default;
        if (IsCompact(utf8))
        {
            if (!TryParseCompact(utf8, out DateOnly compactDate, out TimeOnly compactTime)) return false;
            value = compactDate.ToDateTime(compactTime);
            return true;
        }
        if (!TrySplit(utf8, out int dateEnd, out int timeStart) || timeStart < 0) return false;
        if (!TryParseDate(utf8[..dateEnd], out DateOnly date) || !TryParseTime(utf8[timeStart..], out TimeOnly time)) return false;
        value = date.ToDateTime(time);
        return true;
    }

    /// <summary>Parses a bare date (time null) or a date-time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDateOrDateTime(ReadOnlySpan<byte> utf8, out DateOnly date, out TimeOnly? time)
    {
        if (utf8.Length == 19 && TryParseCanonical(utf8, out int dayNumber, out long timeTicks))
        {
            date = DateOnly.FromDayNumber(dayNumber);
            time = new TimeOnly(timeTicks);
            return true;
        }
        if (utf8.Length == 10 && TryParseCanonicalDate(utf8, out dayNumber))
        {
            date = DateOnly.FromDayNumber(dayNumber);
            time = null;
            return true;
        }
        return TryParseDateOrDateTimeGrammar(utf8, out date, out time);
    }

    /// <summary>The general grammar of <see cref="TryParseDateOrDateTime"/> alone, without the fixed-layout fast paths.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TryParseDateOrDateTimeGrammar(ReadOnlySpan<byte> utf8, out DateOnly date, out TimeOnly? time)
    {
        time = null;
        date = default;
        if (IsCompact(utf8))
        {
            if (!TryParseCompact(utf8, out DateOnly compactDate, out TimeOnly compactTime)) return false;
            date = compactDate;
            time = compactTime;
            return true;
        }
        if (!TrySplit(utf8, out int dateEnd, out int timeStart)) return false;
        if (!TryParseDate(utf8[..dateEnd], out date)) return false;
        if (timeStart < 0) return true;
        if (!TryParseTime(utf8[timeStart..], out TimeOnly t)) { date = default; return false; }
        time = t;
        return true;
    }

    /// <summary>Parses a time of day alone: <c>H:mm</c> or <c>H:mm:ss</c>.</summary>
    public static bool TryParseTime(ReadOnlySpan<byte> utf8, out TimeOnly time)
    {
        time = default;
        int hourDigits = DigitHelpers.RunLength(utf8, 0);
        if (hourDigits is < 1 or > 2) return false;
        DigitHelpers.TryReadFixed(utf8, 0, hourDigits, out int hour);
        int pos = hourDigits;
        if (hour > 23 || pos >= utf8.Length || utf8[pos] != (byte)':') return false;
        if (!DigitHelpers.TryReadFixed(utf8, pos + 1, 2, out int minute) || minute > 59) return false;
        pos += 3;
        int second = 0;
        if (pos < utf8.Length)
        {
            if (utf8[pos] != (byte)':' || utf8.Length - pos != 3) return false;
            if (!DigitHelpers.TryReadFixed(utf8, pos + 1, 2, out second) || second > 59) return false;
        }
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>
    /// Parses the value of a bank statement's separate <c>time</c> column: <c>H:mm</c>, <c>H:mm:ss</c>, or without colons
    /// <c>HHmmss</c> (<c>123456</c> is 12:34:56) or <c>HHmm</c> (<c>0930</c> is 09:30).
    /// </summary>
    /// <remarks>
    /// Only for bank time columns (R37): attendance times and date-times keep the colons, so <c>0930</c> can never be
    /// taken for a time where a year or an amount was meant. Exactly four or six digits; five (<c>93000</c>, a
    /// spreadsheet that dropped the leading zero) or three are rejected.
    /// </remarks>
    public static bool TryParseBankTime(ReadOnlySpan<byte> utf8, out TimeOnly time)
    {
        if (utf8.Length is 4 or 6 && DigitHelpers.RunLength(utf8, 0) == utf8.Length)
        {
            time = default;
            DigitHelpers.TryReadFixed(utf8, 0, 2, out int hour);
            DigitHelpers.TryReadFixed(utf8, 2, 2, out int minute);
            int second = 0;
            if (utf8.Length == 6) DigitHelpers.TryReadFixed(utf8, 4, 2, out second);
            if (hour > 23 || minute > 59 || second > 59) return false;
            time = new TimeOnly(hour, minute, second);
            return true;
        }
        return TryParseTime(utf8, out time);
    }

    /// <summary>Parses a month: <c>yyyy-MM</c>, <c>yyyyMM</c> or <c>yyyy年M月</c> (§2.1).</summary>
    public static bool TryParsePeriod(ReadOnlySpan<byte> utf8, out YearMonth period)
    {
        period = default;
        if (utf8.Length < 6 || !DigitHelpers.TryReadFixed(utf8, 0, 4, out int year)) return false;
        int month;
        if (utf8.Length == 6 && DigitHelpers.RunLength(utf8, 0) == 6)
        {
            if (!DigitHelpers.TryReadFixed(utf8, 4, 2, out month)) return false;
        }
        else if (utf8[4] == (byte)'-')
        {
            // yyyy-MM: two-digit month, as the dash date insists on (§2.1 lists no yyyy-M and no yyyy/M period).
            if (utf8.Length != 7 || !DigitHelpers.TryReadFixed(utf8, 5, 2, out month)) return false;
        }
        else if (utf8[4..].StartsWith(Nian))
        {
            int pos = 4 + Nian.Length;
            if (!TryReadShort(utf8, ref pos, out month) || !utf8[pos..].SequenceEqual(Yue)) return false;
        }
        else
        {
            return false;
        }
        if (year is < MinYear or > MaxYear || month is < 1 or > 12) return false;
        period = new YearMonth(year, month);
        return true;
    }

    /// <summary>Parses a bare date given as text (project.json); same grammar as the UTF-8 overload.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) => TryParseDate(text, MinYear, MaxYear, out date);

    /// <summary>Parses a bare date given as text of any year DateOnly holds: tells a date outside the years
    /// <see cref="MinYear"/>–<see cref="MaxYear"/> from text that is no date, for the message.</summary>
    public static bool TryParseDateAnyYear(ReadOnlySpan<char> text, out DateOnly date) => TryParseDate(text, 1, 9999, out date);

    private static bool TryParseDate(ReadOnlySpan<char> text, int minYear, int maxYear, out DateOnly date)
    {
        Span<byte> utf8 = stackalloc byte[MaxTextChars * 3];
        if (text.Length <= MaxTextChars && Encoding.UTF8.TryGetBytes(text, utf8, out int n)) return TryParseDate(utf8[..n], minYear, maxYear, out date);
        date = default;
        return false;
    }

    /// <summary>Parses a period given as text (project.json); same grammar as the UTF-8 overload.</summary>
    public static bool TryParsePeriod(ReadOnlySpan<char> text, out YearMonth period)
    {
        Span<byte> utf8 = stackalloc byte[MaxTextChars * 3];
        if (text.Length <= MaxTextChars && Encoding.UTF8.TryGetBytes(text, utf8, out int n)) return TryParsePeriod(utf8[..n], out period);
        period = default;
        return false;
    }

    /// <summary>
    /// The layout nearly every bank and gate export uses, <c>yyyy-MM-dd HH:mm:ss</c> (or with <c>T</c>), read at fixed
    /// positions; false for anything else, which the general grammar then decides (it accepts all this does, with the
    /// same value).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCanonical(ReadOnlySpan<byte> s, out int dayNumber, out long timeTicks)
    {
        timeTicks = 0;
        return TryParseCanonicalDate(s, out dayNumber) && TryParseCanonicalTime(s, out timeTicks);
    }

    /// <summary>The time of <c>yyyy-MM-dd HH:mm:ss</c> (or with <c>T</c>), at fixed positions of <paramref name="s"/> (19
    /// bytes), whatever its first ten bytes hold; false when that part is not in this layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCanonicalTime(ReadOnlySpan<byte> s, out long timeTicks)
    {
        timeTicks = 0;
        unchecked
        {
            ref byte p = ref MemoryMarshal.GetReference(s);
            byte separator = Unsafe.Add(ref p, 10);
            if ((separator != (byte)' ' && separator != (byte)'T') || Unsafe.Add(ref p, 13) != (byte)':' || Unsafe.Add(ref p, 16) != (byte)':') return false;
            uint h0 = D(ref p, 11), h1 = D(ref p, 12), n0 = D(ref p, 14), n1 = D(ref p, 15), c0 = D(ref p, 17), c1 = D(ref p, 18);
            if (((h0 + 6) | (h1 + 6) | (n0 + 6) | (n1 + 6) | (c0 + 6) | (c1 + 6)) > 15) return false;
            uint hour = (h0 * 10) + h1;
            uint minute = (n0 * 10) + n1;
            uint second = (c0 * 10) + c1;
            if (hour > 23 || minute > 59 || second > 59) return false;
            timeTicks = ((hour * 3600) + (minute * 60) + second) * TimeSpan.TicksPerSecond;
            return true;
        }
    }

    /// <summary><c>yyyy-MM-dd</c> at the start of <paramref name="s"/> (at least 10 bytes) as a day number (days since 0001-01-01).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseCanonicalDate(ReadOnlySpan<byte> s, out int dayNumber)
    {
        dayNumber = 0;
        unchecked
        {
            ref byte p = ref MemoryMarshal.GetReference(s);
            if (Unsafe.Add(ref p, 4) != (byte)'-' || Unsafe.Add(ref p, 7) != (byte)'-') return false;
            uint y0 = D(ref p, 0), y1 = D(ref p, 1), y2 = D(ref p, 2), y3 = D(ref p, 3);
            uint m0 = D(ref p, 5), m1 = D(ref p, 6), d0 = D(ref p, 8), d1 = D(ref p, 9);
            if (((y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (m0 + 6) | (m1 + 6) | (d0 + 6) | (d1 + 6)) > 15) return false;
            int year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
            int month = (int)((m0 * 10) + m1);
            int day = (int)((d0 * 10) + d1);
            if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1) return false;
            bool leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            ReadOnlySpan<short> daysToMonth = leap ? DaysToMonth366 : DaysToMonth365;
            int before = daysToMonth[month - 1];
            if (day > daysToMonth[month] - before) return false;
            int y = year - 1;
            dayNumber = (y * 365) + (y / 4) - (y / 100) + (y / 400) + before + day - 1;
            return true;
        }
    }

    private static ReadOnlySpan<short> DaysToMonth365 => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    private static ReadOnlySpan<short> DaysToMonth366 => [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    /// <summary>The byte at <paramref name="offset"/> XOR '0': 0–9 for a digit, 10–255 for any other byte (so digit + 6 stays below 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint D(ref byte p, int offset) => unchecked((uint)(Unsafe.Add(ref p, offset) ^ (byte)'0'));

    // yyyyMMddHHmmss
    private const int CompactLength = 14;

    /// <summary>True for exactly 14 ASCII digits, the only shape of <c>yyyyMMddHHmmss</c> (no other format is all digits at that length).</summary>
    private static bool IsCompact(ReadOnlySpan<byte> utf8) => utf8.Length == CompactLength && DigitHelpers.RunLength(utf8, 0) == CompactLength;

    /// <summary>
    /// <c>yyyyMMddHHmmss</c> (exactly 14 bytes, as Ping An and others write a date-time); false on any non-digit or on a
    /// date or time out of range.
    /// </summary>
    private static bool TryParseCompact(ReadOnlySpan<byte> utf8, out DateOnly date, out TimeOnly time)
    {
        date = default;
        time = default;
        if (!IsCompact(utf8)) return false;
        DigitHelpers.TryReadFixed(utf8, 0, 4, out int year);
        DigitHelpers.TryReadFixed(utf8, 4, 2, out int month);
        DigitHelpers.TryReadFixed(utf8, 6, 2, out int day);
        DigitHelpers.TryReadFixed(utf8, 8, 2, out int hour);
        DigitHelpers.TryReadFixed(utf8, 10, 2, out int minute);
        DigitHelpers.TryReadFixed(utf8, 12, 2, out int second);
        if (year is < MinYear or > MaxYear || hour > 23 || minute > 59 || second > 59) return false;
        if (!TryMakeDate(year, month, day, out date)) return false;
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>Builds a date when year (any of 1–9999), month and day form a real one.</summary>
    internal static bool TryMakeDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Reads one or two digits at <paramref name="pos"/> and advances past them.</summary>
    private static bool TryReadShort(ReadOnlySpan<byte> s, ref int pos, out int value)
    {
        value = 0;
        int n = DigitHelpers.RunLength(s, pos);
        if (n is < 1 or > 2) return false;
        DigitHelpers.TryReadFixed(s, pos, n, out value);
        pos += n;
        return true;
    }

    /// <summary>
    /// Finds where the date ends and the time starts: at the first white space run (one or more characters) or at a
    /// single <c>T</c>. <paramref name="timeStart"/> is -1 when there is no separator at all.
    /// </summary>
    private static bool TrySplit(ReadOnlySpan<byte> utf8, out int dateEnd, out int timeStart)
    {
        dateEnd = utf8.Length;
        timeStart = -1;
        int i = 0;
        while (i < utf8.Length)
        {
            byte b = utf8[i];
            if (b == (byte)'T')
            {
                dateEnd = i;
                timeStart = i + 1;
                return timeStart < utf8.Length;
            }
            if (b < 0x80)
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C) break;
                i++;
                continue;
            }
            if (Rune.DecodeFromUtf8(utf8[i..], out Rune rune, out int consumed) != OperationStatus.Done) return false;
            if (Rune.IsWhiteSpace(rune)) break;
            i += consumed;
        }
        if (i == utf8.Length) return true;
        dateEnd = i;
        while (i < utf8.Length)
        {
            byte b = utf8[i];
            if (b < 0x80)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C)) break;
                i++;
                continue;
            }
            if (Rune.DecodeFromUtf8(utf8[i..], out Rune rune, out int consumed) != OperationStatus.Done || !Rune.IsWhiteSpace(rune)) break;
            i += consumed;
        }
        timeStart = i;
        return timeStart < utf8.Length;
    }
}
