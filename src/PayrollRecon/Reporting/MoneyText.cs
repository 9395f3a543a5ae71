using System.Globalization;

using PayrollRecon.Model;

namespace PayrollRecon.Reporting;

/// <summary>Short money labels for chart axes (万/亿 in Chinese, k/M in English), in integer arithmetic.</summary>
internal static class MoneyText
{
    /// <summary>E.g. <c>12.3万</c> / <c>123.4k</c>; one decimal, rounded half away from zero, trailing <c>.0</c> dropped.</summary>
    internal static string Compact(Money value, ReportLanguage language)
    {
        long fen = value.Fen;
        string sign = fen < 0 ? "-" : string.Empty;
        ulong yuan = (fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen) / 100;
        (ulong unit, string suffix) = language == ReportLanguage.En
            ? yuan >= 1_000_000_000 ? (1_000_000_000UL, "B") : yuan >= 1_000_000 ? (1_000_000UL, "M") : yuan >= 1_000 ? (1_000UL, "k") : (1UL, "")
            : yuan >= 100_000_000 ? (100_000_000UL, "亿") : yuan >= 10_000 ? (10_000UL, "万") : (1UL, "");
        if (unit == 1) return sign + yuan.ToString(CultureInfo.InvariantCulture);
        ulong tenths = (yuan * 10 + unit / 2) / unit;
        string whole = (tenths / 10).ToString(CultureInfo.InvariantCulture);
        return tenths % 10 == 0
            ? sign + whole + suffix
            : sign + whole + "." + (tenths % 10).ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>A "nice" axis step (1, 2 or 5 × 10^k fen, <paramref name="ticks"/> of them) covering <paramref name="max"/>;
    /// the step times <paramref name="ticks"/> never passes <see cref="long.MaxValue"/> (a month owed near the limit of an
    /// amount gets the largest step that fits, its bar a hair above the top line rather than an overflow).</summary>
    internal static long NiceStep(long max, int ticks)
    {
        if (max <= 0) return 100;
        long fits = long.MaxValue / ticks;
        Int128 raw = ((Int128)max + ticks - 1) / ticks;
        Int128 magnitude = 1;
        while (magnitude <= raw / 10) magnitude *= 10;
        foreach (int m in (ReadOnlySpan<int>)[1, 2, 5, 10])
        {
            if (m * magnitude >= raw) return (long)Int128.Min(m * magnitude, fits);
        }

        return (long)Int128.Min(10 * magnitude, fits);
    }

    /// <summary><paramref name="value"/> × <paramref name="length"/> / <paramref name="max"/> without overflow (pixels).</summary>
    internal static int Scale(long value, int length, long max) =>
        max <= 0 || value <= 0 ? 0 : (int)((Int128)value * length / max);
}
