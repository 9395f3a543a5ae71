using System.Buffers;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Parsing;

/// <summary>Finds the wage month a payment memo names (SPEC §3.3, R19).</summary>
/// <remarks>
/// Patterns are tried in this order, each over the whole memo, leftmost candidate first; a candidate whose month is
/// not 1–12 is no match and the search goes on:
/// <list type="number">
/// <item><c>yyyy年M月</c> (M one or two digits);</item>
/// <item><c>yyyy-M</c> or <c>yyyy-MM</c> not followed by a digit;</item>
/// <item><c>yyyyMM</c>: a run of exactly six digits;</item>
/// <item><c>M月</c> (one or two digits): the latest such month not after the payment date.</item>
/// </list>
/// Years outside <see cref="DateParser.MinYear"/>–<see cref="DateParser.MaxYear"/> are no match. A digit is ASCII or
/// full-width (<c>０</c>–<c>９</c>, as typed in a Chinese input method's full-width mode).
/// A candidate is the pattern's leftmost occurrence, as a search of the text finds it, with nothing asked of what comes
/// before it but in <c>yyyyMM</c> (R19 asks "not inside a longer digit run" there only): in <c>12024年3月</c> the year is
/// 2024, in <c>12024-3</c> the month is 2024-03, and in <c>112月</c> the month is 12 (the two digits before <c>月</c>;
/// in <c>123月</c> they are 23, no month, and no shorter reading is tried).
/// </remarks>
internal static class MemoMonth
{
    /// <summary>The month the memo names, if any.</summary>
    public static bool TryFind(ReadOnlySpan<char> memo, DateOnly paymentDate, out YearMonth month)
    {
        if (memo.IndexOfAnyInRange(FullWidthZero, (char)(FullWidthZero + 9)) < 0) return TryFindAscii(memo, paymentDate, out month);
        const int StackLimit = 256;
        char[]? rented = null;
        Span<char> ascii = memo.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(memo.Length));
        try
        {
            for (int k = 0; k < memo.Length; k++)
            {
                char c = memo[k];
                ascii[k] = c is >= FullWidthZero and <= (char)(FullWidthZero + 9) ? (char)('0' + (c - FullWidthZero)) : c;
            }
            return TryFindAscii(ascii[..memo.Length], paymentDate, out month);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    private const char FullWidthZero = '\uFF10';

    private static bool TryFindAscii(ReadOnlySpan<char> memo, DateOnly paymentDate, out YearMonth month) =>
        TryYearChineseMonth(memo, out month)
        || TryYearDashMonth(memo, out month)
        || TryCompact(memo, out month)
        || TryBareMonth(memo, paymentDate, out month);

    /// <summary>The month a UTF-8 memo names, if any (invalid UTF-8 decodes to U+FFFD and matches nothing).</summary>
    public static bool TryFind(ReadOnlySpan<byte> utf8Memo, DateOnly paymentDate, out YearMonth month)
    {
        // A memo decodes to at most as many chars as it has bytes.
        const int StackLimit = 512;
        char[]? rented = null;
        Span<char> chars = utf8Memo.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(utf8Memo.Length));
        try
        {
            int n = Encoding.UTF8.GetChars(utf8Memo, chars);
            return TryFind(chars[..n], paymentDate, out month);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    // yyyy年M月
    private static bool TryYearChineseMonth(ReadOnlySpan<char> memo, out YearMonth month)
    {
        month = default;
        for (int i = memo.IndexOf('年'); i >= 0; i = NextIndex(memo, '年', i))
        {
            if (TryYearBefore(memo, i, out int year) && TryMonthAfter(memo, i + 1, out int m, out int end)
                && end < memo.Length && memo[end] == '月')
            {
                month = new YearMonth(year, m);
                return true;
            }
        }
        return false;
    }

    // yyyy-M / yyyy-MM, not followed by a digit
    private static bool TryYearDashMonth(ReadOnlySpan<char> memo, out YearMonth month)
    {
        month = default;
        for (int i = memo.IndexOf('-'); i >= 0; i = NextIndex(memo, '-', i))
        {
            // TryMonthAfter takes the whole digit run, so "not followed by a digit" holds by construction.
            if (TryYearBefore(memo, i, out int year) && TryMonthAfter(memo, i + 1, out int m, out _))
            {
                month = new YearMonth(year, m);
                return true;
            }
        }
        return false;
    }

    // yyyyMM: exactly six digits, not inside a longer run
    private static bool TryCompact(ReadOnlySpan<char> memo, out YearMonth month)
    {
        month = default;
        int i = 0;
        while (i < memo.Length)
        {
            if (DigitHelpers.Value(memo[i]) > 9) { i++; continue; }
            int run = DigitHelpers.RunLength(memo, i);
            if (run == 6)
            {
                int year = Number(memo.Slice(i, 4));
                int m = Number(memo.Slice(i + 4, 2));
                if (year is >= DateParser.MinYear and <= DateParser.MaxYear && m is >= 1 and <= 12)
                {
                    month = new YearMonth(year, m);
                    return true;
                }
            }
            i += run;
        }
        return false;
    }

    // M月: the latest such month not after the payment date
    private static bool TryBareMonth(ReadOnlySpan<char> memo, DateOnly paymentDate, out YearMonth month)
    {
        month = default;
        for (int i = memo.IndexOf('月'); i >= 0; i = NextIndex(memo, '月', i))
        {
            int start = i;
            while (start > 0 && DigitHelpers.Value(memo[start - 1]) <= 9) start--;
            // The leftmost occurrence of one or two digits and 月: the run's last two digits, or its only one.
            int length = Math.Min(i - start, 2);
            if (length == 0) continue;
            int m = Number(memo.Slice(i - length, length));
            if (m is < 1 or > 12) continue;
            int year = m <= paymentDate.Month ? paymentDate.Year : paymentDate.Year - 1;
            if (year < DateParser.MinYear) continue;
            month = new YearMonth(year, m);
            return true;
        }
        return false;
    }

    /// <summary>A four-digit year (in the accepted range) just before <paramref name="index"/>, whatever precedes its digits.</summary>
    private static bool TryYearBefore(ReadOnlySpan<char> memo, int index, out int year)
    {
        year = 0;
        if (index < 4) return false;
        for (int k = index - 4; k < index; k++)
        {
            if (DigitHelpers.Value(memo[k]) > 9) return false;
        }
        year = Number(memo.Slice(index - 4, 4));
        return year is >= DateParser.MinYear and <= DateParser.MaxYear;
    }

    /// <summary>A month 1–12 written as a whole run of one or two digits at <paramref name="index"/>.</summary>
    private static bool TryMonthAfter(ReadOnlySpan<char> memo, int index, out int month, out int end)
    {
        month = 0;
        int length = DigitHelpers.RunLength(memo, index);
        end = index + length;
        if (length is < 1 or > 2) return false;
        month = Number(memo.Slice(index, length));
        return month is >= 1 and <= 12;
    }

    private static int NextIndex(ReadOnlySpan<char> memo, char c, int current)
    {
        int next = memo[(current + 1)..].IndexOf(c);
        return next < 0 ? -1 : current + 1 + next;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (char c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
