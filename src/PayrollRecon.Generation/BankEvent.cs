namespace PayrollRecon.Generation;

/// <summary>What a bank line is, for the planted-defect bookkeeping.</summary>
internal enum BankEventKind : byte
{
    Wage,
    BatchLump,
    Fee,
    Misuse,
    Refund,
    Interest,
    LaborFunds,
    /// <summary>An unreadable line (DATA_ERROR); takes part in nothing.</summary>
    Junk,
}

/// <summary>One planned line of the bank statement.</summary>
internal struct BankEvent
{
    public DateOnly Date;
    public int Second;
    public bool Debit;
    public long Amount;
    public string? Name;
    public string? Account;
    public string? Memo;
    public string? BatchId;
    public BankEventKind Kind;
    /// <summary>Creation order: breaks ties so the file order is deterministic.</summary>
    public int Seq;
    /// <summary>For a junk line, how it is broken.</summary>
    public int JunkVariant;
}

/// <summary>One batch payroll (代发) lump and its detail lines.</summary>
internal sealed class BatchPlan
{
    public required string BatchId { get; init; }
    /// <summary>Month index of the wages it pays.</summary>
    public required int Month { get; init; }
    public required DateOnly Date { get; init; }
    public required string LumpMemo { get; init; }
    /// <summary>Index of the lump in the event list.</summary>
    public int EventIndex { get; set; }
    public bool Mismatched { get; set; }
    public List<BatchDetail> Details { get; } = [];
}

/// <summary>One detail line of <c>batches.csv</c>.</summary>
internal readonly record struct BatchDetail(string Account, string Name, long Amount, bool Failed, string? Memo);
