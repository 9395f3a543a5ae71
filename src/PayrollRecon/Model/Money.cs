using System.Globalization;

namespace PayrollRecon.Model;

/// <summary>An exact amount of money in fen (分, 1/100 yuan).</summary>
/// <remarks>All arithmetic is checked: an overflow throws <see cref="OverflowException"/>, it never wraps.</remarks>
/// <param name="Fen">The amount in fen.</param>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>Zero fen.</summary>
    public static readonly Money Zero = new(0);

    /// <summary>Creates an amount from whole yuan and fen parts.</summary>
    /// <exception cref="OverflowException">When the amount in fen does not fit in a <see cref="long"/> (see <see cref="FromYuan(decimal)"/>).</exception>
    public static Money FromYuan(long yuan, int fen = 0)
    {
        long total;
        try
        {
            total = checked(yuan * 100 + fen);
        }
        catch (OverflowException)
        {
            throw BeyondFen(((decimal)yuan + fen / 100m).ToString(CultureInfo.InvariantCulture));
        }
        return new(total);
    }

    /// <summary>Creates an amount from yuan given as a <see cref="decimal"/>, e.g. <c>1234.50m</c> (a database's money column).</summary>
    /// <exception cref="ArgumentException">When <paramref name="yuan"/> has a part smaller than a fen (more than two decimals).</exception>
    /// <exception cref="OverflowException">When the amount in fen does not fit in a <see cref="long"/>: beyond
    /// -92 233 720 368 547 758.08 … 92 233 720 368 547 758.07 yuan.</exception>
    public static Money FromYuan(decimal yuan)
    {
        // Checked before multiplying: a decimal near its own limit would overflow as a decimal first.
        if (yuan < MinYuan || yuan > MaxYuan) throw BeyondFen(yuan.ToString(CultureInfo.InvariantCulture));
        decimal fen = yuan * 100;
        if (fen != decimal.Truncate(fen)) throw new ArgumentException($"{yuan.ToString(CultureInfo.InvariantCulture)} yuan is not a whole number of fen", nameof(yuan));
        return new(decimal.ToInt64(fen));
    }

    // The yuan an amount in fen holds: long.MinValue and long.MaxValue fen.
    private const decimal MinYuan = long.MinValue / 100m;
    private const decimal MaxYuan = long.MaxValue / 100m;

    private static OverflowException BeyondFen(string yuan) =>
        new($"{yuan} yuan is beyond the range of an amount in fen (-92 233 720 368 547 758.08 to 92 233 720 368 547 758.07 yuan)");

    /// <summary>Sum (checked).</summary>
    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    /// <summary>Difference (checked).</summary>
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    /// <summary>Negation (checked).</summary>
    public static Money operator -(Money a) => new(checked(-a.Fen));
    /// <summary>Less than.</summary>
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    /// <summary>Greater than.</summary>
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    /// <summary>Less than or equal.</summary>
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>The smaller of two amounts.</summary>
    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;

    /// <summary>The larger of two amounts.</summary>
    public static Money Max(Money a, Money b) => a.Fen >= b.Fen ? a : b;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Writes the amount as yuan with exactly two decimals and no grouping, e.g. <c>-1234.50</c>.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        // Work on the magnitude as ulong so long.MinValue formats correctly.
        ulong magnitude = Fen < 0 ? (ulong)(-(Fen + 1)) + 1 : (ulong)Fen;
        ulong yuan = magnitude / 100;
        int fen = (int)(magnitude % 100);
        int pos = 0;
        if (Fen < 0)
        {
            if (destination.Length < 1) { charsWritten = 0; return false; }
            destination[pos++] = '-';
        }
        if (!yuan.TryFormat(destination[pos..], out int written, default, CultureInfo.InvariantCulture)) { charsWritten = 0; return false; }
        pos += written;
        if (destination.Length - pos < 3) { charsWritten = 0; return false; }
        destination[pos++] = '.';
        destination[pos++] = (char)('0' + fen / 10);
        destination[pos++] = (char)('0' + fen % 10);
        charsWritten = pos;
        return true;
    }

    /// <summary>The amount as yuan with two decimals, e.g. <c>1234.50</c>.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[32];
        TryFormat(buffer, out int n);
        return new string(buffer[..n]);
    }
}
