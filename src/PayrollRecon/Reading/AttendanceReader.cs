using System.IO.Pipelines;
using System.Runtime.CompilerServices;

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

    private static readonly ColumnSpec[] AllColumns = [IdNumberColumn, TimeColumn, DirectionColumn];

    private int _idNumber = -1;
    private int _time = -1;
    private int _direction = -1;

    // Punches exported in time order share their date with the punch before: its date is read once.
    private DateTimeDayCache _times;

    private AttendanceReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static AttendanceReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static AttendanceReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static AttendanceReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new AttendanceReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _idNumber = header.Require(IdNumberColumn);
        _time = header.Require(TimeColumn);
        _direction = header.Find(DirectionColumn);
        SetFooterKeys(_idNumber);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out AttendanceRow row)
    {
        long line = r.Line;
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        ReadOnlySpan<byte> t = Field(r, _time);
        if (!id.IsEmpty && _times.TryParseDateTime(t, out DateTime time))
        {
            // R6 names the unknown values that make a row unreadable, and a punch direction is not one of them; R13: hours
            // ignore it. A direction none of §2.1's words name (上班, 签到 …) is Unknown, not a DATA_ERROR.
            if (!TokenParser.TryParsePunchDirection(Optional(r, _direction), out PunchDirection direction)) direction = PunchDirection.Unknown;
            row = new AttendanceRow { Line = line, IdNumber = id, Time = time, Direction = direction };
            return true;
        }
        row = default;
        return RejectPunch(line, id, t);
    }

    /// <summary>A rejected punch's id, and its month when the time names one: read whole, or its date alone, or the
    /// year and month it starts with (<c>2024-03-32 17:22</c> is of March 2024).</summary>
    private protected override void NoteRejectedRow(Diagnostic diagnostic, scoped in CsvRow r)
    {
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        if (id.IsEmpty) return;
        diagnostic.IdNumber = System.Text.Encoding.UTF8.GetString(id);
        ReadOnlySpan<byte> t = Field(r, _time).Trim((byte)' ');
        int space = t.IndexOf((byte)' ');
        if (DateParser.TryParseDateTime(t, out DateTime time)) diagnostic.Period = new YearMonth(time.Year, time.Month);
        else if (DateParser.TryParseDate(space < 0 ? t : t[..space], out DateOnly date)) diagnostic.Period = new YearMonth(date.Year, date.Month);
        else if (t.Length >= 7 && DateParser.TryParsePeriod(t[..7], out YearMonth month)) diagnostic.Period = month;
    }

    /// <summary>Rejects a punch with the message of its first bad field (the checks of the hot path, in order).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RejectPunch(long line, ReadOnlySpan<byte> id, ReadOnlySpan<byte> t)
    {
        if (id.IsEmpty) return Reject(line, IdNumberColumn.Name, DiagnosticReason.MissingValue);
        if (t.IsEmpty) return Reject(line, TimeColumn.Name, DiagnosticReason.MissingValue);
        return RejectValue(line, TimeColumn.Name, DiagnosticReason.InvalidDateTime, t);
    }
}
