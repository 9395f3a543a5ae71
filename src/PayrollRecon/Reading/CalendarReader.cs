using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>calendar.csv</c> (holidays and swapped working days) into <see cref="CalendarRow"/>s.</summary>
public sealed class CalendarReader : InputReader<CalendarRow>
{
    internal static readonly ColumnSpec DateColumn = new("date", [], ["日期"]);
    internal static readonly ColumnSpec KindColumn = new("kind", [], ["类型"]);

    private static readonly ColumnSpec[] AllColumns = [DateColumn, KindColumn];

    private int _date = -1;
    private int _kind = -1;

    private CalendarReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static CalendarReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static CalendarReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static CalendarReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new CalendarReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _date = header.Require(DateColumn);
        _kind = header.Require(KindColumn);
        SetFooterKeys(_date);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out CalendarRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> d = Field(r, _date);
        if (d.IsEmpty) return Reject(line, DateColumn.Name, DiagnosticReason.MissingValue);
        if (!DateParser.TryParseDate(d, out DateOnly date)) return RejectValue(line, DateColumn.Name, DiagnosticReason.InvalidDate, d);
        ReadOnlySpan<byte> k = Field(r, _kind);
        if (k.IsEmpty) return Reject(line, KindColumn.Name, DiagnosticReason.MissingValue);
        if (!TokenParser.TryParseCalendarKind(k, out CalendarKind kind)) return RejectValue(line, KindColumn.Name, DiagnosticReason.UnknownKind, k);
        row = new CalendarRow { Line = line, Date = date, Kind = kind };
        return true;
    }
}
