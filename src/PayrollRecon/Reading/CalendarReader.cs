using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>calendar.csv</c> (holidays and swapped working days) into <see cref="CalendarRow"/>s.</summary>
public sealed class CalendarReader : IDisposable
{
    internal static readonly ColumnSpec DateColumn = new("date", "日期");
    internal static readonly ColumnSpec KindColumn = new("kind", "类型");

    private readonly RecordSource _source;
    private int _date = -1;
    private int _kind = -1;

    private CalendarReader(CsvReader csv, InputReaderOptions options) => _source = new RecordSource(csv, options, Bind);

    /// <summary>Reading statistics so far (complete once <see cref="Read"/> has returned false).</summary>
    public InputFileStats Stats => _source.Stats;

    /// <summary>Diagnostics collected in lenient mode (empty when a sink was given in the options).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _source.Diagnostics;

    /// <summary>The detected encoding.</summary>
    public TextEncodingKind Encoding => _source.Encoding;

    /// <summary>Creates a reader over a stream.</summary>
    public static CalendarReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static CalendarReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static CalendarReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv), options);

    /// <summary>The next readable row, filling synchronously as needed; false at the end of the file.</summary>
    public bool Read(out CalendarRow row)
    {
        while (!TryRead(out row))
        {
            if (!_source.Fill()) return false;
        }
        return true;
    }

    /// <summary>The next readable row already in the window; false when <see cref="FillAsync"/> is needed or the file is done.</summary>
    public bool TryRead(out CalendarRow row)
    {
        while (_source.TryNext(out CsvRow record))
        {
            if (TryConvert(record, out row)) return true;
        }
        row = default;
        return false;
    }

    /// <summary>Pulls more input; false when the file is exhausted.</summary>
    public ValueTask<bool> FillAsync(CancellationToken cancellationToken = default) => _source.FillAsync(cancellationToken);

    /// <summary>Releases the buffers and the input.</summary>
    public void Dispose() => _source.Dispose();

    private void Bind(HeaderMap header)
    {
        _date = header.Require(DateColumn);
        _kind = header.Require(KindColumn);
    }

    private bool TryConvert(CsvRow r, out CalendarRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> d = r[_date];
        if (d.IsEmpty) return _source.Reject(line, DateColumn.Name, "missing value");
        if (!DateParser.TryParseDate(d, out DateOnly date)) return _source.Reject(line, DateColumn.Name, $"invalid date '{RecordSource.Raw(d)}'");
        ReadOnlySpan<byte> k = r[_kind];
        if (k.IsEmpty) return _source.Reject(line, KindColumn.Name, "missing value");
        if (!TokenParser.TryParseCalendarKind(k, out CalendarKind kind)) return _source.Reject(line, KindColumn.Name, $"unknown kind '{RecordSource.Raw(k)}'");
        row = new CalendarRow { Line = line, Date = date, Kind = kind };
        return true;
    }
}
