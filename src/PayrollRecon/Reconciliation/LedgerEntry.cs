using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>Where a month's due amount came from.</summary>
public enum DueSource
{
    /// <summary>The payroll sheet's net (实发).</summary>
    Payroll,
    /// <summary>Computed from the roster rate and attendance.</summary>
    Computed,
}

/// <summary>Status of one worker-month in the reconstructed ledger.</summary>
public enum LedgerStatus
{
    /// <summary>Paid in full on time.</summary>
    Ok,
    /// <summary>Paid in full, partly after the due date.</summary>
    Late,
    /// <summary>Partly paid.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "Published API (LedgerStatus.Short, in the approved API snapshot) and the ledger's status word; 'short' means partly paid, not the integer type.")]
    Short,
    /// <summary>Nothing paid.</summary>
    Unpaid,
    /// <summary>Not yet due.</summary>
    Pending,
}

/// <summary>One row of the reconstructed payroll ledger (工资支付台账): one worker, one month.</summary>
public sealed record LedgerEntry
{
    /// <summary>Roster worker_id (null when the roster has none).</summary>
    public required string? WorkerId { get; init; }
    /// <summary>The worker's name.</summary>
    public required string WorkerName { get; init; }
    /// <summary>The worker's id number, unmasked (writers mask it).</summary>
    public required string IdNumber { get; init; }
    /// <summary>The worker's employer (用工单位).</summary>
    public required string Employer { get; init; }
    /// <summary>The month.</summary>
    public required YearMonth Period { get; init; }
    /// <summary>Distinct attendance dates in the month.</summary>
    public required int Days { get; init; }
    /// <summary>Seconds on site: Σ over dates of (last − first punch). Hours = seconds / 3600.</summary>
    public required long Seconds { get; init; }
    /// <summary>What was owed for the month (应付, net).</summary>
    public required Money Due { get; init; }
    /// <summary>Where <see cref="Due"/> came from.</summary>
    public required DueSource DueSource { get; init; }
    /// <summary>When it was due, after the rest-day move-back.</summary>
    public required DateOnly DueDate { get; init; }
    /// <summary>Allocated from payments dated on or before the as-of date.</summary>
    public required Money Paid { get; init; }
    /// <summary>Allocated from payments dated on or before the due date + grace days.</summary>
    public required Money PaidOnTime { get; init; }
    /// <summary>Due − paid, never negative.</summary>
    public required Money Outstanding { get; init; }
    /// <summary>Date of the last payment allocated to the month.</summary>
    public required DateOnly? LastPaidDate { get; init; }
    /// <summary>ok, late, short, unpaid or pending.</summary>
    public required LedgerStatus Status { get; init; }
}
