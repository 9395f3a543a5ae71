using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PayrollRecon.Reading;

/// <summary>One record of a CSV file: unquoted, trimmed UTF-8 fields, valid until the reader moves on.</summary>
public readonly ref struct CsvRow
{
    // _ends[0] is the record's first byte minus one, _ends[i + 1] the end (separator or line feed) of field i, all as
    // positions in _data; a field is trimmed only when it is asked for, so columns nobody reads cost nothing.
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<int> _ends;

    internal CsvRow(ReadOnlySpan<byte> data, ReadOnlySpan<int> ends, long line)
    {
        _data = data;
        _ends = ends;
        FieldCount = ends.Length - 1;
        Line = line;
        Error = CsvRowError.None;
    }

    private CsvRow(ReadOnlySpan<byte> data, ReadOnlySpan<int> ends, long line, int fieldCount)
    {
        _data = data;
        _ends = ends;
        FieldCount = fieldCount;
        Line = line;
        Error = CsvRowError.None;
    }

    internal CsvRow(CsvRowError error, long line)
    {
        Error = error;
        Line = line;
    }

    /// <summary>Number of fields (0 for a row error).</summary>
    public int FieldCount { get; }

    /// <summary>1-based physical line where the record starts.</summary>
    public long Line { get; }

    /// <summary>What prevented reading the record, or <see cref="CsvRowError.None"/>.</summary>
    public CsvRowError Error { get; }

    /// <summary>The field at <paramref name="index"/> (0-based): unquoted, <c>""</c> unescaped and trimmed of Unicode white space.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            // Trimmed only: a field of dashes (R37) is a value for the typed readers to rule on (Value, FieldAccess).
            ref byte first = ref FieldStart(index, out int length);
            return Utf8WhiteSpace.Trim(ref first, length);
        }
    }

    /// <summary>The field at <paramref name="index"/> as a typed reader reads it: as <see cref="this[int]"/>, and empty when
    /// it is a dash placeholder (R37: <c>-</c>, <c>－</c>, <c>—</c>, <c>–</c>, in any number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> Value(int index)
    {
        ref byte first = ref FieldStart(index, out int length);
        return Utf8WhiteSpace.TrimValue(ref first, length);
    }

    /// <summary>The first byte and the length of field <paramref name="index"/> as the record holds it; no bytes for a
    /// missing trailing field (R36).</summary>
    /// <remarks>A reference and a length, not a span: the callers build their one span at their one return.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte FieldStart(int index, out int length)
    {
        unchecked
        {
            if ((uint)index >= (uint)(_ends.Length - 1))
            {
                Padding(index);
                length = 0;
                return ref Unsafe.NullRef<byte>();
            }
            // The reader built the ends in increasing order inside _data, so the range needs no further checks.
            ref int e = ref Unsafe.Add(ref MemoryMarshal.GetReference(_ends), index);
            int start = e + 1;
            length = Unsafe.Add(ref e, 1) - start;
            return ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), start);
        }
    }

    /// <summary>The field at <paramref name="index"/> as the record holds it: unquoted but not trimmed; empty for a missing
    /// trailing field (R36) or an index past the fields.</summary>
    /// <remarks>For checks that trimming cannot change (the first byte when it is not white space, ASCII throughout), which
    /// the typed readers make on every row without trimming.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ReadOnlySpan<byte> Untrimmed(int index)
    {
        // Positions are bounded by the window, so the arithmetic cannot overflow and runs unchecked.
        unchecked
        {
            ref byte first = ref Unsafe.NullRef<byte>();
            int length = 0;
            if ((uint)index < (uint)(_ends.Length - 1))
            {
                ref int e = ref Unsafe.Add(ref MemoryMarshal.GetReference(_ends), index);
                int start = e + 1;
                first = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), start);
                length = Unsafe.Add(ref e, 1) - start;
            }
            return MemoryMarshal.CreateReadOnlySpan(ref first, length);
        }
    }

    /// <summary>The row with <paramref name="fieldCount"/> fields, the missing trailing ones empty (R36).</summary>
    internal CsvRow WithFieldCount(int fieldCount) => new(_data, _ends, Line, fieldCount);

    /// <summary>An index past the record's fields: a missing trailing field (R36) when below <see cref="FieldCount"/>, else an error.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Padding(int index)
    {
        if ((uint)index >= (uint)FieldCount) ThrowIndex(index);
    }

    [DoesNotReturn]
    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "no such field in the row");
}
