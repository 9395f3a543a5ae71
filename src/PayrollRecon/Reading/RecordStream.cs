using System.Buffers;
using System.Text;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>
/// A read-only, forward-only stream of UTF-8 CSV text made lazily from the records of another format (a worksheet,
/// an HTML table), one record per line, so that the CSV core reads it like any other input.
/// </summary>
/// <remarks>
/// Only the record being served is held. Every source record becomes exactly one line, so a row's line number is the
/// source record's number: a field never holds a line break (CR and LF become spaces) and a record with no non-blank
/// field is written as an empty line (R2 skips it, but it still counts). Fields are quoted RFC 4180 style when they
/// hold a comma or a quote, and tabs become spaces, so the header line never has more tabs than commas and R1 always
/// chooses the comma.
/// </remarks>
internal abstract class RecordStream : ReadOnlyStream
{
    /// <summary>Bytes a record may exceed the reader's limit by before the rest of its fields are dropped.</summary>
    private const int RecordSlack = 64;

    private readonly int _recordLimit;
    private byte[] _buf = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _pos;
    private int _len;
    private int _recordStart;
    private bool _recordHasContent;
    private bool _recordHasField;
    private bool _done;

    /// <param name="maxRecordBytes">The CSV reader's record limit: a longer record is cut just past it (still one
    /// well-formed line), so the reader reports it as too long without this stream holding all of it.</param>
    protected RecordStream(int maxRecordBytes)
    {
        _recordLimit = checked(maxRecordBytes + RecordSlack);
    }

    /// <summary>The format reported as the input's encoding (xlsx, xls or html).</summary>
    public abstract TextEncodingKind Kind { get; }

    /// <summary>Bytes of the source taken so far (an estimate where the source is not read front to back).</summary>
    public abstract long SourceBytesRead { get; }

    /// <summary>The worksheet read, or null when the source has no worksheets.</summary>
    public virtual string? SheetName => null;

    /// <summary>Writes the next source record through <see cref="BeginRecord"/>, <see cref="AppendField(ReadOnlySpan{char})"/>
    /// and <see cref="EndRecord"/>; false when the source is exhausted.</summary>
    protected abstract bool ProduceRecord();

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (_pos == _len)
        {
            if (_done) return 0;
            _pos = _len = 0;
            if (!ProduceRecord())
            {
                _done = true;
                return 0;
            }
        }
        int n = Math.Min(buffer.Length, _len - _pos);
        _buf.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buf.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = [];
            _pos = _len = 0;
            _done = true;
        }
        base.Dispose(disposing);
    }

    /// <summary>Starts a record (a line).</summary>
    protected void BeginRecord()
    {
        _recordStart = _len;
        _recordHasContent = false;
        _recordHasField = false;
    }

    /// <summary>Ends the record: a line break, or only a line break when no field has a non-blank character.</summary>
    protected void EndRecord()
    {
        if (!_recordHasContent) _len = _recordStart;
        Ensure(1);
        _buf[_len++] = (byte)'\n';
    }

    /// <summary>Appends a field given as UTF-16 text.</summary>
    protected void AppendField(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            AppendField(ReadOnlySpan<byte>.Empty);
            return;
        }
        // Only what can fit is encoded (a cell may hold far more than a record's limit): every character is at least one
        // byte, so room + 2 characters, a surrogate pair kept whole, give the same bytes up to the cut as all of them.
        int room = _recordLimit - (_len - _recordStart);
        ReadOnlySpan<char> kept = text;
        if (room <= 0)
        {
            kept = default;
        }
        else if (text.Length > room + 2)
        {
            int take = room + 2;
            if (char.IsHighSurrogate(text[take - 1])) take--;
            kept = text[..take];
            // The cut-off rest still decides whether the record has content (a blank record is an empty line).
            if (!_recordHasContent && !text[take..].IsWhiteSpace()) _recordHasContent = true;
        }
        int max = Encoding.UTF8.GetMaxByteCount(kept.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        int n = Encoding.UTF8.GetBytes(kept, utf8);
        AppendField(utf8[..n]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>Appends a field given as UTF-8 bytes (quoted when it holds a comma or a quote; CR, LF and tab become spaces).</summary>
    protected void AppendField(ReadOnlySpan<byte> utf8)
    {
        int room = _recordLimit - (_len - _recordStart);
        if (room <= 0) return;
        if (_recordHasField)
        {
            Ensure(1);
            _buf[_len++] = (byte)',';
        }
        _recordHasField = true;
        if (utf8.IsEmpty) return;
        if (!_recordHasContent && Utf8WhiteSpace.Trim(utf8).Length > 0) _recordHasContent = true;
        // A record over the limit is cut (at a character boundary): the reader reports it as too long anyway.
        if (utf8.Length > room) utf8 = utf8[..CharacterBoundary(utf8, room)];

        bool quote = utf8.IndexOfAny((byte)',', (byte)'"') >= 0;
        Ensure(2 * utf8.Length + 2);
        Span<byte> dest = _buf.AsSpan(_len);
        int w = 0;
        if (quote) dest[w++] = (byte)'"';
        foreach (byte b in utf8)
        {
            switch (b)
            {
                case (byte)'\r' or (byte)'\n' or (byte)'\t':
                    // One source record stays one line (line numbers are record numbers) and R1 never sees a tab.
                    dest[w++] = (byte)' ';
                    break;
                case (byte)'"':
                    dest[w++] = (byte)'"';
                    dest[w++] = (byte)'"';
                    break;
                default:
                    dest[w++] = b;
                    break;
            }
        }
        if (quote) dest[w++] = (byte)'"';
        _len += w;
    }

    /// <summary>The largest length not above <paramref name="limit"/> that does not cut a UTF-8 sequence.</summary>
    private static int CharacterBoundary(ReadOnlySpan<byte> utf8, int limit)
    {
        int n = limit;
        while (n > 0 && (utf8[n] & 0xC0) == 0x80) n--;
        return n;
    }

    private void Ensure(int more)
    {
        int need = checked(_len + more);
        if (need <= _buf.Length) return;
        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(need, checked(_buf.Length * 2)));
        _buf.AsSpan(0, _len).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buf);
        _buf = bigger;
    }
}
