using PayrollRecon.Model;

namespace PayrollRecon.Records;

/// <summary>One accepted line of <c>bank.csv</c>, whatever its layout (A, B or C).</summary>
public readonly ref struct BankRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>流水号 (may be empty).</summary>
    public required ReadOnlySpan<byte> TxnId { get; init; }
    /// <summary>The line's calendar date (the one that orders lines, R14).</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Time of day when the file gives one.</summary>
    public required TimeOnly? TimeOfDay { get; init; }
    /// <summary>Debit (out) or credit (in).</summary>
    public required BankDirection Direction { get; init; }
    /// <summary>Amount, always positive.</summary>
    public required Money Amount { get; init; }
    /// <summary>余额 after the line, when given.</summary>
    public required Money? Balance { get; init; }
    /// <summary>对方户名 (may be empty).</summary>
    public required ReadOnlySpan<byte> CounterpartyName { get; init; }
    /// <summary>对方账号 as written (may be empty).</summary>
    public required ReadOnlySpan<byte> CounterpartyAccount { get; init; }
    /// <summary>摘要 / 用途 (may be empty).</summary>
    public required ReadOnlySpan<byte> Memo { get; init; }
    /// <summary>批次号 (may be empty).</summary>
    public required ReadOnlySpan<byte> BatchId { get; init; }
    /// <summary>交易状态 (R39): anything but <see cref="BankLineStatus.Succeeded"/> keeps the line out of everything.</summary>
    /// <remarks>For a line that did not succeed only this, the line and the date are checked; the other values may be defaults.</remarks>
    public BankLineStatus Status { get; init; }
}
