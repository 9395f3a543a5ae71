using System.Collections;
using System.Text;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The explanation of every processed bank line, made on demand from the line stores the engine handed over when it
/// completed (it never changes them again), so that a long statement does not hold one object graph per line and the
/// result holds nothing of the engine.
/// </summary>
internal sealed class BankLineExplanationList : IReadOnlyList<BankLineExplanation>
{
    private readonly ArraySegment<ProcessedLine> _lines;
    private readonly ArraySegment<StoredBankLine> _bankLines;
    private readonly ArraySegment<StoredBatchLine> _batchLines;
    private readonly ArraySegment<byte> _txnIds;
    private readonly string[] _workerIds;
    private readonly ArraySegment<Allocation> _allocations;
    private readonly string _bankFile;
    private readonly string _batchesFile;

    /// <param name="lines">The processed lines, in reading order.</param>
    /// <param name="bankLines">The statement lines they point into.</param>
    /// <param name="batchLines">The batch detail lines they point into.</param>
    /// <param name="txnIds">The txn-id bytes statement lines point into.</param>
    /// <param name="workerIds">The id_number of each roster worker, by roster index.</param>
    /// <param name="allocations">The allocations lines point into.</param>
    /// <param name="bankFile">The statement's name in sources.</param>
    /// <param name="batchesFile">The batch detail file's name in sources.</param>
    public BankLineExplanationList(
        ArraySegment<ProcessedLine> lines, ArraySegment<StoredBankLine> bankLines, ArraySegment<StoredBatchLine> batchLines, ArraySegment<byte> txnIds,
        string[] workerIds, ArraySegment<Allocation> allocations, string bankFile, string batchesFile)
    {
        _lines = lines;
        _bankLines = bankLines;
        _batchLines = batchLines;
        _txnIds = txnIds;
        _workerIds = workerIds;
        _allocations = allocations;
        _bankFile = bankFile;
        _batchesFile = batchesFile;
    }

    public int Count => _lines.Count;

    public BankLineExplanation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Explain(index);
        }
    }

    public IEnumerator<BankLineExplanation> GetEnumerator()
    {
        for (int i = 0; i < _lines.Count; i++) yield return Explain(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private BankLineExplanation Explain(int index)
    {
        var p = _lines[index];
        var bank = _bankLines[p.BankIndex];
        return new BankLineExplanation
        {
            Source = Source(p),
            TxnId = bank.TxnLength == 0 ? null : Encoding.UTF8.GetString(_txnIds.AsSpan(bank.TxnOffset, bank.TxnLength)),
            Date = bank.Date,
            Amount = new Money(p.DetailIndex >= 0 ? _batchLines[p.DetailIndex].AmountFen : bank.AmountFen),
            Status = bank.Status,
            Class = p.Class,
            Rule = p.Rule,
            WorkerIdNumber = p.Worker >= 0 ? _workerIds[p.Worker] : null,
            Cancelled = p.Cancelled,
            CancelsSource = p.CancelsLine >= 0 ? Source(_lines[p.CancelsLine]) : null,
            Allocations = p.AllocationCount == 0 ? [] : _allocations.AsSpan(p.AllocationStart, p.AllocationCount).ToArray(),
            Excess = new Money(p.ExcessFen),
        };
    }

    private string Source(in ProcessedLine p) =>
        p.DetailIndex >= 0 ? $"{_batchesFile}:{_batchLines[p.DetailIndex].Line}" : $"{_bankFile}:{_bankLines[p.BankIndex].Line}";
}
