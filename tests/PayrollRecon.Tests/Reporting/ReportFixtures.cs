using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Project;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reporting;

/// <summary>Hand-built results for the writer tests.</summary>
internal static class ReportFixtures
{
    internal const string IdZhang = "410302198506123418";
    internal const string IdLi = "41030219900101002X";
    internal const string IdUnregistered = "410303199212120011";
    internal const string CardZhang = "6222021234567890123";
    internal const string ProjectAccount = "41050100000000000001";

    internal static Money Yuan(long yuan, int fen = 0) => Money.FromYuan(yuan, fen);

    /// <summary>A small result with the awkward cases: quoting, injection, masking, missing fields.</summary>
    internal static ReconciliationResult Small()
    {
        var settings = new ProjectSettings
        {
            Code = "LY-2023-0017",
            Name = "洛阳市某安置房项目",
            Contractor = "某建设集团有限公司",
            Account = ProjectAccount,
            AsOf = new DateOnly(2024, 2, 1),
            PayDay = 15,
        };
        var findings = new List<Finding>
        {
            new()
            {
                Code = FindingCode.NonWageDebit, Severity = Severity.Red, Amount = Yuan(5000), EventDate = new DateOnly(2024, 1, 20),
                TxnIds = ["T0003"], Source = "bank.csv:4", Detail = "=HYPERLINK(\"x\")",
            },
            new()
            {
                Code = FindingCode.Unpaid, Severity = Severity.Orange, Employer = "宏达劳务, 二队", WorkerId = IdZhang,
                WorkerName = "张三", IdNumber = IdZhang, Period = new YearMonth(2023, 11), Amount = Yuan(3000),
                Expected = Yuan(3000), Actual = Money.Zero, DueDate = new DateOnly(2023, 12, 15), Days = 48,
            },
            new()
            {
                Code = FindingCode.NameMismatch, Severity = Severity.Orange, Employer = "宏达劳务", WorkerId = "W002",
                WorkerName = "李四", IdNumber = IdLi, Amount = Yuan(-12, -50), EventDate = new DateOnly(2024, 1, 10),
                TxnIds = ["T0001", "T0002"], Source = "bank.csv:2", Detail = "李\"四\"",
            },
            new()
            {
                Code = FindingCode.DataError, Severity = Severity.Yellow, Source = "workers.csv:9",
                Detail = "column bank_account: invalid account '" + CardZhang + "x'",
            },
        };
        return Result(settings, findings, [], grades: [new EmployerGrade("宏达劳务", 'C', Yuan(3000), 2)]);
    }

    /// <summary>A result shaped like a real project: several employers, six months, findings of many codes.</summary>
    internal static ReconciliationResult Realistic()
    {
        var settings = new ProjectSettings
        {
            Code = "LY-2023-0017",
            Name = "洛阳市某安置房项目（二期）",
            Contractor = "某建设集团有限公司",
            Account = ProjectAccount,
            AsOf = new DateOnly(2024, 4, 1),
            PayDay = 15,
        };
        string[] employers = ["河南中原钢筋工程有限公司", "洛阳宏达建筑劳务有限公司", "总包直营班组"];
        string[] names = ["张建国", "李秀英", "王志强", "刘洋", "陈桂兰", "杨伟", "赵敏", "黄海涛", "周晓燕", "吴国平", "徐磊", "孙丽"];
        var ledger = new List<LedgerEntry>();
        var findings = new List<Finding>();
        for (int w = 0; w < names.Length; w++)
        {
            string id = $"4103021985{(w % 12) + 1:D2}{10 + w:D2}{w:D3}" + (w % 3 == 0 ? "X" : "7");
            string employer = employers[w % employers.Length];
            for (int m = 0; m < 6; m++)
            {
                var period = new YearMonth(2023, 10).AddMonths(m);
                var dueDate = period.AddMonths(1).FirstDay.AddDays(14);
                bool pending = dueDate >= settings.AsOf.Value;
                int days = 18 + (w + m) % 8;
                var due = Money.FromYuan(days * (260 + 20 * (w % 4)));
                Money paid = due;
                var status = LedgerStatus.Ok;
                if (pending) { paid = Money.Zero; status = LedgerStatus.Pending; }
                else if (w % 4 == 1 && m >= 3) { paid = Money.Zero; status = LedgerStatus.Unpaid; }
                else if (w % 5 == 2 && m == 2) { paid = Money.FromYuan(2000); status = LedgerStatus.Short; }
                else if (w % 6 == 5 && m == 1) { status = LedgerStatus.Late; }
                var outstanding = pending ? Money.Zero : due - paid;
                ledger.Add(new LedgerEntry
                {
                    WorkerId = w % 4 == 3 ? null : $"GH{w + 1:D3}",
                    WorkerName = names[w],
                    IdNumber = id,
                    Employer = employer,
                    Period = period,
                    Days = days,
                    Seconds = days * 9L * 3600 + w * 1234,
                    Due = due,
                    DueSource = w % 2 == 0 ? DueSource.Payroll : DueSource.Computed,
                    DueDate = dueDate,
                    Paid = paid,
                    PaidOnTime = status == LedgerStatus.Late ? Money.Zero : paid,
                    Outstanding = outstanding,
                    LastPaidDate = paid > Money.Zero ? dueDate.AddDays(status == LedgerStatus.Late ? 9 : -1) : null,
                    Status = status,
                });
                int overdue = settings.AsOf.Value.DayNumber - dueDate.DayNumber;
                var severity = overdue > 60 ? Severity.Red : overdue > 30 ? Severity.Orange : Severity.Yellow;
                string? workerId = w % 4 == 3 ? id : $"GH{w + 1:D3}";
                if (status == LedgerStatus.Unpaid)
                {
                    findings.Add(new Finding
                    {
                        Code = FindingCode.Unpaid, Severity = severity, Employer = employer, WorkerId = workerId, WorkerName = names[w],
                        IdNumber = id, Period = period, Amount = due, Expected = due, Actual = Money.Zero, DueDate = dueDate, Days = overdue,
                    });
                }
                else if (status == LedgerStatus.Short)
                {
                    findings.Add(new Finding
                    {
                        Code = FindingCode.Shortfall, Severity = severity, Employer = employer, WorkerId = workerId, WorkerName = names[w],
                        IdNumber = id, Period = period, Amount = due - paid, Expected = due, Actual = paid, DueDate = dueDate,
                        Days = overdue, EventDate = dueDate.AddDays(-1),
                    });
                }
                else if (status == LedgerStatus.Late)
                {
                    findings.Add(new Finding
                    {
                        Code = FindingCode.Late, Severity = Severity.Yellow, Employer = employer, WorkerId = workerId, WorkerName = names[w],
                        IdNumber = id, Period = period, Expected = due, Actual = Money.Zero, DueDate = dueDate,
                        EventDate = dueDate.AddDays(9), Days = 9, TxnIds = [$"2024{m:D2}{w:D4}"], Source = $"bank.csv:{40 + w * 6 + m}",
                    });
                }
            }
        }

        findings.Add(new Finding
        {
            Code = FindingCode.NonWageDebit, Severity = Severity.Red, Amount = Money.FromYuan(86000), EventDate = new DateOnly(2024, 1, 26),
            TxnIds = ["20240126000871"], Source = "bank.csv:212", Detail = "洛阳某商贸有限公司",
        });
        findings.Add(new Finding
        {
            Code = FindingCode.UnknownPayee, Severity = Severity.Red, Amount = Money.FromYuan(4800), EventDate = new DateOnly(2024, 2, 8),
            TxnIds = ["20240208000113"], Source = "bank.csv:240", Detail = "马某某",
        });
        findings.Add(new Finding
        {
            Code = FindingCode.SharedBankAccount, Severity = Severity.Red, Employer = employers[1], WorkerId = "GH008",
            WorkerName = names[7], IdNumber = "410302198508170077", Source = "workers.csv:9", Detail = names[1],
        });
        findings.Add(new Finding
        {
            Code = FindingCode.NameMismatch, Severity = Severity.Orange, Employer = employers[0], WorkerId = "GH001", WorkerName = names[0],
            IdNumber = "41030219850110000X", Amount = Money.FromYuan(6240), EventDate = new DateOnly(2024, 1, 12),
            TxnIds = ["20240112000045"], Source = "bank.csv:131", Detail = "张建军",
        });
        findings.Add(new Finding
        {
            Code = FindingCode.UnregisteredWorker, Severity = Severity.Orange, WorkerId = IdUnregistered, IdNumber = IdUnregistered,
            Period = new YearMonth(2024, 1), Days = 6, Source = "attendance.csv:1880",
        });
        findings.Add(new Finding
        {
            Code = FindingCode.LaborFundsLate, Severity = Severity.Orange, Period = new YearMonth(2023, 12),
            DueDate = new DateOnly(2023, 12, 25), Expected = Money.FromYuan(480000), Actual = Money.FromYuan(300000),
            EventDate = new DateOnly(2024, 1, 9),
        });
        findings.Add(new Finding
        {
            Code = FindingCode.DaysMismatch, Severity = Severity.Yellow, Employer = employers[2], WorkerId = "GH003", WorkerName = names[2],
            IdNumber = "410302198503120027", Period = new YearMonth(2024, 1), Days = 21, Detail = "24",
        });
        findings.Add(new Finding
        {
            Code = FindingCode.DataError, Severity = Severity.Yellow, Source = "bank.csv:17",
            Detail = "column amount: invalid amount '12.3.4'",
        });
        findings.Sort(ReportOrder);

        var grades = new List<EmployerGrade>();
        foreach (var e in employers.OrderBy(static e => e, StringComparer.Ordinal))
        {
            var outstanding = Money.Zero;
            foreach (var l in ledger) if (l.Employer == e && l.Status != LedgerStatus.Pending) outstanding += l.Outstanding;
            bool red = findings.Any(f => f.Employer == e && (f.Severity == Severity.Red || f.Code is FindingCode.Unpaid or FindingCode.Shortfall));
            bool orange = findings.Any(f => f.Employer == e && (f.Severity == Severity.Orange || f.Code == FindingCode.Late));
            grades.Add(new EmployerGrade(e, red ? 'C' : orange ? 'B' : 'A', outstanding, 4));
        }

        return Result(settings, findings, ledger, grades, workers: names.Length);
    }

    /// <summary>The engine's sort (finding-fields.md), enough of it for hand-built lists.</summary>
    internal static int ReportOrder(Finding a, Finding b)
    {
        int c = b.Severity.CompareTo(a.Severity);
        if (c == 0) c = string.CompareOrdinal(FindingCodes.Name(a.Code), FindingCodes.Name(b.Code));
        if (c == 0) c = string.CompareOrdinal(a.Employer ?? string.Empty, b.Employer ?? string.Empty);
        if (c == 0) c = string.CompareOrdinal(a.WorkerId ?? string.Empty, b.WorkerId ?? string.Empty);
        if (c == 0) c = (a.Period?.Ordinal ?? -1).CompareTo(b.Period?.Ordinal ?? -1);
        return c;
    }

    internal static ReconciliationResult Result(
        ProjectSettings settings, IReadOnlyList<Finding> findings, IReadOnlyList<LedgerEntry> ledger, IReadOnlyList<EmployerGrade> grades,
        int workers = 2)
    {
        var byCode = new Dictionary<FindingCode, int>();
        var bySeverity = new Dictionary<Severity, int>();
        Severity? level = null;
        foreach (var f in findings)
        {
            byCode[f.Code] = byCode.GetValueOrDefault(f.Code) + 1;
            bySeverity[f.Severity] = bySeverity.GetValueOrDefault(f.Severity) + 1;
            if (f.Severity > Severity.Info && (level is null || f.Severity > level)) level = f.Severity;
        }

        Money due = Money.Zero, paid = Money.Zero, outstanding = Money.Zero;
        foreach (var e in ledger)
        {
            due += e.Due;
            paid += e.Paid;
            outstanding += e.Outstanding;
        }

        var summary = new ReconciliationSummary
        {
            ProjectCode = settings.Code,
            ProjectName = settings.Name,
            AsOf = settings.AsOf!.Value,
            WarningLevel = level,
            CountsByCode = byCode,
            CountsBySeverity = bySeverity,
            TotalDue = due,
            TotalPaid = paid,
            TotalOutstanding = outstanding,
            LaborFundsIn = Money.FromYuan(480000) + new Money(5),
            WagePaymentsOut = paid,
            Conservation = new ConservationTotals
            {
                Debits = paid + Money.FromYuan(91000) + new Money(1250),
                WagePayments = paid,
                Batches = Money.Zero,
                Fees = new Money(1250),
                Misuse = Money.FromYuan(91000),
                Credits = Money.FromYuan(480000) + new Money(5),
                Refunds = Money.Zero,
                Interest = Money.Zero,
                LaborFunds = Money.FromYuan(480000) + new Money(5),
            },
            EmployerGrades = grades,
            Files =
            [
                new InputFileStats("workers.csv", workers, 0, TextEncodingKind.Utf8Bom, 2048),
                new InputFileStats("bank.csv", 250, 1, TextEncodingKind.Gb18030, 40960),
                new InputFileStats("attendance.csv", 4000, 0, TextEncodingKind.Utf8, 180000),
            ],
            Workers = workers,
        };
        return new ReconciliationResult
        {
            Settings = settings,
            Findings = findings,
            Ledger = ledger,
            Summary = summary,
            BankLines = [],
            Diagnostics = [],
        };
    }

    internal static string Utf8(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    internal static byte[] Bytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }
}
