using System.Buffers;

namespace PayrollRecon.Reporting;

/// <summary>
/// A write-only stream that keeps what is written in pooled 64 KiB chunks, to be copied to another stream asynchronously
/// afterwards: the synchronous writers then serve a stream that takes asynchronous writes only, without a doubling
/// <see cref="MemoryStream"/> or a large-object copy.
/// </summary>
internal sealed class SpoolStream : Stream
{
    private const int ChunkBytes = 64 * 1024;

    private readonly List<byte[]> _chunks = [];
    private int _last = ChunkBytes;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_last == ChunkBytes)
            {
                _chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                _last = 0;
            }
            int n = Math.Min(buffer.Length, ChunkBytes - _last);
            buffer[..n].CopyTo(_chunks[^1].AsSpan(_last));
            _last += n;
            _length += n;
            buffer = buffer[n..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes what was spooled to <paramref name="destination"/>, chunk by chunk, asynchronously, then flushes it.</summary>
    public async Task CopyChunksToAsync(Stream destination, CancellationToken cancellationToken)
    {
        for (int k = 0; k < _chunks.Count; k++)
        {
            int count = k == _chunks.Count - 1 ? _last : ChunkBytes;
            await destination.WriteAsync(_chunks[k].AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (byte[] chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk);
            _chunks.Clear();
            _last = ChunkBytes;
        }
        base.Dispose(disposing);
    }
}
