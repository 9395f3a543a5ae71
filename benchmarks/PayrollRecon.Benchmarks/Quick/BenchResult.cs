using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Benchmarks.Quick;

/// <summary>The parts of a result the writer benchmarks do not measure, filled with zeros.</summary>
internal static class BenchResult
{
    /// <summary>A summary with no totals, counts, grades or files.</summary>
    internal static ReconciliationSummary Summary(ProjectSettings settings, DateOnly asOf, Severity? warning, int workers) => new()
    {
        ProjectCode = settings.Code,
        ProjectName = settings.Name,
        AsOf = asOf,
        WarningLevel = warning,
        CountsByCode = new Dictionary<FindingCode, int>(),
        CountsBySeverity = new Dictionary<Severity, int>(),
        TotalDue = Money.Zero,
        TotalPaid = Money.Zero,
        TotalOutstanding = Money.Zero,
        LaborFundsIn = Money.Zero,
        WagePaymentsOut = Money.Zero,
        Conservation = new ConservationTotals
        {
            Debits = Money.Zero,
            WagePayments = Money.Zero,
            Batches = Money.Zero,
            Fees = Money.Zero,
            Misuse = Money.Zero,
            Credits = Money.Zero,
            Refunds = Money.Zero,
            Interest = Money.Zero,
            LaborFunds = Money.Zero,
        },
        EmployerGrades = [],
        Files = [],
        Workers = workers,
    };
}
