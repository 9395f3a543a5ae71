using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>attendance.csv</c> (考勤记录) into <see cref="AttendanceRow"/>s, reporting unreadable punches.</summary>
public sealed class AttendanceReader : InputReader<AttendanceRow>
{
    internal static readonly ColumnSpec IdNumberColumn = new("id_number", "身份证号", "身份证号码", "证件号码");
    internal static readonly ColumnSpec TimeColumn = new("time", "考勤时间", "打卡时间");
    internal static readonly ColumnSpec DirectionColumn = new("direction", "方向", "进出");

    private int _idNumber = -1;
    private int _time = -1;
    private int _direction = -1;

    private AttendanceReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static AttendanceReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static AttendanceReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static AttendanceReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv), options);

    private protected override void Bind(HeaderMap header)
    {
        _idNumber = header.Require(IdNumberColumn);
        _time = header.Require(TimeColumn);
        _direction = header.Find(DirectionColumn);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out AttendanceRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> id = r[_idNumber];
        if (id.IsEmpty) return Reject(line, IdNumberColumn.Name, "missing value");
        ReadOnlySpan<byte> t = r[_time];
        if (t.IsEmpty) return Reject(line, TimeColumn.Name, "missing value");
        if (!DateParser.TryParseDateTime(t, out DateTime time)) return Reject(line, TimeColumn.Name, $"invalid date-time '{Raw(t)}'");
        ReadOnlySpan<byte> dir = Optional(r, _direction);
        if (!TokenParser.TryParsePunchDirection(dir, out PunchDirection direction)) return Reject(line, DirectionColumn.Name, $"unknown direction '{Raw(dir)}'");
        row = new AttendanceRow { Line = line, IdNumber = id, Time = time, Direction = direction };
        return true;
    }
}
