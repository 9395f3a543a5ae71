using PayrollRecon.Model;
using PayrollRecon.Reconciliation.Rules;

namespace PayrollRecon.Reconciliation;

/// <summary>The reconstructed payroll ledger (工资支付台账): one entry per worker-month, roster order then month.</summary>
internal static class LedgerBuilder
{
    /// <param name="workers">The roster, months allocated.</param>
    /// <param name="toleranceFen">A month short by at most this much counts as paid in full.</param>
    /// <param name="workersFile">Names a month in an overflow error.</param>
    /// <param name="sums">Notes the month being summed.</param>
    public static LedgerEntry[] Build(ReadOnlySpan<RosterWorker> workers, long toleranceFen, string workersFile, SumSite sums)
    {
        var ledger = new List<LedgerEntry>();
        foreach (var worker in workers)
        {
            foreach (var month in worker.Months)
            {
                sums.At(workersFile, worker.Line, month.Period.Ordinal);
                ledger.Add(new LedgerEntry
                {
                    WorkerId = worker.WorkerId,
                    WorkerName = worker.Name,
                    IdNumber = worker.IdNumber,
                    Employer = worker.Employer,
                    Period = month.Period,
                    Days = month.Days,
                    Seconds = month.Seconds,
                    Due = new Money(month.DueFen),
                    DueSource = month.DueSource,
                    DueDate = month.DueDate,
                    Paid = new Money(month.PaidFen),
                    PaidOnTime = new Money(month.PaidOnTimeFen),
                    Outstanding = new Money(Math.Max(0, checked(month.DueFen - month.PaidFen))),
                    LastPaidDate = month.LastPaidDate,
                    Status = MonthRules.StatusOf(month, toleranceFen),
                });
            }
        }
        return ledger.ToArray();
    }
}
