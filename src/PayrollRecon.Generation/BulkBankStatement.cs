using System.Text;

namespace PayrollRecon.Generation;

/// <summary>Writes a dedicated wage account statement in layout A (direction + amount) with Chinese names and memos.</summary>
/// <remarks>
/// Mostly per-worker wage debits (memo <c>2024年3月工资</c> and its variants), with batch-payroll lumps, labour-fund
/// credits from the client, bank fees, interest and refunds in between; the balance column is a consistent running
/// balance. Large amounts are sometimes written with thousands commas inside quotes, as spreadsheet exports do.
/// </remarks>
internal static class BulkBankStatement
{
    public static ReadOnlySpan<byte> Header => "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id\n"u8;

    private static readonly byte[][] Clients =
    [
        .. new[]
        {
            "洛阳市城市建设投资集团有限公司", "河南省豫发置业有限公司", "洛阳市涧西区住房和城乡建设局", "郑州航空港兴港投资集团有限公司",
            "洛阳古都发展集团有限公司", "河南中原安居置业有限公司",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly byte[][] FeeBanks =
    [
        .. new[] { "中国农业银行洛阳分行", "中国工商银行洛阳涧西支行", "中国建设银行洛阳分行营业部" }.Select(Encoding.UTF8.GetBytes),
    ];

    private static ReadOnlySpan<byte> Debit => "借"u8;
    private static ReadOnlySpan<byte> Credit => "贷"u8;

    /// <summary>Writes rows until <paramref name="minBytes"/> bytes (header included) have been written.</summary>
    public static long Write(ByteRowWriter w, Random random, SyntheticWorker[] workers, long minBytes)
    {
        w.Bytes(Header);
        long balance = 80_000_000_00;
        var time = new DateTime(2022, 1, 3, 8, 30, 0);
        long seq = 0;
        long rows = 0;
        while (w.Length < minBytes)
        {
            time = time.AddSeconds(random.Next(20, 100));
            seq++;
            int kind = random.Next(100);
            SyntheticWorker worker = workers[random.Next(workers.Length)];
            DateTime month = time.AddMonths(-1);

            long amount;
            bool credit;
            if (kind < 88)
            {
                amount = worker.MonthlyWageFen * random.Next(60, 101) / 100;
                credit = false;
            }
            else if (kind < 91)
            {
                amount = random.NextInt64(200_000_00, 2_000_000_00);
                credit = false;
            }
            else if (kind < 95)
            {
                amount = random.NextInt64(500_000_00, 3_000_000_00);
                credit = true;
            }
            else if (kind < 98)
            {
                amount = random.Next(50, 2_501);
                credit = false;
            }
            else if (kind < 99)
            {
                amount = random.Next(100, 50_000_00);
                credit = true;
            }
            else
            {
                amount = worker.MonthlyWageFen;
                credit = true;
            }

            // Keep the account funded: a debit it cannot cover becomes the client's next labour-fund transfer.
            if (!credit && balance - amount < 1_000_000_00)
            {
                kind = 91;
                credit = true;
                amount = random.NextInt64(2_000_000_00, 5_000_000_00);
            }
            balance += credit ? amount : -amount;

            // txn_id, time, direction, amount, balance
            w.Bytes("JY"u8);
            w.Digits(time.Year, 4);
            w.Digits(time.Month, 2);
            w.Digits(time.Day, 2);
            w.Digits(seq, 8);
            w.Comma();
            w.DateTime(time);
            w.Comma();
            w.Bytes(credit ? Credit : Debit);
            w.Comma();
            w.Yuan(amount, grouped: amount >= 100_000_00 && random.Next(2) == 0);
            w.Comma();
            w.Yuan(balance, grouped: false);
            w.Comma();

            // counterparty_name, counterparty_account, memo, batch_id
            if (kind < 88)
            {
                w.Bytes(worker.Name);
                w.Comma();
                w.Bytes(worker.Card);
                w.Comma();
                WageMemo(w, random, month);
                w.Comma();
            }
            else if (kind < 91)
            {
                w.Bytes("批量代发"u8);
                w.Comma();
                w.Comma();
                w.Digits(month.Year, 4);
                w.Bytes("年"u8);
                w.Integer(month.Month);
                w.Bytes("月工资代发"u8);
                w.Comma();
                w.Bytes("PL"u8);
                w.Digits(time.Year, 4);
                w.Digits(time.Month, 2);
                w.Digits(time.Day, 2);
                w.Digits(seq % 10_000, 4);
            }
            else if (kind < 95)
            {
                w.Bytes(Clients[random.Next(Clients.Length)]);
                w.Comma();
                w.Bytes("4105"u8);
                w.Digits(random.NextInt64(0, 10_000_000_000_000_000), 16);
                w.Comma();
                w.Digits(time.Year, 4);
                w.Bytes("年"u8);
                w.Integer(time.Month);
                w.Bytes("月人工费拨付"u8);
                w.Comma();
            }
            else if (kind < 98)
            {
                w.Bytes(FeeBanks[random.Next(FeeBanks.Length)]);
                w.Comma();
                w.Comma();
                w.Bytes("跨行转账手续费"u8);
                w.Comma();
            }
            else if (kind < 99)
            {
                w.Comma();
                w.Comma();
                w.Bytes("结息"u8);
                w.Comma();
            }
            else
            {
                w.Bytes(worker.Name);
                w.Comma();
                w.Bytes(worker.Card);
                w.Comma();
                w.Bytes("退汇-户名不符"u8);
                w.Comma();
            }
            w.EndLine();
            rows++;
        }
        w.Flush();
        return rows;
    }

    private static void WageMemo(ByteRowWriter w, Random random, DateTime month)
    {
        int style = random.Next(100);
        if (style < 70)
        {
            w.Digits(month.Year, 4);
            w.Bytes("年"u8);
            w.Integer(month.Month);
            w.Bytes("月工资"u8);
        }
        else if (style < 85)
        {
            w.Integer(month.Month);
            w.Bytes("月工资"u8);
        }
        else if (style < 97)
        {
            w.Bytes("工资"u8);
            w.Digits(month.Year, 4);
            w.Digits(month.Month, 2);
        }
        else
        {
            // A memo with a comma has to be quoted.
            w.Byte((byte)'"');
            w.Digits(month.Year, 4);
            w.Bytes("年"u8);
            w.Integer(month.Month);
            w.Bytes("月工资,补发"u8);
            w.Byte((byte)'"');
        }
    }
}
