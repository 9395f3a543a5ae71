using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// A compact copy of one bank statement line (56 bytes, no references, so the collector never walks the store): the
/// txn id is a slice of the statement's byte arena (length 0 when the line has none), the other text fields are indices
/// of the statement's interned values (-1 for empty; <see cref="Statement.Name"/> and its siblings give the text).
/// </summary>
/// <remarks>For a line whose <see cref="Status"/> is not <see cref="BankLineStatus.Succeeded"/> only the line, the date and the status are meaningful (R39).</remarks>
internal readonly struct StoredBankLine
{
    private const byte DebitFlag = 1, BalanceFlag = 2;
    private readonly long _balanceFen;
    private readonly byte _status;
    private readonly byte _flags;

    public StoredBankLine(
        long line, int txnOffset, int txnLength, DateOnly date, bool isDebit, BankLineStatus status, long amountFen, long? balanceFen,
        int name, int account, int memo, int batchId)
    {
        Line = line;
        TxnOffset = txnOffset;
        TxnLength = txnLength;
        Date = date;
        AmountFen = amountFen;
        _balanceFen = balanceFen.GetValueOrDefault();
        // The engine takes only the four statuses (Reconciler.AddBankLine).
        _status = unchecked((byte)status);
        _flags = (byte)((isDebit ? DebitFlag : 0) | (balanceFen.HasValue ? BalanceFlag : 0));
        NameIndex = name;
        AccountIndex = account;
        MemoIndex = memo;
        BatchIdIndex = batchId;
    }

    public long Line { get; }
    public int TxnOffset { get; }
    public int TxnLength { get; }
    public DateOnly Date { get; }
    public long AmountFen { get; }
    public bool IsDebit => (_flags & DebitFlag) != 0;
    public BankLineStatus Status => (BankLineStatus)_status;
    public long? BalanceFen => (_flags & BalanceFlag) != 0 ? _balanceFen : null;
    public int NameIndex { get; }
    public int AccountIndex { get; }
    public int MemoIndex { get; }
    public int BatchIdIndex { get; }
}

/// <summary>
/// A compact copy of one batch detail line (32 bytes): its text fields as indices of the reconciler's interned values
/// (-1 for empty; <see cref="Statement.DetailAccount"/> and its siblings give the text). The batch id is not kept: the
/// statement chains the details of each batch.
/// </summary>
internal readonly record struct StoredBatchLine(
    long Line,
    long AmountFen,
    int Account,
    int Name,
    int Memo,
    BatchStatus Status);

/// <summary>A statement line or batch detail line as processed in date order (R14).</summary>
internal struct ProcessedLine
{
    /// <summary>Index of the statement line (the lump's, for a detail line).</summary>
    public int BankIndex;
    /// <summary>Index of the batch detail line, or -1 for a statement line.</summary>
    public int DetailIndex;
    /// <summary>The statement line's date (the lump's, for a detail line), kept here so that walks over a worker's
    /// payments read no statement line.</summary>
    public DateOnly Date;
    /// <summary>The line's amount: the detail's for a detail line, else the statement line's.</summary>
    public long AmountFen;
    public BankLineClass Class;
    public BankLineRule Rule;
    /// <summary>Roster index of the worker paid or refunded, or -1.</summary>
    public int Worker;
    public bool Cancelled;
    /// <summary>For a matched refund: the processed line it cancelled, else -1.</summary>
    public int CancelsLine;
    public int AllocationStart;
    public int AllocationCount;
    public long ExcessFen;
    /// <summary>Ordinal of the month the memo names (R19), or -1; set for payments when they are allocated.</summary>
    public int MemoMonthOrdinal;
}
