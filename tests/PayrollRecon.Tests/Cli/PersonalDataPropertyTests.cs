using System.Text;
using System.Text.RegularExpressions;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Cli;
using PayrollRecon.Generation;

namespace PayrollRecon.Tests.Cli;

/// <summary>
/// ID and card numbers planted in every free-text field of every input, written the ways people write them (as is, in
/// groups of 4 with spaces or hyphens, 6-8-4, full-width digits, ideographic spaces): no output file, stderr line or
/// inspect line shows one unmasked, and <c>--no-mask</c> shows them.
/// </summary>
public sealed partial class PersonalDataPropertyTests
{
    private static readonly string[] OutputFolders = ["check", "batch", "batch-strict"];
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    /// <summary>A planted number: its digits and how it was written into the input.</summary>
    private sealed record Planted(string Digits, string Written);

    private sealed class Plant(Random rng)
    {
        public List<Planted> All { get; } = [];

        /// <summary>A new number, written one of the ways; in an amount column only those too large to be an amount
        /// (a 15- or 16-digit number there reads as a valid amount of yuan, and amounts are shown as they are).</summary>
        public string Next(bool amount = false)
        {
            string digits = (amount ? rng.Next(2) * 3 : rng.Next(4)) switch
            {
                0 => IdentityNumbers.NewId(rng, new DateOnly(rng.Next(1960, 2000), rng.Next(1, 13), rng.Next(1, 29))),
                1 => IdentityNumbers.FifteenDigitForm(IdentityNumbers.NewId(rng, new DateOnly(rng.Next(1960, 2000), rng.Next(1, 13), rng.Next(1, 29)))),
                2 => IdentityNumbers.NewCard(rng)[..16],
                _ => IdentityNumbers.NewCard(rng),
            };
            string written = rng.Next(7) switch
            {
                0 => digits,
                1 => Groups(digits, 4, " "),
                2 => Groups(digits, 4, "-"),
                3 => digits.Length == 18 ? $"{digits[..6]}-{digits[6..14]}-{digits[14..]}" : Groups(digits, 4, " "),
                4 => digits.Length == 18 ? $"{digits[..6]} {digits[6..14]} {digits[14..]}" : Groups(digits, 3, " "),
                5 => Groups(digits, 4, "\u3000"),
                _ => FullWidth(digits),
            };
            All.Add(new Planted(digits, written));
            return written;
        }

        private static string Groups(string digits, int size, string separator) =>
            string.Join(separator, digits.Chunk(size).Select(static c => new string(c)));

        private static string FullWidth(string digits) =>
            string.Concat(digits.Select(static c => c == 'X' ? 'Ｘ' : (char)('０' + (c - '0'))));
    }

    /// <summary>A small project with every free-text field holding a planted number; W2 is unpaid, a payee is unknown,
    /// a batch disagrees with its details, and rows of three files are unreadable because a number sits in an amount.</summary>
    private static Dictionary<string, string> Project(Plant p, string code) => new()
    {
        ["project.json"] = $$"""{ "code": "{{code}}", "name": "项目 {{p.Next()}}", "contractor": "{{p.Next()}} 建设集团", "asOf": "2024-04-01", "payDay": 15 }""",
        ["workers.csv"] = "worker_id,name,id_number,bank_account,employer,wage_type,wage_rate,备注\n" +
                          $"HN{p.Next()},张三 {p.Next()},110105199003070017,6222020200112233445,甲劳务 {p.Next()},daily,300,{p.Next()}\n" +
                          $"{p.Next()},李四{p.Next()},110105199003070025,6222020200112233446,{p.Next()}号乙劳务,daily,300,卡 {p.Next()}\n" +
                          $"W3,王五,110105199003070033,6222020200112233447,甲劳务,daily,{p.Next(amount: true)},\n",
        ["attendance.csv"] = "id_number,time\n" +
                             "110105199003070017,2024-01-08 07:30\n110105199003070017,2024-01-08 17:30\n" +
                             "110105199003070025,2024-01-08 07:30\n110105199003070025,2024-01-08 17:30\n" +
                             $"{p.Next()},2024-01-09 07:30\n",
        ["bank.csv"] = "txn_id,time,direction,amount,balance,counterparty_name,counterparty_account,memo,batch_id\n" +
                       $"T1,2024-01-02 09:00,C,5000.00,5000.00,某建设集团有限公司,41050100000000000009,人工费拨付 {p.Next()},\n" +
                       $"T2,2024-02-07 10:00,D,300.00,4700.00,张三,6222020200112233445,2024年1月工资 {p.Next()},\n" +
                       $"T3,2024-02-08 10:00,D,800.00,3900.00,赵六 {p.Next()},{p.Next()},借款 {p.Next()},\n" +
                       $"T4,2024-02-09 10:00,D,{p.Next(amount: true)},,钱七,6222020200112233448,工资,\n" +
                       "T5,2024-02-10 10:00,D,500.00,3400.00,代发工资,,代发,B1\n",
        ["batches.csv"] = "batch_id,bank_account,name,amount,status,memo\n" +
                          $"B1,{p.Next()},孙八 {p.Next()},400.00,成功,{p.Next()}\n",
        ["payroll.csv"] = "id_number,name,period,days,gross,deductions,net\n" +
                          $"110105199003070017,张三,2024-01,1,300.00,0.00,{p.Next(amount: true)}\n",
    };

    [GeneratedRegex("(?<![0-9０-９])[0-9０-９]{15,}")]
    private static partial Regex LongDigitRun();

    // SHA-256 values in manifest.json (of each input, and the digest of the listing) are hex: a run of 15 decimal
    // digits turns up in one now and then.
    [GeneratedRegex("\"(sha256|digest)\": \"[0-9a-f]{64}\"")]
    private static partial Regex ManifestHash();

    /// <summary>The text with separators removed and full-width digits made ASCII, so a number written in groups reads as its digits.</summary>
    private static string Digits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is ' ' or '-' or '\u3000') continue;
            sb.Append(c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c == 'Ｘ' ? 'X' : c);
        }

        return sb.ToString();
    }

    private static void AssertNoneShown(IEnumerable<Planted> planted, string where, string text)
    {
        var run = LongDigitRun().Match(text);
        Assert.False(run.Success, $"{where}: {run.Value} in …{(run.Success ? text.Substring(Math.Max(0, run.Index - 80), Math.Min(160, text.Length - Math.Max(0, run.Index - 80))) : "")}…");
        string digits = Digits(text);
        foreach (var n in planted)
        {
            // Masking keeps the first 6 and the last 4 digits: neither the rest with the head nor with the tail may show.
            Assert.False(digits.Contains(n.Digits[..^4], StringComparison.OrdinalIgnoreCase), $"{where}: {n.Written}");
            Assert.False(digits.Contains(n.Digits[6..], StringComparison.OrdinalIgnoreCase), $"{where}: {n.Written}");
        }
    }

    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), TestArgs.English(args), error);
        return (exit, error.ToString());
    }

    [Fact]
    public void EveryOutputAndMessage_PlantedIdsAndCards_NeverShownUnmasked()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var plant = new Plant(new Random(seed));
            using var root = new TempProject(new Dictionary<string, string>());
            var files = Project(plant, "P-1");
            foreach (var (name, content) in files) WriteInto(root.Path_("in/p1"), name, content);
            // A second project whose roster has no header: the missing-column message quotes the first row.
            var headerless = Project(plant, "P-2");
            headerless["workers.csv"] = string.Join('\n', headerless["workers.csv"].Split('\n').Skip(1));
            foreach (var (name, content) in headerless) WriteInto(root.Path_("in/p2"), name, content);

            var texts = new List<(string Where, string Text)>();
            var (exit, error) = Run("check", root.Path_("in/p1"), "--out", root.Path_("check"));
            Assert.True(exit == 0, $"seed {seed}: {error}");
            texts.Add(("check stderr", error));
            texts.Add(("check --strict stderr", Run("check", root.Path_("in/p1"), "--out", root.Path_("strict"), "--strict").Error));
            texts.Add(("headerless check stderr", Run("check", root.Path_("in/p2"), "--out", root.Path_("p2")).Error));
            texts.Add(("batch stderr", Run("batch", root.Path_("in"), "--out", root.Path_("batch")).Error));
            texts.Add(("batch --strict stderr", Run("batch", root.Path_("in"), "--out", root.Path_("batch-strict"), "--strict").Error));
            var inspect = new StringWriter();
            InspectCommand.Execute(root.Path_("in/p1"), 10, inspect, rows: 10);
            texts.Add(("inspect", inspect.ToString()));
            foreach (var dir in OutputFolders)
            {
                foreach (var f in Directory.EnumerateFiles(root.Path_(dir), "*", SearchOption.AllDirectories))
                    texts.Add((Path.GetRelativePath(root.Dir, f), File.ReadAllText(f, Encoding.UTF8)));
            }

            Assert.Contains(texts, t => t.Where.EndsWith("portfolio.csv", StringComparison.Ordinal) && t.Text.Contains("missing required", StringComparison.Ordinal));
            // A finding_id is 16 hex digits, now and then 15 or 16 of them a decimal run: the ids the runs wrote (the last
            // field of every findings.csv row) are taken out before looking for long digit runs, and nothing else is.
            var findingIds = texts.Where(t => t.Where.EndsWith("findings.csv", StringComparison.Ordinal))
                .SelectMany(t => t.Text.Split('\n'))
                .Select(line => line.TrimEnd('\r'))
                .Where(line => line.Length > 16 && line[^17] == ',' && line[^16..].All(char.IsAsciiHexDigitLower))
                .Select(line => line[^16..])
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (where, text) in texts)
            {
                string shown = ManifestHash().Replace(text, "\"$1\": \"(hash)\"");
                foreach (string id in findingIds) shown = shown.Replace(id, "(finding id)", StringComparison.Ordinal);
                AssertNoneShown(plant.All, $"seed {seed}, {where}", shown);
            }

            // Without masking the planted numbers reach the outputs as written: the check above is not vacuous.
            Assert.Equal(0, Run("check", root.Path_("in/p1"), "--out", root.Path_("raw"), "--no-mask").Exit);
            string ledger = File.ReadAllText(root.Path_("raw/ledger.csv"), Encoding.UTF8);
            string findings = File.ReadAllText(root.Path_("raw/findings.csv"), Encoding.UTF8);
            var roster = files["workers.csv"].Split('\n')[1].Split(',');
            Assert.Contains(roster[0], ledger, StringComparison.Ordinal);
            Assert.Contains(roster[1], ledger, StringComparison.Ordinal);
            Assert.Contains(roster[4], ledger, StringComparison.Ordinal);
            Assert.Contains(files["bank.csv"].Split('\n')[3].Split(',')[5], findings, StringComparison.Ordinal);
            Assert.Contains(files["bank.csv"].Split('\n')[4].Split(',')[3], findings, StringComparison.Ordinal);
        }).Check(PropertyConfig.Quick(10));
    }

    private static void WriteInto(string dir, string name, string content)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), content, new UTF8Encoding(false));
    }
}
