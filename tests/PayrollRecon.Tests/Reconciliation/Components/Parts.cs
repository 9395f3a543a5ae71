using PayrollRecon.Findings;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation.Components;

/// <summary>The bank side of the engine wired as <see cref="Reconciler"/> wires it, without the coordinator.</summary>
internal sealed class Parts
{
    public Parts(ReconcilerOptions? options = null)
    {
        Options = options ?? new ReconcilerOptions { BatchesSupplied = true };
        var strings = new TextInterner();
        var text = new CounterpartyText();
        Roster = new Roster(Rows.Settings, Rows.AsOf, Options.WorkersFile, Reconciler.MaxWorkers, strings, Findings);
        Statement = new Statement(Options.BankFile, Options.BatchesFile, Options.BatchLineLimit, strings, text, Findings);
        Lines = new ProcessedLines(Statement, text, Options.BankFile, Options.BatchesFile);
        Classifier = new BankClassifier(Statement, Lines, Roster, text, Sums, Findings, Options);
    }

    public ReconcilerOptions Options { get; }
    public List<Finding> Findings { get; } = [];
    public SumSite Sums { get; } = new();
    public Roster Roster { get; }
    public Statement Statement { get; }
    public ProcessedLines Lines { get; }
    public BankClassifier Classifier { get; }
}
