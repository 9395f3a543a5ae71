using System.IO.Pipelines;
using System.Runtime.CompilerServices;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Records;

using static PayrollRecon.Reading.FieldAccess;

namespace PayrollRecon.Reading;

/// <summary>Reads <c>bank.csv</c> (专户流水) in any of its layouts into <see cref="BankRow"/>s, reporting unreadable lines.</summary>
/// <remarks>
/// Layout A: <c>direction</c> + <c>amount</c> (a negative amount is an error). Layout B: <c>debit</c> / <c>credit</c>
/// (exactly one non-zero, neither negative). Layout C: a signed <c>amount</c> alone (negative = debit, zero is an error).
/// The date comes from <c>time</c> (a date-time, or a bare date) or from <c>date</c> plus an optional <c>time</c> of day.
/// </remarks>
public sealed class BankReader : InputReader<BankRow>
{
    internal static readonly ColumnSpec TxnIdColumn = new("txn_id", "流水号", "交易流水号");
    internal static readonly ColumnSpec TimeColumn = new("time", "交易时间");
    internal static readonly ColumnSpec DateColumn = new("date", "交易日期");
    internal static readonly ColumnSpec DirectionColumn = new("direction", "借贷标志", "收支");
    internal static readonly ColumnSpec AmountColumn = new("amount", "交易金额", "发生额");
    internal static readonly ColumnSpec DebitColumn = new("debit", "借方发生额", "支出金额");
    internal static readonly ColumnSpec CreditColumn = new("credit", "贷方发生额", "收入金额");
    internal static readonly ColumnSpec BalanceColumn = new("balance", "余额", "账户余额");
    internal static readonly ColumnSpec CounterpartyNameColumn = new("counterparty_name", "对方户名", "收款人", "对方名称");
    internal static readonly ColumnSpec CounterpartyAccountColumn = new("counterparty_account", "对方账号", "收款账号");
    internal static readonly ColumnSpec MemoColumn = new("memo", "摘要", "用途", "附言", "备注");
    internal static readonly ColumnSpec BatchIdColumn = new("batch_id", "批次号");

    private BankLayout _layout;
    private int _txnId = -1;
    private int _time = -1;
    private int _date = -1;
    private int _direction = -1;
    private int _amount = -1;
    private int _debit = -1;
    private int _credit = -1;
    private int _balance = -1;
    private int _counterpartyName = -1;
    private int _counterpartyAccount = -1;
    private int _memo = -1;
    private int _batchId = -1;

    private BankReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
    }

    /// <summary>The statement layout, known once the header has been read.</summary>
    public BankLayout Layout => _layout;

    /// <summary>Creates a reader over a stream.</summary>
    public static BankReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static BankReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static BankReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv), options);

    private protected override void Bind(HeaderMap header)
    {
        _txnId = header.Find(TxnIdColumn);
        _date = header.Find(DateColumn);
        _time = _date < 0 ? header.Require(TimeColumn) : header.Find(TimeColumn);
        _direction = header.Find(DirectionColumn);
        _amount = header.Find(AmountColumn);
        _debit = header.Find(DebitColumn);
        _credit = header.Find(CreditColumn);
        if (_direction >= 0)
        {
            _layout = BankLayout.DirectionAndAmount;
            if (_amount < 0) throw header.Missing(AmountColumn);
        }
        else if (_debit >= 0 || _credit >= 0)
        {
            _layout = BankLayout.DebitCredit;
        }
        else
        {
            _layout = BankLayout.SignedAmount;
            if (_amount < 0) throw header.Missing(AmountColumn);
        }
        _balance = header.Find(BalanceColumn);
        _counterpartyName = header.Find(CounterpartyNameColumn);
        _counterpartyAccount = header.Find(CounterpartyAccountColumn);
        _memo = header.Find(MemoColumn);
        _batchId = header.Find(BatchIdColumn);
    }

    private protected override bool TryConvert(scoped in CsvRow r, out BankRow row)
    {
        if (!TryReadValues(in r, out DateOnly date, out TimeOnly? timeOfDay, out BankDirection direction, out Money amount, out Money? balance))
        {
            row = default;
            return false;
        }
        row = new BankRow
        {
            Line = r.Line,
            TxnId = Optional(r, _txnId),
            Date = date,
            TimeOfDay = timeOfDay,
            Direction = direction,
            Amount = amount,
            Balance = balance,
            CounterpartyName = Optional(r, _counterpartyName),
            CounterpartyAccount = Optional(r, _counterpartyAccount),
            Memo = Optional(r, _memo),
            BatchId = Optional(r, _batchId),
        };
        return true;
    }

    /// <summary>The line's checked values (the text fields need no checks); false after rejecting the line.</summary>
    /// <remarks>Separate from the row so a rejected line never pays for zeroing one.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadValues(
        scoped in CsvRow r, out DateOnly date, out TimeOnly? timeOfDay, out BankDirection direction, out Money amount, out Money? balance)
    {
        long line = r.Line;
        date = default;
        timeOfDay = null;
        direction = default;
        amount = default;
        balance = null;
        if (_date >= 0)
        {
            ReadOnlySpan<byte> d = r[_date];
            if (d.IsEmpty) return Reject(line, DateColumn.Name, "missing value");
            if (!DateParser.TryParseDateOrDateTime(d, out date, out timeOfDay)) return RejectValue(line, DateColumn.Name, "invalid date", d);
            ReadOnlySpan<byte> t = Optional(r, _time);
            if (!t.IsEmpty)
            {
                if (DateParser.TryParseTime(t, out TimeOnly clock)) timeOfDay = clock;
                else if (DateParser.TryParseDateOrDateTime(t, out _, out TimeOnly? fromDateTime) && fromDateTime is not null) timeOfDay = fromDateTime;
                else return RejectValue(line, TimeColumn.Name, "invalid time", t);
            }
        }
        else
        {
            ReadOnlySpan<byte> t = r[_time];
            if (t.IsEmpty) return Reject(line, TimeColumn.Name, "missing value");
            if (!DateParser.TryParseDateOrDateTime(t, out date, out timeOfDay)) return RejectValue(line, TimeColumn.Name, "invalid date-time", t);
        }

        switch (_layout)
        {
            case BankLayout.DirectionAndAmount:
            {
                ReadOnlySpan<byte> dir = r[_direction];
                if (dir.IsEmpty) return Reject(line, DirectionColumn.Name, "missing value");
                if (!TokenParser.TryParseBankDirection(dir, out direction)) return RejectValue(line, DirectionColumn.Name, "unknown direction", dir);
                ReadOnlySpan<byte> a = r[_amount];
                if (!TryAmount(a, line, AmountColumn, out amount)) return false;
                if (amount.Fen < 0) return RejectValue(line, AmountColumn.Name, "negative amount", a);
                break;
            }
            case BankLayout.DebitCredit:
            {
                if (!TryOptionalNonNegative(Optional(r, _debit), line, DebitColumn, out Money debit)) return false;
                if (!TryOptionalNonNegative(Optional(r, _credit), line, CreditColumn, out Money credit)) return false;
                if ((debit.Fen != 0) == (credit.Fen != 0)) return Reject(line, DebitColumn.Name, "expected exactly one of debit and credit");
                direction = debit.Fen != 0 ? BankDirection.Debit : BankDirection.Credit;
                amount = debit.Fen != 0 ? debit : credit;
                break;
            }
            default:
            {
                ReadOnlySpan<byte> a = r[_amount];
                if (!TryAmount(a, line, AmountColumn, out Money signed)) return false;
                if (signed.Fen == 0) return Reject(line, AmountColumn.Name, "zero amount");
                if (signed.Fen == long.MinValue) return RejectValue(line, AmountColumn.Name, "invalid amount", a);
                direction = signed.Fen < 0 ? BankDirection.Debit : BankDirection.Credit;
                amount = signed.Fen < 0 ? -signed : signed;
                break;
            }
        }

        ReadOnlySpan<byte> b = Optional(r, _balance);
        if (!b.IsEmpty)
        {
            if (!MoneyParser.TryParse(b, out Money parsed)) return RejectValue(line, BalanceColumn.Name, "invalid amount", b);
            balance = parsed;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAmount(ReadOnlySpan<byte> value, long line, ColumnSpec column, out Money amount)
    {
        amount = default;
        if (value.IsEmpty) return Reject(line, column.Name, "missing value");
        if (!MoneyParser.TryParse(value, out amount)) return RejectValue(line, column.Name, "invalid amount", value);
        return true;
    }

    private bool TryOptionalNonNegative(ReadOnlySpan<byte> value, long line, ColumnSpec column, out Money amount)
    {
        amount = Money.Zero;
        if (value.IsEmpty) return true;
        if (!MoneyParser.TryParse(value, out amount)) return RejectValue(line, column.Name, "invalid amount", value);
        if (amount.Fen < 0) return RejectValue(line, column.Name, "negative amount", value);
        return true;
    }
}
