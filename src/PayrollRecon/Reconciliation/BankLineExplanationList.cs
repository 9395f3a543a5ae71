using System.Collections;
using System.Text;
using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// The explanation of every processed bank line: an immutable snapshot taken when the engine completes, one compact
/// row per line, from which each <see cref="BankLineExplanation"/> is made on demand so that a long statement does not
/// hold one object graph per line.
/// </summary>
internal sealed class BankLineExplanationList : IReadOnlyList<BankLineExplanation>
{
    private readonly Row[] _rows;
    private readonly byte[] _txnIds;
    private readonly Allocation[] _allocations;
    private readonly string _bankFile;
    private readonly string _batchesFile;

    /// <param name="rows">One row per processed line, in reading order.</param>
    /// <param name="txnIds">The txn-id bytes rows point into.</param>
    /// <param name="allocations">The allocations rows point into.</param>
    /// <param name="bankFile">The statement's name in sources.</param>
    /// <param name="batchesFile">The batch detail file's name in sources.</param>
    public BankLineExplanationList(Row[] rows, byte[] txnIds, Allocation[] allocations, string bankFile, string batchesFile)
    {
        _rows = rows;
        _txnIds = txnIds;
        _allocations = allocations;
        _bankFile = bankFile;
        _batchesFile = batchesFile;
    }

    public int Count => _rows.Length;

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
        for (int i = 0; i < _rows.Length; i++) yield return Explain(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private BankLineExplanation Explain(int index)
    {
        ref readonly var row = ref _rows[index];
        return new BankLineExplanation
        {
            Source = Source(row),
            TxnId = row.TxnLength == 0 ? null : Encoding.UTF8.GetString(_txnIds, row.TxnOffset, row.TxnLength),
            Date = row.Date,
            Amount = new Money(row.AmountFen),
            Status = row.Status,
            Class = row.Class,
            Rule = row.Rule,
            WorkerIdNumber = row.WorkerIdNumber,
            Cancelled = row.Cancelled,
            CancelsSource = row.CancelsLine >= 0 ? Source(_rows[row.CancelsLine]) : null,
            Allocations = row.AllocationCount == 0 ? [] : _allocations.AsSpan(row.AllocationStart, row.AllocationCount).ToArray(),
            Excess = new Money(row.ExcessFen),
        };
    }

    private string Source(in Row row) => $"{(row.Detail ? _batchesFile : _bankFile)}:{row.Line}";

    /// <summary>What the explanation of one processed line is made from.</summary>
    /// <param name="Line">Its line in the statement, or in the batch detail file when <paramref name="Detail"/>.</param>
    /// <param name="Detail">True for a batch detail line.</param>
    /// <param name="TxnOffset">Where its (lump's) txn id starts in the txn-id bytes.</param>
    /// <param name="TxnLength">Length of the txn id; 0 when it has none.</param>
    /// <param name="Date">Its (lump's) date.</param>
    /// <param name="AmountFen">Its amount.</param>
    /// <param name="Status">Its (lump's) status (R39).</param>
    /// <param name="Class">Its class.</param>
    /// <param name="Rule">The rule that placed it.</param>
    /// <param name="WorkerIdNumber">The worker paid or refunded, or null.</param>
    /// <param name="Cancelled">True when a later refund cancelled it.</param>
    /// <param name="CancelsLine">The line a matched refund cancelled, or -1.</param>
    /// <param name="AllocationStart">First of its allocations.</param>
    /// <param name="AllocationCount">Number of its allocations.</param>
    /// <param name="ExcessFen">Money left after allocation.</param>
    internal readonly record struct Row(
        long Line, bool Detail, int TxnOffset, int TxnLength, DateOnly Date, long AmountFen, BankLineStatus Status, BankLineClass Class,
        BankLineRule Rule, string? WorkerIdNumber, bool Cancelled, int CancelsLine, int AllocationStart, int AllocationCount, long ExcessFen);
}
