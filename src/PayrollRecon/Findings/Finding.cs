using PayrollRecon.Model;

namespace PayrollRecon.Findings;

/// <summary>One thing found wrong, with its evidence. Messages are composed by the report writers from these fields.</summary>
public sealed record Finding
{
    /// <summary>What was found.</summary>
    public required FindingCode Code { get; init; }
    /// <summary>How bad it is.</summary>
    public required Severity Severity { get; init; }
    /// <summary>The employer (用工单位) of the worker concerned; null for project-level findings.</summary>
    public string? Employer { get; init; }
    /// <summary>Roster worker_id, else the id_number (R30); null for project-level findings.</summary>
    public string? WorkerId { get; init; }
    /// <summary>The worker's name from the roster.</summary>
    public string? WorkerName { get; init; }
    /// <summary>The worker's id_number, unmasked (writers mask it).</summary>
    public string? IdNumber { get; init; }
    /// <summary>The month concerned (R29).</summary>
    public YearMonth? Period { get; init; }
    /// <summary>The money at stake (R31).</summary>
    public Money? Amount { get; init; }
    /// <summary>What was expected (e.g. due, or computed balance).</summary>
    public Money? Expected { get; init; }
    /// <summary>What was found (e.g. paid, or reported balance).</summary>
    public Money? Actual { get; init; }
    /// <summary>The due date concerned.</summary>
    public DateOnly? DueDate { get; init; }
    /// <summary>The date of the event (payment, bank line, punch, row).</summary>
    public DateOnly? EventDate { get; init; }
    /// <summary>Days overdue or late, or a day count (attendance days).</summary>
    public int? Days { get; init; }
    /// <summary>Transaction ids of the bank lines behind the finding.</summary>
    public IReadOnlyList<string> TxnIds { get; init; } = [];
    /// <summary>Where it was seen, e.g. <c>bank.csv:17</c>; several joined with <c>;</c>.</summary>
    public string? Source { get; init; }
    /// <summary>Extra text for the message: the counterparty name, the diagnostic text, the other worker, etc.</summary>
    public string? Detail { get; init; }
    /// <summary>The finding's identity across runs (SPEC §7): 16 lower-case hex digits of SHA-256 over <c>project|code|worker key|period|anchor</c>.</summary>
    /// <remarks>Computed from unmasked data, so masking the outputs never changes it.</remarks>
    public string FindingId { get; init; } = "";
    /// <summary>New, open, reopened (against the previous run) or waived (ruled a false alarm).</summary>
    public FindingStatus Status { get; init; }
    /// <summary>The <c>asOf</c> of the run that first reported it; null without a previous run.</summary>
    public DateOnly? FirstSeen { get; init; }
    /// <summary>Consecutive runs that have reported it, this one included; null without a previous run.</summary>
    public int? RunsOpen { get; init; }
    /// <summary>The reviewers' ruling on it (<c>rulings.csv</c>), or null.</summary>
    public FindingRuling? Ruling { get; init; }
    /// <summary>True when it was ruled <c>fixed</c> before this run's as-of date and is still reported.</summary>
    public bool FixNotConfirmed { get; init; }
    /// <summary>The evidence part of the id (SPEC §7 anchor), without line numbers.</summary>
    internal string Anchor { get; init; } = "";
    /// <summary>Which of the evidence ids are a roster worker's card or ID number (a column shifted in the bank's
    /// export): bit i for <see cref="TxnIds"/>[i] (i &lt; 31), <see cref="PersonalBatchId"/> for the batch id in
    /// <see cref="Detail"/>. Outputs mask those like any card or ID number (SPEC §5); other ids stay as the bank wrote them.</summary>
    internal int PersonalIds { get; init; }
    /// <summary>For a payment the statement could not place on the roster (<c>UNKNOWN_PAYEE</c>, <c>NAME_MISMATCH</c>,
    /// <c>ACCOUNT_MISMATCH</c>): the digits of the line's counterparty account, its name being <see cref="Detail"/>;
    /// what an unreadable roster row is matched against to be named as the cause.</summary>
    internal string? PayeeAccount { get; init; }
    /// <summary>The bit of <see cref="PersonalIds"/> for a batch id in <see cref="Detail"/>.</summary>
    internal const int PersonalBatchId = 1 << 31;
    /// <summary>True when <see cref="Detail"/> is the batch id of the lump debit the finding is about.</summary>
    internal bool DetailIsBatchId => Code is FindingCode.BatchTotalMismatch or FindingCode.BatchDetailMissing && !string.IsNullOrEmpty(Detail);
    /// <summary>For a <c>DATA_ERROR</c>: the unreadable row, whose structured reason the message is told from.</summary>
    public Diagnostic? Diagnostic { get; init; }
    /// <summary>The unreadable row (a <c>DATA_ERROR</c>'s source, e.g. <c>bank.csv:41</c>) this finding may follow from; null when none.</summary>
    /// <remarks>
    /// Set when a row of the bank statement could not be read and could have changed this finding: the break in the
    /// balance chain just after it, and the labour-fund and wage findings whose dates the missing line may fall
    /// within (its date lies between those of the readable lines around it). Set too when a row of another input
    /// could not be read but what it is about could: a worker's payroll row or punch (that worker's findings of the
    /// month), a roster row (the unregistered punches of its id, and payments to its card or name that the roster
    /// could not place), a batch detail row (the lump debit of its batch). The first such row is named.
    /// </remarks>
    public string? CausedBy { get; init; }
}
