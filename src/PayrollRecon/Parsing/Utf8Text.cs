using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PayrollRecon.Parsing;

/// <summary>White space tests on UTF-8 text shared by the field parsers.</summary>
/// <remarks>White space is what <see cref="Rune.IsWhiteSpace"/> says (so U+3000 and U+00A0 count); invalid UTF-8 is not white space.</remarks>
internal static class Utf8Text
{
    /// <summary>True for the ASCII white space bytes: space, tab, LF, VT, FF, CR.</summary>
    /// <remarks>The range test relies on a byte below tab wrapping to a large number: unchecked, since the library
    /// checks arithmetic and a control byte (NUL, SOH…) in a field must not throw.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiWhiteSpace(byte b) => b == (byte)' ' || unchecked((uint)(b - '\t')) <= '\r' - '\t';

    /// <summary>The byte length of the white space character starting at <paramref name="i"/>, or 0 when there is none.</summary>
    public static int WhiteSpaceLengthAt(ReadOnlySpan<byte> utf8, int i)
    {
        if ((uint)i >= (uint)utf8.Length) return 0;
        byte b = utf8[i];
        if (b < 0x80) return IsAsciiWhiteSpace(b) ? 1 : 0;
        return Rune.DecodeFromUtf8(utf8[i..], out Rune rune, out int consumed) == OperationStatus.Done && Rune.IsWhiteSpace(rune) ? consumed : 0;
    }

    /// <summary>The byte length of the white space characters that end <paramref name="utf8"/>.</summary>
    public static int TrailingWhiteSpaceLength(ReadOnlySpan<byte> utf8)
    {
        int end = utf8.Length;
        while (end > 0)
        {
            byte b = utf8[end - 1];
            if (b < 0x80)
            {
                if (!IsAsciiWhiteSpace(b)) break;
                end--;
                continue;
            }
            if (Rune.DecodeLastFromUtf8(utf8[..end], out Rune rune, out int consumed) != OperationStatus.Done || !Rune.IsWhiteSpace(rune)) break;
            end -= consumed;
        }
        return utf8.Length - end;
    }

    /// <summary><paramref name="utf8"/> without the white space characters at either end.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> utf8)
    {
        int start = 0;
        while (start < utf8.Length)
        {
            int n = WhiteSpaceLengthAt(utf8, start);
            if (n == 0) break;
            start += n;
        }
        ReadOnlySpan<byte> rest = utf8[start..];
        return rest[..(rest.Length - TrailingWhiteSpaceLength(rest))];
    }
}
