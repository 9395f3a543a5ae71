namespace PayrollRecon.Model;

/// <summary>A calendar month (a pay period).</summary>
/// <remarks>Year 1..9999, month 1..12. Ordered chronologically.</remarks>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    /// <summary>Creates a month; throws when out of range.</summary>
    public YearMonth(int year, int month)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1..12.</summary>
    public int Month { get; }

    /// <summary>Months since year 0 (a dense ordinal, handy as an array index or dictionary key).</summary>
    public int Ordinal => Year * 12 + (Month - 1);

    /// <summary>The month with the given <see cref="Ordinal"/>.</summary>
    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    /// <summary>The month that holds <paramref name="date"/>.</summary>
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Number of days in the month.</summary>
    public int DayCount => DateTime.DaysInMonth(Year, Month);

    /// <inheritdoc/>
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Earlier than.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;
    /// <summary>Later than.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;
    /// <summary>Not later than.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;
    /// <summary>Not earlier than.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    /// <summary><c>yyyy-MM</c>.</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
