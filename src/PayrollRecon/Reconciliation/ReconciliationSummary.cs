using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>Totals and counts of one project's check (written as <c>summary.json</c>).</summary>
public sealed record ReconciliationSummary
{
    public required string ProjectCode { get; init; }
    public string? ProjectName { get; init; }
    public required DateOnly AsOf { get; init; }
    /// <summary>Highest severity among findings; null when none above info ("green").</summary>
    public required Severity? WarningLevel { get; init; }
    public required IReadOnlyDictionary<FindingCode, int> CountsByCode { get; init; }
    public required IReadOnlyDictionary<Severity, int> CountsBySeverity { get; init; }
    public required Money TotalDue { get; init; }
    public required Money TotalPaid { get; init; }
    public required Money TotalOutstanding { get; init; }
    /// <summary>Σ credits classified as labour funds.</summary>
    public required Money LaborFundsIn { get; init; }
    /// <summary>Σ non-cancelled wage payments (direct and batch detail success lines that identified a worker).</summary>
    public required Money WagePaymentsOut { get; init; }
    public required ConservationTotals Conservation { get; init; }
    /// <summary>Employer → grade A/B/C, ordered by employer name (ordinal).</summary>
    public required IReadOnlyList<EmployerGrade> EmployerGrades { get; init; }
    /// <summary>Per input file: rows read, rejected, encoding.</summary>
    public required IReadOnlyList<InputFileStats> Files { get; init; }
    public required int Workers { get; init; }
}

/// <summary>The grade of one employer (诚信等级).</summary>
/// <param name="Employer">Employer name.</param>
/// <param name="Grade">'A', 'B' or 'C'.</param>
/// <param name="Outstanding">Σ outstanding of its workers' due months.</param>
/// <param name="Workers">Roster workers of that employer.</param>
public sealed record EmployerGrade(string Employer, char Grade, Money Outstanding, int Workers);

/// <summary>SPEC §5 conservation: every debit and credit lands in exactly one class, to the fen.</summary>
public sealed record ConservationTotals
{
    public required Money Debits { get; init; }
    public required Money WagePayments { get; init; }
    /// <summary>Σ batch lump debits (expanded or missing detail).</summary>
    public required Money Batches { get; init; }
    public required Money Fees { get; init; }
    public required Money Misuse { get; init; }
    public required Money Credits { get; init; }
    public required Money Refunds { get; init; }
    public required Money Interest { get; init; }
    public required Money LaborFunds { get; init; }
    /// <summary>True when both equations hold.</summary>
    public bool Balanced => Debits == WagePayments + Batches + Fees + Misuse && Credits == Refunds + Interest + LaborFunds;
}
