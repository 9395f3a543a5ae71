using System.Buffers;
using System.Security.Cryptography;

namespace PayrollRecon.Reading;

public sealed partial class CsvReader
{
    // The record last handed out, as positions in the window, so that a rejected row can be named by the hash of its
    // bytes (the DATA_ERROR anchor of SPEC §7) without any cost for the rows that are read. _servedStart is -1 when the
    // bytes were not kept (a record longer than the limit).
    private int _servedStart = -1;
    private int _servedEnd;
    private int _servedFirst;
    private int _servedCount;

    // A quoted record is unquoted in place; its bytes as they stood are copied here first (only when asked for).
    private byte[]? _servedRaw;
    private int _servedRawLength = -1;

    /// <summary>Keep a copy of each quoted record's bytes before unquoting, so <see cref="ServedRecordSha256"/> sees the record as written.</summary>
    internal bool KeepQuotedRecords { get; set; }

    /// <summary>Notes the record handed out (its bytes are still in the window).</summary>
    private void NoteServed(int recordStart, int recordEnd, int first, int count)
    {
        _servedStart = recordStart;
        _servedEnd = recordEnd;
        _servedFirst = first;
        _servedCount = count;
        _servedRawLength = -1;
    }

    /// <summary>The record handed out has no bytes to hash (it was longer than the limit).</summary>
    private void NoteServedWithoutBytes() => _servedStart = -1;

    /// <summary>Copies the quoted record about to be unquoted in place.</summary>
    private void KeepQuotedRaw(int recordStart, int recordEnd)
    {
        if (!KeepQuotedRecords) return;
        int length = recordEnd - recordStart;
        if (_servedRaw is null || _servedRaw.Length < length)
        {
            if (_servedRaw is not null) ArrayPool<byte>.Shared.Return(_servedRaw);
            _servedRaw = ArrayPool<byte>.Shared.Rent(Math.Max(length, 256));
        }
        _buf.AsSpan(recordStart, length).CopyTo(_servedRaw);
        _servedRawLength = length;
    }

    private void ReturnServedRaw()
    {
        if (_servedRaw is null) return;
        ArrayPool<byte>.Shared.Return(_servedRaw);
        _servedRaw = null;
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the record last handed out, valid until the next row is asked for: its bytes as they
    /// stand in the file, without the line break (SPEC §7: a GB18030 file's record is encoded back from the window's
    /// UTF-8, which gives its bytes exactly, GB18030 being one-to-one, and the bytes of an invalid sequence are kept in
    /// the window behind their markers, see <see cref="Gb18030Transcoder.ToSource"/>); for a workbook or HTML table its cells'
    /// text joined by tabs. Null when the record's bytes were not kept (longer than the limit).
    /// </summary>
    internal string? ServedRecordSha256()
    {
        if (_servedStart < 0 || _buf.Length == 0) return null;
        if (_container is not null) return CellsSha256();
        ReadOnlySpan<byte> raw = _servedRawLength >= 0 && _servedRaw is not null
            ? _servedRaw.AsSpan(0, _servedRawLength)
            : _buf.AsSpan(_servedStart, _servedEnd - _servedStart);
        if (!raw.IsEmpty && raw[^1] == (byte)'\r') raw = raw[..^1];
        // Only a rejected row is hashed, so the copy back to GB18030 costs nothing on the rows that are read.
        if (_state == InputState.Gb18030 && raw.ContainsAnyInRange((byte)0x80, (byte)0xFF))
            return Convert.ToHexStringLower(SHA256.HashData(Gb18030Transcoder.ToSource(raw)));
        return Convert.ToHexStringLower(SHA256.HashData(raw));
    }

    private string CellsSha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ReadOnlySpan<int> ends = _ends.AsSpan(_servedFirst, _servedCount + 1);
        // A worksheet cell's text as written (R32), spaces around it included; an HTML cell's text without the white
        // space the page's layout puts around it.
        bool html = _container!.Kind == Model.TextEncodingKind.Html;
        for (int k = 0; k + 1 < ends.Length; k++)
        {
            if (k > 0) hash.AppendData("\t"u8);
            var cell = _buf.AsSpan((ends[k] + 1)..ends[k + 1]);
            hash.AppendData(html ? Utf8WhiteSpace.Trim(cell) : cell);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
