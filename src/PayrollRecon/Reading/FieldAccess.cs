using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PayrollRecon.Reading;

/// <summary>Access to a bound column that may be absent from the file.</summary>
internal static class FieldAccess
{
    /// <summary>The field at <paramref name="index"/>, or empty when the column is absent (index −1) or holds a dash placeholder (R37).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Optional(scoped in CsvRow row, int index) => index < 0 ? default : Field(in row, index);

    /// <summary>The field at <paramref name="index"/>; a field of dashes only (<c>-</c>, <c>－</c>, <c>—</c>, <c>–</c>) is empty (R37).</summary>
    /// <remarks>Lead bytes '-', 0xE2 and 0xEF go out of line; every other field costs one comparison of its first byte.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Field(scoped in CsvRow row, int index)
    {
        ReadOnlySpan<byte> field = row[index];
        if (field.Length != 0)
        {
            byte lead = MemoryMarshal.GetReference(field);
            if ((lead == (byte)'-') | (lead == 0xE2) | (lead == 0xEF)) return EmptyIfPlaceholder(field);
        }
        return field;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> EmptyIfPlaceholder(ReadOnlySpan<byte> field) => Parsing.FieldValues.IsPlaceholder(field) ? default : field;
}
