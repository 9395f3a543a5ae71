using System.Buffers;
using System.Runtime.CompilerServices;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>The first <c>&lt;table&gt;</c> of an HTML document (web banking's "Excel" export) as UTF-8 CSV, a row at a time (R32).</summary>
/// <remarks>
/// <para>
/// One record per <c>&lt;tr&gt;</c> of that table, so a record's line number is its <c>&lt;tr&gt;</c>'s 1-based index in
/// the table; one field per <c>&lt;td&gt;</c>/<c>&lt;th&gt;</c>: its text content with tags stripped, character references
/// decoded and white space collapsed to single spaces. A cell spanning columns (<c>colspan</c>) is followed by empty
/// fields for the columns it covers, and one spanning rows (<c>rowspan</c>) leaves an empty field in the rows below, as
/// a merged worksheet cell does, so columns stay aligned. Rows of nested tables are not rows: their text belongs to the
/// enclosing cell. Comments, <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> are skipped, and nothing after the table is read.
/// </para>
/// <para>
/// The document is read in chunks by a small resumable tokenizer (no DOM), so memory is bounded by one chunk and one row.
/// Encoding as for CSV (SPEC §2.1): a byte order mark means UTF-8; otherwise the 64 KiB from the first non-ASCII byte
/// decide (valid UTF-8 → UTF-8, else GB18030). A <c>&lt;meta&gt;</c> charset decides nothing: web banking often keeps a
/// template's <c>gb2312</c> over bytes written as UTF-8, and GB18030 text is almost never valid UTF-8.
/// </para>
/// </remarks>
internal sealed class HtmlTableRecordStream : RecordStream
{
    private const int ChunkBytes = 128 * 1024;
    private const int MaxColumns = 16384;
    private const int MaxColspan = 1000;
    private const int MaxRowspan = 65534;
    private const int MaxNameBytes = 16;
    private const int MaxValueBytes = 256;
    private const int MaxReferenceBytes = 32;

    private static readonly SearchValues<byte> CellSpecials = SearchValues.Create("<& \t\n\r\f"u8);

    private readonly Stream _source;
    private readonly bool _ownsSource;
    private readonly string _fileName;
    private readonly int _rowLimit;

    // Source bytes: [_rawPos, _rawEnd) not yet decoded.
    private byte[] _raw = ArrayPool<byte>.Shared.Rent(ChunkBytes + CsvReader.DetectionBytes + 16);
    private int _rawPos;
    private int _rawEnd;
    private bool _sourceDone;
    private long _sourceBytes;
    private byte[]? _decoded;
    private Charset _charset = Charset.ByteOrderMark;

    // Tokenizer.
    private State _state = State.Data;
    private readonly byte[] _name = new byte[MaxNameBytes];
    private int _nameLength;
    private bool _isEndTag;
    private readonly byte[] _attrName = new byte[MaxNameBytes];
    private int _attrNameLength;
    private readonly byte[] _attrValue = new byte[MaxValueBytes];
    private int _attrValueLength;
    private int _colspan;
    private int _rowspan;
    private int _dashes;
    private readonly byte[] _reference = new byte[MaxReferenceBytes];
    private int _referenceLength;
    private byte[] _rawTextEnd = [];
    private int _rawTextMatch;

    // Table.
    private int _tableDepth;
    private bool _tableSeen;
    private long _rowsEnded;
    private bool _finished;
    private bool _inRow;
    private bool _inCell;
    private bool _pendingSpace;
    private int _cellSpan;
    private int _column;
    private int[] _below = new int[16];
    private int _belowCount;

    // The row being read: cell texts back to back in _row, cell ends in _cellEnds.
    private byte[] _row = ArrayPool<byte>.Shared.Rent(4096);
    private int _rowLength;
    private int[] _cellEnds = new int[16];
    private int _cellCount;
    private int _cellStart;

    private enum Charset
    {
        ByteOrderMark,
        Undecided,
        Utf8,
        Gb18030,
    }

    private enum State
    {
        Data,
        Reference,
        TagOpen,
        EndTagOpen,
        TagName,
        BeforeAttrName,
        AttrName,
        AfterAttrName,
        BeforeAttrValue,
        AttrValueDouble,
        AttrValueSingle,
        AttrValueUnquoted,
        SelfClosing,
        MarkupOpen,
        CommentStart,
        Comment,
        BogusComment,
        RawText,
    }

    /// <param name="source">The document from its first byte.</param>
    /// <param name="ownsSource">Dispose <paramref name="source"/> with this stream.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="maxRecordBytes">The CSV reader's record limit.</param>
    public HtmlTableRecordStream(Stream source, bool ownsSource, string fileName, int maxRecordBytes)
        : base(maxRecordBytes)
    {
        _source = source;
        _ownsSource = ownsSource;
        _fileName = fileName;
        _rowLimit = checked(maxRecordBytes + 64);
    }

    public override TextEncodingKind Kind => TextEncodingKind.Html;

    public override long SourceBytesRead => _sourceBytes;

    /// <summary>Tokenizes the next chunk of the document (which may complete no row, or many).</summary>
    protected override bool ProduceRecord()
    {
        if (_finished) return false;
        if (NextChunk(out ReadOnlySpan<byte> chunk)) Tokenize(chunk);
        else Finish();
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _raw.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_raw);
            _raw = [];
            ArrayPool<byte>.Shared.Return(_row);
            _row = [];
            if (_decoded is not null) ArrayPool<byte>.Shared.Return(_decoded);
            _decoded = null;
            _finished = true;
            if (_ownsSource) _source.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Finish()
    {
        CloseRow();
        _finished = true;
        if (!_tableSeen) throw new PayrollDataException(_fileName, new Reporting.LocalizedText(Reporting.MessageKey.HtmlWithoutTable, _fileName));
        // A comment, script or tag left open inside the table took the rest of the document with it: what it hid cannot
        // be told, so the file is refused rather than read as if its table ended there.
        if (_tableDepth > 0 && UnclosedMarkup() is { } unclosed)
            throw new PayrollDataException(_fileName, new Reporting.LocalizedText(unclosed, _fileName, _rowsEnded));
    }

    /// <summary>The message for markup still open at the end of the document that hides whatever follows it (a comment, a
    /// script or style, a quoted attribute value), or null. A tag merely cut off by the end (<c>&lt;td</c>) hides nothing.</summary>
    private Reporting.MessageKey? UnclosedMarkup() => _state switch
    {
        State.MarkupOpen or State.CommentStart or State.Comment or State.BogusComment => Reporting.MessageKey.HtmlEndsInComment,
        State.RawText => Reporting.MessageKey.HtmlEndsInRawText,
        State.AttrValueDouble or State.AttrValueSingle => Reporting.MessageKey.HtmlEndsInTag,
        _ => null,
    };

    // ---- Decoding -------------------------------------------------------------------------------------------------

    /// <summary>The next run of UTF-8 text of the document; false at its end.</summary>
    private bool NextChunk(out ReadOnlySpan<byte> chunk)
    {
        while (true)
        {
            if (_rawPos == _rawEnd || (_charset == Charset.ByteOrderMark && _rawEnd - _rawPos < 3))
            {
                if (!_sourceDone) Refill(_rawEnd - _rawPos + 1);
                if (_rawPos == _rawEnd && _sourceDone)
                {
                    chunk = default;
                    return false;
                }
            }

            switch (_charset)
            {
                case Charset.ByteOrderMark:
                    if (_rawEnd - _rawPos < 3 && !_sourceDone) continue;
                    if (_raw.AsSpan(_rawPos, _rawEnd - _rawPos).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        _rawPos += 3;
                        _charset = Charset.Utf8;
                    }
                    else
                    {
                        _charset = Charset.Undecided;
                    }
                    continue;

                case Charset.Undecided:
                {
                    ReadOnlySpan<byte> pending = _raw.AsSpan(_rawPos, _rawEnd - _rawPos);
                    int ascii = pending.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                    if (ascii != 0)
                    {
                        // ASCII reads the same in every candidate encoding: tokenize it.
                        int n = ascii < 0 ? pending.Length : ascii;
                        chunk = pending[..n];
                        _rawPos += n;
                        return true;
                    }
                    if (_rawEnd - _rawPos < CsvReader.DetectionBytes + 4 && !_sourceDone)
                    {
                        Refill(CsvReader.DetectionBytes + 4);
                        continue;
                    }
                    int sample = Math.Min(_rawEnd - _rawPos, CsvReader.DetectionBytes);
                    ReadOnlySpan<byte> head = _raw.AsSpan(_rawPos, sample);
                    if (!(_sourceDone && sample == _rawEnd - _rawPos)) head = head[..CompleteSequencesLength(head)];
                    _charset = Utf8Validator.IsValid(head) ? Charset.Utf8 : Charset.Gb18030;
                    continue;
                }

                case Charset.Utf8:
                    // Invalid sequences pass through: the CSV core, set to UTF-8, reports the rows holding them.
                    chunk = _raw.AsSpan(_rawPos, _rawEnd - _rawPos);
                    _rawPos = _rawEnd;
                    return true;

                default:
                {
                    _decoded ??= ArrayPool<byte>.Shared.Rent(2 * ChunkBytes);
                    Gb18030Transcoder.Transcode(_raw.AsSpan(_rawPos, _rawEnd - _rawPos), _decoded, _sourceDone, out int consumed, out int written);
                    _rawPos += consumed;
                    if (written == 0 && consumed == 0)
                    {
                        // A character cut at the end of what was read: read on.
                        if (_sourceDone) _rawPos = _rawEnd;
                        else Refill(_rawEnd - _rawPos + 1);
                        continue;
                    }
                    chunk = _decoded.AsSpan(0, written);
                    return true;
                }
            }
        }
    }

    /// <summary>Reads from the source until at least <paramref name="wanted"/> bytes are pending or the source ends.</summary>
    private void Refill(int wanted)
    {
        if (_rawPos > 0)
        {
            _raw.AsSpan(_rawPos, _rawEnd - _rawPos).CopyTo(_raw);
            _rawEnd -= _rawPos;
            _rawPos = 0;
        }
        wanted = Math.Min(wanted, _raw.Length);
        while (_rawEnd < wanted && !_sourceDone)
        {
            int n = _source.Read(_raw.AsSpan(_rawEnd, Math.Min(_raw.Length - _rawEnd, ChunkBytes)));
            if (n == 0) _sourceDone = true;
            _rawEnd += n;
            _sourceBytes += n;
        }
    }

    /// <summary>The length of <paramref name="utf8"/> without a trailing multi-byte sequence that later bytes may complete.</summary>
    private static int CompleteSequencesLength(ReadOnlySpan<byte> utf8)
    {
        int end = utf8.Length;
        for (int k = 1; k <= 3 && end - k >= 0; k++)
        {
            byte b = utf8[end - k];
            if (b < 0x80) return end;
            if (b >= 0xC0)
            {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > k ? end - k : end;
            }
        }
        return end;
    }

    // ---- Tokenizer ------------------------------------------------------------------------------------------------

    /// <summary>Runs the tokenizer over a chunk of UTF-8 text; its state carries over to the next chunk.</summary>
    private void Tokenize(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && !_finished)
        {
            switch (_state)
            {
                case State.Data:
                {
                    ReadOnlySpan<byte> rest = text[i..];
                    if (!_inCell)
                    {
                        int lt = rest.IndexOf((byte)'<');
                        if (lt < 0) return;
                        i += lt + 1;
                        _state = State.TagOpen;
                        break;
                    }
                    int special = rest.IndexOfAny(CellSpecials);
                    if (special < 0)
                    {
                        AppendText(rest);
                        return;
                    }
                    if (special > 0) AppendText(rest[..special]);
                    i += special;
                    byte b = text[i++];
                    if (b == (byte)'<') _state = State.TagOpen;
                    else if (b == (byte)'&')
                    {
                        _referenceLength = 0;
                        _state = State.Reference;
                    }
                    else
                    {
                        _pendingSpace = true;
                    }
                    break;
                }

                case State.Reference:
                {
                    byte b = text[i];
                    if (IsAsciiLetterOrDigit(b) || (b == (byte)'#' && _referenceLength == 0))
                    {
                        if (_referenceLength == MaxReferenceBytes)
                        {
                            EndReference(semicolon: false);
                            break;
                        }
                        _reference[_referenceLength++] = b;
                        i++;
                        break;
                    }
                    bool semicolon = b == (byte)';';
                    if (semicolon) i++;
                    EndReference(semicolon);
                    break;
                }

                case State.TagOpen:
                {
                    byte b = text[i];
                    if (IsAsciiLetter(b))
                    {
                        StartTag(isEnd: false);
                        _state = State.TagName;
                    }
                    else if (b == (byte)'/')
                    {
                        i++;
                        _state = State.EndTagOpen;
                    }
                    else if (b == (byte)'!')
                    {
                        i++;
                        _state = State.MarkupOpen;
                    }
                    else if (b == (byte)'?')
                    {
                        i++;
                        _state = State.BogusComment;
                    }
                    else
                    {
                        // A '<' that opens nothing is text.
                        if (_inCell) AppendText("<"u8);
                        _state = State.Data;
                    }
                    break;
                }

                case State.EndTagOpen:
                {
                    byte b = text[i];
                    if (IsAsciiLetter(b))
                    {
                        StartTag(isEnd: true);
                        _state = State.TagName;
                    }
                    else
                    {
                        if (b == (byte)'>') i++;
                        _state = b == (byte)'>' ? State.Data : State.BogusComment;
                    }
                    break;
                }

                case State.TagName:
                {
                    byte b = text[i++];
                    if (IsHtmlSpace(b)) _state = State.BeforeAttrName;
                    else if (b == (byte)'/') _state = State.SelfClosing;
                    else if (b == (byte)'>') EmitTag();
                    else AppendName(_name, ref _nameLength, b);
                    break;
                }

                case State.BeforeAttrName:
                {
                    byte b = text[i];
                    if (IsHtmlSpace(b)) i++;
                    else if (b == (byte)'/')
                    {
                        i++;
                        _state = State.SelfClosing;
                    }
                    else if (b == (byte)'>')
                    {
                        i++;
                        EmitTag();
                    }
                    else
                    {
                        _attrNameLength = 0;
                        _attrValueLength = 0;
                        AppendName(_attrName, ref _attrNameLength, b);
                        i++;
                        _state = State.AttrName;
                    }
                    break;
                }

                case State.AttrName:
                {
                    byte b = text[i++];
                    if (IsHtmlSpace(b)) _state = State.AfterAttrName;
                    else if (b == (byte)'=') _state = State.BeforeAttrValue;
                    else if (b == (byte)'/')
                    {
                        EndAttribute();
                        _state = State.SelfClosing;
                    }
                    else if (b == (byte)'>')
                    {
                        EndAttribute();
                        EmitTag();
                    }
                    else
                    {
                        AppendName(_attrName, ref _attrNameLength, b);
                    }
                    break;
                }

                case State.AfterAttrName:
                {
                    byte b = text[i];
                    if (IsHtmlSpace(b))
                    {
                        i++;
                    }
                    else if (b == (byte)'=')
                    {
                        i++;
                        _state = State.BeforeAttrValue;
                    }
                    else
                    {
                        EndAttribute();
                        _state = State.BeforeAttrName;
                    }
                    break;
                }

                case State.BeforeAttrValue:
                {
                    byte b = text[i];
                    if (IsHtmlSpace(b))
                    {
                        i++;
                    }
                    else if (b == (byte)'"')
                    {
                        i++;
                        _state = State.AttrValueDouble;
                    }
                    else if (b == (byte)'\'')
                    {
                        i++;
                        _state = State.AttrValueSingle;
                    }
                    else if (b == (byte)'>')
                    {
                        i++;
                        EndAttribute();
                        EmitTag();
                    }
                    else
                    {
                        _state = State.AttrValueUnquoted;
                    }
                    break;
                }

                case State.AttrValueDouble or State.AttrValueSingle:
                {
                    byte quote = _state == State.AttrValueDouble ? (byte)'"' : (byte)'\'';
                    ReadOnlySpan<byte> rest = text[i..];
                    int close = rest.IndexOf(quote);
                    AppendValue(close < 0 ? rest : rest[..close]);
                    if (close < 0) return;
                    i += close + 1;
                    EndAttribute();
                    _state = State.BeforeAttrName;
                    break;
                }

                case State.AttrValueUnquoted:
                {
                    byte b = text[i];
                    if (IsHtmlSpace(b) || b == (byte)'>')
                    {
                        EndAttribute();
                        _state = State.BeforeAttrName;
                    }
                    else
                    {
                        AppendValue(text.Slice(i, 1));
                        i++;
                    }
                    break;
                }

                case State.SelfClosing:
                {
                    if (text[i] == (byte)'>')
                    {
                        i++;
                        EmitTag();
                    }
                    else
                    {
                        _state = State.BeforeAttrName;
                    }
                    break;
                }

                case State.MarkupOpen:
                {
                    byte b = text[i];
                    if (b == (byte)'-')
                    {
                        i++;
                        _state = State.CommentStart;
                    }
                    else
                    {
                        _state = State.BogusComment;
                    }
                    break;
                }

                case State.CommentStart:
                {
                    if (text[i] == (byte)'-')
                    {
                        i++;
                        _dashes = 0;
                        _state = State.Comment;
                    }
                    else
                    {
                        _state = State.BogusComment;
                    }
                    break;
                }

                case State.Comment:
                {
                    byte b = text[i++];
                    if (b == (byte)'-') _dashes++;
                    else if (b == (byte)'>' && _dashes >= 2) _state = State.Data;
                    else _dashes = 0;
                    break;
                }

                case State.BogusComment:
                {
                    int gt = text[i..].IndexOf((byte)'>');
                    if (gt < 0) return;
                    i += gt + 1;
                    _state = State.Data;
                    break;
                }

                case State.RawText:
                {
                    // Looking for "</script" or "</style" (any case); _rawTextMatch counts the bytes of it matched so far.
                    if (_rawTextMatch == 0)
                    {
                        int lt = text[i..].IndexOf((byte)'<');
                        if (lt < 0) return;
                        i += lt + 1;
                        _rawTextMatch = 1;
                        break;
                    }
                    byte b = text[i];
                    if (_rawTextMatch < _rawTextEnd.Length)
                    {
                        if (ToLower(b) == _rawTextEnd[_rawTextMatch])
                        {
                            _rawTextMatch++;
                            i++;
                        }
                        else
                        {
                            _rawTextMatch = 0;
                        }
                        break;
                    }
                    _rawTextMatch = 0;
                    if (IsHtmlSpace(b) || b is (byte)'>' or (byte)'/')
                    {
                        // The end tag: read its name from the bytes already matched, then the rest as a tag.
                        _isEndTag = true;
                        _nameLength = _rawTextEnd.Length - 2;
                        _rawTextEnd.AsSpan(2).CopyTo(_name);
                        _colspan = _rowspan = 1;
                        _state = State.TagName;
                    }
                    break;
                }
            }
        }
    }

    private void StartTag(bool isEnd)
    {
        _isEndTag = isEnd;
        _nameLength = 0;
        _attrNameLength = 0;
        _attrValueLength = 0;
        _colspan = 1;
        _rowspan = 1;
    }

    private static void AppendName(byte[] name, ref int length, byte b)
    {
        // Names longer than any looked for are marked so that they match nothing.
        if (length < name.Length) name[length] = ToLower(b);
        length = Math.Min(length + 1, name.Length);
        if (length == name.Length) name[^1] = 0;
    }

    private void AppendValue(ReadOnlySpan<byte> value)
    {
        int n = Math.Min(value.Length, MaxValueBytes - _attrValueLength);
        value[..n].CopyTo(_attrValue.AsSpan(_attrValueLength));
        _attrValueLength += n;
    }

    /// <summary>Notes the attributes the table depends on.</summary>
    private void EndAttribute()
    {
        ReadOnlySpan<byte> name = _attrName.AsSpan(0, _attrNameLength);
        ReadOnlySpan<byte> value = _attrValue.AsSpan(0, _attrValueLength);
        if (name.SequenceEqual("colspan"u8)) _colspan = Math.Clamp(ParseSpan(value), 1, MaxColspan);
        else if (name.SequenceEqual("rowspan"u8)) _rowspan = Math.Clamp(ParseSpan(value), 1, MaxRowspan);
        _attrNameLength = 0;
        _attrValueLength = 0;
    }

    private static int ParseSpan(ReadOnlySpan<byte> value)
    {
        value = Utf8WhiteSpace.Trim(value);
        int n = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9') break;
            n = Math.Min(n * 10 + (b - '0'), 1_000_000);
        }
        return n;
    }

    private bool TagIs(ReadOnlySpan<byte> name) => _name.AsSpan(0, _nameLength).SequenceEqual(name);

    /// <summary>Acts on a complete tag.</summary>
    private void EmitTag()
    {
        _state = State.Data;
        if (_isEndTag)
        {
            EndTag();
            return;
        }

        if (TagIs("table"u8))
        {
            _tableDepth++;
            _tableSeen = true;
            if (_tableDepth > 1) _pendingSpace = true;
        }
        else if (_tableDepth == 1 && TagIs("tr"u8))
        {
            CloseRow();
            OpenRow();
        }
        else if (_tableDepth == 1 && (TagIs("td"u8) || TagIs("th"u8)))
        {
            CloseCell();
            if (!_inRow) OpenRow();
            OpenCell();
        }
        else if (_tableDepth == 1 && (TagIs("thead"u8) || TagIs("tbody"u8) || TagIs("tfoot"u8)))
        {
            CloseRow();
        }
        else if (TagIs("script"u8) || TagIs("style"u8))
        {
            _rawTextEnd = TagIs("script"u8) ? "</script"u8.ToArray() : "</style"u8.ToArray();
            _rawTextMatch = 0;
            _state = State.RawText;
        }
        else if (IsSeparatingTag())
        {
            _pendingSpace = true;
        }
    }

    private void EndTag()
    {
        if (TagIs("table"u8))
        {
            if (_tableDepth == 1)
            {
                CloseRow();
                _finished = true;
            }
            else if (_tableDepth > 1)
            {
                _tableDepth--;
                _pendingSpace = true;
            }
        }
        else if (_tableDepth == 1 && TagIs("tr"u8))
        {
            CloseRow();
        }
        else if (_tableDepth == 1 && (TagIs("td"u8) || TagIs("th"u8)))
        {
            CloseCell();
        }
        else if (_tableDepth == 1 && (TagIs("thead"u8) || TagIs("tbody"u8) || TagIs("tfoot"u8)))
        {
            CloseRow();
        }
        else if (IsSeparatingTag())
        {
            _pendingSpace = true;
        }
    }

    /// <summary>Tags whose boundary separates words: line breaks, blocks, and the cells and rows of a nested table.</summary>
    private bool IsSeparatingTag() =>
        TagIs("br"u8) || TagIs("p"u8) || TagIs("div"u8) || TagIs("li"u8)
        || (_tableDepth > 1 && (TagIs("td"u8) || TagIs("th"u8) || TagIs("tr"u8)));

    private void EndReference(bool semicolon)
    {
        _state = State.Data;
        ReadOnlySpan<byte> name = _reference.AsSpan(0, _referenceLength);
        Span<byte> decoded = stackalloc byte[16];
        int n = name.IsEmpty ? -1 : HtmlEntities.Decode(name, semicolon, decoded);
        if (n < 0)
        {
            AppendText("&"u8);
            AppendText(name);
            if (semicolon) AppendText(";"u8);
            return;
        }
        ReadOnlySpan<byte> value = decoded[..n];
        if (value.Length == 1 && IsHtmlSpace(value[0])) _pendingSpace = true;
        else if (!value.IsEmpty) AppendText(value);
    }

    // ---- Rows and cells -------------------------------------------------------------------------------------------

    private void OpenRow()
    {
        _inRow = true;
        _rowLength = 0;
        _cellCount = 0;
        _column = 0;
    }

    private void OpenCell()
    {
        // Columns that a cell above still covers come first, as empty fields.
        while (_column < _belowCount && _below[_column] > 0)
        {
            _below[_column]--;
            AddEmptyCell();
        }
        _inCell = true;
        _pendingSpace = false;
        _cellStart = _rowLength;
        _cellSpan = Math.Min(_colspan, MaxColumns - Math.Min(_column, MaxColumns));
        for (int c = _column; c < _column + _cellSpan; c++) SetBelow(c, _rowspan - 1);
    }

    private void CloseCell()
    {
        if (!_inCell) return;
        _inCell = false;
        _pendingSpace = false;
        AddCellEnd();
        _column++;
        // The columns a colspan covers are empty fields, as the covered cells of a merged range are.
        for (int k = 1; k < _cellSpan; k++) AddEmptyCell();
    }

    private void CloseRow()
    {
        if (!_inRow) return;
        CloseCell();
        // Columns to the right that a cell above still covers keep the row aligned with the rows around it.
        int last = _belowCount;
        while (last > _column && _below[last - 1] == 0) last--;
        while (_column < last)
        {
            if (_below[_column] > 0) _below[_column]--;
            AddEmptyCell();
        }
        _inRow = false;

        BeginRecord();
        int start = 0;
        for (int k = 0; k < _cellCount; k++)
        {
            AppendField(_row.AsSpan(start, _cellEnds[k] - start));
            start = _cellEnds[k];
        }
        EndRecord();
        _rowsEnded++;
    }

    private void AddEmptyCell()
    {
        _cellStart = _rowLength;
        AddCellEnd();
        _column++;
    }

    private void AddCellEnd()
    {
        // Each field takes at least a separator: a row with more cells than the limit has bytes is too long anyway.
        if (_cellCount >= _rowLimit) return;
        if (_cellCount == _cellEnds.Length) Array.Resize(ref _cellEnds, _cellEnds.Length * 2);
        _cellEnds[_cellCount++] = _rowLength;
    }

    private void SetBelow(int column, int rows)
    {
        if (column >= _belowCount)
        {
            if (rows == 0) return;
            if (column >= _below.Length) Array.Resize(ref _below, Math.Max(column + 1, _below.Length * 2));
            _below.AsSpan(_belowCount, column + 1 - _belowCount).Clear();
            _belowCount = column + 1;
        }
        _below[column] = rows;
    }

    /// <summary>Adds text to the open cell, a pending space first when the cell already has text.</summary>
    private void AppendText(ReadOnlySpan<byte> text)
    {
        if (!_inCell || text.IsEmpty) return;
        if (_pendingSpace && _rowLength > _cellStart)
        {
            AppendRowBytes(" "u8);
        }
        _pendingSpace = false;
        AppendRowBytes(text);
    }

    private void AppendRowBytes(ReadOnlySpan<byte> bytes)
    {
        // A row past the reader's limit is kept only up to it: the CSV core reports it as too long.
        int room = _rowLimit - _rowLength;
        if (room <= 0) return;
        if (bytes.Length > room) bytes = bytes[..room];
        if (_rowLength + bytes.Length > _row.Length)
        {
            byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_rowLength + bytes.Length, _row.Length * 2));
            _row.AsSpan(0, _rowLength).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_row);
            _row = bigger;
        }
        bytes.CopyTo(_row.AsSpan(_rowLength));
        _rowLength += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHtmlSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsAsciiLetter(byte b) => unchecked((uint)((b | 0x20) - 'a')) <= 'z' - 'a';

    private static bool IsAsciiLetterOrDigit(byte b) => IsAsciiLetter(b) || unchecked((uint)(b - '0')) <= 9;

    private static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
}
