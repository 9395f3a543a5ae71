using System.Globalization;
using System.Runtime.InteropServices;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    /// <summary>§3.3: each worker's non-cancelled payments, in date order, go to the memo month, then oldest first.</summary>
    private void AllocatePayments()
    {
        // Payments are taken in processed (date) order across all workers, which is each worker's date order too;
        // walking the lines front to back keeps the statement reads sequential.
        var lines = CollectionsMarshal.AsSpan(_lines);
        for (int line = 0; line < lines.Length; line++)
        {
            ref var processed = ref lines[line];
            if (processed.Class != BankLineClass.WagePayment || processed.Cancelled) continue;
            SummingAtLine(line);
            var months = _workers[processed.Worker].Months;
            DateOnly date = LineDate(line);
            long remaining = LineAmount(line);
            int start = _allocations.Count;
            int memoOrdinal = -1;

            if (MemoMonth.TryFind(LineMemo(line), date, out var memoMonth))
            {
                memoOrdinal = memoMonth.Ordinal;
                var named = FindMonth(months, memoMonth);
                if (named is not null) remaining -= Allocate(named, line, date, remaining);
            }

            // Civil Code Art. 560: what is left discharges the earliest debt first, never a month after the payment's.
            var paymentMonth = YearMonth.Of(date);
            foreach (var month in months)
            {
                if (remaining == 0 || month.Period > paymentMonth) break;
                remaining -= Allocate(month, line, date, remaining);
            }

            processed.AllocationStart = start;
            processed.AllocationCount = _allocations.Count - start;
            processed.ExcessFen = remaining;
            processed.MemoMonthOrdinal = memoOrdinal;
        }
    }

    private long Allocate(WorkerMonth month, int line, DateOnly date, long available)
    {
        long take = Math.Min(available, month.DueFen - month.AllocatedFen);
        if (take <= 0) return 0;
        month.AllocatedFen = checked(month.AllocatedFen + take);
        _allocations.Add(new Allocation(month.Period, new Money(take)));
        if (date <= _asOf)
        {
            month.PaidFen = checked(month.PaidFen + take);
            month.LastPaidDate = date;
            if (month.CompletingLine < 0 && month.PaidFen >= month.DueFen - _settings.AmountTolerance.Fen)
                month.CompletingLine = line;
        }
        if (date <= OnTimeLimit(month)) month.PaidOnTimeFen = checked(month.PaidOnTimeFen + take);
        return take;
    }

    private static WorkerMonth? FindMonth(List<WorkerMonth> months, YearMonth period)
    {
        int lo = 0, hi = months.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = months[mid].Period.CompareTo(period);
            if (c == 0) return months[mid];
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /// <summary>OVERPAID (R21), DUPLICATE_PAYMENT (R27) and EXCESSIVE_PAYMENT (R26), over non-cancelled payments.</summary>
    private void ReportPaymentPatterns()
    {
        var firstByAmountAndMonth = new Dictionary<(long AmountFen, int MemoMonth), int>();
        foreach (var worker in _workers)
        {
            firstByAmountAndMonth.Clear();
            // A worker's payments are in date order, so its calendar months and years come as runs: each run's sum
            // is checked against the cap when the run ends.
            int runMonth = -1, runYear = -1;
            long monthSum = 0, yearSum = 0;
            foreach (int line in worker.Payments)
            {
                ref readonly var processed = ref LineAt(line);
                if (processed.Cancelled) continue;
                SummingAtLine(line);
                long amount = LineAmount(line);
                DateOnly date = LineDate(line);

                if (processed.ExcessFen > 0)
                {
                    _findings.Add(LineFinding(FindingCode.Overpaid, Severity.Yellow, line, worker) with
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
                        if (LineTxnId(first) is { } firstTxn) txnIds.Add(firstTxn);
                        if (LineTxnId(line) is { } thisTxn) txnIds.Add(thisTxn);
                        _findings.Add(LineFinding(FindingCode.DuplicatePayment, Severity.Orange, line, worker) with
                        {
                            Period = YearMonth.FromOrdinal(LineAt(line).MemoMonthOrdinal),
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

    private void ReportMonthlyCap(RosterWorker worker, int monthOrdinal, long sum)
    {
        if (monthOrdinal < 0 || sum <= _settings.MonthlyCap.Fen) return;
        _findings.Add(WorkerFinding(FindingCode.ExcessivePayment, Severity.Red, worker) with
        {
            Period = YearMonth.FromOrdinal(monthOrdinal),
            Amount = new Money(sum),
            Actual = new Money(sum),
            Expected = _settings.MonthlyCap,
        });
    }

    private void ReportYearlyCap(RosterWorker worker, int year, long sum)
    {
        if (year < 0 || sum <= _settings.YearlyCap.Fen) return;
        _findings.Add(WorkerFinding(FindingCode.ExcessivePayment, Severity.Red, worker) with
        {
            Amount = new Money(sum),
            Actual = new Money(sum),
            Expected = _settings.YearlyCap,
            Detail = year.ToString("D4", CultureInfo.InvariantCulture),
            Anchor = "year:" + year.ToString("D4", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>R28: cumulative labour-fund credits against the cumulative schedule at each item's due date.</summary>
    private void ReportLaborFunds()
    {
        if (_settings.LaborFunds.Count == 0) return;
        // OrderBy is stable: items with the same due date keep their order in project.json.
        var schedule = _settings.LaborFunds.OrderBy(static item => item.DueDate).ToList();
        SummingAt("project.json 'laborFunds'", 0);
        long fundsAtAsOf = 0;
        foreach (var (date, amount) in _laborFundCredits)
            if (date <= _asOf) fundsAtAsOf = checked(fundsAtAsOf + amount);

        long cumulative = 0;
        foreach (var item in schedule)
        {
            cumulative = checked(cumulative + item.Amount.Fen);
            if (item.DueDate >= _asOf) break;

            long fundsAtDue = 0;
            foreach (var (date, amount) in _laborFundCredits)
                if (date <= item.DueDate) fundsAtDue = checked(fundsAtDue + amount);

            var project = new Finding
            {
                Code = FindingCode.LaborFundsShort,
                Severity = Severity.Red,
                Period = item.Period,
                DueDate = item.DueDate,
                Expected = new Money(cumulative),
                Anchor = item.Period.ToString() + "|" + item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (fundsAtAsOf < cumulative)
            {
                _findings.Add(project with
                {
                    Amount = new Money(cumulative - fundsAtAsOf),
                    Actual = new Money(fundsAtAsOf),
                });
            }
            else if (fundsAtDue < cumulative)
            {
                _findings.Add(project with
                {
                    Code = FindingCode.LaborFundsLate,
                    Severity = Severity.Orange,
                    Actual = new Money(fundsAtDue),
                    EventDate = MadeGoodOn(cumulative),
                });
            }
        }
    }

    /// <summary>The date the labour-fund credits first reached <paramref name="cumulativeFen"/>.</summary>
    private DateOnly? MadeGoodOn(long cumulativeFen)
    {
        long running = 0;
        foreach (var (date, amount) in _laborFundCredits)
        {
            running = checked(running + amount);
            if (running >= cumulativeFen) return date;
        }
        return null;
    }
}
