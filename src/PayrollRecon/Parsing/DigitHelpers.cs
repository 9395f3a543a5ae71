using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace PayrollRecon.Parsing;

/// <summary>Small digit helpers shared by the field parsers.</summary>
internal static class DigitHelpers
{
    /// <summary>The value of an ASCII digit, or a number greater than 9 for any other byte.</summary>
    /// <remarks>Unchecked on purpose: the library compiles checked, and a non-digit must wrap, not throw.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Value(byte b) => unchecked((uint)(b - '0'));

    /// <summary>The value of an ASCII digit, or a number greater than 9 for any other char.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Value(char c) => unchecked((uint)(c - '0'));

    /// <summary>The value of the <paramref name="count"/> (1–8) ASCII digits at <paramref name="first"/>, or −1 when one of
    /// them is not a digit; reads the eight bytes at <paramref name="first"/>, which must all lie in the caller's span.</summary>
    /// <remarks>
    /// The eight bytes are one word (the first digit its low byte), so a run of digits costs a few multiplications instead
    /// of a step per digit and a mispredicted loop exit (the method of simdjson's <c>parse_eight_digits_unrolled</c>).
    /// Shifting the word left by the bytes not wanted drops those after the digits and makes room for leading zeros.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ParseDigits8(ref byte first, int count)
    {
        unchecked
        {
            Debug.Assert(count is >= 1 and <= 8, "a count of 0 would shift by 64, which is 0: all eight bytes read as digits");
            int shift = (8 - count) * 8;
            ulong word = (Unsafe.ReadUnaligned<ulong>(ref first) << shift) | (~(ulong.MaxValue << shift) & 0x3030_3030_3030_3030UL);
            // Every byte 0x30–0x39: its high nibble is 3, and still 3 after adding 6.
            if (((word & 0xF0F0_F0F0_F0F0_F0F0UL) | (((word + 0x0606_0606_0606_0606UL) & 0xF0F0_F0F0_F0F0_F0F0UL) >> 4)) != 0x3333_3333_3333_3333UL) return -1;
            word = ((word & 0x0F0F_0F0F_0F0F_0F0FUL) * ((10 << 8) + 1)) >> 8;       // two digits per 16 bits
            word = ((word & 0x00FF_00FF_00FF_00FFUL) * ((100 << 16) + 1)) >> 16;    // four digits per 32 bits
            return (long)(((word & 0x0000_FFFF_0000_FFFFUL) * ((10_000UL << 32) + 1)) >> 32);
        }
    }

    /// <summary>The value of the <paramref name="count"/> (1–4) ASCII digits at <paramref name="first"/>, or −1 when one of
    /// them is not a digit; reads the four bytes at <paramref name="first"/> (see <see cref="ParseDigits8"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseDigits4(ref byte first, int count)
    {
        unchecked
        {
            Debug.Assert(count is >= 1 and <= 4, "a count of 0 would shift by 32, which is 0: all four bytes read as digits");
            int shift = (4 - count) * 8;
            uint word = (Unsafe.ReadUnaligned<uint>(ref first) << shift) | (~(uint.MaxValue << shift) & 0x3030_3030u);
            if (((word & 0xF0F0_F0F0u) | (((word + 0x0606_0606u) & 0xF0F0_F0F0u) >> 4)) != 0x3333_3333u) return -1;
            word = ((word & 0x0F0F_0F0Fu) * ((10 << 8) + 1)) >> 8;
            return (int)(((word & 0x00FF_00FFu) * ((100 << 16) + 1)) >> 16);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> ASCII digits at <paramref name="start"/>; false when any is missing.</summary>
    public static bool TryReadFixed(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if ((uint)start > (uint)s.Length || s.Length - start < count) return false;
        for (int k = start; k < start + count; k++)
        {
            uint d = Value(s[k]);
            if (d > 9) return false;
            value = value * 10 + (int)d;
        }
        return true;
    }

    /// <summary>Length of the run of ASCII digits starting at <paramref name="start"/>.</summary>
    public static int RunLength(ReadOnlySpan<byte> s, int start)
    {
        int k = start;
        while (k < s.Length && Value(s[k]) <= 9) k++;
        return k - start;
    }

    /// <summary>Length of the run of ASCII digits starting at <paramref name="start"/>.</summary>
    public static int RunLength(ReadOnlySpan<char> s, int start)
    {
        int k = start;
        while (k < s.Length && Value(s[k]) <= 9) k++;
        return k - start;
    }
}
