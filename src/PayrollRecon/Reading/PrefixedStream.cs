namespace PayrollRecon.Reading;

/// <summary>A read-only stream that first replays bytes already taken from another stream (a peek at its start), then reads on from it.</summary>
/// <remarks>Reads complete inline when the inner stream's do, so the pipe over it keeps its synchronous fast path.</remarks>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner, bool ownsInner) : ReadOnlyStream
{
    private int _prefixPos;

    public override long Length => inner.Length;

    internal override bool ReadsDirectly => inner is ReadOnlyStream { ReadsDirectly: true };

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }
        return inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPos < prefixLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<int>(Read(buffer.Span));
        }
        return inner.ReadAsync(buffer, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner) inner.Dispose();
        base.Dispose(disposing);
    }
}
