using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Reconciliation.Rules;

/// <summary>The checks that read each worker's non-cancelled payments: OVERPAID (R21), DUPLICATE_PAYMENT (R27) and EXCESSIVE_PAYMENT (R26).</summary>
internal sealed class PaymentRules
{
    private readonly ProjectSettings _settings;
    private readonly ProcessedLines _lines;
    private readonly SumSite _sums;
    private readonly List<Finding> _findings;

    /// <param name="settings">The monthly and yearly caps.</param>
    /// <param name="lines">The payments, allocated.</param>
    /// <param name="sums">Notes the line being summed.</param>
    /// <param name="findings">Receives the findings.</param>
    public PaymentRules(ProjectSettings settings, ProcessedLines lines, SumSite sums, List<Finding> findings)
    {
        _settings = settings;
        _lines = lines;
        _sums = sums;
        _findings = findings;
    }

    /// <summary>Checks every worker's payments, worker by worker in roster order.</summary>
    public void Report(ReadOnlySpan<RosterWorker> workers)
    {
        var firstByAmountAndMonth = new Dictionary<(long AmountFen, int MemoMonth), int>();
        foreach (var worker in workers)
        {
            firstByAmountAndMonth.Clear();
            // A worker's payments are in date order, so its calendar months and years come as runs: each run's sum
            // is checked against the cap when the run ends.
            int runMonth = -1, runYear = -1;
            long monthSum = 0, yearSum = 0;
            foreach (int line in worker.Payments)
            {
                ref readonly var processed = ref _lines[line];
                if (processed.Cancelled) continue;
                _lines.SummingAt(_sums, line);
                long amount = _lines.Amount(line);
                DateOnly date = _lines.Date(line);

                if (processed.ExcessFen > 0)
                {
                    _findings.Add(_lines.Finding(FindingCode.Overpaid, Severity.Yellow, line, worker) with
                    {
                        Amount = new Money(processed.ExcessFen),
                    });
                }

                if (processed.MemoMonthOrdinal >= 0)
                {
                    var key = (amount, processed.MemoMonthOrdinal);
                    if (firstByAmountAndMonth.TryGetValue(key, out int first))
                    {
                        var txnIds = new List<string>(2);
                        if (_lines.TxnId(first) is { } firstTxn) txnIds.Add(firstTxn);
                        if (_lines.TxnId(line) is { } thisTxn) txnIds.Add(thisTxn);
                        _findings.Add(_lines.Finding(FindingCode.DuplicatePayment, Severity.Orange, line, worker) with
                        {
                            Period = YearMonth.FromOrdinal(processed.MemoMonthOrdinal),
                            TxnIds = txnIds,
                        });
                    }
                    else
                    {
                        firstByAmountAndMonth.Add(key, line);
                    }
                }

                int monthOrdinal = date.Year * 12 + date.Month - 1;
                if (monthOrdinal != runMonth)
                {
                    ReportMonthlyCap(worker, runMonth, monthSum);
                    runMonth = monthOrdinal;
                    monthSum = 0;
                }
                monthSum = checked(monthSum + amount);
                if (date.Year != runYear)
                {
                    ReportYearlyCap(worker, runYear, yearSum);
                    runYear = date.Year;
                    yearSum = 0;
                }
                yearSum = checked(yearSum + amount);
            }
            ReportMonthlyCap(worker, runMonth, monthSum);
            ReportYearlyCap(worker, runYear, yearSum);
        }
    }

    // R31 names the findings that carry an amount, and a cap passed is not one of them (nor a bank line's finding): the
    // sum received and the cap go in actual and expected, which the message cites.
    private void ReportMonthlyCap(RosterWorker worker, int monthOrdinal, long sum)
    {
        if (monthOrdinal < 0 || sum <= _settings.MonthlyCap.Fen) return;
        _findings.Add(worker.Finding(FindingCode.ExcessivePayment, Severity.Red) with
        {
            Period = YearMonth.FromOrdinal(monthOrdinal),
            Actual = new Money(sum),
            Expected = _settings.MonthlyCap,
        });
    }

    private void ReportYearlyCap(RosterWorker worker, int year, long sum)
    {
        if (year < 0 || sum <= _settings.YearlyCap.Fen) return;
        _findings.Add(worker.Finding(FindingCode.ExcessivePayment, Severity.Red) with
        {
            Actual = new Money(sum),
            Expected = _settings.YearlyCap,
            Detail = year.ToString("D4", CultureInfo.InvariantCulture),
            Anchor = "year:" + year.ToString("D4", CultureInfo.InvariantCulture),
        });
    }
}
