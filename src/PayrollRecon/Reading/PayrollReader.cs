using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>payroll.csv</c> (工资支付表) into <see cref="PayrollRow"/>s, reporting unreadable rows.</summary>
public sealed class PayrollReader : InputReader<PayrollRow>
{
    internal static readonly ColumnSpec IdNumberColumn = new("id_number", "身份证号", "身份证号码", "证件号码");
    internal static readonly ColumnSpec PeriodColumn = new("period", "工资月份", "所属期");
    internal static readonly ColumnSpec DaysColumn = new("days", "出勤天数");
    internal static readonly ColumnSpec HoursColumn = new("hours", [], ["出勤工时", "工时"]);
    internal static readonly ColumnSpec GrossColumn = new("gross", "应发工资", "应发金额");
    internal static readonly ColumnSpec DeductionsColumn = new("deductions", "扣款", "代扣");
    internal static readonly ColumnSpec NetColumn = new("net", "实发工资", "实发金额");

    private static readonly ColumnSpec[] AllColumns = [IdNumberColumn, PeriodColumn, DaysColumn, HoursColumn, GrossColumn, DeductionsColumn, NetColumn];

    private int _idNumber = -1;
    private int _period = -1;
    private int _days = -1;
    private int _hours = -1;
    private int _gross = -1;
    private int _deductions = -1;
    private int _net = -1;

    private PayrollReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static PayrollReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static PayrollReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static PayrollReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new PayrollReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _idNumber = header.Require(IdNumberColumn);
        _period = header.Require(PeriodColumn);
        _days = header.Find(DaysColumn);
        _hours = header.Find(HoursColumn);
        _gross = header.Require(GrossColumn);
        _deductions = header.Find(DeductionsColumn);
        _net = header.Require(NetColumn);
        SetFooterKeys(_idNumber);
    }

    private protected override void NoteRejectedRow(Diagnostic diagnostic, scoped in CsvRow r)
    {
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        if (id.IsEmpty) return;
        diagnostic.IdNumber = System.Text.Encoding.UTF8.GetString(id);
        if (DateParser.TryParsePeriod(Field(r, _period), out YearMonth period)) diagnostic.Period = period;
    }

    private protected override bool TryConvert(scoped in CsvRow r, out PayrollRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        if (id.IsEmpty) return Reject(line, IdNumberColumn.Name, DiagnosticReason.MissingValue);
        ReadOnlySpan<byte> p = Field(r, _period);
        if (p.IsEmpty) return Reject(line, PeriodColumn.Name, DiagnosticReason.MissingValue);
        if (!DateParser.TryParsePeriod(p, out YearMonth period)) return RejectValue(line, PeriodColumn.Name, DiagnosticReason.InvalidPeriod, p);
        int? days = null;
        long? daysCentis = null;
        ReadOnlySpan<byte> d = Optional(r, _days);
        if (!d.IsEmpty)
        {
            // Half days are common (出勤天数 21.5): the spec gives the column no format, so any non-negative number of
            // days to two decimals is read, as hours are.
            if (!TokenParser.TryParseHundredths(d, out long parsedCentis)) return RejectValue(line, DaysColumn.Name, DiagnosticReason.InvalidNumber, d);
            daysCentis = parsedCentis;
            if (parsedCentis % 100 == 0 && parsedCentis / 100 <= int.MaxValue) days = (int)(parsedCentis / 100);
        }
        long? hours = null;
        ReadOnlySpan<byte> h = Optional(r, _hours);
        if (!h.IsEmpty)
        {
            if (!TokenParser.TryParseHundredths(h, out long parsedHours)) return RejectValue(line, HoursColumn.Name, DiagnosticReason.InvalidNumber, h);
            hours = parsedHours;
        }
        if (!TryMoney(Field(r, _gross), line, GrossColumn, required: true, out Money gross)) return false;
        if (!TryMoney(Optional(r, _deductions), line, DeductionsColumn, required: false, out Money deductions)) return false;
        if (!TryMoney(Field(r, _net), line, NetColumn, required: true, out Money net)) return false;
        row = new PayrollRow
        {
            Line = line,
            IdNumber = id,
            Period = period,
            Days = days,
            DaysCentis = daysCentis,
            HoursCentis = hours,
            Gross = gross,
            Deductions = deductions,
            Net = net,
        };
        return true;
    }

    private bool TryMoney(ReadOnlySpan<byte> value, long line, ColumnSpec column, bool required, out Money amount)
    {
        amount = Money.Zero;
        if (value.IsEmpty) return !required || Reject(line, column.Name, DiagnosticReason.MissingValue);
        if (!MoneyParser.TryParse(value, out amount)) return RejectValue(line, column.Name, DiagnosticReason.InvalidAmount, value);
        return true;
    }
}
