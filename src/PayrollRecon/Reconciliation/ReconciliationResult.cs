using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Reconciliation;

/// <summary>Everything one project's check produced.</summary>
public sealed record ReconciliationResult
{
    /// <summary>The settings used, with <c>AsOf</c> resolved.</summary>
    public required ProjectSettings Settings { get; init; }
    /// <summary>Findings in report order (severity desc, code, employer, worker, period, source).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>One entry per worker and month, ordered by roster order then month.</summary>
    public required IReadOnlyList<LedgerEntry> Ledger { get; init; }
    /// <summary>Totals, counts, grades and per-file statistics.</summary>
    public required ReconciliationSummary Summary { get; init; }
    /// <summary>The explanation of every bank line and batch detail line, in date order.</summary>
    public required IReadOnlyList<BankLineExplanation> BankLines { get; init; }
    /// <summary>The unreadable rows (also present as DATA_ERROR findings).</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    /// <summary>Findings of the previous run that this run no longer reports (销号清单), oldest first.</summary>
    public IReadOnlyList<FollowUp.ResolvedFinding> Resolved { get; init; } = [];
    /// <summary>One entry per finding id ever seen in the chain of runs (written as <c>history.csv</c>).</summary>
    public IReadOnlyList<FollowUp.HistoryEntry> History { get; init; } = [];
    /// <summary>The rulings read from <c>rulings.csv</c>, in file order.</summary>
    public IReadOnlyList<FindingRuling> Rulings { get; init; } = [];
    /// <summary>The asOf of the previous run the findings were compared with; null without one.</summary>
    public DateOnly? PreviousAsOf { get; init; }
}
