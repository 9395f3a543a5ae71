using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>Why a bank line (or a batch detail line) was classified as it was, and where its money went.</summary>
public sealed record BankLineExplanation
{
    /// <summary>Source, e.g. <c>bank.csv:17</c> or <c>batches.csv:4</c>.</summary>
    public required string Source { get; init; }
    /// <summary>The line's txn_id, if any.</summary>
    public required string? TxnId { get; init; }
    /// <summary>The line's calendar date.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>The line's amount: positive, zero for a <see cref="BankLineClass.Zero"/> line, as the file gave it (possibly zero) for an <see cref="BankLineClass.Excluded"/> one.</summary>
    public required Money Amount { get; init; }
    /// <summary>The statement's status of the line (R39); a batch detail line carries its lump's.</summary>
    /// <remarks>Anything but <see cref="BankLineStatus.Succeeded"/> comes with <see cref="BankLineClass.Excluded"/>.</remarks>
    public BankLineStatus Status { get; init; }
    /// <summary>The class the line ended up in.</summary>
    public required BankLineClass Class { get; init; }
    /// <summary>The rule of SPEC §3.2 that placed it there.</summary>
    public required BankLineRule Rule { get; init; }
    /// <summary>The roster worker's id_number, when the line pays or refunds a worker.</summary>
    public string? WorkerIdNumber { get; init; }
    /// <summary>True when a later refund cancelled this payment.</summary>
    public bool Cancelled { get; init; }
    /// <summary>For a refund: the source of the payment it cancelled.</summary>
    public string? CancelsSource { get; init; }
    /// <summary>Months this payment was allocated to, with amounts; the rest (if any) is excess.</summary>
    public IReadOnlyList<Allocation> Allocations { get; init; } = [];
    /// <summary>Money of this payment left after allocation (OVERPAID).</summary>
    public Money Excess { get; init; }
}

/// <summary>A part of a payment applied to one month.</summary>
/// <param name="Period">The month.</param>
/// <param name="Amount">The money applied to it.</param>
public readonly record struct Allocation(YearMonth Period, Money Amount);
