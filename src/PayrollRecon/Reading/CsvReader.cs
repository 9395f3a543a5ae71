using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;

using PayrollRecon.Model;

using static PayrollRecon.Reading.CsvMasks;

namespace PayrollRecon.Reading;

/// <summary>A streaming, allocation-free CSV reader over UTF-8 or GB18030 input that yields rows of UTF-8 byte fields.</summary>
/// <remarks>
/// Pull-based: <see cref="TryReadRow"/> hands out the next complete record of the internal window and returns false when
/// the window needs more input, which <see cref="FillAsync"/> brings in (or <see cref="Read"/> does both, synchronously).
/// The first non-blank line decides the separator (tab when it holds more tabs than commas, R1), blank records
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
    /// <summary>Slack after the window's capacity, so a 64-byte block loaded at any position up to the window's end, and the
    /// byte after a block, stay inside the array (what lies there is masked off).</summary>
    private const int Padding = CsvMasks.BlockBytes;

    /// <summary>Fields a record may have; a record with more is a <see cref="CsvRowError.TooManyFields"/> row error.</summary>
    /// <remarks>Bounds the field index of one record (a 1 MiB line of commas would otherwise have a million fields); as many
    /// as a worksheet has columns in Excel, so a row of any worksheet fits. A bulk
    /// pass holds at most <see cref="IndexEnds"/> field ends, fewer than this, so only the resumable scanner counts against it.</remarks>
    public const int MaxFieldsPerRecord = 16_384;

    // Every field of the reader is declared here; the parts of the class (CsvReader.*.cs) only use them.

    /// <summary>The input's pipe; replaced once when bytes read straight from the file go back in front of it (CsvReader.Input.cs).</summary>
    private PipeReader _reader;

    /// <summary>Whether the input stream stays open when the reader is disposed (the pipe over it does not own it).</summary>
    private bool _leaveOpen;

    /// <summary>The local file or memory under the pipe, when the input is read from one (<see cref="ReadOnlyStream.ReadsDirectly"/>,
    /// such as a file or a part of one): once the text is known to be UTF-8 and the pipe holds nothing more, the window is
    /// filled from it directly (CsvReader.Input.cs).</summary>
    private ReadOnlyStream? _file;
    private bool _fileReads;
    private readonly int _maxRecordBytes;
    private readonly int _capacity;

    /// <summary>The vector width structure is found with (the widest the CPU has, or a narrower one in tests).</summary>
    private readonly CsvVectorWidth _width = CsvMasks.Current;

    private byte[] _buf;
    private int[] _fields;

    // Bulk index of complete records in the window (CsvReader.Indexer.cs): _ends[0] is the first record's start - 1, then
    // every field end in order; record r's ends run from _ends[_rowLast[r]] (its start - 1) to _ends[_rowLast[r + 1]] (its
    // line feed). _quoted holds (record, line feeds inside its quotes) pairs for the records with a quoted field.
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

    /// <summary>Text bytes moved out of the window by compaction.</summary>
    private long _windowBase;

    // State of the resumable scanner (CsvReader.Scanner.cs) for the current record, kept between calls so a record cut by
    // the window end resumes where it stopped.
    private byte _separator;
    private int _scanPos;
    private int _fieldStart;
    private int _fieldCount;
    private bool _inQuote;
    private bool _tooLong;
    private bool _tooManyFields;
    private long _recordNewlines;
    private int _maskBase = -1;
    private ulong _mask;
    private long _line = 1;
    private bool _lastRecordUnterminated;

    // Header search (R1, R33; CsvReader.HeaderSearch.cs): between BeginHeaderSearch and LockSeparator every record is split
    // with the separator of its own line, one record at a time through the resumable scanner. _separatorPending asks for
    // the next record's line to be looked at; _rowSeparator is the separator of the record handed out last.
    private bool _headerSearch;
    private bool _separatorPending;
    private byte _rowSeparator;

    // Whether the first non-blank line of a text input looks like HTML, for the refusal of a file without a header (R32).
    private bool _firstLineSeen;
    private bool _startsWithMarkup;

    // Input (CsvReader.Input.cs): encoding detection, validation of what arrived, and the records it found suspect.
    private TextEncodingKind _textEncoding;
    private long _bytesRead;
    private long _encodingDecidedOn;
    private InputState _state = InputState.ByteOrderMark;
    private int _validatedEnd;
    private int _suspectStart;
    private int _suspectEnd;
    private byte[]? _staging;

    /// <summary>The workbook or HTML table read as CSV text (CsvReader.Workbook.cs); null for CSV input.</summary>
    private RecordStream? _container;

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
        return new CsvReader(pipe, fileName, options.EffectiveMaxRecordBytes)
        {
            _file = stream is ReadOnlyStream { ReadsDirectly: true } direct ? direct : null,
            _leaveOpen = options.LeaveOpen,
        };
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

    /// <summary>Bytes taken from the source so far (byte order mark included; for a workbook, an estimate until the end).</summary>
    public long BytesRead { get => _container?.SourceBytesRead ?? _bytesRead; private set => _bytesRead = value; }

    /// <summary>Whether the window is now filled straight from the input (<see cref="ReadOnlyStream.ReadsDirectly"/>), not through the pipe.</summary>
    internal bool FillsDirectly => _fileReads;

    /// <summary>The vector width this reader finds structure with.</summary>
    internal CsvVectorWidth VectorWidth => _width;

    /// <summary>For the last record handed out as <see cref="CsvRowError.UnterminatedQuote"/>: the line ends inside its
    /// open quote, i.e. the lines after its first that the quote took in up to the end of the input.</summary>
    internal long UnterminatedQuoteLines { get; private set; }

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

    /// <summary>The line the next record starts on (one more than the line ends read so far).</summary>
    internal long NextLine => _line;

    /// <summary>The text offset of the next record not handed out yet (right after the line end of the one handed out last).</summary>
    internal long TextOffset => _windowBase + _start;

    /// <summary>Reads the next record, filling the window synchronously as needed; false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Read(out CsvRow row)
    {
        // An indexed record is handed out inline, as by TryReadRow; everything else (and the fill loop) is out of line.
        if (_rowNext < _rowCount && ServeIndexed(out row)) return true;
        return ReadSlow(out row);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReadSlow(out CsvRow row)
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
                // The file's last line end, inside the quote, ends a line and starts none.
                UnterminatedQuoteLines = _recordNewlines > 0 && _end > 0 && _buf[_end - 1] is LineFeed or CarriageReturn ? _recordNewlines - 1 : _recordNewlines;
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


    /// <summary>Hands out the next indexed record; false when it was blank and skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ServeIndexed(out CsvRow row)
    {
        // Positions and counts are bounded by the window, so the arithmetic here cannot overflow and runs unchecked.
        unchecked
        {
            // The indexer wrote every slot read here (record r < _rowCount), so the reads skip the bounds checks.
            int r = _rowNext++;
            Debug.Assert(r < _rowCount && _rowCount < _rowLast.Length, "record past the index");
            ref int rowLast = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rowLast), r);
            int first = rowLast;
            int last = Unsafe.Add(ref rowLast, 1);
            Debug.Assert(0 <= first && first < last && last < _ends.Length, "record ends past the index");
            ref int ends = ref MemoryMarshal.GetArrayDataReference(_ends);
            int recordStart = Unsafe.Add(ref ends, first) + 1;
            int recordEnd = Unsafe.Add(ref ends, last);
            int newlines = 0;
            bool quoted = false;
            int q = _quotedNext;
            if (q < _quotedCount)
            {
                Debug.Assert(q + 1 < _quoted.Length, "quoted record past the index");
                ref int pair = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_quoted), q);
                if (pair == r)
                {
                    quoted = true;
                    newlines = Unsafe.Add(ref pair, 1);
                    _quotedNext = q + 2;
                }
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
            Debug.Assert(recordEnd <= _buf.Length && first + count + 1 <= _ends.Length, "record past the window or the index");
            row = new CsvRow(
                MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(_buf), recordEnd),
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ends), first), count + 1),
                line);
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
            int length = CsvQuotes.Unquote(raw);
            if (length < 0) return false;
            raw[length..].Fill((byte)' ');
        }
        return true;
    }

}
