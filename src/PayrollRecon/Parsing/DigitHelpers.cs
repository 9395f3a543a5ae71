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
