using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Reconciliation;

public sealed partial class Reconciler
{
    private readonly Dictionary<int, DateOnly> _dueDates = [];

    /// <summary>Creates every worker-month (a payroll row or at least one punch) and works out what it owes (§3.1).</summary>
    private void BuildWorkerMonths()
    {
        var monthOfBlock = new WorkerMonth[_attendance.BlockCount];
        for (int block = 0; block < monthOfBlock.Length; block++)
        {
            var worker = _workers[_attendance.WorkerOf(block)];
            _firstPunchDay[worker.Index] = Math.Min(_firstPunchDay[worker.Index], _attendance.FirstDay(block));
            var month = new WorkerMonth(worker, YearMonth.FromOrdinal(_attendance.MonthOf(block))) { AttendanceBlock = block };
            (month.Days, month.Seconds) = _attendance.Totals(block);
            worker.Months.Add(month);
            monthOfBlock[block] = month;
        }
        foreach (var (key, payroll) in _payroll)
        {
            int workerIndex = (int)(key >> 32);
            int ordinal = (int)(key & 0xFFFF_FFFF);
            WorkerMonth month;
            if (_attendance.TryGetBlock(workerIndex, ordinal, out int block))
            {
                month = monthOfBlock[block];
            }
            else
            {
                month = new WorkerMonth(_workers[workerIndex], YearMonth.FromOrdinal(ordinal));
                month.Worker.Months.Add(month);
            }
            month.Payroll = payroll;
        }
        _attendance.ReleaseDays();
        _payroll.Clear();
        _payroll.TrimExcess();

        foreach (var worker in _workers)
        {
            // Punches and payroll rows usually come in month order, so most workers' months need no sort.
            if (!InPeriodOrder(worker.Months)) worker.Months.Sort(static (a, b) => a.Period.CompareTo(b.Period));
            foreach (var month in worker.Months)
            {
                SummingAt(WorkersFile, worker.Line, month.Period.Ordinal);
                ComputeDue(month);
            }
        }
    }

    private static bool InPeriodOrder(List<WorkerMonth> months)
    {
        for (int i = 1; i < months.Count; i++)
        {
            if (months[i - 1].Period.Ordinal > months[i].Period.Ordinal) return false;
        }
        return true;
    }

    private void ComputeDue(WorkerMonth month)
    {
        var worker = month.Worker;
        if (month.Payroll is { } payroll)
        {
            month.DueFen = payroll.NetFen;
            month.DueSource = DueSource.Payroll;
        }
        else
        {
            month.DueSource = DueSource.Computed;
            month.DueFen = worker.WageType switch
            {
                WageType.Daily => checked(worker.RateFen * month.Days),
                WageType.Hourly => FenMath.Hourly(worker.RateFen, month.Seconds),
                WageType.Monthly => FenMath.MonthlyProrated(worker.RateFen, month.Days),
                // R13: nothing can be computed for piece work; MISSING_PAYROLL says so and payments flow past.
                _ => 0,
            };
        }
        month.DueDate = DueDateOf(month.Period);
        month.IsDue = month.DueDate.AddDays(_settings.GraceDays) < _asOf;
    }

    private DateOnly DueDateOf(YearMonth period)
    {
        if (!_dueDates.TryGetValue(period.Ordinal, out var date))
        {
            date = _calendar.DueDate(period, out long heldAtLine);
            _dueDates.Add(period.Ordinal, date);
            if (heldAtLine > 0)
            {
                // The calendar leaves no working day within the bound: the month's due date stops there, and says so.
                _findings.Add(new Finding
                {
                    Code = FindingCode.DataError,
                    Severity = Severity.Yellow,
                    Period = period,
                    DueDate = date,
                    Detail = date.AddDays(PayCalendar.MaxMoveBackDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Source = Source(CalendarFile, heldAtLine),
                });
            }
        }
        return date;
    }

    private DateOnly OnTimeLimit(WorkerMonth month) => month.DueDate.AddDays(_settings.GraceDays);

    /// <summary>1–30 days overdue yellow, 31–60 orange, more red.</summary>
    private static Severity SeverityByAge(int daysOverdue) => daysOverdue switch
    {
        <= 30 => Severity.Yellow,
        <= 60 => Severity.Orange,
        _ => Severity.Red,
    };

    private static LedgerStatus StatusOf(WorkerMonth month, long toleranceFen)
    {
        if (!month.IsDue) return LedgerStatus.Pending;
        if (month.DueFen > 0 && month.PaidFen == 0) return LedgerStatus.Unpaid;
        if (month.PaidFen < month.DueFen - toleranceFen) return LedgerStatus.Short;
        if (month.PaidOnTimeFen < month.DueFen - toleranceFen) return LedgerStatus.Late;
        return LedgerStatus.Ok;
    }

    /// <summary>Arrears and the per worker-month checks (§3.4, R22–R24).</summary>
    private void ReportWorkerMonths()
    {
        long tolerance = _settings.AmountTolerance.Fen;
        foreach (var worker in _workers)
        {
            foreach (var month in worker.Months)
            {
                SummingAt(WorkersFile, worker.Line, month.Period.Ordinal);
                ReportArrears(month, tolerance);
                ReportAttendanceChecks(month);
                ReportMinimumWage(month);
            }
        }
    }

    private void ReportArrears(WorkerMonth month, long tolerance)
    {
        var status = StatusOf(month, tolerance);
        if (status is LedgerStatus.Ok or LedgerStatus.Pending) return;

        int daysOverdue = _asOf.DayNumber - month.DueDate.DayNumber;
        var common = WorkerFinding(FindingCode.Unpaid, SeverityByAge(daysOverdue), month.Worker) with
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
                var paidOn = LineDate(completing);
                _findings.Add(common with
                {
                    Code = FindingCode.Late,
                    Severity = Severity.Yellow,
                    Actual = new Money(month.PaidOnTimeFen),
                    EventDate = paidOn,
                    Days = paidOn.DayNumber - month.DueDate.DayNumber,
                    TxnIds = TxnIdsOf(completing),
                    Source = LineSource(completing),
                });
                break;
        }
    }

    private void ReportAttendanceChecks(WorkerMonth month)
    {
        var worker = month.Worker;
        if (AttendanceSupplied && month.Days == 0 && month.AllocatedFen > 0)
        {
            _findings.Add(WorkerFinding(FindingCode.PaidWithoutAttendance, Severity.Orange, worker) with
            {
                Period = month.Period,
                Actual = new Money(month.AllocatedFen),
            });
        }

        if (AttendanceSupplied && month.Payroll?.Days is { } payrollDays && payrollDays != month.Days)
        {
            _findings.Add(WorkerFinding(FindingCode.DaysMismatch, Severity.Yellow, worker) with
            {
                Period = month.Period,
                Days = month.Days,
                Detail = payrollDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Source = Source(PayrollFile, month.Payroll.FirstLine),
            });
        }

        if (worker.WageType == WageType.Piece && month.Payroll is null && month.Days > 0)
        {
            _findings.Add(WorkerFinding(FindingCode.MissingPayroll, Severity.Yellow, worker) with
            {
                Period = month.Period,
                Days = month.Days,
            });
        }

        if (month.AttendanceBlock >= 0 && _attendance.TryGetOutsideTenure(month.AttendanceBlock, out var time, out long line))
        {
            _findings.Add(WorkerFinding(FindingCode.AttendanceOutsideTenure, Severity.Yellow, worker) with
            {
                Period = month.Period,
                EventDate = DateOnly.FromDateTime(time),
                Source = Source(AttendanceFile, line),
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
        _findings.Add(WorkerFinding(FindingCode.BelowMinimumWage, Severity.Orange, month.Worker) with
        {
            Period = month.Period,
            Expected = new Money(FenMath.MonthlyProrated(minimum.Fen, month.Days)),
            Actual = new Money(wage),
            Days = month.Days,
        });
    }

    /// <summary>R25: per due month, roster workers with a punch in it but nothing paid for it.</summary>
    private void ReportHeadcount()
    {
        // Counts per month ordinal, in arrays over the span of months present (small: the project's months).
        int first = int.MaxValue, last = int.MinValue;
        foreach (var worker in _workers)
        {
            if (worker.Months.Count == 0) continue;
            first = Math.Min(first, worker.Months[0].Period.Ordinal);
            last = Math.Max(last, worker.Months[^1].Period.Ordinal);
        }
        if (first > last) return;

        var with = new int[last - first + 1];
        var unpaid = new int[with.Length];
        foreach (var worker in _workers)
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

    private LedgerEntry[] BuildLedger()
    {
        long tolerance = _settings.AmountTolerance.Fen;
        var ledger = new List<LedgerEntry>();
        foreach (var worker in _workers)
        {
            foreach (var month in worker.Months)
            {
                SummingAt(WorkersFile, worker.Line, month.Period.Ordinal);
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
                    Status = StatusOf(month, tolerance),
                });
            }
        }
        return ledger.ToArray();
    }
}
