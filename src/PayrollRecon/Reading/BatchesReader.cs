using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>batches.csv</c> (代发明细) into <see cref="BatchRow"/>s, reporting unreadable lines.</summary>
public sealed class BatchesReader : InputReader<BatchRow>
{
    // §2.1 names 收款账号 and 户名; the other Chinese names bind only when no listed name does.
    internal static readonly ColumnSpec BatchIdColumn = new("batch_id", "批次号");
    internal static readonly ColumnSpec BankAccountColumn = new("bank_account", ["收款账号"], ["工资卡号", "银行卡号", "银行账号"]);
    internal static readonly ColumnSpec NameColumn = new("name", ["户名"], ["姓名"]);
    internal static readonly ColumnSpec AmountColumn = new("amount", [], ["金额", "交易金额"]);
    internal static readonly ColumnSpec StatusColumn = new("status", [], ["状态"]);
    internal static readonly ColumnSpec MemoColumn = new("memo", [], ["摘要", "用途", "附言", "备注"]);

    private static readonly ColumnSpec[] AllColumns = [BatchIdColumn, BankAccountColumn, NameColumn, AmountColumn, StatusColumn, MemoColumn];

    private int _batchId = -1;
    private int _bankAccount = -1;
    private int _name = -1;
    private int _amount = -1;
    private int _status = -1;
    private int _memo = -1;

    private BatchesReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>Creates a reader over a stream.</summary>
    public static BatchesReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static BatchesReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static BatchesReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new BatchesReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _batchId = header.Require(BatchIdColumn);
        _bankAccount = header.Find(BankAccountColumn);
        _name = header.Find(NameColumn);
        _amount = header.Require(AmountColumn);
        _status = header.Find(StatusColumn);
        _memo = header.Find(MemoColumn);
        SetFooterKeys(_batchId);
    }

    private protected override void NoteRejectedRow(Diagnostic diagnostic, scoped in CsvRow r)
    {
        ReadOnlySpan<byte> batch = Field(r, _batchId);
        if (!batch.IsEmpty) diagnostic.BatchId = System.Text.Encoding.UTF8.GetString(batch);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out BatchRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> batch = Field(r, _batchId);
        if (batch.IsEmpty) return Reject(line, BatchIdColumn.Name, DiagnosticReason.MissingValue);
        ReadOnlySpan<byte> a = Field(r, _amount);
        if (a.IsEmpty) return Reject(line, AmountColumn.Name, DiagnosticReason.MissingValue);
        if (!MoneyParser.TryParse(a, out Money amount)) return RejectValue(line, AmountColumn.Name, DiagnosticReason.InvalidAmount, a);
        if (amount.Fen < 0) return RejectValue(line, AmountColumn.Name, DiagnosticReason.NegativeAmount, a);
        ReadOnlySpan<byte> s = Optional(r, _status);
        if (!TokenParser.TryParseBatchStatus(s, out BatchStatus status)) return RejectValue(line, StatusColumn.Name, DiagnosticReason.UnknownStatus, s);
        row = new BatchRow
        {
            Line = line,
            BatchId = batch,
            BankAccount = Optional(r, _bankAccount),
            Name = Optional(r, _name),
            Amount = amount,
            Status = status,
            Memo = Optional(r, _memo),
        };
        return true;
    }
}
