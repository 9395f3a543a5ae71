using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>attendance.csv</c> (考勤记录) into <see cref="AttendanceRow"/>s, reporting unreadable punches.</summary>
public sealed class AttendanceReader : IDisposable
{
    internal static readonly ColumnSpec IdNumberColumn = new("id_number", "身份证号", "身份证号码", "证件号码");
    internal static readonly ColumnSpec TimeColumn = new("time", "考勤时间", "打卡时间");
    internal static readonly ColumnSpec DirectionColumn = new("direction", "方向", "进出");

    private readonly RecordSource _source;
    private int _idNumber = -1;
    private int _time = -1;
    private int _direction = -1;

    private AttendanceReader(CsvReader csv, InputReaderOptions options) => _source = new RecordSource(csv, options, Bind);

    /// <summary>Reading statistics so far (complete once <see cref="Read"/> has returned false).</summary>
    public InputFileStats Stats => _source.Stats;

    /// <summary>Diagnostics collected in lenient mode (empty when a sink was given in the options).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _source.Diagnostics;

    /// <summary>The detected encoding.</summary>
    public TextEncodingKind Encoding => _source.Encoding;

    /// <summary>Creates a reader over a stream.</summary>
    public static AttendanceReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static AttendanceReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static AttendanceReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv), options);

    /// <summary>The next readable row, filling synchronously as needed; false at the end of the file.</summary>
    public bool Read(out AttendanceRow row)
    {
        while (!TryRead(out row))
        {
            if (!_source.Fill()) return false;
        }
        return true;
    }

    /// <summary>The next readable row already in the window; false when <see cref="FillAsync"/> is needed or the file is done.</summary>
    public bool TryRead(out AttendanceRow row)
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
        _idNumber = header.Require(IdNumberColumn);
        _time = header.Require(TimeColumn);
        _direction = header.Find(DirectionColumn);
    }

    private bool TryConvert(CsvRow r, out AttendanceRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> id = r[_idNumber];
        if (id.IsEmpty) return _source.Reject(line, IdNumberColumn.Name, "missing value");
        ReadOnlySpan<byte> t = r[_time];
        if (t.IsEmpty) return _source.Reject(line, TimeColumn.Name, "missing value");
        if (!DateParser.TryParseDateTime(t, out DateTime time)) return _source.Reject(line, TimeColumn.Name, $"invalid date-time '{RecordSource.Raw(t)}'");
        ReadOnlySpan<byte> dir = Optional(r, _direction);
        if (!TokenParser.TryParsePunchDirection(dir, out PunchDirection direction)) return _source.Reject(line, DirectionColumn.Name, $"unknown direction '{RecordSource.Raw(dir)}'");
        row = new AttendanceRow { Line = line, IdNumber = id, Time = time, Direction = direction };
        return true;
    }
}
