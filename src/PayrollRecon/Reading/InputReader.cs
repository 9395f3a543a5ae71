using System.Runtime.CompilerServices;

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
    private readonly CsvReader _csv;
    private readonly bool _strict;
    private readonly ICollection<Diagnostic> _sink;
    private readonly List<Diagnostic>? _own;
    private int _headerFieldCount = -1;
    private long _rowsRead;
    private long _rowsRejected;

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
    }

    /// <summary>The file name used in diagnostics, e.g. <c>bank.csv</c>.</summary>
    public string FileName => _csv.FileName;

    /// <summary>Reading statistics so far (complete once reading has returned false).</summary>
    public InputFileStats Stats => new(_csv.FileName, _rowsRead, _rowsRejected, _csv.Encoding, _csv.BytesRead);

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

    /// <summary>Finds the reader's columns in the header row (called once, before the first data record).</summary>
    private protected abstract void Bind(HeaderMap header);

    /// <summary>The next data record with the header's field count; false when the window needs a fill or the input is done.</summary>
    /// <remarks>A record handed out here has exactly as many fields as the header, so every bound column index is in range.</remarks>
    private protected bool TryNext(out CsvRow row)
    {
        while (_csv.TryReadRow(out row))
        {
            if (_headerFieldCount < 0)
            {
                ReadHeader(in row);
                continue;
            }
            _rowsRead++;
            if (row.Error == CsvRowError.None && row.FieldCount == _headerFieldCount) return true;
            RejectRecord(in row);
        }
        return false;
    }

    /// <summary>Records an unreadable row: a diagnostic in lenient mode, an exception in strict mode. Always returns false.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool Reject(long line, string? column, string message)
    {
        _rowsRejected++;
        var diagnostic = new Diagnostic(FileName, line, column, message);
        if (_strict) throw new PayrollDataException(diagnostic);
        _sink.Add(diagnostic);
        return false;
    }

    /// <summary>Rejects a row for a bad value with the message <c>{problem} '{value}'</c>, e.g. <c>invalid amount '12.3.4'</c>.</summary>
    /// <remarks>Kept out of line so the message building stays off the typed readers' hot paths.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected bool RejectValue(long line, string column, string problem, ReadOnlySpan<byte> value) =>
        Reject(line, column, $"{problem} '{Raw(value)}'");

    /// <summary>A raw field value for a message (only built for bad rows).</summary>
    private protected static string Raw(ReadOnlySpan<byte> value) => System.Text.Encoding.UTF8.GetString(value);

    private void ReadHeader(in CsvRow row)
    {
        if (row.Error != CsvRowError.None) throw new PayrollDataException(new Diagnostic(FileName, row.Line, null, _csv.DescribeError(row.Error)));
        _headerFieldCount = row.FieldCount;
        Bind(new HeaderMap(FileName, row));
    }

    private void RejectRecord(in CsvRow row)
    {
        if (row.Error != CsvRowError.None) Reject(row.Line, null, _csv.DescribeError(row.Error));
        else Reject(row.Line, null, $"expected {_headerFieldCount} fields, found {row.FieldCount}");
    }

    private bool CheckEnd(bool more)
    {
        if (!more && _headerFieldCount < 0) throw new PayrollDataException(FileName, $"{FileName}: no header row");
        return more;
    }
}
