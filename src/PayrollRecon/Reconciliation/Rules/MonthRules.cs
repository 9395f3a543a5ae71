using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation.Rules;

/// <summary>
/// The checks that read worker-months once payments are allocated: arrears (§3.4), attendance against payroll and
/// payments (R13, R22), the monthly minimum wage (R24), and the headcount of unpaid workers per month (R25).
/// </summary>
internal sealed class MonthRules
{
    private readonly ProjectSettings _settings;
    private readonly DateOnly _asOf;
    private readonly ReconcilerOptions _options;
    private readonly AttendanceLog _attendance;
    private readonly ProcessedLines _lines;
    private readonly SumSite _sums;
    private readonly List<Finding> _findings;

    /// <param name="settings">Tolerance and the monthly minimum wage.</param>
    /// <param name="asOf">The reference date arrears are counted to.</param>
    /// <param name="options">File names, and whether attendance was supplied.</param>
    /// <param name="attendance">Punches outside tenure, per month.</param>
    /// <param name="lines">The payment that completed a late month.</param>
    /// <param name="sums">Notes the month being checked.</param>
    /// <param name="findings">Receives the findings.</param>
    public MonthRules(ProjectSettings settings, DateOnly asOf, ReconcilerOptions options, AttendanceLog attendance, ProcessedLines lines, SumSite sums, List<Finding> findings)
    {
        _settings = settings;
        _asOf = asOf;
        _options = options;
        _attendance = attendance;
        _lines = lines;
        _sums = sums;
        _findings = findings;
    }

    /// <summary>1–30 days overdue yellow, 31–60 orange, more red.</summary>
    public static Severity SeverityByAge(int daysOverdue) => daysOverdue switch
    {
        <= 30 => Severity.Yellow,
        <= 60 => Severity.Orange,
        _ => Severity.Red,
    };

    /// <summary>The ledger status of a month: pending until due, then unpaid, short, late or ok (within <paramref name="toleranceFen"/>).</summary>
    public static LedgerStatus StatusOf(WorkerMonth month, long toleranceFen)
    {
        if (!month.IsDue) return LedgerStatus.Pending;
        if (month.DueFen > 0 && month.PaidFen == 0) return LedgerStatus.Unpaid;
        if (month.PaidFen < month.DueFen - toleranceFen) return LedgerStatus.Short;
        if (month.PaidOnTimeFen < month.DueFen - toleranceFen) return LedgerStatus.Late;
        return LedgerStatus.Ok;
    }

    /// <summary>Arrears and the per worker-month checks (§3.4, R22–R24), worker by worker in roster order.</summary>
    public void ReportMonths(ReadOnlySpan<RosterWorker> workers)
    {
        long tolerance = _settings.AmountTolerance.Fen;
        foreach (var worker in workers)
        {
            foreach (var month in worker.Months)
            {
                _sums.At(_options.WorkersFile, worker.Line, month.Period.Ordinal);
                ReportArrears(month, tolerance);
                ReportAttendanceChecks(month);
                ReportMinimumWage(month);
            }
        }
    }

    /// <summary>R25: per due month, roster workers with a punch in it but nothing paid for it.</summary>
    public void ReportHeadcount(ReadOnlySpan<RosterWorker> workers)
    {
        // Counts per month ordinal, in arrays over the span of months present (small: the project's months).
        int first = int.MaxValue, last = int.MinValue;
        foreach (var worker in workers)
        {
            if (worker.Months.Count == 0) continue;
            first = Math.Min(first, worker.Months[0].Period.Ordinal);
            last = Math.Max(last, worker.Months[^1].Period.Ordinal);
        }
        if (first > last) return;

        var with = new int[last - first + 1];
        var unpaid = new int[with.Length];
        foreach (var worker in workers)
        {
            foreach (var month in worker.Months)
            {
                if (!month.IsDue || month.Days == 0) continue;
                int slot = month.Period.Ordinal - first;
                with[slot]++;
                if (month.PaidFen == 0) unpaid[slot]++;
            }
        }
        for (int slot = 0; slot < with.Length; slot++)
        {
            if (unpaid[slot] == 0) continue;
            _findings.Add(new Finding
            {
                Code = FindingCode.HeadcountMismatch,
                Severity = 10L * unpaid[slot] >= with[slot] ? Severity.Red : Severity.Yellow,
                Period = YearMonth.FromOrdinal(first + slot),
                Days = unpaid[slot],
                Detail = $"{unpaid[slot]}/{with[slot]}",
            });
        }
    }

    private void ReportArrears(WorkerMonth month, long tolerance)
    {
        var status = StatusOf(month, tolerance);
        if (status is LedgerStatus.Ok or LedgerStatus.Pending) return;

        int daysOverdue = _asOf.DayNumber - month.DueDate.DayNumber;
        var common = month.Worker.Finding(FindingCode.Unpaid, SeverityByAge(daysOverdue)) with
        {
            Period = month.Period,
            Expected = new Money(month.DueFen),
            DueDate = month.DueDate,
        };
        switch (status)
        {
            case LedgerStatus.Unpaid:
                _findings.Add(common with { Amount = new Money(month.DueFen), Actual = Money.Zero, Days = daysOverdue });
                break;
            case LedgerStatus.Short:
                _findings.Add(common with
                {
                    Code = FindingCode.Shortfall,
                    Amount = new Money(checked(month.DueFen - month.PaidFen)),
                    Actual = new Money(month.PaidFen),
                    Days = daysOverdue,
                    EventDate = month.LastPaidDate,
                });
                break;
            case LedgerStatus.Late:
                int completing = month.CompletingLine;
                var paidOn = _lines.Date(completing);
                _findings.Add(common with
                {
                    Code = FindingCode.Late,
                    Severity = Severity.Yellow,
                    Actual = new Money(month.PaidOnTimeFen),
                    EventDate = paidOn,
                    Days = paidOn.DayNumber - month.DueDate.DayNumber,
                    TxnIds = _lines.TxnIds(completing),
                    Source = _lines.Source(completing),
                });
                break;
        }
    }

    private void ReportAttendanceChecks(WorkerMonth month)
    {
        var worker = month.Worker;
        if (_options.AttendanceSupplied && month.Days == 0 && month.AllocatedFen > 0)
        {
            _findings.Add(worker.Finding(FindingCode.PaidWithoutAttendance, Severity.Orange) with
            {
                Period = month.Period,
                Actual = new Money(month.AllocatedFen),
            });
        }

        if (_options.AttendanceSupplied && month.Payroll?.DaysCentis is { } payrollDays && payrollDays != month.Days * 100L)
        {
            _findings.Add(worker.Finding(FindingCode.DaysMismatch, Severity.Yellow) with
            {
                Period = month.Period,
                Days = month.Days,
                Detail = DaysText(payrollDays),
                Source = $"{_options.PayrollFile}:{month.Payroll.FirstLine}",
            });
        }

        if (worker.WageType == WageType.Piece && month.Payroll is null && month.Days > 0)
        {
            _findings.Add(worker.Finding(FindingCode.MissingPayroll, Severity.Yellow) with
            {
                Period = month.Period,
                Days = month.Days,
            });
        }

        if (month.AttendanceBlock >= 0 && _attendance.TryGetOutsideTenure(month.AttendanceBlock, out var time, out long line))
        {
            _findings.Add(worker.Finding(FindingCode.AttendanceOutsideTenure, Severity.Yellow) with
            {
                Period = month.Period,
                EventDate = DateOnly.FromDateTime(time),
                Source = $"{_options.AttendanceFile}:{line}",
            });
        }
    }

    private void ReportMinimumWage(WorkerMonth month)
    {
        if (_settings.MinimumWageMonthly is not { } minimum) return;
        long wage;
        if (month.Payroll is { } payroll) wage = payroll.GrossFen;
        else if (month.Worker.WageType == WageType.Piece) return;
        else wage = month.DueFen;

        // R24: exact comparison wage < minimum × min(2175, days × 100) / 2175, kept in integers.
        long dayHundredths = FenMath.MonthlyDayHundredths(month.Days);
        if ((Int128)wage * 2175 >= (Int128)minimum.Fen * dayHundredths) return;
        _findings.Add(month.Worker.Finding(FindingCode.BelowMinimumWage, Severity.Orange) with
        {
            Period = month.Period,
            Expected = new Money(FenMath.MonthlyProrated(minimum.Fen, month.Days)),
            Actual = new Money(wage),
            Days = month.Days,
        });
    }

    /// <summary>Days in hundredths as the payroll states them: <c>21</c>, <c>21.5</c>, <c>21.25</c>.</summary>
    internal static string DaysText(long centis)
    {
        long whole = centis / 100, part = centis % 100;
        return part == 0 ? string.Create(CultureInfo.InvariantCulture, $"{whole}")
            : part % 10 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{whole}.{part / 10}")
            : string.Create(CultureInfo.InvariantCulture, $"{whole}.{part:D2}");
    }
}
