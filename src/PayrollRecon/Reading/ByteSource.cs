using Microsoft.Win32.SafeHandles;

namespace PayrollRecon.Reading;

/// <summary>
/// An input's bytes read at any offset: positional reads of a file, or a slice of a buffer. Safe to read from several
/// threads at once, so that parts of one file can be parsed side by side.
/// </summary>
internal abstract class ByteSource
{
    /// <summary>Number of bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Copies bytes from <paramref name="offset"/> into <paramref name="buffer"/>; returns how many (0 at the end).</summary>
    public abstract int Read(long offset, Span<byte> buffer);

    /// <summary>The bytes behind a freshly opened input stream, when they can be read at any offset; null otherwise.</summary>
    public static ByteSource? Of(Stream stream) => stream switch
    {
        SequentialFileStream file => new FileBytes(file.File.SafeFileHandle, file.Length),
        MemoryStream memory when memory.Position == 0 && memory.TryGetBuffer(out var buffer) => new MemoryBytes(buffer),
        _ => null,
    };

    /// <summary>A stream over [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public Stream Slice(long start, long end) => new SliceStream(this, start, end);

    private sealed class FileBytes(SafeFileHandle handle, long length) : ByteSource
    {
        public override long Length => length;

        public override int Read(long offset, Span<byte> buffer) =>
            offset >= length ? 0 : RandomAccess.Read(handle, buffer[..(int)Math.Min(buffer.Length, length - offset)], offset);
    }

    private sealed class MemoryBytes(ArraySegment<byte> bytes) : ByteSource
    {
        public override long Length => bytes.Count;

        public override int Read(long offset, Span<byte> buffer)
        {
            if (offset >= bytes.Count) return 0;
            int n = (int)Math.Min(buffer.Length, bytes.Count - offset);
            bytes.AsSpan((int)offset, n).CopyTo(buffer);
            return n;
        }
    }

    /// <summary>A read-only forward stream over a range of a source.</summary>
    private sealed class SliceStream(ByteSource source, long start, long end) : ReadOnlyStream
    {
        private long _read;

        public override long Length => end - start;
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        internal override bool ReadsDirectly => true;

        public override int Read(Span<byte> buffer)
        {
            long position = start + _read;
            if (position >= end) return 0;
            int n = source.Read(position, buffer[..(int)Math.Min(buffer.Length, end - position)]);
            _read += n;
            return n;
        }
    }
}
