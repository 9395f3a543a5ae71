namespace PayrollRecon.Reading;

/// <summary>
/// A stream that is only read, front to back: never written, sought or flushed. Its asynchronous reads complete
/// inline (the sources are local: files, memory, records made on the fly), which keeps the reader's pipe on its fast
/// path. A subclass reads into a span; it overrides <see cref="Length"/> and <see cref="Position"/> when it knows them.
/// </summary>
internal abstract class ReadOnlyStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public abstract override int Read(Span<byte> buffer);

    /// <summary>Whether <see cref="Read(Span{byte})"/> reads straight from a local file or memory, so that a reader
    /// may fill its window from it directly instead of through a pipe's buffers (one copy fewer).</summary>
    internal virtual bool ReadsDirectly => false;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
