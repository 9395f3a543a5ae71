using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>Totals and counts of one project's check (written as <c>summary.json</c>).</summary>
public sealed record ReconciliationSummary
{
    /// <summary>The project code.</summary>
    public required string ProjectCode { get; init; }
    /// <summary>The project name, if given.</summary>
    public string? ProjectName { get; init; }
    /// <summary>The reference date used.</summary>
    public required DateOnly AsOf { get; init; }
    /// <summary>Highest severity among findings; null when none above info ("green").</summary>
    public required Severity? WarningLevel { get; init; }
    /// <summary>Number of findings per code; codes without findings are absent.</summary>
    public required IReadOnlyDictionary<FindingCode, int> CountsByCode { get; init; }
    /// <summary>Number of findings per severity, waived ones (false alarms, SPEC §7) left out; every severity is present (zero when none).</summary>
    public required IReadOnlyDictionary<Severity, int> CountsBySeverity { get; init; }
    /// <summary>Number of findings per follow-up status (SPEC §7); every status is present (zero when none).</summary>
    public IReadOnlyDictionary<FindingStatus, int> CountsByStatus { get; init; } = new Dictionary<FindingStatus, int>();
    /// <summary>Σ due over worker-months that are due (due date + grace before asOf).</summary>
    public required Money TotalDue { get; init; }
    /// <summary>Σ paid (payments dated on or before asOf) over worker-months that are due.</summary>
    public required Money TotalPaid { get; init; }
    /// <summary>Σ max(0, due − paid) over worker-months that are due: the arrears.</summary>
    public required Money TotalOutstanding { get; init; }
    /// <summary>Σ credits classified as labour funds.</summary>
    public required Money LaborFundsIn { get; init; }
    /// <summary>Σ non-cancelled wage payments (direct and batch detail success lines that identified a worker).</summary>
    public required Money WagePaymentsOut { get; init; }
    /// <summary>Debits and credits per class (SPEC §5).</summary>
    public required ConservationTotals Conservation { get; init; }
    /// <summary>True when the bank statement was listed newest first and so read in reverse line order (R40).</summary>
    /// <remarks>
    /// Decided on the statement lines the engine received (every line read without error, excluded ones included):
    /// the physically last is dated before the physically first.
    /// </remarks>
    public bool BankStatementNewestFirst { get; init; }
    /// <summary>Statement lines of zero amount (R41): in the balance chain only, not in <see cref="Conservation"/>.</summary>
    public int ZeroBankLines { get; init; }
    /// <summary>Statement lines whose status is failed, cancelled or reversed (R39): in nothing, <see cref="Conservation"/> included.</summary>
    public int ExcludedBankLines { get; init; }
    /// <summary>Employer → grade A/B/C, ordered by employer name (ordinal); workers with no employer are not graded.</summary>
    public required IReadOnlyList<EmployerGrade> EmployerGrades { get; init; }
    /// <summary>Per input file: rows read, rejected, encoding.</summary>
    public required IReadOnlyList<InputFileStats> Files { get; init; }
    /// <summary>Roster workers (rows with a repeated id_number not counted).</summary>
    public required int Workers { get; init; }
}

/// <summary>The grade of one employer (诚信等级).</summary>
/// <param name="Employer">Employer name.</param>
/// <param name="Grade">'A', 'B' or 'C'.</param>
/// <param name="Outstanding">Σ outstanding of its workers' due months.</param>
/// <param name="Workers">Roster workers of that employer.</param>
public sealed record EmployerGrade(string Employer, char Grade, Money Outstanding, int Workers);

/// <summary>SPEC §5 conservation: every debit and credit lands in exactly one class, to the fen.</summary>
/// <remarks>
/// Only lines that count are summed: a line repeating an earlier one (R15) and a line that did not succeed (R39) are
/// left out of everything, these totals included; a zero-amount line (R41) adds nothing. So the two identities hold
/// as SPEC §5 states them, with no class for zero or excluded lines.
/// </remarks>
public sealed record ConservationTotals
{
    /// <summary>Σ debit lines that count (not repeated, R15; not excluded, R39).</summary>
    public required Money Debits { get; init; }
    /// <summary>Σ debit lines paid straight to a roster worker (steps 2–3), cancelled or not.</summary>
    public required Money WagePayments { get; init; }
    /// <summary>Σ batch lump debits (expanded or missing detail).</summary>
    public required Money Batches { get; init; }
    /// <summary>Σ bank fees (step 4).</summary>
    public required Money Fees { get; init; }
    /// <summary>Σ debits to firms, cash, nobody or unknown persons (step 5).</summary>
    public required Money Misuse { get; init; }
    /// <summary>Σ credit lines that count (not repeated, R15; not excluded, R39).</summary>
    public required Money Credits { get; init; }
    /// <summary>Σ refunds, matched or not (step 6).</summary>
    public required Money Refunds { get; init; }
    /// <summary>Σ interest (step 7).</summary>
    public required Money Interest { get; init; }
    /// <summary>Σ labour funds (step 8).</summary>
    public required Money LaborFunds { get; init; }
    /// <summary>True when both equations hold.</summary>
    public bool Balanced => Debits == WagePayments + Batches + Fees + Misuse && Credits == Refunds + Interest + LaborFunds;
}
