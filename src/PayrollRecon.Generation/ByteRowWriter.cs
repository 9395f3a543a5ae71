using System.Runtime.CompilerServices;

namespace PayrollRecon.Generation;

/// <summary>Appends CSV text as UTF-8 bytes to a large buffer and hands whole lines to a sink when it fills.</summary>
/// <remarks>Generating hundreds of megabytes through strings and formatting would take longer than the benchmarks themselves.</remarks>
internal sealed class ByteRowWriter
{
    private const int BufferBytes = 4 << 20;
    private const int MaxLineBytes = 4096;

    private readonly byte[] _buffer = new byte[BufferBytes + MaxLineBytes];
    private readonly Action<ReadOnlyMemory<byte>> _sink;
    private int _pos;

    public ByteRowWriter(Action<ReadOnlyMemory<byte>> sink) => _sink = sink;

    private long _flushed;

    /// <summary>Bytes written so far, flushed or not.</summary>
    public long Length => _flushed + _pos;

    public void Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer.AsSpan(_pos));
        _pos += value.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte value) => _buffer[_pos++] = value;

    public void Comma() => _buffer[_pos++] = (byte)',';

    /// <summary>Writes exactly <paramref name="width"/> decimal digits of <paramref name="value"/>, zero-padded.</summary>
    public void Digits(long value, int width)
    {
        for (int k = _pos + width - 1; k >= _pos; k--)
        {
            _buffer[k] = (byte)('0' + value % 10);
            value /= 10;
        }
        _pos += width;
    }

    /// <summary>Writes a non-negative integer without padding.</summary>
    public void Integer(long value)
    {
        int width = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) width++;
        Digits(value, width);
    }

    /// <summary>Writes fen as yuan with two decimals, optionally with thousands commas (then quoted, as spreadsheet exports do).</summary>
    public void Yuan(long fen, bool grouped)
    {
        long yuan = fen / 100;
        if (grouped && yuan >= 1000)
        {
            Byte((byte)'"');
            GroupedInteger(yuan);
        }
        else
        {
            Integer(yuan);
        }
        Byte((byte)'.');
        Digits(fen % 100, 2);
        if (grouped && yuan >= 1000) Byte((byte)'"');
    }

    /// <summary>Writes <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public void DateTime(DateTime value)
    {
        Digits(value.Year, 4);
        Byte((byte)'-');
        Digits(value.Month, 2);
        Byte((byte)'-');
        Digits(value.Day, 2);
        Byte((byte)' ');
        Digits(value.Hour, 2);
        Byte((byte)':');
        Digits(value.Minute, 2);
        Byte((byte)':');
        Digits(value.Second, 2);
    }

    /// <summary>Ends the line; flushes the buffer when it is nearly full, so the sink always gets whole lines.</summary>
    public void EndLine()
    {
        Byte((byte)'\n');
        if (_pos >= BufferBytes) Flush();
    }

    public void Flush()
    {
        if (_pos == 0) return;
        _sink(_buffer.AsMemory(0, _pos));
        _flushed += _pos;
        _pos = 0;
    }

    private void GroupedInteger(long value)
    {
        if (value >= 1000)
        {
            GroupedInteger(value / 1000);
            Comma();
            Digits(value % 1000, 3);
        }
        else
        {
            Integer(value);
        }
    }
}
