using System.IO.Pipelines;

using PayrollRecon.Findings;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>rulings.csv</c>, the reviewers' rulings on finding ids (SPEC §7), into <see cref="RulingRow"/>s.</summary>
/// <remarks>
/// Columns <c>finding_id</c>, <c>ruling</c>, <c>reason</c>, <c>reviewer</c>, <c>date</c>; a ruling is <c>confirmed</c>
/// (核实属实), <c>false_alarm</c> (误报, 已说明; a reason is required) or <c>fixed</c> (已整改). <c>finding_id</c> and
/// <c>ruling</c> are required; <c>reason</c>, <c>reviewer</c> and <c>date</c> may be absent or empty (a date that is
/// given must be a date). A row that cannot be read is a <c>DATA_ERROR</c> like a row of any input.
/// </remarks>
public sealed class RulingsReader : InputReader<RulingRow>
{
    internal static readonly ColumnSpec FindingIdColumn = new("finding_id", "问题编号", "预警编号");
    internal static readonly ColumnSpec RulingColumn = new("ruling", "认定", "处理结论");
    internal static readonly ColumnSpec ReasonColumn = new("reason", "理由", "原因", "说明");
    internal static readonly ColumnSpec ReviewerColumn = new("reviewer", "审核人", "复核人", "经办人");
    internal static readonly ColumnSpec DateColumn = new("date", "日期", "认定日期");

    private static readonly ColumnSpec[] AllColumns = [FindingIdColumn, RulingColumn, ReasonColumn, ReviewerColumn, DateColumn];

    private readonly byte[] _id = new byte[16];
    private int _findingId = -1;
    private int _ruling = -1;
    private int _reason = -1;
    private int _reviewer = -1;
    private int _date = -1;

    private RulingsReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static RulingsReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static RulingsReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static RulingsReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new RulingsReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _findingId = header.Require(FindingIdColumn);
        _ruling = header.Require(RulingColumn);
        _reason = header.Find(ReasonColumn);
        _reviewer = header.Find(ReviewerColumn);
        _date = header.Find(DateColumn);
        SetFooterKeys(_findingId);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out RulingRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> id = Field(r, _findingId);
        if (id.IsEmpty) return Reject(line, FindingIdColumn.Name, DiagnosticReason.MissingValue);
        if (id.Length != 16 || !IsHex(id)) return RejectValue(line, FindingIdColumn.Name, DiagnosticReason.InvalidFindingId, id);
        for (int i = 0; i < 16; i++) _id[i] = (byte)(id[i] | 0x20);
        ReadOnlySpan<byte> k = Field(r, _ruling);
        if (k.IsEmpty) return Reject(line, RulingColumn.Name, DiagnosticReason.MissingValue);
        if (!TryParseRuling(k, out RulingKind kind)) return RejectValue(line, RulingColumn.Name, DiagnosticReason.UnknownRuling, k);
        ReadOnlySpan<byte> reason = Optional(r, _reason);
        if (kind == RulingKind.FalseAlarm && reason.IsEmpty) return Reject(line, ReasonColumn.Name, DiagnosticReason.FalseAlarmWithoutReason);
        ReadOnlySpan<byte> d = Optional(r, _date);
        DateOnly? date = null;
        if (!d.IsEmpty)
        {
            if (!DateParser.TryParseDate(d, out DateOnly given)) return RejectValue(line, DateColumn.Name, DiagnosticReason.InvalidDate, d);
            date = given;
        }
        row = new RulingRow
        {
            Line = line,
            FindingId = _id,
            Kind = kind,
            Reason = reason,
            Reviewer = Optional(r, _reviewer),
            Date = date,
        };
        return true;
    }

    private static bool IsHex(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
        {
            if (!char.IsAsciiHexDigit((char)b)) return false;
        }
        return true;
    }

    /// <summary>English names (any case, <c>-</c>, space or <c>_</c> between words) or the Chinese terms reviewers write.</summary>
    internal static bool TryParseRuling(ReadOnlySpan<byte> value, out RulingKind kind)
    {
        string text = System.Text.Encoding.UTF8.GetString(value).Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        switch (text)
        {
            case "confirmed" or "核实属实" or "属实":
                kind = RulingKind.Confirmed;
                return true;
            case "false_alarm" or "误报" or "已说明":
                kind = RulingKind.FalseAlarm;
                return true;
            case "fixed" or "已整改":
                kind = RulingKind.Fixed;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
