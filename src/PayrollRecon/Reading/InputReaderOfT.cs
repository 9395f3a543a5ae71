namespace PayrollRecon.Reading;

/// <summary>A typed input reader: hands out each readable record of its file as a <typeparamref name="TRow"/>.</summary>
/// <typeparam name="TRow">The row type, a <c>ref struct</c> whose text fields point into the reader's window.</typeparam>
/// <remarks>
/// Pull-based like <see cref="CsvReader"/>: <see cref="TryRead"/> returns false when the window needs
/// <see cref="InputReader.FillAsync"/>; <see cref="Read"/> does both synchronously. A row is valid until the next call.
/// </remarks>
public abstract class InputReader<TRow> : InputReader
    where TRow : allows ref struct
{
    private protected InputReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>The next readable row, filling synchronously as needed; false at the end of the file.</summary>
    public bool Read(out TRow row)
    {
        while (!TryRead(out row))
        {
            if (!Fill()) return false;
        }
        return true;
    }

    /// <summary>The next readable row already in the window; false when <see cref="InputReader.FillAsync"/> is needed or the file is done.</summary>
    public bool TryRead(out TRow row)
    {
        while (TryNext(out CsvRow record))
        {
            if (TryConvert(in record, out row)) return true;
            if (TakeRejected(record.Line) is { } rejected) NoteRejectedRow(rejected, in record);
        }
        row = default!;
        return false;
    }

    /// <summary>Converts a record with the header's field count; false (after <see cref="InputReader.Reject"/>) when it cannot be read.</summary>
    private protected abstract bool TryConvert(scoped in CsvRow record, out TRow row);
}
