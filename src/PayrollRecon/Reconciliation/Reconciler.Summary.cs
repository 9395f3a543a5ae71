using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    internal int ProcessedLineCount => _lines.Count;

    /// <summary>The explanation of processed line <paramref name="line"/> (date order).</summary>
    internal BankLineExplanation Explain(int line)
    {
        var p = _lines[line];
        var allocations = p.AllocationCount == 0
            ? Array.Empty<Allocation>()
            : _allocations.GetRange(p.AllocationStart, p.AllocationCount).ToArray();
        return new BankLineExplanation
        {
            Source = LineSource(line),
            TxnId = LineTxnId(line),
            Date = LineDate(line),
            Amount = new Money(LineAmount(line)),
            Status = BankLineAt(p.BankIndex).Status,
            Class = p.Class,
            Rule = p.Rule,
            WorkerIdNumber = p.Worker >= 0 ? _workers[p.Worker].IdNumber : null,
            Cancelled = p.Cancelled,
            CancelsSource = p.CancelsLine >= 0 ? LineSource(p.CancelsLine) : null,
            Allocations = allocations,
            Excess = new Money(p.ExcessFen),
        };
    }

    private ReconciliationSummary BuildSummary(IReadOnlyList<Finding> findings)
    {
        var byCode = new SortedDictionary<FindingCode, int>();
        var bySeverity = new SortedDictionary<Severity, int>
        {
            [Severity.Red] = 0,
            [Severity.Orange] = 0,
            [Severity.Yellow] = 0,
            [Severity.Info] = 0,
        };
        Severity? level = null;
        var byStatus = new SortedDictionary<FindingStatus, int>
        {
            [FindingStatus.New] = 0,
            [FindingStatus.Open] = 0,
            [FindingStatus.Reopened] = 0,
            [FindingStatus.Waived] = 0,
        };
        foreach (var f in findings)
        {
            byCode[f.Code] = byCode.GetValueOrDefault(f.Code) + 1;
            byStatus[f.Status]++;
            // A false alarm (SPEC §7) is listed but counts for nothing.
            if (f.Status == FindingStatus.Waived) continue;
            bySeverity[f.Severity]++;
            if (f.Severity > Severity.Info && (level is null || f.Severity > level)) level = f.Severity;
        }

        long due = 0, paid = 0, outstanding = 0;
        var outstandingByEmployer = new Dictionary<string, long>(StringComparer.Ordinal);
        var workersByEmployer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var worker in _workers)
        {
            workersByEmployer[worker.Employer] = workersByEmployer.GetValueOrDefault(worker.Employer) + 1;
            long workerOwed = 0;
            foreach (var month in worker.Months)
            {
                if (!month.IsDue) continue;
                SummingAt(WorkersFile, worker.Line, month.Period.Ordinal);
                long owed = Math.Max(0, checked(month.DueFen - month.PaidFen));
                due = checked(due + month.DueFen);
                paid = checked(paid + month.PaidFen);
                outstanding = checked(outstanding + owed);
                workerOwed = checked(workerOwed + owed);
            }
            outstandingByEmployer[worker.Employer] = checked(outstandingByEmployer.GetValueOrDefault(worker.Employer) + workerOwed);
        }

        SummingAt(null, 0);
        long wagePaymentsOut = 0;
        foreach (var line in _lines)
        {
            if (line.Class == BankLineClass.WagePayment && !line.Cancelled)
                wagePaymentsOut = checked(wagePaymentsOut + LineAmountOf(line));
        }

        return new ReconciliationSummary
        {
            ProjectCode = _settings.Code,
            ProjectName = _settings.Name,
            AsOf = _asOf,
            WarningLevel = level,
            CountsByCode = byCode,
            CountsBySeverity = bySeverity,
            CountsByStatus = byStatus,
            TotalDue = new Money(due),
            TotalPaid = new Money(paid),
            TotalOutstanding = new Money(outstanding),
            LaborFundsIn = new Money(_laborFunds),
            WagePaymentsOut = new Money(wagePaymentsOut),
            Conservation = new ConservationTotals
            {
                Debits = new Money(_debits),
                WagePayments = new Money(_wagePayments),
                Batches = new Money(_batches),
                Fees = new Money(_fees),
                Misuse = new Money(_misuse),
                Credits = new Money(_credits),
                Refunds = new Money(_refunds),
                Interest = new Money(_interest),
                LaborFunds = new Money(_laborFunds),
            },
            BankStatementNewestFirst = _newestFirst,
            ZeroBankLines = _zeroLines,
            ExcludedBankLines = _excludedLines,
            EmployerGrades = GradeEmployers(findings, workersByEmployer, outstandingByEmployer),
            Files = _fileStats.ToArray(),
            Workers = _workers.Count,
        };
    }

    private long LineAmountOf(in ProcessedLine p) =>
        p.DetailIndex >= 0 ? BatchLineAt(p.DetailIndex).AmountFen : BankLineAt(p.BankIndex).AmountFen;

    /// <summary>§3.4: C on any UNPAID/SHORTFALL or red finding of the employer, B on LATE or orange, else A.</summary>
    private static EmployerGrade[] GradeEmployers(
        IReadOnlyList<Finding> findings,
        Dictionary<string, int> workersByEmployer,
        Dictionary<string, long> outstandingByEmployer)
    {
        var worst = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (string.IsNullOrEmpty(f.Employer) || f.Status == FindingStatus.Waived) continue;
            char grade = f.Code is FindingCode.Unpaid or FindingCode.Shortfall || f.Severity == Severity.Red ? 'C'
                : f.Code == FindingCode.Late || f.Severity == Severity.Orange ? 'B'
                : 'A';
            if (grade > worst.GetValueOrDefault(f.Employer, 'A')) worst[f.Employer] = grade;
        }

        var employers = workersByEmployer.Keys.Where(static e => e.Length > 0).ToList();
        employers.Sort(StringComparer.Ordinal);
        var grades = new EmployerGrade[employers.Count];
        for (int i = 0; i < grades.Length; i++)
        {
            string employer = employers[i];
            grades[i] = new EmployerGrade(
                employer,
                worst.GetValueOrDefault(employer, 'A'),
                new Money(outstandingByEmployer.GetValueOrDefault(employer)),
                workersByEmployer[employer]);
        }
        return grades;
    }
}
