using PayrollRecon.Findings;
using PayrollRecon.Records;

namespace PayrollRecon.Generation;

internal sealed partial class ProjectBuilder
{
    /// <summary>Decides every worker-month's payroll row and due amount, then writes <c>payroll.csv</c>.</summary>
    private long WritePayroll(string path)
    {
        foreach (var w in _workers)
        {
            for (int i = 0; i < _n; i++)
            {
                PlanPayrollRow(w, i);
                w.Due[i] = w.Payroll[i].Present ? w.Payroll[i].Net : ComputedWage(w, i);
            }
        }

        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        csv.Header(_zh
            ? "身份证号,姓名,工资月份,出勤天数,hours,应发工资,扣款,实发工资"
            : "id_number,name,period,days,hours,gross,deductions,net");
        for (int i = 0; i < _n; i++)
        {
            foreach (var w in _workers)
            {
                ref readonly var p = ref w.Payroll[i];
                if (!p.Present) continue;
                csv.Text(w.IdNumber);
                csv.Text(w.Name);
                Period(csv, i);
                if (p.Days >= 0) csv.Int(p.Days); else csv.Empty();
                // Hours are informational (hundredths of an hour, truncated).
                if (w.WageType == WageType.Hourly && p.Days >= 0) csv.Money(w.Seconds[i] / 36); else csv.Empty();
                csv.Money(p.Gross);
                csv.Money(p.Deductions);
                csv.Money(p.Net);
                csv.EndRow();
            }
            foreach (var (month, worker) in _payrollJunk)
            {
                if (month != i) continue;
                var w = _workers[worker];
                csv.Text(w.IdNumber);
                csv.Text(w.Name);
                Period(csv, i);
                csv.Int(w.Days[i]);
                csv.Empty();
                long gross = Math.Max(w.Due[i], 100_000);
                csv.Money(gross);
                csv.Money(0);
                // Three decimals are an error, never rounded (R4).
                csv.Text($"{gross / 100}.{gross % 100:D2}{_rng.Next(1, 10)}");
                csv.EndRow();
            }
        }
        return csv.BytesWritten;
    }

    private void Period(CsvByteWriter csv, int i)
    {
        var ym = _months[i];
        if (_zh) csv.Text($"{ym.Year}年{ym.Month}月");
        else csv.Text(ym.ToString());
    }

    private void PlanPayrollRow(WorkerPlan w, int i)
    {
        bool defectMonth = w.DefectMonth == i;
        var code = defectMonth ? w.Defect : null;
        ref var p = ref w.Payroll[i];

        if (code == FindingCode.PaidWithoutAttendance)
        {
            // Paid from the sheet for a month with no punch; days left empty so no DAYS_MISMATCH arises.
            long gross = w.WageType switch
            {
                WageType.Daily => 22 * w.RateFen,
                WageType.Monthly => w.RateFen,
                WageType.Hourly => 220 * w.RateFen,
                _ => 22 * 30_000L,
            };
            p = new PayrollLine { Present = true, Gross = gross, Deductions = 0, Net = gross, Days = -1 };
            return;
        }
        if (code == FindingCode.MissingPayroll) return;

        bool needsRow = code is FindingCode.DaysMismatch or FindingCode.PayrollArithmetic or FindingCode.HeadcountMismatch
            or FindingCode.ExcessivePayment || (code == FindingCode.BelowMinimumWage && w.Variant == 0);
        if (w.Days[i] == 0 || (!w.HasPayroll && !needsRow)) return;

        long wage = w.WageType == WageType.Piece
            ? (w.Days[i] * _rng.Next(260, 421) * 100L) + _rng.Next(100)
            : ComputedWage(w, i);
        long deductions = _rng.NextDouble() < 0.5 ? 0 : Math.Min(_rng.Next(5, 31) * 1_000L, wage / 5);
        p = new PayrollLine { Present = true, Gross = wage, Deductions = deductions, Net = wage - deductions, Days = w.Days[i] };

        switch (code)
        {
            case FindingCode.DaysMismatch:
            {
                int delta = 1 + _rng.Next(3);
                // Fewer days only on a full month, so the sheet's gross stays above the prorated minimum wage.
                int days = w.Days[i] >= 10 && _rng.Next(2) == 0 ? w.Days[i] - delta : w.Days[i] + delta;
                p.Days = days;
                if (w.WageType == WageType.Daily)
                {
                    // The sheet pays the days it claims.
                    p.Gross = days * w.RateFen;
                    p.Deductions = Math.Min(p.Deductions, p.Gross / 5);
                    p.Net = p.Gross - p.Deductions;
                }
                break;
            }
            case FindingCode.PayrollArithmetic:
            {
                long delta = _rng.Next(10, 201) * 100L;
                p.Net = p.Gross - p.Deductions + (p.Net > delta && _rng.Next(2) == 0 ? -delta : delta);
                break;
            }
            case FindingCode.HeadcountMismatch:
                p.Deductions = p.Gross;
                p.Net = 0;
                break;
            case FindingCode.ExcessivePayment:
                // A year-end lump in one month's sheet: the single payment exceeds the 50,000 monthly cap.
                p.Gross = _rng.Next(56_000, 58_001) * 100L;
                p.Deductions = 100_000;
                p.Net = p.Gross - p.Deductions;
                break;
            case FindingCode.BelowMinimumWage:
            {
                // 70% of the prorated minimum, whole yuan: strictly below whatever the rounding.
                long threshold = w.Days[i] >= 22 ? _minMonthly : _minMonthly * w.Days[i] * 100 / 2175;
                p.Gross = threshold * 7 / 10 / 100 * 100;
                p.Deductions = 0;
                p.Net = p.Gross;
                break;
            }
        }
    }
}
