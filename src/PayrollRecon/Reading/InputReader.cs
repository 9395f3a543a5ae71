using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>What every typed input reader shares: the CSV core under it, the header binding, row counts, diagnostics and filling.</summary>
/// <remarks>
/// The header is bound once (<see cref="Bind"/>); every later record with the header's field count goes to the typed
/// conversion of <see cref="InputReader{TRow}"/>, and every other one becomes a diagnostic (lenient) or an exception
/// (strict). Only the library derives from this class.
/// </remarks>
public abstract class InputReader : IDisposable
{
    /// <summary>R33: the header is looked for among this many non-blank records.</summary>
    internal const int HeaderSearchRecords = 50;

    private const int MaxPreambleTextChars = 512;

    /// <summary>Unreadable rows listed per file as diagnostics (<c>DATA_ERROR</c>s); the rest are counted.</summary>
    public const int MaxListedDiagnostics = 1000;

    /// <summary>A bad value is quoted in a message up to this many characters, then cut with <c>…</c>.</summary>
    public const int MaxQuotedValueChars = 64;

    private readonly CsvReader _csv;
    private readonly bool _strict;
    private readonly ICollection<Diagnostic> _sink;
    private readonly List<Diagnostic>? _own;
    private int _headerFieldCount = -1;
    private long _rowsRead;
    private long _rowsRejected;
    private long _footerRows;
    private int _searched;
    private HeaderMap? _header;
    private HeaderMap? _bestCandidate;
    private List<string>? _preamble;
    private int[] _footerKeys = [];
    private int _firstFooterKey = -1;
    private bool _ended;
    private Diagnostic? _firstSearchError;
    private int _listed;
    private long _unlisted;
    private long _firstUnlistedLine;
    private long _headerEnd;
    private Diagnostic? _lastRejected;

    private protected InputReader(CsvReader csv, InputReaderOptions options)
    {
        _csv = csv;
        _strict = options.Strict;
        if (options.Diagnostics is { } sink)
        {
            _sink = sink;
        }
        else
        {
            _own = [];
            _sink = _own;
        }
        // A rejected row is named by the hash of its bytes as written (SPEC §7), so quoted ones are kept before unquoting.
        _csv.KeepQuotedRecords = !_strict;
        _csv.BeginHeaderSearch();
    }

    /// <summary>The file name used in diagnostics, e.g. <c>bank.csv</c>.</summary>
    public string FileName => _csv.FileName;

    /// <summary>The line the next record starts on (one more than the line ends read so far).</summary>
    internal long NextLine => _csv.NextLine;

    /// <summary>Bytes read from the source so far (<see cref="InputFileStats.Bytes"/> of <see cref="Stats"/>, without building them).</summary>
    internal long BytesRead => _csv.BytesRead;

    /// <summary>Reading statistics so far (complete once reading has returned false).</summary>
    public InputFileStats Stats => new(_csv.FileName, _rowsRead, _rowsRejected, _csv.Encoding, _csv.BytesRead)
    {
        HeaderLine = _header?.Line ?? 0,
        PreambleRows = _preamble?.Count ?? 0,
        FooterRows = _footerRows,
        Sheet = _csv.SheetName,
        EncodingDecidedOnBytes = _csv.EncodingDecidedOnBytes,
        BytesAfterHeader = _header is null ? 0 : _csv.TextBytes - _headerEnd,
    };

    /// <summary>The header's column binding once it has been found: each header as written and the column it feeds (null: ignored).</summary>
    public IReadOnlyList<ColumnBinding> Columns =>
        _header is null ? [] : [.. _header.Written.Select((w, i) => new ColumnBinding(w, _header.BoundTo[i]))];

    /// <summary>The preamble records before the header (R33), their fields joined by a space, each cut to 512 characters.</summary>
    public IReadOnlyList<string> Preamble => (IReadOnlyList<string>?)_preamble ?? [];

    /// <summary>The field separator the header line chose (R1); comma for workbooks.</summary>
    public char Separator => _csv.Separator;

    /// <summary>Diagnostics collected in lenient mode (empty when a sink was given in the options).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_own ?? [];

    /// <summary>The detected encoding.</summary>
    public TextEncodingKind Encoding => _csv.Encoding;

    /// <summary>The worksheet read when the input is an Excel workbook (R33); null for CSV and HTML inputs.</summary>
    public string? SheetName => _csv.SheetName;

    /// <summary>Pulls more input; false when the file is exhausted (a file without a header row is an error).</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken = default)
    {
        ValueTask<bool> fill = _csv.FillAsync(cancellationToken);
        if (fill.IsCompleted) return new ValueTask<bool>(CheckEnd(fill.Result));
        return Slow(fill);

        async ValueTask<bool> Slow(ValueTask<bool> pending) => CheckEnd(await pending.ConfigureAwait(false));
    }

    /// <summary>Releases the buffers and the input.</summary>
    public void Dispose()
    {
        _csv.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Synchronous <see cref="FillAsync"/>.</summary>
    private protected bool Fill()
    {
        ValueTask<bool> fill = FillAsync(CancellationToken.None);
        return fill.IsCompleted ? fill.Result : fill.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Finds the reader's columns in a candidate header row; a missing required column is recorded on <paramref name="header"/> (R33).</summary>
    /// <remarks>Called for every candidate until one is complete; it must set every column index each time.</remarks>
    private protected abstract void Bind(HeaderMap header);

    /// <summary>Every column the kind knows (for R3's fallback: which headers match nothing).</summary>
    private protected abstract IReadOnlyList<ColumnSpec> KindColumns { get; }

    /// <summary>Called once the header is bound, with the preamble records before it (R34).</summary>
    private protected virtual void OnHeader(IReadOnlyList<string> preamble)
    {
    }

    /// <summary>Called once at the end of the input, after the last row (R41).</summary>
    private protected virtual void OnEnd()
    {
    }

    /// <summary>The key columns of R35: a record with all of them empty and a footer word in any field is a footer row.</summary>
    private protected void SetFooterKeys(params int[] indexes)
    {
        _footerKeys = [.. indexes.Where(static i => i >= 0)];
        _firstFooterKey = _footerKeys.Length > 0 ? _footerKeys[0] : -1;
    }

    /// <summary>A file-level error of this reader's file from the message catalogue; the file name is the first value.</summary>
    private protected PayrollDataException FileError(Reporting.MessageKey key, params object?[] values)
    {
        var text = new Reporting.LocalizedText(key, [FileName, .. values]);
        return new(FileName, text.ToString()) { Text = text };
    }

    /// <summary>Whether a row of cells (a workbook row) would be this kind's header: used to pick the worksheet (R32, R33).</summary>
    private protected static Func<IReadOnlyList<string>, int> HeaderProbe(Func<CsvReader, InputReader> create) =>
        cells =>
        {
            using InputReader probe = create(CsvReader.Create(Stream.Null, "probe", new CsvReaderOptions { MaxRecordBytes = 4096 }));
            var header = new HeaderMap("probe", cells, 0, probe.KindColumns);
            probe.Bind(header);
            return header.Complete ? CsvReaderOptions.HeaderBinds : header.BoundCount;
        };

    /// <summary>The next data record, with at least the header's field count; false when the window needs a fill or the input is done.</summary>
    /// <remarks>
    /// Preamble records (R33) and footer rows (R35) are passed over; a record with fewer fields comes out padded with
    /// empty ones and one with extra empty fields as it is (R36), so every bound column index is in range.
    /// </remarks>
    private protected bool TryNext(out CsvRow row)
    {
        while (_csv.TryReadRow(out row))
        {
            if (_header is null)
            {
                SearchHeader(in row);
                continue;
            }
            if (row.Error != CsvRowError.None)
            {
                _rowsRead++;
                RejectRecord(in row);
                continue;
            }
            if (IsFooter(in row))
            {
                _footerRows++;
                continue;
            }
            _rowsRead++;
            int count = row.FieldCount;
            if (count == _headerFieldCount) return true;
            if (FieldCountTolerated(in row))
            {
                row = row.WithFieldCount(_headerFieldCount);
                return true;
            }
            RejectRecord(in row);
        }
        return false;
    }

    /// <summary>Records an unreadable row: a diagnostic in lenient mode, an exception in strict mode. Always returns false.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool Reject(long line, string? column, DiagnosticReason reason) =>
        RejectRow(line, column, reason, null, 0, 0);

    /// <summary>Records an unreadable row for <paramref name="reason"/> with its values; see <see cref="Reject"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RejectRow(long line, string? column, DiagnosticReason reason, string? value, long expected, long found)
    {
        _rowsRejected++;
        if (!_strict && _listed >= MaxListedDiagnostics)
        {
            // Memory must not grow with bad rows: past the cap a row is only counted (the count is reported at the end).
            if (_unlisted++ == 0) _firstUnlistedLine = line;
            return false;
        }
        var diagnostic = new Diagnostic(FileName, line, column, Reporting.MessageCatalog.EnglishReason(reason, value, expected, found))
        {
            Reason = reason,
            Value = value,
            Expected = expected,
            Found = found,
            RowSha256 = _strict ? null : _csv.ServedRecordSha256(),
        };
        if (_strict) throw new PayrollDataException(diagnostic);
        _listed++;
        _sink.Add(diagnostic);
        _lastRejected = diagnostic;
        return false;
    }

    /// <summary>The diagnostic listed for the row of <paramref name="line"/> just rejected, once (null when the row was only counted).</summary>
    private protected Diagnostic? TakeRejected(long line)
    {
        var d = _lastRejected;
        _lastRejected = null;
        return d is not null && d.Line == line ? d : null;
    }

    /// <summary>Notes on the diagnostic of a rejected row what of the row can still be read: whose it is and its month
    /// (<see cref="Diagnostic.IdNumber"/>, <see cref="Diagnostic.Period"/>). Readers of rows that belong to a worker override it.</summary>
    private protected virtual void NoteRejectedRow(Diagnostic diagnostic, scoped in CsvRow row)
    {
    }

    /// <summary>After the cap, one diagnostic says how many unreadable rows were counted but not listed.</summary>
    private void ReportUnlisted()
    {
        if (_unlisted == 0) return;
        _sink.Add(new Diagnostic(FileName, _firstUnlistedLine, null,
            Reporting.MessageCatalog.EnglishReason(DiagnosticReason.MoreUnreadableRows, null, _unlisted, MaxListedDiagnostics))
        {
            Reason = DiagnosticReason.MoreUnreadableRows,
            Expected = _unlisted,
            Found = MaxListedDiagnostics,
            CountsUnlistedRows = true,
        });
        _unlisted = 0;
    }

    /// <summary>Rejects a row for a bad value with the message <c>{problem} '{value}'</c>, e.g. <c>invalid amount '12.3.4'</c>.</summary>
    /// <remarks>Kept out of line so the message building stays off the typed readers' hot paths.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool RejectValue(long line, string column, DiagnosticReason reason, ReadOnlySpan<byte> value) =>
        RejectRow(line, column, reason, Raw(value), 0, 0);

    /// <summary>A raw field value for a message (only built for bad rows).</summary>
    private protected static string Raw(ReadOnlySpan<byte> value)
    {
        // Decode no more than a display cut needs: a 1 MiB bad value must not become a 1 MiB message.
        const int maxBytes = MaxQuotedValueChars * 4;
        string text = System.Text.Encoding.UTF8.GetString(value.Length > maxBytes ? value[..maxBytes] : value);
        if (value.Length <= maxBytes && text.Length <= MaxQuotedValueChars) return text;
        int cut = Math.Min(text.Length, MaxQuotedValueChars);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>R33: tries a record as the header; before it, records are the preamble.</summary>
    private void SearchHeader(in CsvRow row)
    {
        _searched++;
        if (row.Error == CsvRowError.None)
        {
            var candidate = new HeaderMap(FileName, in row, row.Line, KindColumns);
            Bind(candidate);
            if (candidate.Complete)
            {
                _header = candidate;
                _headerFieldCount = row.FieldCount;
                _headerEnd = _csv.TextOffset;
                _csv.LockSeparator();
                OnHeader(Preamble);
                return;
            }
            if (_bestCandidate is null || candidate.BoundCount > _bestCandidate.BoundCount) _bestCandidate = candidate;
            (_preamble ??= []).Add(PreambleText(in row));
        }
        else
        {
            (_preamble ??= []).Add("");
            _firstSearchError ??= RowError(in row);
        }
        if (_searched >= HeaderSearchRecords) throw NoHeader(searchedAll: true);
    }

    /// <summary>No header found: the best candidate and what it lacks, or, when no candidate bound anything, the record that could not be split.</summary>
    /// <remarks>An HTML document under another name than <c>.xls</c> is said to be one (it was read as CSV text, R32);
    /// otherwise the refusal says why the records after the ones searched were not looked at: the search stops at
    /// <see cref="HeaderSearchRecords"/> (R33; said when none of them bound a column), and of an HTML document the
    /// first table is read (R32).</remarks>
    /// <param name="searchedAll">True when the search stopped at its last record, not at the end of the input.</param>
    private PayrollDataException NoHeader(bool searchedAll = false)
    {
        if (_csv.StartsWithMarkup)
        {
            string name = System.IO.Path.GetFileNameWithoutExtension(FileName) + ".xls";
            return FileError(Reporting.MessageKey.HtmlNotNamedXls, name);
        }
        if (_firstSearchError is { } error && (_bestCandidate is null || _bestCandidate.BoundCount == 0)) return new PayrollDataException(error);
        var refusal = _bestCandidate?.Unbound() ?? FileError(Reporting.MessageKey.NoHeaderRow);
        if (refusal.Text is not { } text) return refusal;
        // Only when no record searched bound a column: one that bound some is the header, short of a column, and the
        // records after it are its data, not a header the search stopped short of.
        if (searchedAll && (_bestCandidate is null || _bestCandidate.BoundCount == 0))
            text = new Reporting.LocalizedText(Reporting.MessageKey.HeaderNotAmongFirstRecords, text, HeaderSearchRecords);
        if (_csv.IsHtmlTable) text = new Reporting.LocalizedText(Reporting.MessageKey.HtmlFirstTableOnly, text);
        return ReferenceEquals(text, refusal.Text) ? refusal : new PayrollDataException(FileName, text);
    }

    private static string PreambleText(in CsvRow row)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < row.FieldCount && sb.Length < MaxPreambleTextChars; i++)
        {
            ReadOnlySpan<byte> f = row[i];
            if (f.IsEmpty) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(System.Text.Encoding.UTF8.GetString(f));
        }
        return sb.Length > MaxPreambleTextChars ? sb.ToString(0, MaxPreambleTextChars) : sb.ToString();
    }

    /// <summary>R35: a footer row's first non-empty field is a footer word, or its key is empty and any field is one.</summary>
    /// <remarks>
    /// Nearly every row is data and shows it in its first bytes, looked at as written (trimming cannot change these
    /// answers): a first field that starts with printable ASCII other than <c>-</c> and is ASCII throughout is a value (not
    /// empty, not a dash placeholder) and holds no footer word (the words are Chinese), so the first key column decides:
    /// being that field, or starting with printable ASCII other than <c>-</c>, it is a value and the row is data. Any other
    /// row takes the full rule, out of line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsFooter(in CsvRow row)
    {
        ReadOnlySpan<byte> first = row.Untrimmed(0);
        if (first.Length != 0 && StartsValue(MemoryMarshal.GetReference(first)) && IsAscii(first))
        {
            int key = _firstFooterKey;
            if (key == 0) return false;
            if (key > 0)
            {
                ReadOnlySpan<byte> value = row.Untrimmed(key);
                if (value.Length != 0 && StartsValue(MemoryMarshal.GetReference(value))) return false;
            }
        }
        return IsFooterByRule(in row);
    }

    /// <summary>A field that starts with this byte, as written, is a value: printable ASCII is no white space, and a byte
    /// other than <c>-</c> cannot start a dash placeholder (R37).</summary>
    private static bool StartsValue(byte b) => b != (byte)'-' && unchecked((uint)(b - 0x21)) <= 0x7E - 0x21;

    /// <summary><see cref="IsFooter"/> by the full rule: the first non-empty field, then the keys, then every field.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool IsFooterByRule(in CsvRow row)
    {
        int count = row.FieldCount;
        int i = 0;
        ReadOnlySpan<byte> first = default;
        // Empty as a value (R37): a field of dashes only is as empty as a blank one.
        while (i < count && (first = row.Value(i)).IsEmpty) i++;
        if (i == count) return false;
        // The footer words are all Chinese: an ASCII first field (a date, an amount, an id) is never one.
        if (!IsAscii(first) && Parsing.FooterWords.IsFooterWord(first)) return true;
        foreach (int key in _footerKeys)
        {
            // Fields before the first non-empty one are empty; the first non-empty one is not.
            if (key == i) return false;
            if (key > i && key < count && !row.Value(key).IsEmpty) return false;
        }
        return AnyFooterWord(in row);
    }

    /// <summary><see cref="System.Text.Ascii.IsValid(ReadOnlySpan{byte})"/>, without the call for the short first fields of
    /// nearly every row (a date, a number, an 18-character id or transaction number): two overlapping 8-byte reads cover
    /// 8 to 16 bytes, two overlapping 16-byte vectors 17 to 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAscii(ReadOnlySpan<byte> value)
    {
        ref byte first = ref MemoryMarshal.GetReference(value);
        if (value.Length is >= 8 and <= 16)
        {
            ulong head = Unsafe.ReadUnaligned<ulong>(ref first);
            ulong tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, unchecked(value.Length - 8)));
            return ((head | tail) & 0x8080_8080_8080_8080UL) == 0;
        }
        if (value.Length is > 16 and <= 32 && Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> head = Vector128.LoadUnsafe(ref first);
            Vector128<byte> tail = Vector128.LoadUnsafe(ref first, unchecked((nuint)(value.Length - 16)));
            return (head | tail).ExtractMostSignificantBits() == 0;
        }
        return System.Text.Ascii.IsValid(value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AnyFooterWord(in CsvRow row)
    {
        for (int i = 0; i < row.FieldCount; i++)
        {
            if (Parsing.FooterWords.IsFooterWord(row[i])) return true;
        }
        return false;
    }

    /// <summary>R36: extra fields that are all empty (a dash placeholder is empty, R37), or missing trailing fields except on
    /// a cut-off last line.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool FieldCountTolerated(in CsvRow row)
    {
        if (row.FieldCount > _headerFieldCount)
        {
            for (int i = _headerFieldCount; i < row.FieldCount; i++)
            {
                if (!row.Value(i).IsEmpty) return false;
            }
            return true;
        }
        return !_csv.LastRecordUnterminated;
    }

    private void RejectRecord(in CsvRow row)
    {
        if (row.Error is CsvRowError.InvalidUtf8 or CsvRowError.InvalidGb18030)
        {
            // The decided encoding is broken inside one field: that column is cited.
            var reason = row.Error == CsvRowError.InvalidUtf8 ? DiagnosticReason.InvalidUtf8 : DiagnosticReason.InvalidGb18030;
            RejectRow(row.Line, ColumnName(_csv.ErrorField), reason, null, 0, 0);
        }
        else if (row.Error != CsvRowError.None)
        {
            var error = RowError(in row);
            RejectRow(row.Line, null, error.Reason, null, error.Expected, 0);
        }
        else
        {
            RejectRow(row.Line, null, DiagnosticReason.FieldCount, null, _headerFieldCount, row.FieldCount);
        }
    }

    /// <summary>The diagnostic of a record the CSV core could not split.</summary>
    private Diagnostic RowError(in CsvRow row)
    {
        var (reason, bytes) = row.Error switch
        {
            CsvRowError.LineTooLong => (DiagnosticReason.LineTooLong, (long)_csv.MaxRecordBytes),
            CsvRowError.UnterminatedQuote => (DiagnosticReason.UnterminatedQuote, _csv.UnterminatedQuoteLines),
            CsvRowError.InvalidUtf8 => (DiagnosticReason.InvalidUtf8, 0L),
            CsvRowError.InvalidGb18030 => (DiagnosticReason.InvalidGb18030, 0L),
            CsvRowError.StrayQuote => (DiagnosticReason.StrayQuote, 0L),
            CsvRowError.TooManyFields => (DiagnosticReason.TooManyFields, (long)CsvReader.MaxFieldsPerRecord),
            _ => (DiagnosticReason.Other, 0L),
        };
        if (reason == DiagnosticReason.Other) return new Diagnostic(FileName, row.Line, null, _csv.DescribeError(row.Error));
        return new Diagnostic(FileName, row.Line, null, Reporting.MessageCatalog.EnglishReason(reason, null, bytes, 0)) { Reason = reason, Expected = bytes };
    }

    /// <summary>The column a field of the header binds (its canonical name), else the header as written; null past the header.</summary>
    private string? ColumnName(int field)
    {
        if (_header is null || field < 0 || field >= _header.Written.Count) return null;
        return _header.BoundTo[field] ?? (_header.Written[field].Length > 0 ? _header.Written[field] : null);
    }

    private bool CheckEnd(bool more)
    {
        if (more) return true;
        if (_header is null) throw NoHeader();
        if (!_ended)
        {
            _ended = true;
            ReportUnlisted();
            OnEnd();
        }
        return false;
    }
}
