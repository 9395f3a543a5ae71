using System.Text;

using PayrollRecon.Findings;
using PayrollRecon.Records;

namespace PayrollRecon.Generation;

internal sealed partial class ProjectBuilder
{
    /// <summary>Gives each worker a defect with probability <see cref="GeneratorOptions.DefectRate"/>; kinds are dealt
    /// from a shuffled deck so that every enabled kind appears once before any repeats.</summary>
    private void PlanWorkerDefects()
    {
        var deck = new DefectDeck(WorkerCodes.Where(Enabled).ToArray(), _rng);
        if (!deck.IsEmpty)
        {
            foreach (var w in _workers)
            {
                if (_rng.NextDouble() >= _o.DefectRate) continue;
                var code = deck.Draw(FeasibleForWorker);
                if (code is { } c) Shape(w, c);
            }
        }
        ResolveSharedAccounts();
        PlanNameVariants();
    }

    private bool Enabled(FindingCode code) => _o.Defects is null || _o.Defects.Contains(code);

    private bool FeasibleForWorker(FindingCode code) => code switch
    {
        FindingCode.Unpaid or FindingCode.Shortfall or FindingCode.Late or FindingCode.Overpaid or FindingCode.NameMismatch
            or FindingCode.AccountMismatch or FindingCode.DuplicatePayment or FindingCode.ExcessivePayment
            or FindingCode.PaidWithoutAttendance or FindingCode.HeadcountMismatch => _n >= 2,
        FindingCode.SharedBankAccount => _o.Workers >= 2,
        _ => true,
    };

    /// <summary>Turns a worker into the carrier of one defect and records the findings the SPEC rules raise for it.</summary>
    private void Shape(WorkerPlan w, FindingCode code)
    {
        w.Defect = code;
        w.ByBatch = false;
        int dueMonth = _n >= 2 ? _rng.Next(0, _n - 1) : 0;
        int anyMonth = _rng.Next(0, _n);
        string id = w.WorkerId;
        switch (code)
        {
            case FindingCode.Unpaid:
                FullTenure(w);
                w.DefectMonth = dueMonth;
                _zeroPaid[dueMonth] = true;
                Expect(code, id, _months[dueMonth]);
                break;
            case FindingCode.Shortfall:
            case FindingCode.Late:
                FullTenure(w);
                w.DefectMonth = dueMonth;
                w.Variant = _rng.Next(2);
                Expect(code, id, _months[dueMonth]);
                break;
            case FindingCode.NameMismatch:
                FullTenure(w);
                w.DefectMonth = dueMonth;
                w.AltName = NewPersonName();
                Expect(code, id);
                break;
            case FindingCode.AccountMismatch:
                FullTenure(w);
                w.DefectMonth = dueMonth;
                w.AltAccount = NewUniqueCard();
                Expect(code, id);
                break;
            case FindingCode.Overpaid:
            case FindingCode.DuplicatePayment:
            {
                // A leaver: the excess of the last payment finds no later month to flow into, so it stays an excess.
                int e = dueMonth;
                Leaver(w, e);
                w.DefectMonth = e;
                if (code == FindingCode.DuplicatePayment) Expect(code, id, _months[e]);
                Expect(FindingCode.Overpaid, id);
                break;
            }
            case FindingCode.ExcessivePayment:
                FullTenure(w);
                w.WageType = WageType.Monthly;
                w.RateFen = _rng.Next(80, 121) * 10_000L;
                w.Team = "项目管理";
                w.Trade = Pick(ChineseText.StaffTrades);
                w.DefectMonth = dueMonth;
                // EXCESSIVE_PAYMENT carries the calendar month of the payment: recorded when the payment is dated.
                break;
            case FindingCode.PaidWithoutAttendance:
                FullTenure(w);
                w.DefectMonth = dueMonth;
                w.SkipMonth = dueMonth;
                Expect(code, id, _months[dueMonth]);
                break;
            case FindingCode.DaysMismatch:
            case FindingCode.PayrollArithmetic:
                FullTenure(w);
                w.DefectMonth = anyMonth;
                Expect(code, id, _months[anyMonth]);
                break;
            case FindingCode.MissingPayroll:
                FullTenure(w);
                w.WageType = WageType.Piece;
                w.RateFen = 0;
                w.HasPayroll = true;
                w.DefectMonth = anyMonth;
                Expect(code, id, _months[anyMonth]);
                // Due is 0 and nothing is paid: a due month also counts in HEADCOUNT_MISMATCH.
                if (anyMonth < _n - 1) _zeroPaid[anyMonth] = true;
                break;
            case FindingCode.BelowMinimumWage:
                FullTenure(w);
                w.Variant = _rng.Next(2);
                if (w.Variant == 0)
                {
                    // The payroll sheet states a gross below the prorated monthly minimum for one month.
                    if (w.WageType == WageType.Piece) { w.WageType = WageType.Daily; w.RateFen = 20_000; }
                    w.DefectMonth = anyMonth;
                    Expect(code, id, _months[anyMonth]);
                }
                else
                {
                    w.WageType = WageType.Hourly;
                    w.RateFen = _minHourly - (_rng.Next(1, 5) * 50L);
                    w.HasPayroll = _employers[w.Employer].Payroll;
                    Expect(code, id);
                }
                break;
            case FindingCode.HeadcountMismatch:
                // An advance (借支) eats the whole month's wage: net 0, so nothing is due and nothing is paid.
                FullTenure(w);
                w.DefectMonth = dueMonth;
                _zeroPaid[dueMonth] = true;
                break;
            case FindingCode.AttendanceOutsideTenure:
                PlanOutsideTenure(w);
                break;
            case FindingCode.InvalidIdNumber:
            {
                FullTenure(w);
                w.Variant = _rng.Next(3);
                string bad = w.Variant switch
                {
                    0 => IdentityNumbers.WithWrongCheck(w.IdNumber),
                    1 => IdentityNumbers.WithImpossibleBirthDate(w.IdNumber),
                    _ => IdentityNumbers.FifteenDigitForm(w.IdNumber),
                };
                if (!_ids.Add(bad)) { w.Defect = null; break; }
                w.IdNumber = bad;
                w.AttendanceId = Encoding.ASCII.GetBytes(bad);
                Expect(code, id);
                break;
            }
            case FindingCode.UnderageWorker:
            {
                FullTenure(w);
                var entry = _months[0].FirstDay.AddDays(-_rng.Next(1, 60));
                w.Entry = entry;
                var birth = entry.AddYears(-15).AddDays(-_rng.Next(1, 300));
                w.IdNumber = NewUniqueId(birth);
                w.AttendanceId = Encoding.ASCII.GetBytes(w.IdNumber);
                Expect(code, id);
                break;
            }
            case FindingCode.DuplicateWorker:
            {
                // The roster lists the same id again further down (re-registered); the later row is the one reported.
                string dupId = NewWorkerId();
                _extraRows.Add(new RosterExtra(w, dupId, w.IdNumber, w.BankAccount, BlankName: false));
                Expect(code, dupId);
                break;
            }
            case FindingCode.SharedBankAccount:
                // Partner chosen once every worker's defect is known (it must be a clean worker).
                break;
            case FindingCode.InvalidBankAccount:
                FullTenure(w);
                w.Variant = _rng.Next(2);
                if (w.Variant == 0)
                {
                    // Nine digits: invalid length, yet money sent to that same number still matches it (R12).
                    string shortAccount;
                    do shortAccount = IdentityNumbers.NewAccount(_rng, "6", 9); while (!_cards.Add(shortAccount));
                    w.BankAccount = w.PayAccount = shortAccount;
                }
                else
                {
                    // No card registered: every payment to the real card is identified by name → ACCOUNT_MISMATCH.
                    w.BankAccount = "";
                }
                Expect(code, id);
                break;
        }
    }

    private void FullTenure(WorkerPlan w)
    {
        var first = _months[0].FirstDay;
        if (w.AttendFrom == first && w.Exit is null && w.AttendTo == LastDay(_n - 1)) return;
        w.AttendFrom = first;
        w.AttendTo = LastDay(_n - 1);
        w.Exit = null;
        w.Entry = first.AddDays(-_rng.Next(1, 121));
    }

    private void Leaver(WorkerPlan w, int exitMonth)
    {
        var first = _months[0].FirstDay;
        w.Entry = first.AddDays(-_rng.Next(1, 121));
        w.AttendFrom = first;
        w.Exit = w.AttendTo = DayIn(exitMonth, 8, 25);
    }

    /// <summary>One or two punch days just before the entry date or just after the exit date, all in one month.</summary>
    private void PlanOutsideTenure(WorkerPlan w)
    {
        int month = _rng.Next(0, _n);
        int extra = 1 + _rng.Next(2);
        var dates = new DateOnly[extra];
        if (_rng.Next(2) == 0)
        {
            var entry = DayIn(month, 8, 20);
            w.Entry = w.AttendFrom = entry;
            w.AttendTo = LastDay(_n - 1);
            w.Exit = null;
            for (int k = 0; k < extra; k++) dates[k] = entry.AddDays(-1 - (k * 2));
        }
        else
        {
            var exit = DayIn(month, 5, 20);
            w.Entry = _months[0].FirstDay.AddDays(-_rng.Next(1, 121));
            w.AttendFrom = _months[0].FirstDay;
            w.Exit = w.AttendTo = exit;
            for (int k = 0; k < extra; k++) dates[k] = exit.AddDays(1 + (k * 2));
        }
        w.ExtraDates = dates;
        w.DefectMonth = month;
        Expect(FindingCode.AttendanceOutsideTenure, w.WorkerId, _months[month]);
    }

    /// <summary>Pairs every SHARED_BANK_ACCOUNT worker with a clean worker; the later of the two in roster order
    /// takes the earlier one's card and is the one reported (R10).</summary>
    private void ResolveSharedAccounts()
    {
        foreach (var w in _workers)
        {
            if (w.Defect != FindingCode.SharedBankAccount) continue;
            var candidates = _workers.Where(c => c.IsPlain).ToList();
            if (candidates.Count == 0) { w.Defect = null; continue; }
            var partner = candidates[_rng.Next(candidates.Count)];
            partner.Reserved = true;
            partner.ByBatch = false;
            var (first, later) = partner.Index < w.Index ? (partner, w) : (w, partner);
            later.BankAccount = later.PayAccount = first.BankAccount;
            Expect(FindingCode.SharedBankAccount, later.WorkerId);
        }
    }

    /// <summary>Gives each month a project-level defect with probability <see cref="GeneratorOptions.DefectRate"/>.</summary>
    private void PlanProjectDefects()
    {
        var deck = new DefectDeck(ProjectCodes.Where(Enabled).ToArray(), _rng);
        if (deck.IsEmpty) return;
        for (int i = 0; i < _n; i++)
        {
            if (_rng.NextDouble() >= _o.DefectRate) continue;
            var code = deck.Draw(c => c != FindingCode.BatchTotalMismatch || (_n >= 2 && _workers.Any(w => w.ByBatch && w.IsPlain)));
            if (code is { } c) PlanProjectDefect(c, i);
        }
    }

    private void PlanProjectDefect(FindingCode code, int i)
    {
        switch (code)
        {
            case FindingCode.UnknownPayee:
                AddEvent(new BankEvent
                {
                    Date = DayIn(i, 3, 28), Second = RandomSecond(10, 16), Debit = true,
                    Amount = _rng.Next(3_000, 12_001) * 100L, Name = NewPersonName(), Account = NewUniqueCard(),
                    Memo = Pick(["借支", "劳务费", "工资", "生活费"]), Kind = BankEventKind.Misuse,
                });
                Expect(code);
                break;
            case FindingCode.NonWageDebit:
            {
                var e = new BankEvent { Date = DayIn(i, 3, 28), Second = RandomSecond(10, 16), Debit = true, Kind = BankEventKind.Misuse };
                switch (_rng.Next(3))
                {
                    case 0:
                        e.Name = _city + Pick(ChineseText.FirmWords) + Pick(ChineseText.SupplierSuffixes);
                        e.Account = IdentityNumbers.NewAccount(_rng, "4102", 20);
                        e.Memo = Pick(["材料款", "钢材款", "设备租赁款", "商砼款"]);
                        e.Amount = _rng.Next(20_000, 200_001) * 100L;
                        break;
                    case 1:
                        e.Memo = Pick(["现金支取", "取现"]);
                        e.Amount = _rng.Next(5, 51) * 100_000L;
                        break;
                    default:
                        e.Name = _contractor + _city + "项目部";
                        e.Account = IdentityNumbers.NewAccount(_rng, "4105", 20);
                        e.Memo = Pick(["往来款", "备用金", "借款"]);
                        e.Amount = _rng.Next(10_000, 100_001) * 100L;
                        break;
                }
                AddEvent(e);
                Expect(code);
                break;
            }
            case FindingCode.BatchTotalMismatch:
                _batchMismatchMonths.Add(i);
                break;
            case FindingCode.BatchDetailMissing:
            {
                var date = DayIn(i, 3, 28);
                AddEvent(new BankEvent
                {
                    Date = date, Second = RandomSecond(9, 11), Debit = true, Amount = _rng.Next(20_000, 80_001) * 100L,
                    Memo = "代发工资", BatchId = NewBatchId(date), Kind = BankEventKind.BatchLump,
                });
                Expect(code);
                break;
            }
            case FindingCode.UnmatchedRefund:
                AddEvent(new BankEvent
                {
                    Date = DayIn(i, 3, 28), Second = RandomSecond(9, 16), Debit = false,
                    Amount = _rng.Next(1_000, 6_001) * 100L, Name = NewPersonName(), Account = NewUniqueCard(),
                    Memo = Pick(["退汇", "退款", "跨行汇款退回"]), Kind = BankEventKind.Refund,
                });
                Expect(code);
                break;
            case FindingCode.BalanceBreak:
                _breakMonths.Add(i);
                break;
            case FindingCode.DuplicateTxn:
                _dupMonths.Add(i);
                break;
            case FindingCode.UnregisteredWorker:
            {
                var birth = _months[0].FirstDay.AddDays(-_rng.Next(20 * 366, 55 * 365));
                string id = NewUniqueId(birth);
                int days = 3 + _rng.Next(8);
                var dates = new SortedSet<DateOnly>();
                while (dates.Count < days) dates.Add(DayIn(i, 1, 31));
                _unregistered.Add(new Unregistered(id, i, [.. dates]));
                Expect(code, IdentityNumbers.Mask(id), _months[i]);
                break;
            }
            case FindingCode.LaborFundsLate:
                _laborLate[i] = true;
                break;
            case FindingCode.LaborFundsShort:
                _laborShort[i] = true;
                break;
            case FindingCode.DataError:
                PlanDataError(i);
                Expect(code);
                break;
        }
    }

    /// <summary>One unreadable row: a bank line with a bad amount or missing field, a punch on a date that does not
    /// exist, a payroll row with a three-decimal net, or a roster row without a name. None of them replaces real data.</summary>
    private void PlanDataError(int i)
    {
        double r = _rng.NextDouble();
        if (r < 0.4)
        {
            AddEvent(new BankEvent
            {
                Date = DayIn(i, 2, 28), Second = RandomSecond(9, 17), Debit = _rng.Next(2) == 0,
                Amount = _rng.Next(100, 50_000) * 100L, Name = NewPersonName(), Account = NewUniqueCard(),
                Memo = "转账", Kind = BankEventKind.Junk, JunkVariant = _rng.Next(2),
            });
        }
        else if (r < 0.65)
        {
            _attendanceJunk.Add((i, _rng.Next(_workers.Count)));
        }
        else if (r < 0.8)
        {
            _payrollJunk.Add((i, _rng.Next(_workers.Count)));
        }
        else
        {
            var template = _workers[_rng.Next(_workers.Count)];
            var birth = _months[0].FirstDay.AddDays(-_rng.Next(20 * 366, 55 * 365));
            _extraRows.Add(new RosterExtra(template, NewWorkerId(), NewUniqueId(birth), NewUniqueCard(), BlankName: true));
        }
    }

    private int RandomSecond(int fromHour, int toHour) => (fromHour * 3600) + _rng.Next((toHour - fromHour) * 3600);

    private string NewBatchId(DateOnly date) => $"PL{date.Year:D4}{date.Month:D2}{date.Day:D2}{++_batchSeq:D3}";

    private void AddEvent(BankEvent e)
    {
        e.Seq = _events.Count;
        _events.Add(e);
    }

    /// <summary>Deals defect kinds from a shuffled deck, reshuffling when it runs out.</summary>
    private sealed class DefectDeck(FindingCode[] kinds, Random rng)
    {
        private readonly List<FindingCode> _pile = [];

        public bool IsEmpty => kinds.Length == 0;

        /// <summary>The next kind that is feasible, or null when a whole deck's worth of draws found none.</summary>
        public FindingCode? Draw(Func<FindingCode, bool> feasible)
        {
            for (int attempt = 0; attempt < kinds.Length; attempt++)
            {
                if (_pile.Count == 0)
                {
                    _pile.AddRange(kinds);
                    for (int k = _pile.Count - 1; k > 0; k--)
                    {
                        int j = rng.Next(k + 1);
                        (_pile[k], _pile[j]) = (_pile[j], _pile[k]);
                    }
                }
                var code = _pile[^1];
                _pile.RemoveAt(_pile.Count - 1);
                if (feasible(code)) return code;
            }
            return null;
        }
    }
}
