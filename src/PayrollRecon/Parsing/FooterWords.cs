using System.Runtime.CompilerServices;

namespace PayrollRecon.Parsing;

/// <summary>Recognises the words that mark a footer row after the data of a real export (R35).</summary>
internal static class FooterWords
{
    // 计 and the characters that may precede it in 合计, 总计, 小计.
    private static ReadOnlySpan<byte> Ji => "计"u8;
    private static ReadOnlySpan<byte> BiShu => "笔数"u8;

    /// <summary>
    /// True when the (trimmed) field contains 合计, 总计, 小计 or 笔数, or starts with 累计, 本页, 以上, 说明, <c>注:</c>,
    /// <c>注：</c>, or 共 followed by an ASCII digit with optional white space between (<c>共5笔</c>, <c>共 5 笔</c>).
    /// </summary>
    /// <remarks>
    /// Exact characters, as R35 writes them: no white space inside a word (<c>合　计</c> is not one), no full-width or
    /// Chinese numerals after 共 (<c>共五笔</c> is not one). An ASCII-only field is settled without looking for words.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFooterWord(ReadOnlySpan<byte> trimmedField)
    {
        // The shortest footer word is 共 and a digit: four bytes.
        if (trimmedField.Length < 4) return false;
        return trimmedField[0] < 0x80 ? ContainsNonAsciiFooterWord(trimmedField) : IsFooterWordCore(trimmedField);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ContainsNonAsciiFooterWord(ReadOnlySpan<byte> field) =>
        field.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && ContainsTotalWord(field);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsFooterWordCore(ReadOnlySpan<byte> field) => StartsWithFooterWord(field) || ContainsTotalWord(field);

    private static bool StartsWithFooterWord(ReadOnlySpan<byte> field)
    {
        if (field.StartsWith("共"u8))
        {
            int i = 3;
            for (int w; (w = Utf8Text.WhiteSpaceLengthAt(field, i)) > 0;) i += w;
            return i < field.Length && DigitHelpers.Value(field[i]) <= 9;
        }
        return field.StartsWith("累计"u8) || field.StartsWith("本页"u8) || field.StartsWith("以上"u8) || field.StartsWith("说明"u8)
            || field.StartsWith("注:"u8) || field.StartsWith("注："u8);
    }

    /// <summary>Contains 合计, 总计, 小计 or 笔数.</summary>
    private static bool ContainsTotalWord(ReadOnlySpan<byte> field)
    {
        // UTF-8 is self-synchronising: a match of 计's three bytes is the character, and the three bytes before it the one before.
        int from = 3;
        while (from <= field.Length - 3)
        {
            int k = field[from..].IndexOf(Ji);
            if (k < 0) break;
            int at = from + k;
            ReadOnlySpan<byte> before = field.Slice(at - 3, 3);
            if (before.SequenceEqual("合"u8) || before.SequenceEqual("总"u8) || before.SequenceEqual("小"u8)) return true;
            from = at + 3;
        }
        return field.IndexOf(BiShu) >= 0;
    }
}
