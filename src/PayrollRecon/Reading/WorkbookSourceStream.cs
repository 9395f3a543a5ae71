namespace PayrollRecon.Reading;

/// <summary>
/// The workbook's bytes as ExcelDataReader sees them: read and sought as the stream below, except that a position
/// before the first byte, which only an offset of a damaged file asks for, is <see cref="InvalidDataException"/>
/// (a damaged workbook) and not the <see cref="IOException"/> of the stream below, which would read as trouble with
/// the disk. The stream below starts at the workbook's first byte and is not disposed.
/// </summary>
/// <remarks>
/// Found by the readers fuzz target: a 27-byte bare BIFF stream whose BOUNDSHEET record puts its worksheet at a
/// negative offset made ExcelDataReader 3.6 (XlsBiffStream) seek there, and the CLI said
/// <c>payrollrecon: Invalid argument : 'bank.xls'</c>, the operating system's words for the seek.
/// </remarks>
internal sealed class WorkbookSourceStream(Stream inner) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = Checked(value);
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override int ReadByte() => inner.ReadByte();

    public override long Seek(long offset, SeekOrigin origin) => origin switch
    {
        SeekOrigin.Begin => inner.Seek(Checked(offset), SeekOrigin.Begin),
        SeekOrigin.Current => inner.Seek(Checked(inner.Position + offset), SeekOrigin.Begin),
        _ => inner.Seek(Checked(inner.Length + offset), SeekOrigin.Begin),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static long Checked(long position) =>
        position >= 0 ? position : throw new InvalidDataException("a position before the start of the workbook");
}
