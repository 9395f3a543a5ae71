namespace PayrollRecon.Reading;

/// <summary>A read-only file stream whose asynchronous reads complete synchronously.</summary>
/// <remarks>
/// Local input files are read front to back in large chunks; doing those reads inline avoids a thread-pool hop
/// per chunk (a plain FileStream on Unix emulates async file I/O on the thread pool) and keeps the pipe path
/// free of allocations.
/// </remarks>
internal sealed class SequentialFileStream : ReadOnlyStream
{
    private readonly FileStream _file;

    private SequentialFileStream(FileStream file) => _file = file;

    public static Stream Open(string path) =>
        new SequentialFileStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan));

    /// <summary>The file underneath, for readers that need random access (workbooks); reading it moves this stream's position.</summary>
    internal FileStream File => _file;

    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _file.Read(buffer);

    internal override bool ReadsDirectly => true;

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
