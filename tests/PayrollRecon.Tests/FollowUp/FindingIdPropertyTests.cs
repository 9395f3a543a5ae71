using System.Globalization;
using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Findings;
using PayrollRecon.Generation;

namespace PayrollRecon.Tests.FollowUp;

/// <summary>
/// SPEC §7: a finding id ties a finding to its evidence without line numbers, so it survives what changes from one
/// month's export to the next: statement lines appended, unrelated rows inserted anywhere, a re-encoded file, a
/// statement listed newest first, rows reordered where order carries no meaning. Two findings of one run never share one.
/// </summary>
public sealed class FindingIdPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    private const string BankHeader = "txn_id,time,direction,amount,counterparty_name,counterparty_account,memo";

    [Fact]
    public void FindingIds_StatementLinesAppended_UnchangedForEveryLineThatWasThere()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var p = RandomFollowUpProject.Build(seed);
            var before = Check(p);
            var rng = new Random(seed ^ 0x5EED);
            // Later lines, some repeating the date, amount and account of an earlier line without txn id (n counts on).
            var appended = new List<string>(p.Bank);
            for (int i = 0; i < rng.Next(1, 6); i++)
                appended.Add(rng.Next(3) == 0 ? p.Bank[rng.Next(p.Bank.Count)].Replace("T", "X", StringComparison.Ordinal) : p.NewLine(rng, late: true));
            var after = Check(p with { Bank = appended });
            // Same evidence (code, worker, period, source line) → same id; appended lines keep every earlier line number.
            foreach (var (key, id) in ByKey(before, withSource: true))
            {
                if (ByKey(after, withSource: true).TryGetValue(key, out var later) && IsBankEvidence(key))
                    Assert.True(id == later, $"seed {seed}: {key} was {id}, is {later}");
            }
            AssertDistinct(after, seed);
        }).Check(PropertyConfig.Quick(40));
    }

    [Fact]
    public void FindingIds_UnrelatedRowsInsertedReencodedOrReversed_Unchanged()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var p = RandomFollowUpProject.Build(seed);
            var before = ByKey(Check(p), withSource: false);
            var rng = new Random(seed ^ 0x1D5);

            // An unrelated worker (own card, no pay, no punches) and an interest credit, each at a random position;
            // blank lines anywhere.
            var workers = new List<string>(p.Workers);
            workers.Insert(rng.Next(workers.Count + 1), RandomFollowUpProject.UnrelatedWorker(rng));
            var bank = new List<string>(p.Bank);
            // Not first or last: those two lines tell a newest-first statement (R40), which would change the reading order.
            bank.Insert(rng.Next(1, bank.Count), $"I{rng.Next(100000)},2024-02-21 09:00:00,C,0.37,某某银行,,利息");
            var payroll = new List<string>(p.Payroll);
            payroll.Insert(rng.Next(payroll.Count + 1), "");
            Assert.Equal(before, ByKey(Check(p with { Workers = workers, Bank = bank, Payroll = payroll }), withSource: false));

            // GB18030 with CRLF: what the rows say is unchanged, DATA_ERROR hashes included (they hash the text).
            Assert.Equal(before, ByKey(Check(p with { Gb18030 = true }), withSource: false));

            // Newest first (R40): the statement reversed is read in the same date order.
            var reversed = new List<string>(p.Bank);
            reversed.Reverse();
            if (!Chronological(p.Bank) || FirstDate(p.Bank) == LastDate(p.Bank)) return true;
            // Payroll rows in any order (two rows of a worker and month are summed).
            var shuffled = p.Payroll.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(before, ByKey(Check(p with { Bank = reversed, Payroll = shuffled }), withSource: false));
            return true;
        }).Check(PropertyConfig.Quick(40));
    }

    [Fact]
    public void FindingIds_RandomProjects_DistinctWithinARunAndSixteenHexDigits()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var findings = Check(RandomFollowUpProject.Build(seed));
            AssertDistinct(findings, seed);
            Assert.All(findings, f => Assert.True(FindingIds.IsWellFormed(f.FindingId), f.FindingId));
        }).Check(PropertyConfig.Quick(40));
    }

    private static bool Chronological(List<string> bank)
    {
        for (int i = 1; i < bank.Count; i++)
        {
            if (string.CompareOrdinal(bank[i].Split(',')[1], bank[i - 1].Split(',')[1]) < 0) return false;
        }
        return true;
    }

    private static DateOnly FirstDate(List<string> bank) => DateOnly.Parse(bank[0].Split(',')[1][..10], CultureInfo.InvariantCulture);

    private static DateOnly LastDate(List<string> bank) => DateOnly.Parse(bank[^1].Split(',')[1][..10], CultureInfo.InvariantCulture);

    private static bool IsBankEvidence(string key) => key.Contains("|bank.csv:", StringComparison.Ordinal);

    private static void AssertDistinct(IReadOnlyList<Finding> findings, int seed)
    {
        var ids = findings.Select(f => f.FindingId).ToList();
        Assert.True(ids.Distinct().Count() == ids.Count, $"seed {seed}: ids repeat");
    }

    /// <summary>Findings keyed by what they are about (with or without their source line), each key's ids sorted.</summary>
    private static SortedDictionary<string, string> ByKey(IReadOnlyList<Finding> findings, bool withSource)
    {
        var groups = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            string key = string.Join("|", FindingCodes.Name(f.Code), f.IdNumber, f.Period, f.Amount, f.EventDate, string.Join(";", f.TxnIds),
                f.Code == FindingCode.DataError ? f.Detail : "", withSource ? f.Source : "");
            if (!groups.TryGetValue(key, out var ids)) groups[key] = ids = [];
            ids.Add(f.FindingId);
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, ids) in groups) result[key] = string.Join(",", ids.Order(StringComparer.Ordinal));
        return result;
    }

    private static IReadOnlyList<Finding> Check(RandomFollowUpProject p)
    {
        Encoding encoding = p.Gb18030 ? CodePagesEncoding() : new UTF8Encoding(false);
        string newline = p.Gb18030 ? "\r\n" : "\n";
        byte[] Bytes(string header, List<string> rows) => encoding.GetBytes(header + newline + string.Join(newline, rows) + newline);
        var inputs = new CheckInputs
        {
            Settings = new PayrollRecon.Project.ProjectSettings { Code = "P-ID", AsOf = new DateOnly(2024, 4, 20), PayDay = 15, PayMonthOffset = 1 },
            Workers = InputSource.FromBytes("workers.csv", Bytes("worker_id,name,id_number,bank_account,employer,wage_type,wage_rate", p.Workers)),
            Payroll = InputSource.FromBytes("payroll.csv", Bytes("id_number,period,gross,net", p.Payroll)),
            Bank = InputSource.FromBytes("bank.csv", Bytes(BankHeader, p.Bank)),
        };
        return PayrollChecker.Check(inputs).Findings;
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}

/// <summary>A small random project as CSV rows: roster, payroll and a statement with every kind of bank-line finding.</summary>
internal sealed record RandomFollowUpProject(List<string> Workers, List<string> Payroll, List<string> Bank, bool Gb18030 = false)
{
    private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈杰", "杨静", "赵磊", "黄敏"];

    public List<(string Name, string Id, string Card)> Roster { get; init; } = [];

    public static RandomFollowUpProject Build(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, 7);
        var roster = new List<(string, string, string)>();
        var workers = new List<string>();
        var payroll = new List<string>();
        for (int i = 0; i < n; i++)
        {
            string id = IdentityNumbers.NewId(rng, new DateOnly(1970 + rng.Next(30), 1 + rng.Next(12), 1 + rng.Next(28)));
            string card = IdentityNumbers.NewCard(rng);
            roster.Add((Names[i], id, card));
            workers.Add($"W{i:00},{Names[i]},{id},{card},某某劳务有限公司,monthly,6000.00");
            foreach (int m in new[] { 1, 2, 3 })
            {
                if (rng.Next(4) == 0) continue;
                int net = 3000 + rng.Next(5) * 500;
                payroll.Add($"{id},2024-{m:00},{net}.00,{(rng.Next(8) == 0 ? net - 1 : net)}.00");
            }
        }
        // A row that cannot be read (a DATA_ERROR, named by the hash of its text), sometimes quoted.
        if (rng.Next(2) == 0) payroll.Insert(rng.Next(payroll.Count + 1), rng.Next(2) == 0 ? $"{roster[0].Item2},2024-13,1.00,1.00" : $"\"{roster[0].Item2}\",\"2024-02\",\"x\",\"1.00\"");
        var p = new RandomFollowUpProject(workers, payroll, []) { Roster = roster };
        var bank = new List<string> { "T0000,2024-01-03 09:00:00,C,500000.00,某某置业有限公司,41050161360800000288,人工费拨付" };
        var day = new DateOnly(2024, 1, 10);
        for (int i = 0; i < rng.Next(4, 16); i++)
        {
            day = day.AddDays(rng.Next(0, 6));
            bank.Add(p.Line(rng, day, i));
        }
        if (rng.Next(3) == 0) bank.Add(bank[rng.Next(1, bank.Count)]);
        return p with { Bank = bank };
    }

    /// <summary>A line after every other (dated 2024-04-0x).</summary>
    public string NewLine(Random rng, bool late) => Line(rng, new DateOnly(2024, 4, 1 + rng.Next(9)), 100 + rng.Next(1000));

    public static string UnrelatedWorker(Random rng)
    {
        string id = IdentityNumbers.NewId(rng, new DateOnly(1988, 8, 8));
        return $"W99,新来的,{id},{IdentityNumbers.NewCard(rng)},某某劳务有限公司,monthly,6000.00";
    }

    private string Line(Random rng, DateOnly day, int i)
    {
        // No txn id on some lines: their anchor is date|amount|account|n, and repeats of one such line are common.
        string txn = rng.Next(3) == 0 ? "" : $"T{i + 1:0000}{rng.Next(10)}";
        var w = Roster[rng.Next(Roster.Count)];
        int amount = rng.Next(2) == 0 ? 3000 + rng.Next(5) * 500 : 500;
        string time = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 10:00:00";
        return rng.Next(6) switch
        {
            0 => $"{txn},{time},D,{amount}.00,某某建材有限公司,41050161360800000999,材料款",
            1 => $"{txn},{time},D,{amount}.00,路人甲,6222020000000000001,借款",
            2 => $"{txn},{time},D,{amount}.00,{w.Name},6222020000000000777,{day.Month - 1}月工资",
            3 => $"{txn},{time},C,{amount}.00,{w.Name},{w.Card},退汇",
            _ => $"{txn},{time},D,{amount}.00,{(rng.Next(4) == 0 ? "某人" : w.Name)},{w.Card},{Math.Max(1, day.Month - 1)}月工资",
        };
    }
}
