using System.Runtime.CompilerServices;

namespace PayrollRecon.Parsing;

/// <summary>Field-level value conventions of real exports that apply before any typed parser (R37).</summary>
internal static class FieldValues
{
    /// <summary>
    /// True for a non-empty field made only of dashes: <c>-</c>, <c>－</c> (U+FF0D), <c>—</c> (U+2014) or <c>–</c>
    /// (U+2013), in any mix and number (<c>-</c>, <c>--</c>, <c>-------------------</c>, <c>——</c>).
    /// </summary>
    /// <remarks>
    /// Such a field reads as empty (R37). Meant for trimmed fields: white space is not a dash, so <c>- -</c> is false.
    /// Other dash-like characters (U+2010, U+2015, U+2212 minus) are not placeholders. Nearly every field is settled
    /// by its first byte.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlaceholder(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return false;
        byte first = field[0];
        return (first == (byte)'-' || first == 0xE2 || first == 0xEF) && IsDashesOnly(field);
    }

    /// <summary>The field itself, or empty when it is a dash placeholder (<see cref="IsPlaceholder"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> EmptyIfPlaceholder(ReadOnlySpan<byte> field) => IsPlaceholder(field) ? default : field;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsDashesOnly(ReadOnlySpan<byte> field)
    {
        // ASCII hyphens only (the usual case) is one vectorised scan.
        if (field.IndexOfAnyExcept((byte)'-') < 0) return true;
        int i = 0;
        while (i < field.Length)
        {
            byte b = field[i];
            if (b == (byte)'-')
            {
                i++;
                continue;
            }
            if (field.Length - i < 3) return false;
            byte b1 = field[i + 1], b2 = field[i + 2];
            bool dash = b == 0xE2 ? b1 == 0x80 && (b2 == 0x93 || b2 == 0x94)   // – U+2013, — U+2014
                : b == 0xEF && b1 == 0xBC && b2 == 0x8D;                     // － U+FF0D
            if (!dash) return false;
            i += 3;
        }
        return true;
    }
}
