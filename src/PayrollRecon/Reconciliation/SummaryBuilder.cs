using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;

namespace PayrollRecon.Reconciliation;

/// <summary>Totals, counts and employer grades of one project's check (<c>summary.json</c>).</summary>
internal static class SummaryBuilder
{
    /// <param name="settings">The project's code and name.</param>
    /// <param name="asOf">The reference date.</param>
    /// <param name="findings">The findings, statuses set.</param>
    /// <param name="workers">The roster, months allocated.</param>
    /// <param name="lines">The statement as read.</param>
    /// <param name="classifier">The class totals and line counts.</param>
    /// <param name="newestFirst">True when the statement was read newest first (R40).</param>
    /// <param name="files">Per input file statistics.</param>
    /// <param name="workersFile">Names a month in an overflow error.</param>
    /// <param name="sums">Notes what is being summed.</param>
    public static ReconciliationSummary Build(
        ProjectSettings settings, DateOnly asOf, IReadOnlyList<Finding> findings, ReadOnlySpan<RosterWorker> workers, ProcessedLines lines,
        BankClassifier classifier, bool newestFirst, InputFileStats[] files, string workersFile, SumSite sums)
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
            bySeverity[f.Severity]++;
            // A false alarm (SPEC §7) keeps its row, and so its place in the counts by code and severity, but counts
            // neither for the warning level, the employer grades nor --fail-on.
            if (f.Status == FindingStatus.Waived) continue;
            if (f.Severity > Severity.Info && (level is null || f.Severity > level)) level = f.Severity;
        }

        long due = 0, paid = 0, outstanding = 0;
        var outstandingByEmployer = new Dictionary<string, long>(StringComparer.Ordinal);
        var workersByEmployer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var worker in workers)
        {
            workersByEmployer[worker.Employer] = workersByEmployer.GetValueOrDefault(worker.Employer) + 1;
            long workerOwed = 0;
            foreach (var month in worker.Months)
            {
                if (!month.IsDue) continue;
                sums.At(workersFile, worker.Line, month.Period.Ordinal);
                long owed = Math.Max(0, checked(month.DueFen - month.PaidFen));
                due = checked(due + month.DueFen);
                paid = checked(paid + month.PaidFen);
                outstanding = checked(outstanding + owed);
                workerOwed = checked(workerOwed + owed);
            }
            outstandingByEmployer[worker.Employer] = checked(outstandingByEmployer.GetValueOrDefault(worker.Employer) + workerOwed);
        }

        sums.At(null, 0);
        long wagePaymentsOut = 0;
        foreach (ref readonly var line in lines.AsSpan())
        {
            if (line.Class == BankLineClass.WagePayment && !line.Cancelled)
                wagePaymentsOut = checked(wagePaymentsOut + line.AmountFen);
        }

        return new ReconciliationSummary
        {
            ProjectCode = settings.Code,
            ProjectName = settings.Name,
            AsOf = asOf,
            WarningLevel = level,
            CountsByCode = byCode,
            CountsBySeverity = bySeverity,
            CountsByStatus = byStatus,
            TotalDue = new Money(due),
            TotalPaid = new Money(paid),
            TotalOutstanding = new Money(outstanding),
            LaborFundsIn = new Money(classifier.LaborFundsFen),
            WagePaymentsOut = new Money(wagePaymentsOut),
            Conservation = classifier.Totals(),
            BankStatementNewestFirst = newestFirst,
            ZeroBankLines = classifier.ZeroLines,
            ExcludedBankLines = classifier.ExcludedLines,
            EmployerGrades = GradeEmployers(findings, workersByEmployer, outstandingByEmployer),
            Files = files,
            Workers = workers.Length,
        };
    }

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
