using System.Runtime.CompilerServices;

namespace PayrollRecon.Reading;

/// <summary>One record of a CSV file: unquoted, trimmed UTF-8 fields, valid until the reader moves on.</summary>
public readonly ref struct CsvRow
{
    private readonly ReadOnlySpan<byte> _record;
    private readonly ReadOnlySpan<int> _ranges;

    internal CsvRow(ReadOnlySpan<byte> record, ReadOnlySpan<int> ranges, int fieldCount, long line)
    {
        _record = record;
        _ranges = ranges;
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
        get => _record.Slice(_ranges[2 * index], _ranges[2 * index + 1]);
    }
}
