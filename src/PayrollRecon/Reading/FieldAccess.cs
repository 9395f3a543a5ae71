using System.Runtime.CompilerServices;

namespace PayrollRecon.Reading;

/// <summary>Access to a bound column that may be absent from the file.</summary>
internal static class FieldAccess
{
    /// <summary>The field at <paramref name="index"/>, or empty when the column is absent (index −1) or holds a dash placeholder (R37).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Optional(scoped in CsvRow row, int index) => index < 0 ? default : Field(in row, index);

    /// <summary>The field at <paramref name="index"/>; a field of dashes only (<c>-</c>, <c>－</c>, <c>—</c>, <c>–</c>) is empty (R37).</summary>
    /// <remarks>The trimming's lookup of the first byte also rules out a dash (<see cref="CsvRow.Value"/>), so only fields
    /// that start with '-', 0xE2 or 0xEF (or white space) are looked at further, out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Field(scoped in CsvRow row, int index) => row.Value(index);
}
