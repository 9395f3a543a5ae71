using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>A streaming, allocation-free CSV reader over UTF-8 or GB18030 input that yields rows of UTF-8 byte fields.</summary>
/// <remarks>
/// Pull-based: <see cref="TryReadRow"/> hands out the next complete record of the internal window and returns false when
/// the window needs more input, which <see cref="FillAsync"/> brings in (or <see cref="Read"/> does both, synchronously).
/// The first non-blank line decides the separator (tab when it holds more tabs than commas, else comma), blank records
/// are skipped, and records that cannot be split come back as rows with an <see cref="CsvRow.Error"/>.
/// </remarks>
public sealed partial class CsvReader : IDisposable
{
    private const byte Quote = (byte)'"';
    private const byte LineFeed = (byte)'\n';
    private const int BlockBytes = 32;
    private const int Padding = 64;

    private readonly PipeReader _reader;
    private readonly int _maxRecordBytes;
    private readonly int _capacity;
    private byte[] _buf;
    private int[] _fields;

    // Window: [_start, _end) holds bytes not yet handed out; _start is the current record's first byte.
    private int _start;
    private int _end;
    private bool _inputDone;

    // Scanner state of the current record, kept between calls so a record cut by the window end resumes where it stopped.
    private byte _separator;
    private Vector256<byte> _separatorVector;
    private int _scanPos;
    private int _fieldStart;
    private int _fieldCount;
    private bool _fieldQuoted;
    private bool _inQuote;
    private bool _tooLong;
    private int _recordNewlines;
    private int _maskBase = -1;
    private uint _mask;
    private long _line = 1;

    private CsvReader(PipeReader reader, string fileName, int maxRecordBytes)
    {
        _reader = reader;
        FileName = fileName;
        _maxRecordBytes = maxRecordBytes;
        _capacity = Math.Max(maxRecordBytes, 4096) + FillChunkBytes;
        _buf = ArrayPool<byte>.Shared.Rent(_capacity + Padding);
        _fields = ArrayPool<int>.Shared.Rent(64);
    }

    /// <summary>Creates a reader over a stream (disposed with the reader unless <see cref="CsvReaderOptions.LeaveOpen"/>).</summary>
    public static CsvReader Create(Stream stream, string fileName, CsvReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: FillChunkBytes, minimumReadSize: 4096, leaveOpen: options.LeaveOpen));
        return new CsvReader(pipe, fileName, options.EffectiveMaxRecordBytes);
    }

    /// <summary>Creates a reader over a stream with default options.</summary>
    public static CsvReader Create(Stream stream, string fileName) => Create(stream, fileName, new CsvReaderOptions());

    /// <summary>Creates a reader over a pipe; the reader takes ownership and completes it when disposed.</summary>
    public static CsvReader Create(PipeReader reader, string fileName, CsvReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvReader(reader, fileName, options.EffectiveMaxRecordBytes);
    }

    /// <summary>Opens a file for sequential reading; diagnostics name it by its file name.</summary>
    public static CsvReader Open(string path, CsvReaderOptions options)
    {
        Stream stream = SequentialFileStream.Open(path);
        return Create(stream, Path.GetFileName(path), options with { LeaveOpen = false });
    }

    /// <summary>File name used in diagnostics, e.g. <c>bank.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>The detected encoding (<see cref="TextEncodingKind.Utf8"/> while the input has been pure ASCII so far).</summary>
    public TextEncodingKind Encoding { get; private set; }

    /// <summary>Bytes taken from the source so far (byte order mark included).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The longest record accepted, in bytes.</summary>
    public int MaxRecordBytes => _maxRecordBytes;

    /// <summary>The field separator, once the header line has been seen (0 before).</summary>
    public char Separator => (char)_separator;

    /// <summary>The message for a row error, e.g. <c>line longer than 1048576 bytes</c>.</summary>
    public string DescribeError(CsvRowError error) => error switch
    {
        CsvRowError.LineTooLong => $"line longer than {_maxRecordBytes} bytes",
        CsvRowError.UnterminatedQuote => "unterminated quoted field",
        CsvRowError.InvalidUtf8 => "invalid UTF-8 byte sequence",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <summary>Reads the next record, filling the window synchronously as needed; false at the end of the input.</summary>
    public bool Read(out CsvRow row)
    {
        while (!TryReadRow(out row))
        {
            ValueTask<bool> fill = FillAsync(CancellationToken.None);
            bool more = fill.IsCompleted ? fill.Result : fill.AsTask().GetAwaiter().GetResult();
            if (!more) return false;
        }
        return true;
    }

    /// <summary>The next complete record in the window; false when more input is needed (call <see cref="FillAsync"/>) or the input is done.</summary>
    public bool TryReadRow(out CsvRow row)
    {
        while (true)
        {
            if (_separator == 0 && !TryDetectSeparator())
            {
                row = default;
                return false;
            }

            int recordEnd;
            if (Scan())
            {
                recordEnd = _scanPos - 1;
            }
            else if (!_inputDone)
            {
                if (!_tooLong && _end - _start > _maxRecordBytes) _tooLong = true;
                row = default;
                return false;
            }
            else if (_inQuote)
            {
                row = new CsvRow(CsvRowError.UnterminatedQuote, _line);
                _start = _scanPos = _end;
                ResetRecord(0);
                return true;
            }
            else if (_start == _end && !_tooLong)
            {
                row = default;
                return false;
            }
            else
            {
                // The last record has no line break.
                AddField(_fieldStart, _end);
                recordEnd = _end;
                _scanPos = _end;
            }

            long line = _line;
            int newlines = _recordNewlines;
            if (_tooLong || recordEnd - _start > _maxRecordBytes)
            {
                row = new CsvRow(CsvRowError.LineTooLong, line);
                _start = _scanPos;
                ResetRecord(newlines);
                return true;
            }
            if (_suspectEnd > _start && recordEnd >= _suspectStart && !Utf8.IsValid(_buf.AsSpan(_start, recordEnd - _start)))
            {
                row = new CsvRow(CsvRowError.InvalidUtf8, line);
                _start = _scanPos;
                ResetRecord(newlines);
                return true;
            }

            int count = _fieldCount;
            Span<byte> record = _buf.AsSpan(_start, recordEnd - _start);
            FinishFields(record, count);
            _start = _scanPos;
            ResetRecord(newlines);
            if (count == 1 && _fields[1] == 0) continue; // blank line (R2)

            row = new CsvRow(record, _fields.AsSpan(0, 2 * count), count, line);
            return true;
        }
    }

    /// <summary>Returns pooled buffers and completes the input.</summary>
    public void Dispose()
    {
        byte[] buf = _buf;
        if (buf.Length == 0) return;
        _buf = [];
        ArrayPool<byte>.Shared.Return(buf);
        ArrayPool<int>.Shared.Return(_fields);
        _fields = [];
        ReturnStaging();
        _reader.Complete();
    }

    private void ResetRecord(int newlines)
    {
        _line += 1 + newlines;
        _recordNewlines = 0;
        _fieldCount = 0;
        _fieldStart = _start;
        _fieldQuoted = false;
        _inQuote = false;
        _tooLong = false;
    }

    /// <summary>R1: finds the first non-blank line, skipping blank lines before it, and picks the separator from it.</summary>
    /// <remarks>Only the first <c>MaxRecordBytes + 1</c> bytes of a line are looked at, so the choice never depends on how the input arrives.</remarks>
    private bool TryDetectSeparator()
    {
        int limit = _maxRecordBytes + 1;
        int pos = _start;
        while (true)
        {
            ReadOnlySpan<byte> head = _buf.AsSpan(pos, Math.Min(_end - pos, limit));
            int rel = head.IndexOf(LineFeed);
            if (rel < 0 && head.Length < limit && !_inputDone) return false;
            ReadOnlySpan<byte> line = rel < 0 ? head : head[..rel];
            int tabs = line.Count((byte)'\t');
            int commas = line.Count((byte)',');
            if (rel >= 0 && tabs == 0 && commas == 0 && Utf8WhiteSpace.TrimRange(line).Length == 0)
            {
                // Blank under either separator: consume it here so a long run of blank lines cannot fill the window.
                pos += rel + 1;
                _line++;
                _start = _scanPos = _fieldStart = pos;
                continue;
            }
            SetSeparator(tabs > commas ? (byte)'\t' : (byte)',');
            return true;
        }
    }

    private void SetSeparator(byte separator)
    {
        _separator = separator;
        _separatorVector = Vector256.Create(separator);
    }

    /// <summary>Scans the current record from <see cref="_scanPos"/>; true when its line feed was found (scan position just after it).</summary>
    /// <remarks>Positions are bounded by the window size, so the arithmetic here cannot overflow and runs unchecked.</remarks>
    private bool Scan()
    {
        unchecked
        {
            byte[] buf = _buf;
            int end = _end;
            int pos = _scanPos;
            if (_inQuote)
            {
                if (!ScanQuoted(ref pos))
                {
                    _scanPos = pos;
                    return false;
                }
                _maskBase = -1;
            }

            // Record state lives in locals in the loop and goes back to fields on exit.
            byte separator = _separator;
            int start = _start;
            int fieldStart = _fieldStart;
            int count = _fieldCount;
            int quotedFlag = _fieldQuoted ? int.MinValue : 0;
            bool keepFields = !_tooLong;
            int[] fields = _fields;
            int maskBase = _maskBase;
            uint mask = _mask;
            if (maskBase < 0 || pos < maskBase || pos >= maskBase + BlockBytes)
            {
                maskBase = pos;
                mask = LoadMask(buf, pos, end);
            }
            else
            {
                mask &= uint.MaxValue << (pos - maskBase);
            }

            ref byte data = ref MemoryMarshal.GetArrayDataReference(buf);
            while (true)
            {
                while (mask == 0)
                {
                    maskBase += BlockBytes;
                    if (maskBase >= end)
                    {
                        _fieldCount = count;
                        _fieldQuoted = quotedFlag != 0;
                        _fieldStart = fieldStart;
                        _scanPos = end;
                        _maskBase = -1;
                        return false;
                    }
                    mask = LoadMask(buf, maskBase, end);
                }
                int idx = maskBase + System.Numerics.BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                byte b = Unsafe.Add(ref data, idx);
                if (b == separator || b == LineFeed)
                {
                    // A record already known to be too long is only scanned for its end; its fields are never handed out.
                    if (keepFields)
                    {
                        int k = 2 * count;
                        if (k + 2 > fields.Length) fields = GrowFields();
                        ref int slot = ref MemoryMarshal.GetArrayDataReference(fields);
                        Unsafe.Add(ref slot, k) = (fieldStart - start) | quotedFlag;
                        Unsafe.Add(ref slot, k + 1) = idx - start;
                        count++;
                        quotedFlag = 0;
                    }
                    fieldStart = idx + 1;
                    if (b == separator) continue;
                    _fieldCount = count;
                    _fieldQuoted = false;
                    _fieldStart = idx + 1;
                    _scanPos = idx + 1;
                    _maskBase = maskBase;
                    _mask = mask;
                    return true;
                }

                // A quote opens a quoted field only at the start of the field (after spaces); elsewhere it is data.
                if (!IsFieldStart(buf, fieldStart, idx)) continue;
                quotedFlag = int.MinValue;
                _inQuote = true;
                pos = idx + 1;
                if (!ScanQuoted(ref pos))
                {
                    _fieldCount = count;
                    _fieldQuoted = true;
                    _fieldStart = fieldStart;
                    _scanPos = pos;
                    _maskBase = -1;
                    return false;
                }
                maskBase = pos;
                mask = LoadMask(buf, pos, end);
            }
        }
    }

    /// <summary>Finds the closing quote from <paramref name="pos"/>, counting line breaks inside the quotes; false when more input is needed.</summary>
    private bool ScanQuoted(ref int pos)
    {
        byte[] buf = _buf;
        int end = _end;
        while (true)
        {
            ReadOnlySpan<byte> rest = buf.AsSpan(pos, end - pos);
            int rel = rest.IndexOf(Quote);
            if (rel < 0)
            {
                _recordNewlines += rest.Count(LineFeed);
                pos = end;
                return false;
            }
            int q = pos + rel;
            _recordNewlines += rest[..rel].Count(LineFeed);
            if (q + 1 >= end)
            {
                // Whether this is "" or a closing quote depends on the next byte.
                pos = q;
                if (!_inputDone) return false;
                pos = q + 1;
                _inQuote = false;
                return true;
            }
            if (buf[q + 1] == Quote)
            {
                pos = q + 2;
                continue;
            }
            pos = q + 1;
            _inQuote = false;
            return true;
        }
    }

    /// <summary>Marks a field of a too-long record whose first non-space byte was already dropped from the window.</summary>
    private const int FieldStartDropped = -1;

    private static bool IsFieldStart(byte[] buf, int fieldStart, int idx)
    {
        if (fieldStart == FieldStartDropped) return false;
        for (int i = fieldStart; i < idx; i++)
        {
            if (buf[i] != (byte)' ') return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddField(int fieldStart, int fieldEnd)
    {
        // A record already known to be too long is only scanned for its end; its fields are never handed out.
        if (_tooLong) return;
        int k = 2 * _fieldCount;
        if (k + 2 > _fields.Length) GrowFields();
        _fields[k] = (fieldStart - _start) | (_fieldQuoted ? int.MinValue : 0);
        _fields[k + 1] = fieldEnd - _start;
        _fieldCount++;
        _fieldQuoted = false;
    }

    private int[] GrowFields()
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(_fields.Length * 2);
        _fields.AsSpan().CopyTo(bigger);
        ArrayPool<int>.Shared.Return(_fields);
        _fields = bigger;
        return bigger;
    }

    /// <summary>Turns raw (start, end) pairs into (start, length) of the unquoted, trimmed values, unescaping in place.</summary>
    private void FinishFields(Span<byte> record, int count)
    {
        int[] fields = _fields;
        for (int k = 0; k < 2 * count; k += 2)
        {
            int start = fields[k];
            int end = fields[k + 1];
            if (start < 0)
            {
                start &= int.MaxValue;
                end = start + Unquote(record[start..end]);
            }
            (int s, int len) = Utf8WhiteSpace.TrimRange(record[start..end]);
            fields[k] = start + s;
            fields[k + 1] = len;
        }
    }

    /// <summary>Rewrites a quoted raw field in place (leading spaces and quotes dropped, <c>""</c> → <c>"</c>); returns the new length.</summary>
    private static int Unquote(Span<byte> raw)
    {
        int r = raw.IndexOf(Quote) + 1;
        int w = 0;
        while (r < raw.Length)
        {
            int rel = raw[r..].IndexOf(Quote);
            if (rel < 0)
            {
                // Unterminated at the end of the input: the rest is the value.
                raw[r..].CopyTo(raw[w..]);
                return w + raw.Length - r;
            }
            raw.Slice(r, rel).CopyTo(raw[w..]);
            w += rel;
            r += rel + 1;
            if (r < raw.Length && raw[r] == Quote)
            {
                raw[w++] = Quote;
                r++;
                continue;
            }
            // Closing quote: whatever follows up to the separator is kept as data (lenient, like spreadsheet exports).
            raw[r..].CopyTo(raw[w..]);
            return w + raw.Length - r;
        }
        return w;
    }

    /// <summary>Bit i set when byte <paramref name="pos"/> + i is a separator, line feed or quote (bits at or past <paramref name="end"/> cleared).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint LoadMask(byte[] buf, int pos, int end)
    {
        ref byte p = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buf), pos);
        uint bits;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> v = Vector256.LoadUnsafe(ref p);
            Vector256<byte> hits = Vector256.Equals(v, _separatorVector)
                | Vector256.Equals(v, Vector256.Create(LineFeed))
                | Vector256.Equals(v, Vector256.Create(Quote));
            bits = hits.ExtractMostSignificantBits();
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> sep = Vector128.Create(_separator);
            Vector128<byte> lo = Vector128.LoadUnsafe(ref p);
            Vector128<byte> hi = Vector128.LoadUnsafe(ref p, 16);
            uint l = (Vector128.Equals(lo, sep) | Vector128.Equals(lo, Vector128.Create(LineFeed)) | Vector128.Equals(lo, Vector128.Create(Quote))).ExtractMostSignificantBits();
            uint h = (Vector128.Equals(hi, sep) | Vector128.Equals(hi, Vector128.Create(LineFeed)) | Vector128.Equals(hi, Vector128.Create(Quote))).ExtractMostSignificantBits();
            bits = l | (h << 16);
        }
        else
        {
            bits = 0;
            for (int i = 0; i < BlockBytes; i++)
            {
                byte b = Unsafe.Add(ref p, i);
                if (b == _separator || b == LineFeed || b == Quote) bits |= 1u << i;
            }
        }
        int avail = end - pos;
        if (avail < BlockBytes) bits &= (1u << avail) - 1;
        return bits;
    }
}
