using System.Buffers;
using System.IO.Pipelines;
using System.Numerics;
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
/// The first non-blank line decides the separator (tab when it holds more tabs than commas, tabs that only pad cells
/// next to commas not counted), blank records
/// are skipped, and records that cannot be split come back as rows with an <see cref="CsvRow.Error"/>.
/// <para>
/// A record ends at a LF, or at a CR that no LF follows (old Mac exports; a CRLF ends at its LF, and its CR is white
/// space of the last field that trimming removes). Whether a CR is followed by a LF is decided on the next byte, so a
/// CR at the end of one read waits for the next: records, line numbers and errors never depend on how the input is cut.
/// A CR or LF inside quotes is data, and counts as a line for the line numbers (a CRLF once).
/// </para>
/// <para>
/// Quoting follows RFC 4180: a quote opens a quoted field only as the field's very first byte; anywhere else, after
/// leading spaces too (<c>a, "b" ,c</c>), it is data. A closing quote may be followed by white space (which trimming
/// removes anyway) before the separator or line end; anything else after it (<c>"b"c</c>, <c>"a,"b,c"</c>) makes the
/// record a <see cref="CsvRowError.StrayQuote"/> error. Such a record still ends where a lenient reader would end it
/// (text after the closing quote up to the next separator read as unquoted), so the records after it are not shifted.
/// </para>
/// </remarks>
public sealed partial class CsvReader : IDisposable
{
    private const byte Quote = (byte)'"';
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';
    private const int BlockBytes = 32;
    private const int Padding = 64;

    /// <summary>Bytes per block of the bulk indexer (one 64-bit mask).</summary>
    private const int IndexBlockBytes = 64;

    /// <summary>Field ends one bulk pass may record (a pass stops a block early so one more block always fits).</summary>
    private const int IndexEnds = 4096;

    /// <summary>Fields a record may have; a record with more is a <see cref="CsvRowError.TooManyFields"/> row error.</summary>
    /// <remarks>Bounds the field index of one record (a 1 MiB line of commas would otherwise have a million fields); as many
    /// as a worksheet has columns in Excel, so a row of any worksheet fits. A bulk
    /// pass holds at most <see cref="IndexEnds"/> field ends, fewer than this, so only the resumable scanner counts against it.</remarks>
    public const int MaxFieldsPerRecord = 16_384;

    /// <summary>Records one bulk pass may record.</summary>
    private const int IndexRowsMax = 1024;

    private readonly PipeReader _reader;
    private readonly int _maxRecordBytes;
    private readonly int _capacity;
    private byte[] _buf;
    private int[] _fields;

    // Bulk index of complete records in the window: _ends[0] is the first record's start - 1, then every field end in
    // order; record r's ends run from _ends[_rowLast[r]] (its start - 1) to _ends[_rowLast[r + 1]] (its line feed).
    // _quoted holds (record, line feeds inside its quotes) pairs for the records with a quoted field.
    private int[] _ends;
    private int[] _rowLast;
    private int[] _quoted;
    private int _rowCount;
    private int _rowNext;
    private int _quotedCount;
    private int _quotedNext;

    // True while a record is read by the resumable scanner (it did not fit in the window, or may be too long).
    private bool _slow;

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
    private bool _inQuote;
    private bool _tooLong;
    private bool _tooManyFields;
    private int _recordNewlines;
    private int _maskBase = -1;
    private uint _mask;
    private long _line = 1;
    private bool _lastRecordUnterminated;

    private CsvReader(PipeReader reader, string fileName, int maxRecordBytes)
    {
        _reader = reader;
        FileName = fileName;
        _maxRecordBytes = maxRecordBytes;
        _capacity = Math.Max(maxRecordBytes, 4096) + FillChunkBytes;
        _buf = ArrayPool<byte>.Shared.Rent(_capacity + Padding);
        _fields = ArrayPool<int>.Shared.Rent(64);
        _ends = ArrayPool<int>.Shared.Rent(IndexEnds + IndexBlockBytes + 1);
        _rowLast = ArrayPool<int>.Shared.Rent(IndexRowsMax + IndexBlockBytes + 2);
        _quoted = ArrayPool<int>.Shared.Rent(2 * (IndexRowsMax + IndexBlockBytes + 2));
    }

    /// <summary>Creates a reader over a stream (disposed with the reader unless <see cref="CsvReaderOptions.LeaveOpen"/>).</summary>
    /// <remarks>An Excel workbook or an HTML table saved as <c>.xls</c> is recognised by its first bytes and read as CSV (R32).</remarks>
    /// <exception cref="PayrollDataException">The input is a workbook that cannot be read.</exception>
    public static CsvReader Create(Stream stream, string fileName, CsvReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (CreateForContent(ref stream, fileName, options) is { } container) return container;
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

    /// <summary>The detected encoding (<see cref="TextEncodingKind.Utf8"/> while the input has been pure ASCII so far),
    /// or the format of a workbook or HTML input.</summary>
    public TextEncodingKind Encoding { get => _container?.Kind ?? _textEncoding; private set => _textEncoding = value; }

    private TextEncodingKind _textEncoding;

    /// <summary>Bytes taken from the source so far (byte order mark included; for a workbook, an estimate until the end).</summary>
    public long BytesRead { get => _container?.SourceBytesRead ?? _bytesRead; private set => _bytesRead = value; }

    private long _bytesRead;

    /// <summary>The longest record accepted, in bytes.</summary>
    public int MaxRecordBytes => _maxRecordBytes;

    /// <summary>The field separator, once the header line has been seen (0 before).</summary>
    /// <remarks>During a header search (<see cref="BeginHeaderSearch"/>), the separator of the record handed out last.</remarks>
    public char Separator => (char)(_headerSearch ? _rowSeparator : _separator);

    /// <summary>True once the reader has handed out the input's last record and that record did not end with a line feed (a cut-off file, R36).</summary>
    /// <remarks>
    /// Set with that record, which is the last one, so a caller can ask right after each record. A last record cut
    /// inside its quotes (<see cref="CsvRowError.UnterminatedQuote"/>) counts as unterminated too; a carriage return at
    /// the very end is a line end (as everywhere outside quotes).
    /// </remarks>
    internal bool LastRecordUnterminated => _lastRecordUnterminated;

    /// <summary>The message for a row error, e.g. <c>line longer than 1048576 bytes</c>.</summary>
    public string DescribeError(CsvRowError error) => error switch
    {
        CsvRowError.LineTooLong => $"line longer than {_maxRecordBytes} bytes",
        CsvRowError.UnterminatedQuote => "unterminated quoted field",
        CsvRowError.InvalidUtf8 => "invalid UTF-8 byte sequence",
        CsvRowError.StrayQuote => "stray quote in quoted field",
        CsvRowError.InvalidGb18030 => "invalid GB18030 byte sequence",
        CsvRowError.TooManyFields => $"more than {MaxFieldsPerRecord} fields",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };

    /// <summary>For the last <see cref="CsvRowError.InvalidUtf8"/> or <see cref="CsvRowError.InvalidGb18030"/> row handed
    /// out: the 0-based field that holds the first invalid bytes.</summary>
    internal int ErrorField { get; private set; }

    /// <summary>UTF-8 text bytes taken into the window so far (after transcoding, for GB18030; of the CSV text, for a workbook).</summary>
    internal long TextBytes => _windowBase + _end;

    /// <summary>The text offset of the next record not handed out yet (right after the line end of the one handed out last).</summary>
    internal long TextOffset => _windowBase + _start;

    /// <summary>Text bytes moved out of the window by compaction.</summary>
    private long _windowBase;

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
        // Nearly every call hands out an indexed record: that path stays small, without the slow path's frame.
        if (_rowNext < _rowCount && ServeIndexed(out row)) return true;
        return TryReadRowSlow(out row);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadRowSlow(out CsvRow row)
    {
        while (true)
        {
            if (_rowNext < _rowCount)
            {
                if (ServeIndexed(out row)) return true;
                continue;
            }

            if ((_separator == 0 || _separatorPending) && !TryDetectSeparator())
            {
                row = default;
                return false;
            }

            if (!_slow)
            {
                // While the header is searched for, every record is split with its own line's separator, so none is indexed ahead.
                if (!_headerSearch)
                {
                    IndexRows();
                    if (_rowCount > 0) continue;
                }
                BeginSlowRecord();
            }

            int recordEnd;
            if (Scan())
            {
                recordEnd = _scanPos - 1;
            }
            else if (!_inputDone)
            {
                if (!_tooLong && PendingRecordBytes() > _maxRecordBytes) _tooLong = true;
                row = default;
                return false;
            }
            else if (_inQuote)
            {
                row = new CsvRow(CsvRowError.UnterminatedQuote, _line);
                NoteServed(_start, _end, 0, 0);
                _start = _scanPos = _end;
                EndSlowRecord(0);
                HandedOutSlow(unterminated: true);
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
                AddField(_end);
                recordEnd = _end;
                _scanPos = _end;
            }

            long line = _line;
            int recordStart = _start;
            int count = _fieldCount;
            bool tooLong = _tooLong;
            bool tooManyFields = _tooManyFields;
            bool unterminated = recordEnd == _end;
            _start = _scanPos;
            EndSlowRecord(_recordNewlines);
            if (tooLong || tooManyFields)
            {
                NoteServedWithoutBytes();
                row = new CsvRow(tooLong ? CsvRowError.LineTooLong : CsvRowError.TooManyFields, line);
                HandedOutSlow(unterminated);
                return true;
            }
            CopySlowFields(recordStart, count);
            if (Serve(recordStart, recordEnd, 0, count, line, quoted: true, out row))
            {
                HandedOutSlow(unterminated);
                return true;
            }
        }
    }

    /// <summary>The least length the record being scanned can have: the window's rest, but for a carriage return at its end
    /// outside quotes, which ends the record (alone or with a LF) and so is not part of it.</summary>
    private int PendingRecordBytes()
    {
        int bytes = _end - _start;
        return bytes > 0 && !_inQuote && _buf[_end - 1] == CarriageReturn ? bytes - 1 : bytes;
    }

    /// <summary>Notes what a record handed out by the resumable scanner leaves for the next one.</summary>
    private void HandedOutSlow(bool unterminated)
    {
        // Only the input's last record can lack its line feed, so nothing after it can clear the flag again.
        _lastRecordUnterminated = unterminated;
        if (_headerSearch) _rowSeparator = _separator;
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
        ArrayPool<int>.Shared.Return(_ends);
        _ends = [];
        ArrayPool<int>.Shared.Return(_rowLast);
        _rowLast = [];
        ArrayPool<int>.Shared.Return(_quoted);
        _quoted = [];
        ReturnStaging();
        ReturnServedRaw();
        _reader.Complete();
    }

    /// <summary>Starts reading the record at <see cref="_start"/> with the resumable scanner.</summary>
    private void BeginSlowRecord()
    {
        _slow = true;
        _scanPos = _start;
        _fieldStart = _start;
        _fieldCount = 0;
        _inQuote = false;
        _tooLong = false;
        _tooManyFields = false;
        _recordNewlines = 0;
        _maskBase = -1;
    }

    private void EndSlowRecord(int newlines)
    {
        _line += 1 + newlines;
        _slow = false;
        // While the header is searched for, the next record's separator is decided on its own line again.
        _separatorPending = _headerSearch;
    }

    /// <summary>Puts the resumable scanner's field ends (relative to the record) into the index as one record.</summary>
    private void CopySlowFields(int recordStart, int count)
    {
        if (_ends.Length < count + 1)
        {
            ArrayPool<int>.Shared.Return(_ends);
            _ends = ArrayPool<int>.Shared.Rent(count + 1);
        }
        int[] ends = _ends;
        ends[0] = recordStart - 1;
        for (int k = 0; k < count; k++) ends[k + 1] = recordStart + _fields[k];
    }

    /// <summary>Hands out the next indexed record; false when it was blank and skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ServeIndexed(out CsvRow row)
    {
        // Positions and counts are bounded by the window, so the arithmetic here cannot overflow and runs unchecked.
        unchecked
        {
            int r = _rowNext++;
            int first = _rowLast[r];
            int last = _rowLast[r + 1];
            int recordStart = _ends[first] + 1;
            int recordEnd = _ends[last];
            int newlines = 0;
            bool quoted = false;
            if (_quotedNext < _quotedCount && _quoted[_quotedNext] == r)
            {
                quoted = true;
                newlines = _quoted[_quotedNext + 1];
                _quotedNext += 2;
            }
            long line = _line;
            _line += 1 + newlines;
            _start = recordEnd + 1;
            return Serve(recordStart, recordEnd, first, last - first, line, quoted, out row);
        }
    }

    /// <summary>Checks a complete record and makes it a row; false for a blank line (R2), which is skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Serve(int recordStart, int recordEnd, int first, int count, long line, bool quoted, out CsvRow row)
    {
        // Positions and counts are bounded by the window, so the arithmetic here cannot overflow and runs unchecked.
        unchecked
        {
            NoteServed(recordStart, recordEnd, first, count);
            // One test sends every record that needs a closer look (too long, maybe invalid UTF-8, quoted, maybe blank) out of line.
            if (recordEnd - recordStart > _maxRecordBytes
                || (_suspectEnd > recordStart && recordEnd >= _suspectStart)
                || quoted
                || count == 1)
            {
                return ServeCarefully(recordStart, recordEnd, first, count, line, quoted, out row);
            }
            row = new CsvRow(_buf.AsSpan(0, recordEnd), _ends.AsSpan(first, count + 1), line);
            return true;
        }
    }

    /// <summary><see cref="Serve"/> for a record that may be too long, invalid UTF-8, quoted or blank.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ServeCarefully(int recordStart, int recordEnd, int first, int count, long line, bool quoted, out CsvRow row)
    {
        if (recordEnd - recordStart > _maxRecordBytes && RecordBytes(recordStart, recordEnd) > _maxRecordBytes)
        {
            NoteServedWithoutBytes();
            row = new CsvRow(CsvRowError.LineTooLong, line);
            return true;
        }
        ReadOnlySpan<int> ends = _ends.AsSpan(first, count + 1);
        if (_suspectEnd > recordStart && recordEnd >= _suspectStart && !Utf8.IsValid(_buf.AsSpan(recordStart, recordEnd - recordStart)))
        {
            // Separators are ASCII, so the record is invalid because one of its fields is: the first such is cited.
            ErrorField = 0;
            while (ErrorField + 1 < count && Utf8.IsValid(_buf.AsSpan(ends[ErrorField] + 1, ends[ErrorField + 1] - ends[ErrorField] - 1))) ErrorField++;
            row = new CsvRow(_state == InputState.Gb18030 ? CsvRowError.InvalidGb18030 : CsvRowError.InvalidUtf8, line);
            return true;
        }
        if (quoted) KeepQuotedRaw(recordStart, recordEnd);
        if (quoted && !UnquoteFields(ends))
        {
            row = new CsvRow(CsvRowError.StrayQuote, line);
            return true;
        }
        if (count == 1 && Utf8WhiteSpace.TrimRange(_buf.AsSpan(recordStart, recordEnd - recordStart)).Length == 0)
        {
            row = default;
            return false;
        }
        row = new CsvRow(_buf.AsSpan(0, recordEnd), ends, line);
        return true;
    }

    /// <summary>A record's length without its line end: the CR of a CRLF (the record ends at the LF) is not counted.</summary>
    private int RecordBytes(int recordStart, int recordEnd)
    {
        int bytes = recordEnd - recordStart;
        bool crlf = bytes > 0 && recordEnd < _end && _buf[recordEnd] == LineFeed && _buf[recordEnd - 1] == CarriageReturn;
        return crlf ? bytes - 1 : bytes;
    }

    /// <summary>Unquotes in place every field that starts with a quote, padding it with spaces that trimming removes; false when one has a stray quote.</summary>
    private bool UnquoteFields(ReadOnlySpan<int> ends)
    {
        Span<byte> buf = _buf;
        for (int k = 0; k + 1 < ends.Length; k++)
        {
            Span<byte> raw = buf[(ends[k] + 1)..ends[k + 1]];
            if (raw.IsEmpty || raw[0] != Quote) continue;
            int length = Unquote(raw);
            if (length < 0) return false;
            raw[length..].Fill((byte)' ');
        }
        return true;
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
            int rel = head.IndexOfAny(LineFeed, CarriageReturn);
            if (rel < 0 && head.Length < limit && !_inputDone) return false;
            int lineEnd = 1;
            if (rel >= 0 && head[rel] == CarriageReturn)
            {
                // CRLF is one line end; whether a LF follows a CR at the window's end is known with the next byte.
                if (pos + rel + 1 < _end) lineEnd = _buf[pos + rel + 1] == LineFeed ? 2 : 1;
                else if (!_inputDone) return false;
            }
            ReadOnlySpan<byte> line = rel < 0 ? head : head[..rel];
            int tabs = line.Count((byte)'\t');
            int commas = line.Count((byte)',');
            if (rel >= 0 && tabs == 0 && commas == 0 && Utf8WhiteSpace.TrimRange(line).Length == 0)
            {
                // Blank under either separator: consume it here so a long run of blank lines cannot fill the window.
                pos += rel + lineEnd;
                _line++;
                _start = _scanPos = _fieldStart = pos;
                continue;
            }
            SetSeparator(tabs > commas && SeparatingTabs(line) > commas ? (byte)'\t' : (byte)',');
            return true;
        }
    }

    /// <summary>
    /// R1 on a comma file whose cells are padded with tabs (banks write <c>2025-12-01\t,\t100.00</c> so that Excel keeps
    /// the text): a tab whose nearest byte other than a space or tab is a comma or an end of the line pads a cell and
    /// does not count as a separator. A tab-separated line has no commas around its tabs, so its count is unchanged.
    /// </summary>
    internal static int SeparatingTabs(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        int count = 0;
        for (int i = line.IndexOf((byte)'\t'); i >= 0 && i < line.Length; i++)
        {
            if (line[i] != (byte)'\t') continue;
            int left = i - 1;
            while (left >= 0 && line[left] is (byte)' ' or (byte)'\t') left--;
            int right = i + 1;
            while (right < line.Length && line[right] is (byte)' ' or (byte)'\t') right++;
            bool padding = left < 0 || right >= line.Length || line[left] == (byte)',' || line[right] == (byte)',';
            if (!padding) count++;
        }
        return count;
    }

    private void SetSeparator(byte separator)
    {
        _separator = separator;
        _separatorVector = Vector256.Create(separator);
        _separatorPending = false;
    }

    /// <summary>
    /// Indexes the complete records from <see cref="_start"/> on in one pass over 64-byte blocks: separators and line feeds
    /// of a block come as one bit mask whose set bits are written to <see cref="_ends"/> without a branch per bit; only
    /// blocks holding a quote take the careful walk. Stops before a record that is not complete in the window.
    /// </summary>
    /// <remarks>Positions are bounded by the window size, so the arithmetic here cannot overflow and runs unchecked.</remarks>
    private void IndexRows()
    {
        unchecked
        {
            byte[] buf = _buf;
            int[] ends = _ends;
            int[] rowLast = _rowLast;
            int[] quoted = _quoted;
            ref byte data = ref MemoryMarshal.GetArrayDataReference(buf);
            ref int endSlot = ref MemoryMarshal.GetArrayDataReference(ends);
            ref int rowSlot = ref MemoryMarshal.GetArrayDataReference(rowLast);
            byte separator = _separator;
            int end = _end;
            int pos = _start;
            ends[0] = pos - 1;
            rowLast[0] = 0;
            int endCount = 1;
            int rowCount = 0;
            int quotedCount = 0;
            int endLimit = Math.Min(ends.Length, IndexEnds + IndexBlockBytes + 1) - IndexBlockBytes;
            const int RowLimit = IndexRowsMax;

            while (pos < end && endCount <= endLimit && rowCount <= RowLimit)
            {
                ulong separators = Masks(ref Unsafe.Add(ref data, pos), separator, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns);

                // A carriage return ends a record unless a line feed follows it (CRLF ends at its LF). Bit i of lfNext is
                // set when byte i + 1 is a line feed; the byte after the block is read from the window (or its padding).
                ulong lfNext = (lineFeeds >> 1) | ((ulong)(Unsafe.Add(ref data, pos + IndexBlockBytes) == LineFeed ? 1 : 0) << 63);
                int avail = end - pos;
                if (avail <= IndexBlockBytes)
                {
                    ulong keep = avail == IndexBlockBytes ? ulong.MaxValue : (1UL << avail) - 1;
                    separators &= keep;
                    lineFeeds &= keep;
                    quotes &= keep;
                    carriageReturns &= keep;
                    // A carriage return as the window's last byte waits for the next byte unless the input has ended.
                    lfNext = (lineFeeds >> 1) | (_inputDone ? 0 : 1UL << (avail - 1));
                }
                lineFeeds |= carriageReturns & ~lfNext;
                ulong structural = separators | lineFeeds | quotes;

                if (quotes == 0)
                {
                    IndexBlock(ref endSlot, ref rowSlot, ref endCount, ref rowCount, pos, structural, lineFeeds);
                    pos += IndexBlockBytes;
                    continue;
                }

                int next = pos + IndexBlockBytes;
                while (structural != 0)
                {
                    int bit = BitOperations.TrailingZeroCount(structural);
                    structural &= structural - 1;
                    if (((quotes >> bit) & 1) == 0)
                    {
                        Unsafe.Add(ref endSlot, endCount) = pos + bit;
                        Unsafe.Add(ref rowSlot, rowCount + 1) = endCount;
                        endCount++;
                        rowCount += (int)(lineFeeds >> bit) & 1;
                        continue;
                    }

                    // A quote opens a quoted field only as the field's first byte; elsewhere it is data.
                    int idx = pos + bit;
                    if (idx != Unsafe.Add(ref endSlot, endCount - 1) + 1) continue;
                    int close = FindClosingQuote(buf, idx + 1, end, out int newlines);
                    if (close < 0) goto Stop;
                    if (quotedCount > 0 && quoted[quotedCount - 2] == rowCount)
                    {
                        quoted[quotedCount - 1] += newlines;
                    }
                    else
                    {
                        quoted[quotedCount] = rowCount;
                        quoted[quotedCount + 1] = newlines;
                        quotedCount += 2;
                    }
                    next = close + 1;
                    break;
                }
                pos = next;
            }

        Stop:
            // The record cut off at the end belongs to the next pass.
            if (quotedCount > 0 && quoted[quotedCount - 2] == rowCount) quotedCount -= 2;
            _rowCount = rowCount;
            _rowNext = 0;
            _quotedCount = quotedCount;
            _quotedNext = 0;
        }
    }

    /// <summary>
    /// Records the field ends and record ends of one quote-free block. A block holds a varying number of them, so a loop
    /// per bit mispredicts its exit about once a block: the first eight ends and the first two line feeds are written
    /// unconditionally instead (a missing bit writes a harmless value past the counts, where the slack of the arrays lies),
    /// and only blocks with more take a loop.
    /// </summary>
    /// <remarks>
    /// The end index of a line feed at bit b is <paramref name="endCount"/> plus the structural bits below b. Positions are
    /// bounded by the window size and the counts by the index limits, so the arithmetic cannot overflow and runs unchecked.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void IndexBlock(ref int endSlot, ref int rowSlot, ref int endCount, ref int rowCount, int pos, ulong structural, ulong lineFeeds)
    {
        unchecked
        {
            int count = endCount;
            int rows = rowCount;
            ref int ends = ref Unsafe.Add(ref endSlot, count);
            int n = BitOperations.PopCount(structural);
            ulong s = structural;
            ends = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 1) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 2) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 3) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 4) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 5) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 6) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            Unsafe.Add(ref ends, 7) = pos + BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            if (n > 8)
            {
                for (int k = 8; s != 0; k++)
                {
                    Unsafe.Add(ref ends, k) = pos + BitOperations.TrailingZeroCount(s);
                    s &= s - 1;
                }
            }

            // A shift by 64 is a shift by 0 in C#, so a missing line feed (bit 64) masks nothing and writes the count itself.
            ulong lf = lineFeeds;
            ref int rowEnds = ref Unsafe.Add(ref rowSlot, rows + 1);
            rowEnds = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
            lf &= lf - 1;
            Unsafe.Add(ref rowEnds, 1) = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
            lf &= lf - 1;
            for (int k = 2; lf != 0; k++)
            {
                Unsafe.Add(ref rowEnds, k) = count + BitOperations.PopCount(structural & ((1UL << BitOperations.TrailingZeroCount(lf)) - 1));
                lf &= lf - 1;
            }
            endCount = count + n;
            rowCount = rows + BitOperations.PopCount(lineFeeds);
        }
    }

    /// <summary>The closing quote of a quoted field whose content starts at <paramref name="from"/>, or -1 when it is not in the window yet.</summary>
    private static int FindClosingQuote(byte[] buf, int from, int end, out int newlines)
    {
        newlines = 0;
        int q = from;
        while (true)
        {
            ReadOnlySpan<byte> rest = buf.AsSpan(q, end - q);
            int rel = rest.IndexOf(Quote);
            if (rel < 0) return -1;
            // The text before a quote ends with it, so a carriage return at its end is a lone one.
            newlines += LineEnds(rest[..rel]);
            int c = q + rel;
            // Whether this is "" or a closing quote depends on the next byte.
            if (c + 1 >= end) return -1;
            if (buf[c + 1] != Quote) return c;
            q = c + 2;
        }
    }

    /// <summary>Line ends in <paramref name="text"/>: line feeds, and carriage returns not followed by one (a CR at the end counts).</summary>
    private static int LineEnds(ReadOnlySpan<byte> text)
    {
        int count = text.Count(LineFeed);
        int cr = text.IndexOf(CarriageReturn);
        while (cr >= 0)
        {
            if (cr + 1 >= text.Length || text[cr + 1] != LineFeed) count++;
            int next = text[(cr + 1)..].IndexOf(CarriageReturn);
            cr = next < 0 ? -1 : cr + 1 + next;
        }
        return count;
    }

    /// <summary>Bit i of the result set when byte i at <paramref name="p"/> is a separator; the line feeds, quotes and carriage returns come alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Masks(ref byte p, byte separator, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> v = Vector512.LoadUnsafe(ref p);
            lineFeeds = Vector512.Equals(v, Vector512.Create(LineFeed)).ExtractMostSignificantBits();
            quotes = Vector512.Equals(v, Vector512.Create(Quote)).ExtractMostSignificantBits();
            carriageReturns = Vector512.Equals(v, Vector512.Create(CarriageReturn)).ExtractMostSignificantBits();
            return Vector512.Equals(v, Vector512.Create(separator)).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> sep = Vector256.Create(separator);
            Vector256<byte> lo = Vector256.LoadUnsafe(ref p);
            Vector256<byte> hi = Vector256.LoadUnsafe(ref p, 32);
            lineFeeds = Vector256.Equals(lo, Vector256.Create(LineFeed)).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(hi, Vector256.Create(LineFeed)).ExtractMostSignificantBits() << 32);
            quotes = Vector256.Equals(lo, Vector256.Create(Quote)).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(hi, Vector256.Create(Quote)).ExtractMostSignificantBits() << 32);
            carriageReturns = Vector256.Equals(lo, Vector256.Create(CarriageReturn)).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(hi, Vector256.Create(CarriageReturn)).ExtractMostSignificantBits() << 32);
            return Vector256.Equals(lo, sep).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(hi, sep).ExtractMostSignificantBits() << 32);
        }
        ulong sepBits = 0;
        ulong lfBits = 0;
        ulong quoteBits = 0;
        ulong crBits = 0;
        for (int i = 0; i < IndexBlockBytes; i++)
        {
            byte b = Unsafe.Add(ref p, i);
            if (b == separator) sepBits |= 1UL << i;
            else if (b == LineFeed) lfBits |= 1UL << i;
            else if (b == Quote) quoteBits |= 1UL << i;
            else if (b == CarriageReturn) crBits |= 1UL << i;
        }
        lineFeeds = lfBits;
        quotes = quoteBits;
        carriageReturns = crBits;
        return sepBits;
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
            bool keepFields = !_tooLong && !_tooManyFields;
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
                if (b == CarriageReturn)
                {
                    // A carriage return ends the record unless a line feed follows (then that ends it); the last byte of
                    // the window waits for the next one unless the input has ended.
                    if (idx + 1 < end)
                    {
                        if (Unsafe.Add(ref data, idx + 1) == LineFeed) continue;
                    }
                    else if (!_inputDone)
                    {
                        _fieldCount = count;
                        _fieldStart = fieldStart;
                        _scanPos = idx;
                        _maskBase = -1;
                        return false;
                    }
                }
                if (b == separator || b == LineFeed || b == CarriageReturn)
                {
                    // A record already known to be too long is only scanned for its end; its fields are never handed out.
                    if (keepFields)
                    {
                        if (count == MaxFieldsPerRecord)
                        {
                            // Too many fields: the record is only scanned for its end from here on.
                            _tooManyFields = true;
                            keepFields = false;
                        }
                        else
                        {
                            if (count + 1 > fields.Length) fields = GrowFields();
                            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(fields), count) = idx - start;
                            count++;
                        }
                    }
                    fieldStart = idx + 1;
                    if (b == separator) continue;
                    _fieldCount = count;
                    _fieldStart = idx + 1;
                    _scanPos = idx + 1;
                    _maskBase = maskBase;
                    _mask = mask;
                    return true;
                }

                // A quote opens a quoted field only as the field's first byte; elsewhere it is data.
                if (idx != fieldStart) continue;
                _inQuote = true;
                pos = idx + 1;
                if (!ScanQuoted(ref pos))
                {
                    _fieldCount = count;
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
                // A carriage return as the window's last byte is counted once the next byte shows whether it is a CRLF.
                int counted = !_inputDone && !rest.IsEmpty && rest[^1] == CarriageReturn ? rest.Length - 1 : rest.Length;
                _recordNewlines += LineEnds(rest[..counted]);
                pos += counted;
                return false;
            }
            int q = pos + rel;
            _recordNewlines += LineEnds(rest[..rel]);
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

    /// <summary>Marks a field of a too-long record whose first byte was already dropped from the window (no later quote can open it).</summary>
    private const int FieldStartDropped = -1;

    private void AddField(int fieldEnd)
    {
        // A record already known to be too long is only scanned for its end; its fields are never handed out.
        if (_tooLong || _tooManyFields) return;
        if (_fieldCount == MaxFieldsPerRecord)
        {
            _tooManyFields = true;
            return;
        }
        if (_fieldCount + 1 > _fields.Length) GrowFields();
        _fields[_fieldCount++] = fieldEnd - _start;
    }

    private int[] GrowFields()
    {
        int[] bigger = ArrayPool<int>.Shared.Rent(_fields.Length * 2);
        _fields.AsSpan().CopyTo(bigger);
        ArrayPool<int>.Shared.Return(_fields);
        _fields = bigger;
        return bigger;
    }

    /// <summary>Rewrites a raw field that starts with a quote in place (quotes dropped, <c>""</c> → <c>"</c>); returns the new length, or -1 for a stray quote.</summary>
    private static int Unquote(Span<byte> raw)
    {
        int r = 1;
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
            // Closing quote: only white space may follow it up to the separator (trimming removes it); anything else makes
            // the quote a stray one, since the field's value would depend on how a reader guesses.
            if (Utf8WhiteSpace.TrimRange(raw[r..]).Length != 0) return -1;
            return w;
        }
        return w;
    }

    /// <summary>Bit i set when byte <paramref name="pos"/> + i is a separator, line feed, carriage return or quote (bits at or past <paramref name="end"/> cleared).</summary>
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
                | Vector256.Equals(v, Vector256.Create(Quote))
                | Vector256.Equals(v, Vector256.Create(CarriageReturn));
            bits = hits.ExtractMostSignificantBits();
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> sep = Vector128.Create(_separator);
            Vector128<byte> lo = Vector128.LoadUnsafe(ref p);
            Vector128<byte> hi = Vector128.LoadUnsafe(ref p, 16);
            uint l = (Vector128.Equals(lo, sep) | Vector128.Equals(lo, Vector128.Create(LineFeed)) | Vector128.Equals(lo, Vector128.Create(Quote))
                | Vector128.Equals(lo, Vector128.Create(CarriageReturn))).ExtractMostSignificantBits();
            uint h = (Vector128.Equals(hi, sep) | Vector128.Equals(hi, Vector128.Create(LineFeed)) | Vector128.Equals(hi, Vector128.Create(Quote))
                | Vector128.Equals(hi, Vector128.Create(CarriageReturn))).ExtractMostSignificantBits();
            bits = l | (h << 16);
        }
        else
        {
            bits = 0;
            for (int i = 0; i < BlockBytes; i++)
            {
                byte b = Unsafe.Add(ref p, i);
                if (b == _separator || b == LineFeed || b == Quote || b == CarriageReturn) bits |= 1u << i;
            }
        }
        int avail = end - pos;
        if (avail < BlockBytes) bits &= (1u << avail) - 1;
        return bits;
    }
}
