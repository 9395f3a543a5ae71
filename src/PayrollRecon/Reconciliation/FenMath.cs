namespace PayrollRecon.Reconciliation;

/// <summary>Exact integer arithmetic for computed wages.</summary>
internal static class FenMath
{
    /// <summary>numerator / denominator rounded half away from zero; throws when the result does not fit in a long.</summary>
    public static long DivideRounded(Int128 numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        Int128 quotient = Int128.DivRem(numerator, denominator).Quotient;
        Int128 remainder = numerator - quotient * denominator;
        if (Int128.Abs(remainder) * 2 >= denominator)
            quotient += numerator < 0 ? -1 : 1;
        return checked((long)quotient);
    }

    /// <summary>Rate per month prorated by days / 21.75, capped at the full rate.</summary>
    public static long MonthlyProrated(long monthlyFen, int days) =>
        DivideRounded((Int128)monthlyFen * MonthlyDayHundredths(days), 2175);

    /// <summary>min(2175, days × 100): the numerator of min(1, days / 21.75) over 2175.</summary>
    public static long MonthlyDayHundredths(int days) => Math.Min(2175L, (long)days * 100);

    /// <summary>Rate per hour times seconds on site, rounded to the fen.</summary>
    public static long Hourly(long hourlyFen, long seconds) => DivideRounded((Int128)hourlyFen * seconds, 3600);
}
