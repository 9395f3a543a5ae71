using PayrollRecon.Findings;

namespace PayrollRecon.Reconciliation;

/// <summary>
/// Transaction and batch ids are the bank's references, written as the bank wrote them; but a column shifted in an
/// export can put a worker's card or ID number where the id belongs. Such an id is marked on its finding
/// (<see cref="Finding.PersonalIds"/>) so that outputs mask it like any card or ID number (SPEC §5).
/// </summary>
internal static class PersonalEvidence
{
    /// <summary>Marks the evidence ids of <paramref name="findings"/> that equal a roster card or ID number (the case of
    /// <c>x</c> ignored); the roster's numbers are only gathered when some finding has an id.</summary>
    public static void Mark(List<Finding> findings, ReadOnlySpan<RosterWorker> workers)
    {
        HashSet<string>? numbers = null;
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            bool batch = f.DetailIsBatchId;
            if (f.TxnIds.Count == 0 && !batch) continue;
            numbers ??= Numbers(workers);
            if (numbers.Count == 0) return;
            int marks = 0;
            for (int k = 0; k < f.TxnIds.Count && k < 31; k++)
            {
                if (numbers.Contains(f.TxnIds[k])) marks |= 1 << k;
            }
            if (batch && numbers.Contains(f.Detail!)) marks |= Finding.PersonalBatchId;
            if (marks != 0) findings[i] = f with { PersonalIds = marks };
        }
    }

    private static HashSet<string> Numbers(ReadOnlySpan<RosterWorker> workers)
    {
        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in workers)
        {
            if (w.BankAccount.Length > 0) numbers.Add(w.BankAccount);
            if (w.IdNumber.Length > 0) numbers.Add(w.IdNumber);
        }
        return numbers;
    }
}
