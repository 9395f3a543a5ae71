using System.Collections;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The explanation of every processed bank line, built on demand from the engine's compact line store so that a
/// long statement does not hold one object graph per line.
/// </summary>
internal sealed class BankLineExplanationList(Reconciler owner) : IReadOnlyList<BankLineExplanation>
{
    public int Count => owner.ProcessedLineCount;

    public BankLineExplanation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return owner.Explain(index);
        }
    }

    public IEnumerator<BankLineExplanation> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return owner.Explain(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
