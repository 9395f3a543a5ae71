using System.Runtime.InteropServices;

using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Generation;

internal sealed partial class ProjectBuilder
{
    private long _openingBalance;

    /// <summary>Plans every bank line: labour funds, fees, interest and the wage payments of each due month.</summary>
    private void PlanBank()
    {
        PlanLaborFunds();
        PlanFeesAndInterest();
        // The last month is pending at asOf: its wages are not paid yet.
        for (int i = 0; i < _n - 1; i++) PlanWages(i);
        ApplyBatchMismatches();
    }

    private void PlanLaborFunds()
    {
        long maxBill = 0;
        for (int i = 0; i < _n; i++)
        {
            long bill = 0;
            foreach (var w in _workers) bill += w.Due[i];
            maxBill = Math.Max(maxBill, bill);
            // Scheduled in whole 10,000 yuan, a little above the month's wage bill.
            long amount = Math.Max(1_000_000, ((bill * 105 / 100) + 999_999) / 1_000_000 * 1_000_000);
            _laborAmount[i] = amount;
            var due = _laborDue[i];
            var ym = _months[i];
            string memo = _rng.Next(3) switch
            {
                0 => $"{ym.Year}年{ym.Month}月人工费拨付",
                1 => "人工费用拨付",
                _ => "农民工工资专用账户拨款",
            };
            if (_laborShort[i])
            {
                long missing = _rng.NextDouble() < 0.3
                    ? amount
                    : Math.Max(100_000, amount * _rng.Next(10, 41) / 100 / 100_000 * 100_000);
                if (amount - missing > 0) LaborCredit(due.AddDays(-_rng.Next(0, 7)), amount - missing, memo);
            }
            else if (_laborLate[i])
            {
                // After its own due date, but by the next item's due date (and asOf), so only this item is late.
                var limit = i < _n - 1 ? _laborDue[i + 1] : _asOf;
                int span = Math.Max(1, Math.Min(10, limit.DayNumber - due.DayNumber));
                LaborCredit(due.AddDays(1 + _rng.Next(span)), amount, memo);
            }
            else if (_rng.NextDouble() < 0.3 && amount >= 2_000_000)
            {
                long part = amount * 6 / 10 / 1_000_000 * 1_000_000;
                LaborCredit(due.AddDays(-_rng.Next(5, 11)), part, memo);
                LaborCredit(due.AddDays(-_rng.Next(0, 5)), amount - part, memo);
            }
            else
            {
                LaborCredit(due.AddDays(-_rng.Next(0, 7)), amount, memo);
            }
        }
        // Money already in the account before the statement starts (the first balance is not checked).
        _openingBalance = (((maxBill * 2) + 999_999) / 1_000_000 * 1_000_000) + 10_000_000;
    }

    private void LaborCredit(DateOnly date, long amount, string memo) => AddEvent(new BankEvent
    {
        Date = date, Second = RandomSecond(9, 12), Debit = false, Amount = amount, Name = _client,
        Account = _clientAccount, Memo = memo, Kind = BankEventKind.LaborFunds,
    });

    private void PlanFeesAndInterest()
    {
        for (int i = 0; i <= _n; i++)
        {
            var ym = _months[0].AddMonths(i);
            var feeDate = new DateOnly(ym.Year, ym.Month, 20);
            if (feeDate <= _asOf)
            {
                AddEvent(new BankEvent
                {
                    Date = feeDate, Second = RandomSecond(17, 18), Debit = true, Amount = _rng.Next(2, 7) * 100L,
                    Name = _rng.Next(2) == 0 ? _bankName : null, Memo = Pick(["短信服务费", "短信通知费"]), Kind = BankEventKind.Fee,
                });
            }
            if (ym.Month == 1 && feeDate.AddDays(-15) <= _asOf)
            {
                AddEvent(new BankEvent
                {
                    Date = feeDate.AddDays(-15), Second = RandomSecond(17, 18), Debit = true, Amount = 10_000,
                    Name = _bankName, Memo = Pick(["账户管理费", "年费"]), Kind = BankEventKind.Fee,
                });
            }
            var interestDate = new DateOnly(ym.Year, ym.Month, 21);
            if (ym.Month % 3 == 0 && interestDate <= _asOf)
            {
                AddEvent(new BankEvent
                {
                    Date = interestDate, Second = RandomSecond(0, 2), Debit = false, Amount = _rng.Next(8_000, 80_001),
                    Name = _rng.Next(2) == 0 ? _bankName : null, Memo = Pick(["结息", "利息", "存款利息"]), Kind = BankEventKind.Interest,
                });
            }
        }
    }

    /// <summary>Plans the payments of month <paramref name="i"/>'s wages (made in the following month).</summary>
    private void PlanWages(int i)
    {
        var due = _dueDates[i];
        var payMonthFirst = _months[i + 1].FirstDay;
        var monthBatches = new List<(int Employer, BatchPlan Batch)>();

        foreach (var w in _workers)
        {
            long amount = w.Due[i];
            if (amount <= 0) continue;
            bool defectHere = w.DefectMonth == i;
            if (defectHere && w.Defect == FindingCode.Unpaid) continue;
            // A defect carrier's memos always name the month, so no payment drifts into another month (§3.3).
            string memo = w.IsPlain ? WageMemo(i) : NamedMemo(i);

            if (w.ByBatch && w.IsPlain)
            {
                int k = monthBatches.FindIndex(b => b.Employer == w.Employer);
                BatchPlan batch;
                if (k >= 0)
                {
                    batch = monthBatches[k].Batch;
                }
                else
                {
                    var date = NormalPayDate(due, payMonthFirst);
                    var ym = _months[i];
                    batch = new BatchPlan
                    {
                        BatchId = NewBatchId(date), Month = i, Date = date,
                        LumpMemo = _rng.NextDouble() < 0.6 ? $"代发{ym.Year}年{ym.Month}月工资" : "代发工资",
                    };
                    monthBatches.Add((w.Employer, batch));
                }
                bool failed = _rng.NextDouble() < 0.03;
                batch.Details.Add(new BatchDetail(w.PayAccount, w.PayName, amount, failed, _rng.NextDouble() < 0.2 ? "工资" : null));
                // A failed line pays nobody; the employer pays that worker directly by the due date.
                if (failed) Wage(w, due, (16 * 3600) + 1800 + _rng.Next(1800), amount, memo);
                continue;
            }

            if (!defectHere)
            {
                if (w.IsPlain && _rng.NextDouble() < 0.015 && due.AddDays(-2) >= payMonthFirst)
                {
                    // Returned by the receiving bank (退汇) and paid again, all before the due date.
                    var d0 = due.AddDays(-2);
                    Wage(w, d0, RandomSecond(10, 16), amount, memo);
                    AddEvent(new BankEvent
                    {
                        Date = d0.AddDays(1), Second = RandomSecond(9, 12), Debit = false, Amount = amount, Name = w.PayName,
                        Account = w.PayAccount, Memo = Pick(["退汇", "收款账户异常退回"]), Kind = BankEventKind.Refund,
                    });
                    Wage(w, due, RandomSecond(13, 16), amount, memo);
                }
                else
                {
                    Wage(w, NormalPayDate(due, payMonthFirst), RandomSecond(10, 16), amount, memo);
                }
                continue;
            }

            PlanDefectPayment(w, i, amount, memo, due, payMonthFirst);
        }

        foreach (var (_, batch) in monthBatches)
        {
            long total = 0;
            foreach (var d in batch.Details) total += d.Amount;
            batch.EventIndex = _events.Count;
            AddEvent(new BankEvent
            {
                Date = batch.Date, Second = (9 * 3600) + 1800 + _rng.Next(3600), Debit = true, Amount = total,
                Memo = batch.LumpMemo, BatchId = batch.BatchId, Kind = BankEventKind.BatchLump,
            });
            AddEvent(new BankEvent
            {
                Date = batch.Date, Second = RandomSecond(17, 18), Debit = true, Amount = Math.Max(100, batch.Details.Count * 50L),
                Name = _rng.Next(2) == 0 ? _bankName : null, Memo = "代发手续费", Kind = BankEventKind.Fee,
            });
            _batches.Add(batch);
        }
    }

    private void PlanDefectPayment(WorkerPlan w, int i, long amount, string memo, DateOnly due, DateOnly payMonthFirst)
    {
        var date = NormalPayDate(due, payMonthFirst);
        int second = RandomSecond(10, 16);
        switch (w.Defect)
        {
            case FindingCode.Shortfall:
            {
                long missing = Math.Max(10_000, amount * _rng.Next(10, 61) / 100 / 100 * 100);
                if (missing >= amount) missing = amount / 2;
                Wage(w, date, second, amount - missing, memo);
                break;
            }
            case FindingCode.Late:
            {
                var late = Min(due.AddDays(3 + _rng.Next(19)), _asOf.AddDays(-1));
                long part = amount * 6 / 10 / 100 * 100;
                if (w.Variant == 1 && part > 0 && amount - part > 0 && part != amount - part)
                {
                    Wage(w, date, second, part, memo);
                    Wage(w, late, RandomSecond(10, 16), amount - part, memo);
                }
                else
                {
                    Wage(w, late, second, amount, memo);
                }
                break;
            }
            case FindingCode.NameMismatch:
                Wage(w, date, second, amount, memo, name: w.AltName);
                break;
            case FindingCode.AccountMismatch:
                Wage(w, date, second, amount, memo, account: w.AltAccount);
                break;
            case FindingCode.Overpaid:
                Wage(w, date, second, amount + (_rng.Next(100, 2_001) * 100L), memo);
                break;
            case FindingCode.DuplicatePayment:
            {
                Wage(w, date, second, amount, memo);
                var again = Min(date.AddDays(1 + _rng.Next(5)), _asOf.AddDays(-1));
                if (again < date) again = date;
                Wage(w, again, (16 * 3600) + 2400 + _rng.Next(1200), amount, memo);
                break;
            }
            case FindingCode.ExcessivePayment:
                Wage(w, date, second, amount, memo);
                Expect(FindingCode.ExcessivePayment, w.WorkerId, YearMonth.Of(date));
                break;
            default:
                Wage(w, date, second, amount, memo);
                break;
        }
    }

    private DateOnly NormalPayDate(DateOnly due, DateOnly payMonthFirst)
    {
        var d = due.AddDays(-_rng.Next(0, 4));
        return d < payMonthFirst ? due : d;
    }

    private void Wage(WorkerPlan w, DateOnly date, int second, long amount, string memo, string? name = null, string? account = null)
    {
        AddEvent(new BankEvent
        {
            Date = date, Second = second, Debit = true, Amount = amount, Name = name ?? w.PayName,
            Account = account ?? w.PayAccount, Memo = memo, Kind = BankEventKind.Wage,
        });
        // With no card registered, every payment is identified by the name alone (§3.2 step 3).
        if (w.Defect == FindingCode.InvalidBankAccount && w.Variant == 1) Expect(FindingCode.AccountMismatch, w.WorkerId);
    }

    private string WageMemo(int i)
    {
        var ym = _months[i];
        double r = _rng.NextDouble();
        return r switch
        {
            < 0.4 => $"{ym.Year}年{ym.Month}月工资",
            < 0.6 => $"{ym.Month}月工资",
            < 0.7 => $"{ym.Year}{ym.Month:D2}工资",
            < 0.8 => "工资",
            < 0.9 => "劳务费",
            _ => "代发工资",
        };
    }

    private string NamedMemo(int i) => $"{_months[i].Year}年{_months[i].Month}月工资";

    private void ApplyBatchMismatches()
    {
        var events = CollectionsMarshal.AsSpan(_events);
        foreach (int month in _batchMismatchMonths)
        {
            var batch = _batches.Find(b => b.Month == month && !b.Mismatched) ?? _batches.Find(b => !b.Mismatched);
            if (batch is null) continue;
            ref var lump = ref events[batch.EventIndex];
            long delta = _rng.Next(1, 501) * 100L;
            if (_rng.Next(2) == 0 && lump.Amount > delta) delta = -delta;
            lump.Amount += delta;
            batch.Mismatched = true;
            Expect(FindingCode.BatchTotalMismatch);
        }
    }

    /// <summary>R28 on the planned labour-fund credits: one LATE or SHORT finding per schedule item due before asOf.</summary>
    private void AddLaborFundFindings()
    {
        long scheduled = 0;
        for (int i = 0; i < _n; i++)
        {
            scheduled += _laborAmount[i];
            var due = _laborDue[i];
            if (due >= _asOf) continue;
            long byDue = 0, byAsOf = 0;
            foreach (var e in _events)
            {
                if (e.Kind != BankEventKind.LaborFunds) continue;
                if (e.Date <= due) byDue += e.Amount;
                if (e.Date <= _asOf) byAsOf += e.Amount;
            }
            if (byAsOf < scheduled) Expect(FindingCode.LaborFundsShort, "", _months[i]);
            else if (byDue < scheduled) Expect(FindingCode.LaborFundsLate, "", _months[i]);
        }
    }

    /// <summary>Writes <c>bank.csv</c> in date order with a running balance, planting balance breaks and repeated lines.</summary>
    /// <returns>The number of statement lines written.</returns>
    private long WriteBank(string path, ref long bytes)
    {
        var order = new int[_events.Count];
        for (int k = 0; k < order.Length; k++) order[k] = k;
        Array.Sort(order, (a, b) =>
        {
            var x = _events[a];
            var y = _events[b];
            int c = x.Date.CompareTo(y.Date);
            if (c != 0) return c;
            c = x.Second.CompareTo(y.Second);
            return c != 0 ? c : x.Seq.CompareTo(y.Seq);
        });

        var breakPending = new bool[_n + 1];
        foreach (int m in _breakMonths) breakPending[m] = true;
        var dupPending = new bool[_n + 1];
        foreach (int m in _dupMonths) dupPending[m] = true;

        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        bool b = _o.BankLayoutB;
        csv.Header((b, _zh) switch
        {
            (false, false) => "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id",
            (false, true) => "交易流水号,交易时间,借贷标志,交易金额,账户余额,对方户名,对方账号,摘要,批次号",
            (true, false) => "date,time,debit,credit,balance,counterparty_name,counterparty_account,memo,txn_id,batch_id",
            (true, true) => "交易日期,交易时间,借方发生额(元),贷方发生额(元),余额(元),对方户名,对方账号,摘要,流水号,批次号",
        });

        long balance = _openingBalance;
        int accepted = 0;
        long counter = 0;
        foreach (int k in order)
        {
            var e = _events[k];
            string txn = $"{e.Date.Year:D4}{e.Date.Month:D2}{e.Date.Day:D2}{++counter:D8}";
            if (e.Kind == BankEventKind.Junk)
            {
                // An unreadable line takes part in nothing, the balance chain included (R15).
                BankLine(csv, e, txn, balance, junk: true);
                continue;
            }
            balance += e.Debit ? -e.Amount : e.Amount;
            int m = _months[0].FirstDay <= e.Date ? YearMonth.Of(e.Date).Ordinal - _months[0].Ordinal : -1;
            // The first accepted line is never checked, so a break needs at least one line before it.
            if (accepted >= 1 && m >= 0 && m < _n && breakPending[m])
            {
                breakPending[m] = false;
                long delta = (_rng.Next(1, 1_000) * 100L) + _rng.Next(100);
                balance += _rng.Next(2) == 0 ? delta : -delta;
                Expect(FindingCode.BalanceBreak);
            }
            BankLine(csv, e, txn, balance, junk: false);
            accepted++;
            if (accepted >= 2 && m >= 0 && m < _n && dupPending[m])
            {
                // The same line exported twice: the copy is left out of everything.
                dupPending[m] = false;
                BankLine(csv, e, txn, balance, junk: false);
                Expect(FindingCode.DuplicateTxn);
            }
        }
        bytes += csv.BytesWritten;
        return csv.Rows - 1;
    }

    private void BankLine(CsvByteWriter csv, in BankEvent e, string txn, long balance, bool junk)
    {
        // A date that does not exist (the day after the month's last): a DATA_ERROR in CSV and in a workbook alike. (A row
        // that drops trailing fields is read under R36, and a workbook has no field count, so neither is planted.)
        bool badDate = junk && e.JunkVariant == 1;
        string noSuchDay = $"{e.Date.Year:D4}{e.Date.Month:D2}{System.DateTime.DaysInMonth(e.Date.Year, e.Date.Month) + 1:D2}";
        if (!_o.BankLayoutB)
        {
            csv.Text(txn);
            if (badDate) csv.Text($"{noSuchDay[..4]}-{noSuchDay[4..6]}-{noSuchDay[6..]} 10:00:00");
            else csv.DateTime(e.Date, e.Second);
            csv.Text(e.Debit ? (_zh ? "借" : "D") : (_zh ? "贷" : "C"));
            if (junk && e.JunkVariant == 0) csv.Text($"{e.Amount / 100}.{e.Amount % 100:D2}{_rng.Next(1, 10)}");
            else csv.Money(e.Amount);
            csv.Money(balance);
            csv.Text(e.Name);
            csv.Text(e.Account);
            csv.Text(e.Memo);
            csv.Text(e.BatchId);
        }
        else
        {
            if (badDate) csv.Text(noSuchDay);
            else csv.Date(e.Date, DateStyle.Compact);
            csv.Time(e.Second);
            bool both = junk && e.JunkVariant == 0;
            if (e.Debit || both) csv.Money(e.Amount, grouped: true); else csv.Empty();
            if (!e.Debit || both) csv.Money(e.Amount, grouped: true); else csv.Empty();
            csv.Money(balance, grouped: true);
            csv.Text(e.Name);
            csv.Text(e.Account);
            csv.Text(e.Memo);
            csv.Text(txn);
            csv.Text(e.BatchId);
        }
        csv.EndRow();
    }

    private long WriteBatches(string path)
    {
        using var csv = new CsvByteWriter(path, _encoding, _o.Crlf);
        csv.Header(_zh ? "batch_id,收款账号,户名,amount,status,memo" : "batch_id,bank_account,name,amount,status,memo");
        foreach (var batch in _batches)
        {
            foreach (var d in batch.Details)
            {
                csv.Text(batch.BatchId);
                csv.Text(d.Account);
                csv.Text(d.Name);
                csv.Money(d.Amount);
                csv.Text(d.Failed ? (_zh ? "失败" : "failed") : (_zh ? "成功" : "success"));
                csv.Text(d.Memo);
                csv.EndRow();
            }
        }
        return csv.BytesWritten;
    }
}
