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
    public static Money FromYuan(long yuan, int fen = 0) => new(checked(yuan * 100 + fen));

    /// <summary>Creates an amount from yuan given as a <see cref="decimal"/>, e.g. <c>1234.50m</c> (a database's money column).</summary>
    /// <exception cref="ArgumentException">When <paramref name="yuan"/> has a part smaller than a fen (more than two decimals).</exception>
    /// <exception cref="OverflowException">When the amount in fen does not fit in a <see cref="long"/>.</exception>
    public static Money FromYuan(decimal yuan)
    {
        decimal fen = yuan * 100;
        if (fen != decimal.Truncate(fen)) throw new ArgumentException($"{yuan} yuan is not a whole number of fen", nameof(yuan));
        return new(decimal.ToInt64(fen));
    }

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
