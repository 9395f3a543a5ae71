using System.Runtime.CompilerServices;

namespace PayrollRecon.Reading;

/// <summary>Access to a bound column that may be absent from the file.</summary>
internal static class FieldAccess
{
    /// <summary>The field at <paramref name="index"/>, or empty when the column is absent (index −1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Optional(scoped in CsvRow row, int index) => index < 0 ? default : row[index];
}
