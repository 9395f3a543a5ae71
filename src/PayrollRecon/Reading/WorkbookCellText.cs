using System.Globalization;

namespace PayrollRecon.Reading;

/// <summary>The text of one worksheet cell as the CSV core reads it (R32).</summary>
/// <remarks>
/// Text as written. A number as the shortest decimal text that round-trips the double: the digits of <c>"R"</c>, always
/// written out without an exponent, so money is never rounded here (<c>1234.5</c> reads as 1,234.50 and
/// <c>0.30000000000000004</c> stays an invalid amount), <c>1E+17</c> reads as <c>100000000000000000</c> and
/// <c>1E-05</c> as <c>0.00001</c>. A date cell as <c>yyyy-MM-dd</c> when
/// its time of day is midnight and its format shows no time, else <c>yyyy-MM-dd HH:mm:ss</c>; a cell whose format
/// shows a time and no date (a separate time column) as <c>HH:mm:ss</c>. Times are rounded to the second (Excel keeps
/// them as fractions of a day). A boolean as <c>TRUE</c>/<c>FALSE</c>; an empty or error cell as empty.
/// </remarks>
internal static class WorkbookCellText
{
    /// <summary>Room <see cref="Format"/> needs in <c>scratch</c> for any value that is not text.</summary>
    public const int ScratchChars = 64;

    /// <summary>What a number format shows of a date-time value.</summary>
    [Flags]
    public enum DateParts : byte
    {
        /// <summary>Neither (or the format is unknown).</summary>
        None = 0,

        /// <summary>A year, day or era field.</summary>
        Date = 1,

        /// <summary>An hour or second field.</summary>
        Time = 2,

        /// <summary>The format was looked at (cache marker).</summary>
        Known = 4,
    }

    /// <summary>The cell's text; for anything but text it is written into <paramref name="scratch"/>.</summary>
    /// <param name="value">The value ExcelDataReader gives: null, string, double, int, bool, DateTime or TimeSpan.</param>
    /// <param name="parts">What the cell's number format shows (only consulted for dates).</param>
    /// <param name="scratch">At least <see cref="ScratchChars"/> characters.</param>
    public static ReadOnlySpan<char> Format(object? value, DateParts parts, Span<char> scratch)
    {
        switch (value)
        {
            case null:
                return default;
            case string text:
                return text;
            case double number:
                return Number(number, scratch);
            case int whole:
                return whole.TryFormat(scratch, out int n, default, CultureInfo.InvariantCulture) ? scratch[..n] : default;
            case bool flag:
                return flag ? "TRUE" : "FALSE";
            case DateTime dateTime:
                return Date(dateTime, parts, scratch);
            case TimeSpan duration:
                return Duration(duration, scratch);
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The shortest round-trip text of a double, in positional notation (never rounded; NaN and infinities, which no
    /// cell holds, as empty). Written into <paramref name="scratch"/> when it fits, else into a new string: only a
    /// magnitude beyond 10^±40 or so, which no money, date or id is, needs more than <see cref="ScratchChars"/> characters.
    /// </summary>
    public static ReadOnlySpan<char> Number(double number, Span<char> scratch)
    {
        if (!double.IsFinite(number)) return default;
        Span<char> shortest = stackalloc char[32];
        if (!number.TryFormat(shortest, out int n, "R", CultureInfo.InvariantCulture)) return default;
        ReadOnlySpan<char> text = shortest[..n];
        int e = text.IndexOf('E');
        if (e < 0)
        {
            text.CopyTo(scratch);
            return scratch[..n];
        }
        return Positional(text[..e], int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), scratch);
    }

    /// <summary><c>[-]d[.ddd]</c> × 10^<paramref name="exponent"/> written without an exponent.</summary>
    private static ReadOnlySpan<char> Positional(scoped ReadOnlySpan<char> mantissa, int exponent, Span<char> scratch)
    {
        bool negative = mantissa[0] == '-';
        if (negative) mantissa = mantissa[1..];
        int dot = mantissa.IndexOf('.');
        int whole = dot < 0 ? mantissa.Length : dot;
        Span<char> digits = stackalloc char[mantissa.Length];
        mantissa[..whole].CopyTo(digits);
        if (dot >= 0) mantissa[(dot + 1)..].CopyTo(digits[whole..]);
        digits = digits[..(mantissa.Length - (dot < 0 ? 0 : 1))];
        int point = whole + exponent;   // digits before the decimal point
        int length = (negative ? 1 : 0) + (point <= 0 ? 2 - point + digits.Length
            : point >= digits.Length ? point
            : digits.Length + 1);
        Span<char> target = length <= scratch.Length ? scratch[..length] : new char[length];
        int i = 0;
        if (negative) target[i++] = '-';
        if (point <= 0)
        {
            target[i++] = '0';
            target[i++] = '.';
            target.Slice(i, -point).Fill('0');
            i += -point;
            digits.CopyTo(target[i..]);
        }
        else if (point >= digits.Length)
        {
            digits.CopyTo(target[i..]);
            target[(i + digits.Length)..].Fill('0');
        }
        else
        {
            digits[..point].CopyTo(target[i..]);
            target[i + point] = '.';
            digits[point..].CopyTo(target[(i + point + 1)..]);
        }
        return target;
    }

    /// <summary>A date-time value per R32 (see the type's remarks).</summary>
    public static ReadOnlySpan<char> Date(DateTime value, DateParts parts, Span<char> scratch)
    {
        DateTime t = RoundToSecond(value);
        string pattern;
        if ((parts & (DateParts.Date | DateParts.Time)) == DateParts.Time) pattern = "HH:mm:ss";
        else if (t.TimeOfDay == TimeSpan.Zero && (parts & DateParts.Time) == 0) pattern = "yyyy-MM-dd";
        else pattern = "yyyy-MM-dd HH:mm:ss";
        return t.TryFormat(scratch, out int n, pattern, CultureInfo.InvariantCulture) ? scratch[..n] : default;
    }

    /// <summary>An elapsed-time cell (<c>[h]:mm:ss</c>) as whole hours, minutes and seconds.</summary>
    private static ReadOnlySpan<char> Duration(TimeSpan value, Span<char> scratch)
    {
        long seconds = (long)Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero);
        long abs = Math.Abs(seconds);
        string text = $"{(seconds < 0 ? "-" : "")}{abs / 3600}:{abs / 60 % 60:D2}:{abs % 60:D2}";
        text.AsSpan().CopyTo(scratch);
        return scratch[..text.Length];
    }

    private static DateTime RoundToSecond(DateTime value)
    {
        long ticks = value.Ticks + TimeSpan.TicksPerSecond / 2;
        if (ticks > DateTime.MaxValue.Ticks) return value;
        return new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, value.Kind);
    }

    /// <summary>What a number format string shows of a date: letters outside quoted text, escapes and <c>[...]</c> sections.</summary>
    /// <remarks><c>m</c> (month or minute) decides nothing; <c>y</c>, <c>d</c>, <c>e</c>, <c>g</c>, <c>b</c> are date fields, <c>h</c>, <c>s</c> time fields.</remarks>
    public static DateParts PartsOf(string? format)
    {
        if (string.IsNullOrEmpty(format)) return DateParts.Known;
        DateParts parts = DateParts.Known;
        foreach (char c in FieldCodes(format))
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'y' or 'd' or 'e' or 'g' or 'b':
                    parts |= DateParts.Date;
                    break;
                case 'h' or 's':
                    parts |= DateParts.Time;
                    break;
            }
        }
        return parts;
    }

    /// <summary>
    /// What a custom number format shows of a date, for a number the workbook reader handed over as a plain number: a
    /// format whose first section has, outside quoted text, escapes and <c>[...]</c> sections, a year or day field
    /// (<c>y</c>, <c>d</c>) is a date, one with an hour or second field (<c>h</c>, <c>s</c>) a time. The reader
    /// misses formats that write their literal text unquoted (<c>yyyy年m月d日</c>, <c>h时mm分</c>), which Excel keeps so.
    /// <see cref="DateParts.None"/> for every number format (<c>General</c>, <c>0.00E+00</c>, <c>#,##0.00</c>).
    /// </summary>
    public static DateParts PartsOfNumberFormat(string? format)
    {
        if (string.IsNullOrEmpty(format) || format.Equals("General", StringComparison.OrdinalIgnoreCase)) return DateParts.None;
        DateParts parts = DateParts.None;
        foreach (char c in FieldCodes(format))
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'y' or 'd':
                    parts |= DateParts.Date;
                    break;
                case 'h' or 's':
                    parts |= DateParts.Time;
                    break;
                case '#' or '?':
                    // A digit placeholder: a number format, whatever letters it also has.
                    return DateParts.None;
            }
        }
        return parts == DateParts.None ? DateParts.None : parts | DateParts.Known;
    }

    /// <summary>
    /// The characters of a format's first section that are codes, not literal text: quoted text, the character after
    /// <c>\</c>, <c>_</c> or <c>*</c> and <c>[...]</c> sections are left out, except that an elapsed-time section
    /// (<c>[h]</c>, <c>[ss]</c>) stands as an <c>h</c>; an unclosed <c>[</c> ends the codes.
    /// </summary>
    private static string FieldCodes(string format)
    {
        var codes = new System.Text.StringBuilder(format.Length);
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            switch (c)
            {
                case '"':
                    int close = format.IndexOf('"', i + 1);
                    i = close < 0 ? format.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    int end = format.IndexOf(']', i + 1);
                    if (end < 0) return codes.ToString();
                    string inner = format[(i + 1)..end];
                    if (inner.Length > 0 && inner.AsSpan().IndexOfAnyExcept("hHsS") < 0) codes.Append('h');
                    i = end;
                    break;
                case ';':
                    // Only the first section counts (the one for positive numbers: every date is positive).
                    return codes.ToString();
                default:
                    codes.Append(c);
                    break;
            }
        }
        return codes.ToString();
    }

    /// <summary>
    /// The built-in East Asian date and time formats (ECMA-376 §18.8.30: ids 27–36 and 50–58), which a workbook uses
    /// without writing their format strings and which ExcelDataReader therefore hands over as plain numbers. Ids 32–35,
    /// 55 and 56 are times of day (<c>h"时"mm"分"</c> …) in the Chinese locales; the others are dates.
    /// </summary>
    public static DateParts BuiltinEastAsian(int formatIndex) => formatIndex switch
    {
        32 or 33 or 34 or 35 or 55 or 56 => DateParts.Known | DateParts.Time,
        (>= 27 and <= 36) or (>= 50 and <= 58) => DateParts.Known | DateParts.Date,
        _ => DateParts.None,
    };

    /// <summary>A serial date (days since 1899-12-30, the 1900 date system) as a date-time, or null when out of range.</summary>
    public static DateTime? FromSerial(double serial)
    {
        // Excel's 1900 system counts a 29 February 1900 that never was: serials before 60 are one day later than OLE dates.
        double oa = serial is >= 0 and < 60 ? serial + 1 : serial;
        if (!(oa > -657435.0 && oa < 2958466.0)) return null;
        return DateTime.FromOADate(oa);
    }
}
