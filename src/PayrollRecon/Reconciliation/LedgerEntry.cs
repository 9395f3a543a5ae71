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
    Short,
    /// <summary>Nothing paid.</summary>
    Unpaid,
    /// <summary>Not yet due.</summary>
    Pending,
}

/// <summary>One row of the reconstructed payroll ledger (工资支付台账): one worker, one month.</summary>
public sealed record LedgerEntry
{
    public required string? WorkerId { get; init; }
    public required string WorkerName { get; init; }
    public required string IdNumber { get; init; }
    public required string Employer { get; init; }
    public required YearMonth Period { get; init; }
    /// <summary>Distinct attendance dates in the month.</summary>
    public required int Days { get; init; }
    /// <summary>Seconds on site: Σ over dates of (last − first punch). Hours = seconds / 3600.</summary>
    public required long Seconds { get; init; }
    public required Money Due { get; init; }
    public required DueSource DueSource { get; init; }
    public required DateOnly DueDate { get; init; }
    public required Money Paid { get; init; }
    public required Money PaidOnTime { get; init; }
    /// <summary>Due − paid, never negative.</summary>
    public required Money Outstanding { get; init; }
    public required DateOnly? LastPaidDate { get; init; }
    public required LedgerStatus Status { get; init; }
}
