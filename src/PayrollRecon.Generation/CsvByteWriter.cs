using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace PayrollRecon.Generation;

/// <summary>Writes CSV records as bytes into a large buffer in front of a file: numbers, dates and money are
/// formatted straight into the buffer, text is encoded once per field; nothing is allocated per row.</summary>
internal sealed class CsvByteWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private readonly FileStream _stream;
    // Rented: a portfolio opens eight writers per project, and fresh megabyte arrays would churn the large-object heap.
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private readonly Encoding _encoding;
    private readonly bool _crlf;
    private int _pos;
    private bool _rowStarted;

    public CsvByteWriter(string path, Encoding encoding, bool crlf)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.SequentialScan);
        _encoding = encoding;
        _crlf = crlf;
    }

    /// <summary>Bytes written so far (flushed or buffered).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Data rows ended so far (the header included).</summary>
    public long Rows { get; private set; }

    /// <summary>Writes a header row from a comma-separated list of names.</summary>
    public void Header(string names)
    {
        foreach (var name in names.Split(',')) Text(name);
        EndRow();
    }

    /// <summary>An empty field.</summary>
    public void Empty() => Separator(0);

    /// <summary>A field of raw bytes (already encoded, no quoting needed).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Span<byte> dest = Separator(bytes.Length);
        bytes.CopyTo(dest);
        Advance(bytes.Length);
    }

    /// <summary>A text field, quoted when it holds a separator, a quote or a line break.</summary>
    public void Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) { Empty(); return; }
        bool quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!quote)
        {
            int max = _encoding.GetMaxByteCount(text.Length);
            Span<byte> dest = Separator(max);
            Advance(_encoding.GetBytes(text, dest));
            return;
        }
        string escaped = text.Replace("\"", "\"\"");
        int n = _encoding.GetMaxByteCount(escaped.Length) + 2;
        Span<byte> d = Separator(n);
        d[0] = (byte)'"';
        int written = _encoding.GetBytes(escaped, d[1..]);
        d[1 + written] = (byte)'"';
        Advance(written + 2);
    }

    /// <summary>An integer field.</summary>
    public void Int(long value)
    {
        Span<byte> dest = Separator(20);
        Utf8Formatter.TryFormat(value, dest, out int n);
        Advance(n);
    }

    /// <summary>Yuan with two decimals; <paramref name="grouped"/> adds thousands commas (and quotes the field).</summary>
    public void Money(long fen, bool grouped = false)
    {
        Span<byte> dest = Separator(40);
        bool negative = fen < 0;
        if (negative) fen = -fen;
        long yuan = fen / 100;
        bool group = grouped && yuan >= 1000;
        int pos = 0;
        if (group) dest[pos++] = (byte)'"';
        if (negative) dest[pos++] = (byte)'-';
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(yuan, digits, out int nd);
        for (int i = 0; i < nd; i++)
        {
            if (group && i > 0 && (nd - i) % 3 == 0) dest[pos++] = (byte)',';
            dest[pos++] = digits[i];
        }
        int cents = (int)(fen % 100);
        dest[pos++] = (byte)'.';
        dest[pos++] = (byte)('0' + cents / 10);
        dest[pos++] = (byte)('0' + cents % 10);
        if (group) dest[pos++] = (byte)'"';
        Advance(pos);
    }

    /// <summary>A date as <c>yyyy-MM-dd</c>, <c>yyyy/M/d</c> or <c>yyyyMMdd</c>.</summary>
    public void Date(DateOnly d, DateStyle style)
    {
        Span<byte> dest = Separator(10);
        Advance(FormatDate(dest, d, style));
    }

    /// <summary>A date-time as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public void DateTime(DateOnly d, int secondOfDay)
    {
        Span<byte> dest = Separator(19);
        int n = FormatDate(dest, d, DateStyle.Iso);
        dest[n++] = (byte)' ';
        n += FormatTime(dest[n..], secondOfDay);
        Advance(n);
    }

    /// <summary>A time of day as <c>HH:mm:ss</c>.</summary>
    public void Time(int secondOfDay)
    {
        Span<byte> dest = Separator(8);
        Advance(FormatTime(dest, secondOfDay));
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Span<byte> dest = Reserve(2);
        int n = 0;
        if (_crlf) dest[n++] = (byte)'\r';
        dest[n++] = (byte)'\n';
        Advance(n);
        _rowStarted = false;
        Rows++;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private static int FormatDate(Span<byte> dest, DateOnly d, DateStyle style)
    {
        int n = Digits(dest, d.Year, 4);
        switch (style)
        {
            case DateStyle.Iso:
                dest[n++] = (byte)'-';
                n += Digits(dest[n..], d.Month, 2);
                dest[n++] = (byte)'-';
                n += Digits(dest[n..], d.Day, 2);
                break;
            case DateStyle.Slash:
                dest[n++] = (byte)'/';
                n += Digits(dest[n..], d.Month, d.Month < 10 ? 1 : 2);
                dest[n++] = (byte)'/';
                n += Digits(dest[n..], d.Day, d.Day < 10 ? 1 : 2);
                break;
            default:
                n += Digits(dest[n..], d.Month, 2);
                n += Digits(dest[n..], d.Day, 2);
                break;
        }
        return n;
    }

    private static int FormatTime(Span<byte> dest, int secondOfDay)
    {
        Digits(dest, secondOfDay / 3600, 2);
        dest[2] = (byte)':';
        Digits(dest[3..], secondOfDay / 60 % 60, 2);
        dest[5] = (byte)':';
        Digits(dest[6..], secondOfDay % 60, 2);
        return 8;
    }

    private static int Digits(Span<byte> dest, int value, int width)
    {
        for (int i = width - 1; i >= 0; i--)
        {
            dest[i] = (byte)('0' + value % 10);
            value /= 10;
        }
        return width;
    }

    /// <summary>Writes the separator (unless first in the row) and returns room for <paramref name="size"/> bytes.</summary>
    private Span<byte> Separator(int size)
    {
        Span<byte> dest = Reserve(size + 1);
        if (_rowStarted)
        {
            dest[0] = (byte)',';
            Advance(1);
            dest = dest[1..];
        }
        _rowStarted = true;
        return dest;
    }

    private Span<byte> Reserve(int size)
    {
        if (BufferSize - _pos < size) Flush();
        if (size > BufferSize) throw new ArgumentOutOfRangeException(nameof(size), "field longer than the write buffer");
        return _buffer.AsSpan(_pos);
    }

    private void Advance(int n)
    {
        _pos += n;
        BytesWritten += n;
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        _pos = 0;
    }
}

/// <summary>How a date is written.</summary>
internal enum DateStyle
{
    /// <summary><c>yyyy-MM-dd</c>.</summary>
    Iso,
    /// <summary><c>yyyy/M/d</c>.</summary>
    Slash,
    /// <summary><c>yyyyMMdd</c>.</summary>
    Compact,
}
