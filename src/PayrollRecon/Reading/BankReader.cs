using System.Diagnostics;
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
/// (at most one non-zero, neither negative). Layout C: a signed <c>amount</c> alone (negative = debit; a file with no
/// negative amount is refused, R41). A zero amount is a zero line (R41). The date comes from <c>time</c> (a date-time,
/// or a bare date) or from <c>date</c> plus an optional <c>time</c> of day. Preamble, footer, dialects: R33–R40.
/// </remarks>
public sealed class BankReader : InputReader<BankRow>
{
    // Aliases of SPEC §2.1 and R38, then the names further banks use (each with a test), which bind only when no
    // listed name does. A voucher number (凭证号) is deliberately not a txn_id: banks repeat it (ICBC writes 000000000
    // on every line).
    internal static readonly ColumnSpec TxnIdColumn = new("txn_id", ["流水号", "交易流水号", "日志号"], ["银行流水号"]);
    internal static readonly ColumnSpec TimeColumn = new("time", "交易时间", "记账时间", "交易时刻");
    internal static readonly ColumnSpec DateColumn = new("date", ["交易日期", "记账日期", "记账日", "交易日", "入账日期", "日期"], ["账务日期"]);
    internal static readonly ColumnSpec DirectionColumn = new(
        "direction", ["借贷标志", "收支", "借贷", "借/贷", "收/支", "收付标志", "借贷方向", "交易方向", "收支标识", "借贷标识", "收入/支出标志"], ["借贷标记", "收支标志", "收支方向"]);
    internal static readonly ColumnSpec AmountColumn = new("amount", "交易金额", "发生额", "金额", "人民币金额");
    internal static readonly ColumnSpec DebitColumn = new(
        "debit", ["借方发生额", "支出金额", "支出", "借方金额", "取出金额", "付款金额", "转出金额", "记账金额(支出)", "借"], ["借方", "支取金额"]);
    internal static readonly ColumnSpec CreditColumn = new(
        "credit", ["贷方发生额", "收入金额", "收入", "贷方金额", "存入金额", "存入", "收款金额", "转入金额", "记账金额(收入)", "贷"], ["贷方"]);
    internal static readonly ColumnSpec BalanceColumn = new("balance", ["余额", "账户余额", "本次余额", "联机余额", "当前余额"], ["交易后余额"]);
    internal static readonly ColumnSpec CounterpartyNameColumn = new(
        "counterparty_name",
        ["对方户名", "收款人", "对方名称", "对方账户名", "对方账户名称", "对方账号名称", "交易对手名称", "对手户名", "交易对方", "对方单位", "对方单位名称", "收(付)方名称"],
        ["对方户名称"]);
    internal static readonly ColumnSpec CounterpartyAccountColumn = new(
        "counterparty_account", ["对方账号", "收款账号", "对方卡号/账号", "对方账户", "交易对手账号", "对手账号", "对方卡号", "收(付)方账号"], ["对方账户号"]);
    internal static readonly ColumnSpec CounterpartyColumn = new("counterparty", "对方账号与户名", "对手信息", "对方信息");
    internal static readonly ColumnSpec PayerNameColumn = new("payer_name", "付款人名称", "付款方名称", "付款人户名");
    internal static readonly ColumnSpec PayeeNameColumn = new("payee_name", "收款人名称", "收款方名称", "收款人户名");
    internal static readonly ColumnSpec PayerAccountColumn = new("payer_account", "付款人账号", "付款方账号");
    internal static readonly ColumnSpec PayeeAccountColumn = new("payee_account", "收款人账号", "收款方账号");
    internal static readonly ColumnSpec MemoColumn = new("memo", ["摘要", "用途", "附言", "备注", "交易摘要", "交易附言", "交易用途", "客户附言"], ["交易备注"]);
    internal static readonly ColumnSpec BatchIdColumn = new("batch_id", "批次号");
    internal static readonly ColumnSpec StatusColumn = new("status", "交易状态", "状态");

    private static readonly ColumnSpec[] AllColumns =
    [
        TxnIdColumn, TimeColumn, DateColumn, DirectionColumn, AmountColumn, DebitColumn, CreditColumn, BalanceColumn,
        CounterpartyNameColumn, CounterpartyAccountColumn, CounterpartyColumn, PayerNameColumn, PayeeNameColumn,
        PayerAccountColumn, PayeeAccountColumn, MemoColumn, BatchIdColumn, StatusColumn,
    ];

    private readonly string? _expectedAccount;
    private BankLayout _layout;

    // A statement lists dozens of lines a day: each date is read once (the date or the date-time column).
    private DateTimeDayCache _dates;
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
    private int _counterparty = -1;
    private int _payerName = -1;
    private int _payeeName = -1;
    private int _payerAccount = -1;
    private int _payeeAccount = -1;
    private int _memo = -1;
    private int _batchId = -1;
    private int _status = -1;
    private byte[] _nameScratch = [];
    private long _countedLines;
    private bool _negativeSeen;
    private DateOnly? _firstDate;
    private DateOnly? _lastDate;

    private BankReader(CsvReader csv, InputReaderOptions options)
        : base(csv, options)
    {
        _expectedAccount = string.IsNullOrWhiteSpace(options.ExpectedAccount) ? null : options.ExpectedAccount;
    }

    /// <summary>The statement layout, known once the header has been read.</summary>
    public BankLayout Layout => _layout;

    /// <summary>The account the preamble states (R34, hyphens dropped, <c>*</c> as written), or null.</summary>
    public string? PreambleAccount { get; private set; }

    /// <summary>The statement period the preamble states (起止日期), or null.</summary>
    public (DateOnly From, DateOnly To)? PreamblePeriod { get; private set; }

    /// <summary>True when the last dated line is earlier than the first (R40): the statement is listed newest first.</summary>
    public bool NewestFirst => _firstDate is { } first && _lastDate is { } last && last < first;

    /// <summary>Creates a reader over a stream.</summary>
    public static BankReader Create(Stream stream, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(stream, fileName, options.Csv with { HeaderProbe = Probe }), options);

    /// <summary>Creates a reader over a pipe (completed when the reader is disposed).</summary>
    public static BankReader Create(PipeReader reader, string fileName, InputReaderOptions options) =>
        new(CsvReader.Create(reader, fileName, options.Csv), options);

    /// <summary>Opens a file.</summary>
    public static BankReader Open(string path, InputReaderOptions options) => new(CsvReader.Open(path, options.Csv with { HeaderProbe = Probe }), options);

    private static readonly Func<IReadOnlyList<string>, int> Probe = HeaderProbe(static csv => new BankReader(csv, default));

    private protected override IReadOnlyList<ColumnSpec> KindColumns => AllColumns;

    private protected override void Bind(HeaderMap header)
    {
        _txnId = header.Find(TxnIdColumn);
        _date = header.Find(DateColumn);
        _time = header.Find(TimeColumn);
        if (_date < 0 && _time < 0) header.Missing(DateColumn, TimeColumn);
        _direction = header.Find(DirectionColumn);
        _amount = header.Find(AmountColumn);
        _debit = header.Find(DebitColumn);
        _credit = header.Find(CreditColumn);
        // R3: debit/credit columns decide the layout even beside an amount (ICBC lists 交易金额(收入) beside 记账金额(收入)).
        if (_debit >= 0 || _credit >= 0) _layout = BankLayout.DebitCredit;
        else if (_direction >= 0) _layout = BankLayout.DirectionAndAmount;
        else _layout = BankLayout.SignedAmount;
        if (_layout != BankLayout.DebitCredit && _amount < 0) header.Missing(AmountColumn, DebitColumn, CreditColumn);
        _balance = header.Find(BalanceColumn);
        _counterpartyName = header.Find(CounterpartyNameColumn);
        _counterpartyAccount = header.Find(CounterpartyAccountColumn);
        _counterparty = header.Find(CounterpartyColumn);
        _payerName = header.Find(PayerNameColumn);
        _payeeName = header.Find(PayeeNameColumn);
        _payerAccount = header.Find(PayerAccountColumn);
        _payeeAccount = header.Find(PayeeAccountColumn);
        if (_payerName < 0 || _payeeName < 0) _payerName = _payeeName = -1;
        if (_payerAccount < 0 || _payeeAccount < 0) _payerAccount = _payeeAccount = -1;
        if (_counterpartyName >= 0 || _counterpartyAccount >= 0 || _payerName >= 0) _counterparty = -1;
        _memo = header.Find(MemoColumn);
        _batchId = header.Find(BatchIdColumn);
        _status = header.Find(StatusColumn);
        SetFooterKeys(_date, _time);
    }

    private protected override void OnHeader(IReadOnlyList<string> preamble)
    {
        foreach (string text in preamble)
        {
            if (PreambleAccount is null && PreambleFacts.TryFindAccount(text, out string account)) PreambleAccount = account;
            if (PreamblePeriod is null && PreambleFacts.TryFindPeriod(text, out DateOnly from, out DateOnly to)) PreamblePeriod = (from, to);
        }
        if (PreambleAccount is { } stated && _expectedAccount is { } expected && !PreambleFacts.AccountAgrees(stated, expected))
        {
            // The values as read: whoever shows the message masks them (the CLI unless --no-mask).
            throw FileError(Reporting.MessageKey.StatementOfOtherAccount, Reporting.OutputText.ControlsShown(stated), expected);
        }
    }

    private protected override void OnEnd()
    {
        if (_layout == BankLayout.SignedAmount && _countedLines > 0 && !_negativeSeen)
        {
            throw FileError(Reporting.MessageKey.NoDirection);
        }
    }

    private protected override bool TryConvert(scoped in CsvRow r, out BankRow row)
    {
        if (_status >= 0)
        {
            ReadOnlySpan<byte> st = Field(r, _status);
            if (!TokenParser.TryParseBankStatus(st, out BankLineStatus status))
            {
                row = default;
                return RejectValue(r.Line, StatusColumn.Name, DiagnosticReason.UnknownStatus, st);
            }
            if (status != BankLineStatus.Succeeded) return Excluded(in r, status, out row);
        }
        return TryReadLine(in r, out row);
    }

    /// <summary>A line to be counted (no status column, or 成功): its checked values and its row; false after rejecting it.</summary>
    /// <remarks>
    /// Compiled on its own, with the value checks and the row inlined into it: the field reads and the parsers' fast paths
    /// inline there, and the row is written once, into the caller's. Inlined into <see cref="TryConvert"/> (which the JIT
    /// inlines into the reading loop), the JIT's inlining budget ran out and the field reads stayed calls; with the values
    /// and the row compiled apart, both went through the stack and the row was copied on return.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryReadLine(scoped in CsvRow r, out BankRow row)
    {
        if (!TryReadValues(in r, out DateOnly date, out TimeOnly? timeOfDay, out BankDirection direction, out Money amount, out Money? balance))
        {
            row = default;
            return false;
        }
        _countedLines++;
        NoteDate(date);
        Row(in r, date, timeOfDay, direction, amount, balance, BankLineStatus.Succeeded, out row);
        return true;
    }

    /// <summary>R40 looks at the first and the last dated line.</summary>
    private void NoteDate(DateOnly date)
    {
        _firstDate ??= date;
        _lastDate = date;
    }

    /// <summary>The row of a line whose values are read: its counterparty per R38 and its text fields.</summary>
    /// <remarks>The counterparty columns as they are (most layouts) are read here; the layouts with payer and payee or a
    /// combined column build their row out of line, so no span of this one goes through memory (a span passed by
    /// reference is zeroed on every call of the method it is a local of, and read back from the stack).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Row(scoped in CsvRow r, DateOnly date, TimeOnly? timeOfDay, BankDirection direction, Money amount, Money? balance, BankLineStatus status, out BankRow row)
    {
        if (_payerName >= 0 || _counterparty >= 0)
        {
            RowOfPayerOrCombined(in r, date, timeOfDay, direction, amount, balance, status, out row);
            return;
        }
        Build(in r, date, timeOfDay, direction, amount, balance, status, Optional(r, _counterpartyName), Optional(r, _counterpartyAccount), out row);
    }

    /// <summary><see cref="Row"/> for a file with payer and payee columns or a combined counterparty column (R38).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RowOfPayerOrCombined(
        scoped in CsvRow r, DateOnly date, TimeOnly? timeOfDay, BankDirection direction, Money amount, Money? balance, BankLineStatus status, out BankRow row)
    {
        CounterpartyOfPayerOrCombined(in r, direction, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> account);
        Build(in r, date, timeOfDay, direction, amount, balance, status, name, account, out row);
    }

    /// <summary>The row of a line from its values and its counterparty; the other text fields read here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Build(
        scoped in CsvRow r, DateOnly date, TimeOnly? timeOfDay, BankDirection direction, Money amount, Money? balance, BankLineStatus status,
        ReadOnlySpan<byte> name, ReadOnlySpan<byte> account, out BankRow row) =>
        row = new BankRow
        {
            Line = r.Line,
            TxnId = Optional(r, _txnId),
            Date = date,
            TimeOfDay = timeOfDay,
            Direction = direction,
            Amount = amount,
            Balance = balance,
            CounterpartyName = name,
            CounterpartyAccount = account,
            Memo = Optional(r, _memo),
            BatchId = Optional(r, _batchId),
            Status = status,
        };

    /// <summary>A separate bank time column (R37): <c>H:mm[:ss]</c>, <c>HHmmss</c>, <c>HHmm</c>, or the time of a date-time.</summary>
    private static bool TryTimeOfDay(ReadOnlySpan<byte> value, out TimeOnly? timeOfDay)
    {
        if (DateParser.TryParseBankTime(value, out TimeOnly clock))
        {
            timeOfDay = clock;
            return true;
        }
        return DateParser.TryParseDateOrDateTime(value, out _, out timeOfDay) && timeOfDay is not null;
    }

    /// <summary>R39: a failed, cancelled or reversed line is listed with its status; its other fields are not checked, only read where they can be.</summary>
    private bool Excluded(scoped in CsvRow r, BankLineStatus status, out BankRow row)
    {
        DateOnly date = default;
        TimeOnly? timeOfDay = null;
        ReadOnlySpan<byte> d = _date >= 0 ? Field(r, _date) : Field(r, _time);
        if (DateParser.TryParseDateOrDateTime(d, out DateOnly parsed, out TimeOnly? t))
        {
            date = parsed;
            timeOfDay = t;
            NoteDate(date);
        }
        if (_date >= 0 && _time >= 0 && TryTimeOfDay(Field(r, _time), out TimeOnly? clock)) timeOfDay = clock;
        Money amount = Money.Zero;
        BankDirection direction = BankDirection.Credit;
        if (_layout == BankLayout.DebitCredit)
        {
            if (MoneyParser.TryParse(Optional(r, _debit), out Money debit) && debit.Fen > 0) { amount = debit; direction = BankDirection.Debit; }
            else if (MoneyParser.TryParse(Optional(r, _credit), out Money credit) && credit.Fen > 0) amount = credit;
        }
        else if (MoneyParser.TryParse(Field(r, _amount), out Money a) && a.Fen != long.MinValue)
        {
            amount = a.Fen < 0 ? -a : a;
            if (_layout == BankLayout.SignedAmount) direction = a.Fen < 0 ? BankDirection.Debit : BankDirection.Credit;
            else if (TokenParser.TryParseBankDirection(Field(r, _direction), out BankDirection dir)) direction = dir;
        }
        Money? balance = MoneyParser.TryParse(Optional(r, _balance), out Money b) ? b : null;
        Row(in r, date, timeOfDay, direction, amount, balance, status, out row);
        return true;
    }

    /// <summary>The counterparty of a line of a file with payer and payee columns (the payee of a debit, the payer of a
    /// credit), else with a combined counterparty column, split (R38).</summary>
    private void CounterpartyOfPayerOrCombined(scoped in CsvRow r, BankDirection direction, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> account)
    {
        if (_payerName >= 0)
        {
            name = Field(r, direction == BankDirection.Debit ? _payeeName : _payerName);
            account = _payerAccount >= 0 ? Field(r, direction == BankDirection.Debit ? _payeeAccount : _payerAccount) : Optional(r, _counterpartyAccount);
        }
        else
        {
            Debug.Assert(_counterparty >= 0, "only the layouts with payer and payee or a combined column come here");
            SplitCounterparty(Field(r, _counterparty), out name, out account);
        }
    }

    /// <summary>R38: a combined counterparty (对手信息 <c>张三 66666666666666</c>): the longest run of 8+ digits or <c>*</c> is the account, the rest the name.</summary>
    private void SplitCounterparty(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> account)
    {
        if (!CombinedCounterparty.TrySplit(value, out Range accountRange, out Range head, out Range tail))
        {
            name = value;
            account = default;
            return;
        }
        account = value[accountRange];
        if (_nameScratch.Length < value.Length) _nameScratch = new byte[Math.Max(64, value.Length)];
        name = CombinedCounterparty.Name(value, head, tail, _nameScratch);
    }

    /// <summary>The line's checked values (the text fields need no checks); false after rejecting the line.</summary>
    /// <remarks>Separate from the row so a rejected line never pays for building one; inlined into <see cref="TryReadLine"/>.</remarks>
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
            ReadOnlySpan<byte> d = Field(r, _date);
            if (d.IsEmpty) return Reject(line, DateColumn.Name, DiagnosticReason.MissingValue);
            if (!_dates.TryParseDateOrDateTime(d, out date, out timeOfDay)) return RejectValue(line, DateColumn.Name, DiagnosticReason.InvalidDate, d);
            ReadOnlySpan<byte> t = Optional(r, _time);
            if (!t.IsEmpty)
            {
                if (!TryTimeOfDay(t, out TimeOnly? clock)) return RejectValue(line, TimeColumn.Name, DiagnosticReason.InvalidTime, t);
                timeOfDay = clock;
            }
        }
        else
        {
            ReadOnlySpan<byte> t = Field(r, _time);
            if (t.IsEmpty) return Reject(line, TimeColumn.Name, DiagnosticReason.MissingValue);
            if (!_dates.TryParseDateOrDateTime(t, out date, out timeOfDay)) return RejectValue(line, TimeColumn.Name, DiagnosticReason.InvalidDateTime, t);
        }

        switch (_layout)
        {
            case BankLayout.DirectionAndAmount:
            {
                ReadOnlySpan<byte> dir = Field(r, _direction);
                if (dir.IsEmpty) return Reject(line, DirectionColumn.Name, DiagnosticReason.MissingValue);
                if (!TokenParser.TryParseBankDirection(dir, out direction)) return RejectValue(line, DirectionColumn.Name, DiagnosticReason.UnknownDirection, dir);
                ReadOnlySpan<byte> a = Field(r, _amount);
                if (!TryAmount(a, line, AmountColumn, out amount)) return false;
                if (amount.Fen < 0) return RejectValue(line, AmountColumn.Name, DiagnosticReason.NegativeAmount, a);
                break;
            }
            case BankLayout.DebitCredit:
            {
                if (!TryOptionalNonNegative(Optional(r, _debit), line, DebitColumn, out Money debit)) return false;
                if (!TryOptionalNonNegative(Optional(r, _credit), line, CreditColumn, out Money credit)) return false;
                // R6, R41: at most one of the two; both zero or empty is a zero line.
                if (debit.Fen != 0 && credit.Fen != 0) return Reject(line, DebitColumn.Name, DiagnosticReason.DebitAndCredit);
                direction = debit.Fen != 0 ? BankDirection.Debit : BankDirection.Credit;
                amount = debit.Fen != 0 ? debit : credit;
                break;
            }
            default:
            {
                ReadOnlySpan<byte> a = Field(r, _amount);
                if (!TryAmount(a, line, AmountColumn, out Money signed)) return false;
                if (signed.Fen == long.MinValue) return RejectValue(line, AmountColumn.Name, DiagnosticReason.InvalidAmount, a);
                if (signed.Fen < 0) _negativeSeen = true;
                direction = signed.Fen < 0 ? BankDirection.Debit : BankDirection.Credit;
                amount = signed.Fen < 0 ? -signed : signed;
                break;
            }
        }

        ReadOnlySpan<byte> b = Optional(r, _balance);
        if (!b.IsEmpty)
        {
            if (!MoneyParser.TryParse(b, out Money parsed)) return RejectValue(line, BalanceColumn.Name, DiagnosticReason.InvalidAmount, b);
            balance = parsed;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAmount(ReadOnlySpan<byte> value, long line, ColumnSpec column, out Money amount)
    {
        amount = default;
        if (value.IsEmpty) return Reject(line, column.Name, DiagnosticReason.MissingValue);
        if (!MoneyParser.TryParse(value, out amount)) return RejectValue(line, column.Name, DiagnosticReason.InvalidAmount, value);
        return true;
    }

    private bool TryOptionalNonNegative(ReadOnlySpan<byte> value, long line, ColumnSpec column, out Money amount)
    {
        amount = Money.Zero;
        if (value.IsEmpty) return true;
        if (!MoneyParser.TryParse(value, out amount)) return RejectValue(line, column.Name, DiagnosticReason.InvalidAmount, value);
        if (amount.Fen < 0) return RejectValue(line, column.Name, DiagnosticReason.NegativeAmount, value);
        return true;
    }
}
