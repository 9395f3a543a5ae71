using PayrollRecon.Model;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

/// <summary>
/// Small random projects (from a seed) that exercise every bank-line class, shared cards, repeated lines and reused
/// serial numbers, zero-amount and excluded lines; statements come in any order, now and then newest first.
/// </summary>
internal static class RandomProject
{
    private static readonly string[] Names = ["张三", "李四", "王五", "赵六", "张三"];
    private static readonly string[] Memos = ["", "工资", "1月工资", "2024年2月工资", "202403", "2024-01", "12月"];
    private static readonly long[] Amounts = [300_00, 450_00, 900_00, 1_00, 2000_00, 123_45];

    public static Scenario Build(int seed)
    {
        var rng = new Random(seed);
        var s = new Scenario { AttendanceSupplied = rng.Next(4) != 0, BatchesSupplied = rng.Next(4) != 0 };
        s.Settings = s.Settings with
        {
            GraceDays = rng.Next(3) == 0 ? 3 : 0,
            AmountTolerance = new Money(rng.Next(3) == 0 ? 50 : 0),
            PayMonthOffset = rng.Next(2),
            MinimumWageMonthly = rng.Next(2) == 0 ? new Money(2100_00) : null,
        };

        int workerCount = rng.Next(1, 5);
        for (int i = 0; i < workerCount; i++)
        {
            var type = (WageType)rng.Next(4);
            string account = i > 0 && rng.Next(5) == 0 ? s.Workers[0].Account : Scenario.Card(i + 1);
            s.Workers.Add(new Scenario.W(Scenario.Id(i + 1), Names[rng.Next(Names.Length)], account)
            {
                Type = type,
                Rate = type == WageType.Monthly ? rng.Next(1000, 8000) * 100L : rng.Next(20, 400) * 100L,
                Employer = rng.Next(2) == 0 ? "甲劳务" : "乙劳务",
                Entry = rng.Next(4) == 0 ? new DateOnly(2024, 1, 10) : null,
            });
        }

        if (s.AttendanceSupplied)
        {
            int punches = rng.Next(0, 40);
            for (int i = 0; i < punches; i++)
            {
                string id = rng.Next(10) == 0 ? Scenario.Id(500) : s.Workers[rng.Next(workerCount)].Id;
                var time = new DateTime(2024, rng.Next(1, 4), rng.Next(1, 29), rng.Next(6, 20), rng.Next(60), rng.Next(60));
                if (!s.Punches.Contains((id, time))) s.Punches.Add((id, time));
            }
        }

        int payrollRows = rng.Next(0, 4);
        for (int i = 0; i < payrollRows; i++)
        {
            long gross = Amounts[rng.Next(Amounts.Length)];
            var w = s.Workers[rng.Next(workerCount)];
            s.Payroll.Add(new Scenario.Pay(w.Id, new YearMonth(2024, rng.Next(1, 4)), gross, gross - (rng.Next(3) == 0 ? 1_00 : 0)) { Days = rng.Next(3) == 0 ? rng.Next(0, 5) : null });
        }

        int batchDetails = rng.Next(0, 5);
        for (int i = 0; i < batchDetails; i++)
        {
            var w = s.Workers[rng.Next(workerCount)];
            s.Batches.Add(new Scenario.Bat(rng.Next(2) == 0 ? "B1" : "B2", rng.Next(4) == 0 ? "6217000000000000999" : w.Account, w.Name, Amounts[rng.Next(Amounts.Length)])
            {
                Status = rng.Next(4) == 0 ? BatchStatus.Failed : BatchStatus.Success,
                Memo = Memos[rng.Next(Memos.Length)],
            });
        }

        int lines = rng.Next(0, 16);
        for (int i = 0; i < lines; i++)
        {
            var date = new DateOnly(2024, rng.Next(1, 5), rng.Next(1, 29));
            long amount = Amounts[rng.Next(Amounts.Length)];
            string txn = rng.Next(8) == 0 ? "DUP" : $"T{i}";
            long? balance = rng.Next(3) == 0 ? null : rng.Next(0, 100000) * 100L;
            var w = s.Workers[rng.Next(workerCount)];
            string memo = Memos[rng.Next(Memos.Length)];
            var line = rng.Next(10) switch
            {
                0 or 1 or 2 => new Scenario.B(txn, date, true, amount) { Name = w.Name, Account = w.Account, Memo = memo },
                3 => new Scenario.B(txn, date, true, amount) { Name = w.Name, Account = "6217000000000000999", Memo = memo },
                4 => new Scenario.B(txn, date, false, amount) { Name = w.Name, Account = rng.Next(2) == 0 ? w.Account : "", Memo = "退汇" },
                5 => new Scenario.B(txn, date, true, amount) { Name = rng.Next(2) == 0 ? "中国银行" : "", Memo = rng.Next(2) == 0 ? "手续费" : "转账" },
                6 => new Scenario.B(txn, date, true, amount) { Name = rng.Next(2) == 0 ? "某材料有限公司" : "路人甲", Memo = memo },
                7 => new Scenario.B(txn, date, false, amount) { Name = "中国银行", Memo = "结息" },
                8 => new Scenario.B(txn, date, false, amount * 10) { Name = "某开发有限公司", Memo = "人工费" },
                _ => new Scenario.B(txn, date, true, amount) { BatchId = rng.Next(3) == 0 ? "B9" : "B1", Memo = memo },
            };
            line = line with { Balance = balance };
            switch (rng.Next(16))
            {
                case 0:
                    line = line with { Amount = 0 }; // R41
                    break;
                case 1:
                    line = line with { Status = (BankLineStatus)rng.Next(1, 4) }; // R39
                    break;
                case 2 when s.Bank.Count > 0:
                    line = s.Bank[rng.Next(s.Bank.Count)]; // the same line exported twice (R15)
                    break;
                case 3 when s.Bank.Count > 0:
                    line = line with { Txn = s.Bank[rng.Next(s.Bank.Count)].Txn }; // a serial number reused (R15)
                    break;
            }
            s.Bank.Add(line);
        }
        return s;
    }
}
