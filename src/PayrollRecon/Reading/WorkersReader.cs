using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>workers.csv</c> (花名册) into <see cref="WorkerRow"/>s, reporting unreadable rows.</summary>
public sealed class WorkersReader : InputReader<WorkerRow>
{
    internal static readonly ColumnSpec WorkerIdColumn = new("worker_id", "工号", "人员编号");
    internal static readonly ColumnSpec NameColumn = new("name", "姓名");
    internal static readonly ColumnSpec IdNumberColumn = new("id_number", "身份证号", "身份证号码", "证件号码");
    internal static readonly ColumnSpec BankAccountColumn = new("bank_account", "工资卡号", "银行卡号", "银行账号");
    internal static readonly ColumnSpec EmployerColumn = new("employer", "用工单位", "所属单位", "分包单位");
    internal static readonly ColumnSpec TeamColumn = new("team", "班组");
    internal static readonly ColumnSpec TradeColumn = new("trade", "工种");
    internal static readonly ColumnSpec WageTypeColumn = new("wage_type", "计薪方式");
    internal static readonly ColumnSpec WageRateColumn = new("wage_rate", "工资标准", "单价");
    internal static readonly ColumnSpec EntryDateColumn = new("entry_date", "进场日期");
    internal static readonly ColumnSpec ExitDateColumn = new("exit_date", "退场日期");

    private static readonly ColumnSpec[] AllColumns = [WorkerIdColumn, NameColumn, IdNumberColumn, BankAccountColumn, EmployerColumn, TeamColumn, TradeColumn, WageTypeColumn, WageRateColumn, EntryDateColumn, ExitDateColumn];

    private int _workerId = -1;
    private int _name = -1;
    private int _idNumber = -1;
    private int _bankAccount = -1;
    private int _employer = -1;
    private int _team = -1;
    private int _trade = -1;
    private int _wageType = -1;
    private int _wageRate = -1;
    private int _entryDate = -1;
    private int _exitDate = -1;

    private WorkersReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static WorkersReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static WorkersReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static WorkersReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new WorkersReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _workerId = header.Find(WorkerIdColumn);
        _name = header.Require(NameColumn);
        _idNumber = header.Require(IdNumberColumn);
        _bankAccount = header.Find(BankAccountColumn);
        _employer = header.Find(EmployerColumn);
        _team = header.Find(TeamColumn);
        _trade = header.Find(TradeColumn);
        _wageType = header.Require(WageTypeColumn);
        _wageRate = header.Require(WageRateColumn);
        _entryDate = header.Find(EntryDateColumn);
        _exitDate = header.Find(ExitDateColumn);
        SetFooterKeys(_idNumber);
    }

    private protected override void NoteRejectedRow(Diagnostic diagnostic, scoped in CsvRow r)
    {
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        if (!id.IsEmpty) diagnostic.IdNumber = System.Text.Encoding.UTF8.GetString(id);
        ReadOnlySpan<byte> name = Field(r, _name);
        if (!name.IsEmpty) diagnostic.Name = System.Text.Encoding.UTF8.GetString(name);
        ReadOnlySpan<byte> account = Optional(r, _bankAccount);
        if (!account.IsEmpty) diagnostic.Account = System.Text.Encoding.UTF8.GetString(account);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out WorkerRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> name = Field(r, _name);
        if (name.IsEmpty) return Reject(line, NameColumn.Name, DiagnosticReason.MissingValue);
        ReadOnlySpan<byte> id = Field(r, _idNumber);
        if (id.IsEmpty) return Reject(line, IdNumberColumn.Name, DiagnosticReason.MissingValue);
        ReadOnlySpan<byte> type = Field(r, _wageType);
        if (type.IsEmpty) return Reject(line, WageTypeColumn.Name, DiagnosticReason.MissingValue);
        if (!TokenParser.TryParseWageType(type, out WageType wageType)) return RejectValue(line, WageTypeColumn.Name, DiagnosticReason.UnknownWageType, type);
        long? rate = null;
        ReadOnlySpan<byte> rateText = Field(r, _wageRate);
        if (!rateText.IsEmpty)
        {
            if (!MoneyParser.TryParse(rateText, out Money parsed)) return RejectValue(line, WageRateColumn.Name, DiagnosticReason.InvalidAmount, rateText);
            if (parsed.Fen < 0) return RejectValue(line, WageRateColumn.Name, DiagnosticReason.NegativeAmount, rateText);
            rate = parsed.Fen;
        }
        else if (wageType != WageType.Piece)
        {
            return Reject(line, WageRateColumn.Name, DiagnosticReason.MissingValue);
        }
        if (!TryOptionalDate(Optional(r, _entryDate), line, EntryDateColumn, out DateOnly? entry)) return false;
        if (!TryOptionalDate(Optional(r, _exitDate), line, ExitDateColumn, out DateOnly? exit)) return false;
        row = new WorkerRow
        {
            Line = line,
            WorkerId = Optional(r, _workerId),
            Name = name,
            IdNumber = id,
            BankAccount = Optional(r, _bankAccount),
            Employer = Optional(r, _employer),
            Team = Optional(r, _team),
            Trade = Optional(r, _trade),
            WageType = wageType,
            WageRateFen = rate,
            EntryDate = entry,
            ExitDate = exit,
        };
        return true;
    }

    private bool TryOptionalDate(ReadOnlySpan<byte> value, long line, ColumnSpec column, out DateOnly? date)
    {
        date = null;
        if (value.IsEmpty) return true;
        // Any year: a tenure's bounds are compared as day numbers only (SPEC §2.1 sets no range on dates).
        if (!DateParser.TryParseDateAnyYear(value, out DateOnly parsed)) return RejectValue(line, column.Name, DiagnosticReason.InvalidDate, value);
        date = parsed;
        return true;
    }
}
