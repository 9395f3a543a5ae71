using System.Runtime.CompilerServices;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>
/// Fast paths measured by <c>--breakdown</c> against the library's general parsers, to size what they would save on the
/// hot path (see <c>benchmarks/results/README.md</c>). They accept a subset of the general grammar and give the same
/// answer on it; anything else would fall back to the general parser.
/// </summary>
internal static class CandidateFastPaths
{
    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> at fixed positions — the layout of nearly every bank and gate export.</summary>
    public static bool TryParseCanonicalDateTime(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        uint y0 = D(s[0]), y1 = D(s[1]), y2 = D(s[2]), y3 = D(s[3]);
        uint m0 = D(s[5]), m1 = D(s[6]), d0 = D(s[8]), d1 = D(s[9]);
        uint h0 = D(s[11]), h1 = D(s[12]), n0 = D(s[14]), n1 = D(s[15]), c0 = D(s[17]), c1 = D(s[18]);
        if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | n0 | n1 | c0 | c1) > 9) return false;
        int year = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
        int month = (int)(m0 * 10 + m1);
        int day = (int)(d0 * 10 + d1);
        int hour = (int)(h0 * 10 + h1);
        int minute = (int)(n0 * 10 + n1);
        int second = (int)(c0 * 10 + c1);
        if (year is < 1900 or > 2199 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint D(byte b) => unchecked((uint)(b - '0'));
}
