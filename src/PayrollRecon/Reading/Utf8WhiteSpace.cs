using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PayrollRecon.Reading;

/// <summary>Trims Unicode white space (the White_Space property) from UTF-8 bytes.</summary>
internal static class Utf8WhiteSpace
{
    /// <summary>The range of <paramref name="value"/> left after trimming, as (start, length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Start, int Length) TrimRange(ReadOnlySpan<byte> value)
    {
        // Nearly every field starts and ends with a byte that cannot belong to white space: answer that with two lookups.
        if (value.Length == 0) return (0, 0);
        if ((EdgeBytes[value[0]] & MayStart) == 0 && (EdgeBytes[value[^1]] & MayEnd) == 0) return (0, value.Length);
        return TrimRangeSlow(value);
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="first"/>, trimmed of Unicode white space at both ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ref byte first, int length)
    {
        if (length != 0 && !KeptWhole(ref first, length, MayStart))
        {
            long kept = TrimSlow(ref first, length);
            first = ref Unsafe.Add(ref first, unchecked((int)(kept >> 32)));
            length = unchecked((int)kept);
        }
        // One span, built at the one return: the paths join on a reference and a length, which stay in registers (a
        // span returned from each path is joined through the stack, and read back whole from two halves just written).
        return MemoryMarshal.CreateReadOnlySpan(ref first, length);
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="first"/> trimmed as by <see cref="Trim(ref byte, int)"/>,
    /// and empty when what is left is a dash placeholder (R37, <see cref="Parsing.FieldValues.IsPlaceholder"/>): a typed
    /// reader's value of a field.</summary>
    /// <remarks>One lookup of the first byte tells that neither white space nor a dash can start the field, so the value
    /// of nearly every field costs what trimming alone does.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> TrimValue(ref byte first, int length)
    {
        if (length != 0 && !KeptWhole(ref first, length, MayStart | DashLead))
        {
            long kept = TrimValueSlow(ref first, length);
            first = ref Unsafe.Add(ref first, unchecked((int)(kept >> 32)));
            length = unchecked((int)kept);
        }
        return MemoryMarshal.CreateReadOnlySpan(ref first, length);
    }

    /// <summary>True when the <paramref name="length"/> (≥ 1) bytes at <paramref name="first"/> certainly stay as they are:
    /// their first byte has none of <paramref name="startFlags"/> and their end cannot be white space.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KeptWhole(ref byte first, int length, byte startFlags)
    {
        if ((EdgeBytes[first] & startFlags) != 0) return false;
        byte last = Unsafe.Add(ref first, unchecked(length - 1));

        // An ASCII end is white space only at 0x20 or below (a control byte that is none goes the slow way, which knows).
        if (last < 0x80) return last > 0x20;

        // A white-space character that ends in a byte of 0x80 or more is C2 xx or E1–E3 xx xx: the bytes before the last
        // settle it for a CJK character (工资) without looking the last one up. Whether that last byte could end one at
        // all is as good as random in Chinese text, so testing it first cost a mispredicted branch on a quarter of such
        // fields; the two tests are combined without a branch between them.
        return length >= 3
            && (Unsafe.Add(ref first, unchecked(length - 2)) != 0xC2) & (unchecked((uint)(Unsafe.Add(ref first, length - 3) - 0xE1)) > 2);
    }

    /// <summary>What <see cref="TrimValue"/> keeps of the <paramref name="length"/> bytes at <paramref name="first"/>, as
    /// start &lt;&lt; 32 | length (0 when a placeholder).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long TrimValueSlow(ref byte first, int length)
    {
        ReadOnlySpan<byte> value = MemoryMarshal.CreateReadOnlySpan(ref first, length);
        (int start, int kept) = TrimRange(value);
        return Parsing.FieldValues.IsPlaceholder(value.Slice(start, kept)) ? 0 : Range(start, kept);
    }

    private static long Range(int start, int length) => ((long)start << 32) | (uint)length;

    private const byte MayStart = 1;
    private const byte MayEnd = 2;
    private const byte DashLead = 4;

    /// <summary>Per byte value: <see cref="MayStart"/> when a white-space character can start with it, <see cref="MayEnd"/>
    /// when one can end with it, <see cref="DashLead"/> when a dash of a placeholder can (<c>-</c>, 0xE2 of <c>—</c> and
    /// <c>–</c>, 0xEF of <c>－</c>).</summary>
    private static ReadOnlySpan<byte> EdgeBytes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
        2, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 1, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>The value trimmed of Unicode white space at both ends.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        (int start, int length) = TrimRange(value);
        return value.Slice(start, length);
    }

    /// <summary>What <see cref="Trim(ref byte, int)"/> keeps of the <paramref name="length"/> (≥ 1) bytes at
    /// <paramref name="first"/>, as start &lt;&lt; 32 | length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long TrimSlow(ref byte first, int length)
    {
        ReadOnlySpan<byte> value = MemoryMarshal.CreateReadOnlySpan(ref first, length);
        // Most calls come from a CJK character whose last byte merely could end a white-space character: a lead byte
        // other than C2 or E1–E3 before it settles that without the general loop.
        int n = value.Length;
        byte last = value[n - 1];
        if (last >= 0x80 && (EdgeBytes[value[0]] & MayStart) == 0
            && (n < 2 || value[n - 2] != 0xC2) && (n < 3 || unchecked((uint)(value[n - 3] - 0xE1)) > 2))
        {
            return Range(0, n);
        }
        (int start, int kept) = TrimRangeSlow(value);
        return Range(start, kept);
    }

    private static (int Start, int Length) TrimRangeSlow(ReadOnlySpan<byte> value)
    {
        int start = 0;
        int end = value.Length;
        while (start < end)
        {
            int n = LeadingLength(value[start..end]);
            if (n == 0) break;
            start += n;
        }
        while (end > start)
        {
            int n = TrailingLength(value[start..end]);
            if (n == 0) break;
            end -= n;
        }
        return (start, end - start);
    }

    /// <summary>Byte length of the white-space character that starts <paramref name="s"/>, or 0.</summary>
    private static int LeadingLength(ReadOnlySpan<byte> s)
    {
        byte b = s[0];
        if (b < 0x80) return IsAsciiWhiteSpace(b) ? 1 : 0;
        if (s.Length >= 2 && b == 0xC2 && (s[1] == 0x85 || s[1] == 0xA0)) return 2;
        if (s.Length >= 3 && IsThreeByteWhiteSpace(b, s[1], s[2])) return 3;
        return 0;
    }

    /// <summary>Byte length of the white-space character that ends <paramref name="s"/>, or 0.</summary>
    private static int TrailingLength(ReadOnlySpan<byte> s)
    {
        int n = s.Length;
        byte b = s[n - 1];
        if (b < 0x80) return IsAsciiWhiteSpace(b) ? 1 : 0;
        if (n >= 2 && s[n - 2] == 0xC2 && (b == 0x85 || b == 0xA0)) return 2;
        if (n >= 3 && IsThreeByteWhiteSpace(s[n - 3], s[n - 2], b)) return 3;
        return 0;
    }

    private static bool IsAsciiWhiteSpace(byte b) => b == 0x20 || unchecked((uint)(b - 0x09)) <= 0x0D - 0x09;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsThreeByteWhiteSpace(byte b0, byte b1, byte b2) => b0 switch
    {
        0xE1 => b1 == 0x9A && b2 == 0x80,                                    // U+1680
        0xE2 => (b1 == 0x80 && (unchecked((uint)(b2 - 0x80)) <= 0x0A                     // U+2000..U+200A
                                || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF))  // U+2028, U+2029, U+202F
                || (b1 == 0x81 && b2 == 0x9F),                               // U+205F
        0xE3 => b1 == 0x80 && b2 == 0x80,                                    // U+3000 ideographic space
        _ => false,
    };
}
