using System.IO.Pipelines;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>batches.csv</c> (代发明细) into <see cref="BatchRow"/>s, reporting unreadable lines.</summary>
public sealed class BatchesReader : IDisposable
{
    internal static readonly ColumnSpec BatchIdColumn = new("batch_id", "批次号");
    internal static readonly ColumnSpec BankAccountColumn = new("bank_account", "收款账号", "工资卡号", "银行卡号", "银行账号");
    internal static readonly ColumnSpec NameColumn = new("name", "户名", "姓名");
    internal static readonly ColumnSpec AmountColumn = new("amount", "金额", "交易金额");
    internal static readonly ColumnSpec StatusColumn = new("status", "状态");
    internal static readonly ColumnSpec MemoColumn = new("memo", "摘要", "用途", "附言", "备注");

    private readonly RecordSource _source;
    private int _batchId = -1;
    private int _bankAccount = -1;
    private int _name = -1;
    private int _amount = -1;
    private int _status = -1;
    private int _memo = -1;

    private BatchesReader(CsvReader csv, InputReaderOptions options) => _source = new RecordSource(csv, options, Bind);

    /// <summary>Reading statistics so far (complete once <see cref="Read"/> has returned false).</summary>
    public InputFileStats Stats => _source.Stats;

    /// <summary>Diagnostics collected in lenient mode (empty when a sink was given in the options).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _source.Diagnostics;

    /// <summary>The detected encoding.</summary>
    public TextEncodingKind Encoding => _source.Encoding;

    /// <summary>Creates a reader over a stream.</summary>
    public static BatchesReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static BatchesReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static BatchesReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv), options);

    /// <summary>The next readable row, filling synchronously as needed; false at the end of the file.</summary>
    public bool Read(out BatchRow row)
    {
        while (!TryRead(out row))
        {
            if (!_source.Fill()) return false;
        }
        return true;
    }

    /// <summary>The next readable row already in the window; false when <see cref="FillAsync"/> is needed or the file is done.</summary>
    public bool TryRead(out BatchRow row)
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
        _batchId = header.Require(BatchIdColumn);
        _bankAccount = header.Find(BankAccountColumn);
        _name = header.Find(NameColumn);
        _amount = header.Require(AmountColumn);
        _status = header.Find(StatusColumn);
        _memo = header.Find(MemoColumn);
    }

    private bool TryConvert(CsvRow r, out BatchRow row)
    {
        row = default;
        long line = r.Line;
        ReadOnlySpan<byte> batch = r[_batchId];
        if (batch.IsEmpty) return _source.Reject(line, BatchIdColumn.Name, "missing value");
        ReadOnlySpan<byte> a = r[_amount];
        if (a.IsEmpty) return _source.Reject(line, AmountColumn.Name, "missing value");
        if (!MoneyParser.TryParse(a, out Money amount)) return _source.Reject(line, AmountColumn.Name, $"invalid amount '{RecordSource.Raw(a)}'");
        if (amount.Fen < 0) return _source.Reject(line, AmountColumn.Name, $"negative amount '{RecordSource.Raw(a)}'");
        ReadOnlySpan<byte> s = Optional(r, _status);
        if (!TokenParser.TryParseBatchStatus(s, out BatchStatus status)) return _source.Reject(line, StatusColumn.Name, $"unknown status '{RecordSource.Raw(s)}'");
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
