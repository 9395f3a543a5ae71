using PayrollRecon.Model;

namespace PayrollRecon.Records;

/// <summary>One accepted detail line of <c>batches.csv</c>.</summary>
public readonly ref struct BatchRow
{
    /// <summary>1-based line of the record.</summary>
    public required long Line { get; init; }
    /// <summary>批次号.</summary>
    public required ReadOnlySpan<byte> BatchId { get; init; }
    /// <summary>收款账号 as written.</summary>
    public required ReadOnlySpan<byte> BankAccount { get; init; }
    /// <summary>户名.</summary>
    public required ReadOnlySpan<byte> Name { get; init; }
    /// <summary>Amount (non-negative).</summary>
    public required Money Amount { get; init; }
    /// <summary>成功 / 失败 (success when empty).</summary>
    public required BatchStatus Status { get; init; }
    /// <summary>The detail's own memo (may be empty).</summary>
    public required ReadOnlySpan<byte> Memo { get; init; }
}
