using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>Binds a header once, then reads a typed reader's records: checks field counts and turns row errors into diagnostics.</summary>
internal sealed class RecordSource : IDisposable
{
    /// <summary>Called with the header row once it has been read.</summary>
    public delegate void HeaderHandler(HeaderMap header);

    private readonly CsvReader _csv;
    private readonly HeaderHandler _onHeader;
    private readonly bool _strict;
    private readonly ICollection<Diagnostic> _sink;
    private readonly List<Diagnostic>? _own;
    private int _headerFieldCount = -1;

    public RecordSource(CsvReader csv, InputReaderOptions options, HeaderHandler onHeader)
    {
        _csv = csv;
        _onHeader = onHeader;
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
    }

    public string FileName => _csv.FileName;

    public long RowsRead { get; private set; }

    public long RowsRejected { get; private set; }

    /// <summary>The diagnostics collected by the reader itself (empty when a sink was supplied).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => (IReadOnlyList<Diagnostic>?)_own ?? [];

    public InputFileStats Stats => new(_csv.FileName, RowsRead, RowsRejected, _csv.Encoding, _csv.BytesRead);

    public TextEncodingKind Encoding => _csv.Encoding;

    /// <summary>The next data record with the header's field count; false when the window needs a fill or the input is done.</summary>
    public bool TryNext(out CsvRow row)
    {
        while (_csv.TryReadRow(out row))
        {
            if (_headerFieldCount < 0)
            {
                if (row.Error != CsvRowError.None) throw new PayrollDataException(new Diagnostic(FileName, row.Line, null, _csv.DescribeError(row.Error)));
                _headerFieldCount = row.FieldCount;
                _onHeader(new HeaderMap(FileName, row));
                continue;
            }
            RowsRead++;
            if (row.Error != CsvRowError.None)
            {
                Reject(row.Line, null, _csv.DescribeError(row.Error));
                continue;
            }
            if (row.FieldCount != _headerFieldCount)
            {
                Reject(row.Line, null, $"expected {_headerFieldCount} fields, found {row.FieldCount}");
                continue;
            }
            return true;
        }
        return false;
    }

    /// <summary>Brings in more input; false at the end (a file without a header row is an error).</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        ValueTask<bool> fill = _csv.FillAsync(cancellationToken);
        if (fill.IsCompleted) return new ValueTask<bool>(CheckEnd(fill.Result));
        return Slow(fill);

        async ValueTask<bool> Slow(ValueTask<bool> pending) => CheckEnd(await pending.ConfigureAwait(false));
    }

    /// <summary>Synchronous <see cref="FillAsync"/>.</summary>
    public bool Fill()
    {
        ValueTask<bool> fill = FillAsync(CancellationToken.None);
        return fill.IsCompleted ? fill.Result : fill.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Records an unreadable row: a diagnostic in lenient mode, an exception in strict mode. Always returns false.</summary>
    public bool Reject(long line, string? column, string message)
    {
        RowsRejected++;
        var diagnostic = new Diagnostic(FileName, line, column, message);
        if (_strict) throw new PayrollDataException(diagnostic);
        _sink.Add(diagnostic);
        return false;
    }

    /// <summary>A raw field value for a message (only built for bad rows).</summary>
    public static string Raw(ReadOnlySpan<byte> value) => System.Text.Encoding.UTF8.GetString(value);

    public void Dispose() => _csv.Dispose();

    private bool CheckEnd(bool more)
    {
        if (!more && _headerFieldCount < 0) throw new PayrollDataException(FileName, $"{FileName}: no header row");
        return more;
    }
}
