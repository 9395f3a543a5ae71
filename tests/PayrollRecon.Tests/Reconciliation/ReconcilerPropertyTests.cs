using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reconciliation;
using PayrollRecon.Records;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class ReconcilerPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    [Fact]
    public void Conservation_RandomProjects_BalancesToTheFen()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            var result = s.Run();
            var c = result.Summary.Conservation;
            Assert.True(c.Balanced, $"seed {seed}");

            // Independently: every statement line that is not a repeat (R15) nor excluded (R39) is counted once, by its
            // own class; zero lines (R41) add nothing.
            var bySource = s.Bank.Select((b, i) => (Source: $"bank.csv:{i + 2}", Line: b)).ToDictionary(x => x.Source, x => x.Line);
            var statement = result.BankLines.Where(l => l.Source.StartsWith("bank.csv:", StringComparison.Ordinal)
                && l.Class is not (BankLineClass.DuplicateTxn or BankLineClass.Excluded)).ToList();
            Assert.Equal(s.Bank.Count, result.BankLines.Count(l => l.Source.StartsWith("bank.csv:", StringComparison.Ordinal)));
            Assert.Equal(s.Bank.Count(b => b.Status != BankLineStatus.Succeeded), result.Summary.ExcludedBankLines);
            Assert.Equal(result.Summary.ExcludedBankLines, result.BankLines.Count(l => l.Class == BankLineClass.Excluded));
            Assert.Equal(s.Bank.Count(b => b.Status == BankLineStatus.Succeeded && b.Amount == 0), result.Summary.ZeroBankLines);
            Assert.Equal(result.Summary.ZeroBankLines, result.BankLines.Count(l => l.Class == BankLineClass.Zero));
            long Sum(Func<BankLineExplanation, bool> which) => statement.Where(which).Sum(l => l.Amount.Fen);
            Assert.Equal(c.Debits.Fen, Sum(l => bySource[l.Source].Debit));
            Assert.Equal(c.Credits.Fen, Sum(l => !bySource[l.Source].Debit));
            Assert.Equal(c.WagePayments.Fen, Sum(l => l.Class == BankLineClass.WagePayment));
            Assert.Equal(c.Batches.Fen, Sum(l => l.Class == BankLineClass.Batch));
            Assert.Equal(c.Fees.Fen, Sum(l => l.Class == BankLineClass.Fee));
            Assert.Equal(c.Misuse.Fen, Sum(l => l.Class == BankLineClass.Misuse));
            Assert.Equal(c.Refunds.Fen, Sum(l => l.Class == BankLineClass.Refund));
            Assert.Equal(c.Interest.Fen, Sum(l => l.Class == BankLineClass.Interest));
            Assert.Equal(c.LaborFunds.Fen, Sum(l => l.Class == BankLineClass.LaborFunds));
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void Allocation_RandomProjects_NeverMoreThanDueAndOutstandingNonNegative()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var result = RandomProject.Build(seed).Run();
            var allocated = new Dictionary<(string, YearMonth), long>();
            foreach (var line in result.BankLines)
            {
                long total = line.Allocations.Sum(a => a.Amount.Fen);
                if (line.Class == BankLineClass.WagePayment && !line.Cancelled)
                    Assert.Equal(line.Amount.Fen, total + line.Excess.Fen);
                else
                    Assert.Equal(0, total);
                foreach (var a in line.Allocations)
                {
                    Assert.True(a.Amount.Fen > 0);
                    var key = (line.WorkerIdNumber!, a.Period);
                    allocated[key] = allocated.GetValueOrDefault(key) + a.Amount.Fen;
                }
            }
            foreach (var e in result.Ledger)
            {
                long toMonth = allocated.GetValueOrDefault((e.IdNumber, e.Period));
                Assert.True(toMonth <= Math.Max(0, e.Due.Fen), $"seed {seed}: {e.IdNumber} {e.Period}");
                Assert.True(e.Paid.Fen <= toMonth);
                Assert.True(e.Outstanding.Fen >= 0);
                Assert.Equal(Math.Max(0, e.Due.Fen - e.Paid.Fen), e.Outstanding.Fen);
            }
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void Allocation_MemoNamesAnOwedMonth_GoesThereFirst()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            var result = s.Run();
            var memoBySource = s.Bank.Select((b, i) => ($"bank.csv:{i + 2}", b.Memo))
                .Concat(s.Batches.Select((b, i) => ($"batches.csv:{i + 2}", b.Memo)))
                .ToDictionary(x => x.Item1, x => x.Item2);
            var dueOf = result.Ledger.ToDictionary(e => (e.IdNumber, e.Period), e => e.Due.Fen);
            var allocatedSoFar = new Dictionary<(string, YearMonth), long>();
            string lumpSource = "";
            foreach (var line in result.BankLines)
            {
                if (line.Source.StartsWith("bank.csv:", StringComparison.Ordinal)) lumpSource = line.Source;
                if (line.Class == BankLineClass.WagePayment && !line.Cancelled)
                {
                    string memo = memoBySource[line.Source];
                    if (memo.Length == 0 && line.Source.StartsWith("batches", StringComparison.Ordinal))
                        memo = memoBySource[lumpSource];
                    if (MemoMonth.TryFind(memo, line.Date, out var named) && dueOf.TryGetValue((line.WorkerIdNumber!, named), out long due))
                    {
                        long outstanding = due - allocatedSoFar.GetValueOrDefault((line.WorkerIdNumber!, named));
                        long expected = Math.Min(line.Amount.Fen, Math.Max(0, outstanding));
                        if (expected > 0)
                            Assert.True(new Allocation(named, new Money(expected)) == line.Allocations[0], $"seed {seed}: {line.Source}");
                        else
                            Assert.DoesNotContain(line.Allocations, a => a.Period == named);
                    }
                }
                foreach (var a in line.Allocations)
                {
                    var key = (line.WorkerIdNumber!, a.Period);
                    allocatedSoFar[key] = allocatedSoFar.GetValueOrDefault(key) + a.Amount.Fen;
                }
            }
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void Punches_ShuffledOrder_IdenticalFindingsAndLedger()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            var first = s.Run();
            var shuffled = s.Punches.OrderBy(_ => new Random(seed).Next()).Reverse().ToList();
            new Random(seed ^ 0x5A5A).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
            var second = s.Run(shuffled);
            Assert.Equal(first.Findings.Select(Describe), second.Findings.Select(Describe));
            Assert.Equal(first.Ledger, second.Ledger);
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void Findings_RandomProjects_AreInReportOrder()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var findings = RandomProject.Build(seed).Run().Findings;
            for (int i = 1; i < findings.Count; i++)
                Assert.True(FindingOrder.Compare(findings[i - 1], findings[i]) <= 0, $"seed {seed} at {i}");
        }).Check(PropertyConfig.Quick());
    }

    [Fact]
    public void NewestFirst_StatementReversed_SameFindingsWhenItsEndsHaveDistinctDates()
    {
        // R40: the reversed file is read in reverse line order, which is the original reading order, so only the
        // line numbers in the evidence change.
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            // R40 looks at the first and last lines that take part (R39: a failed line's date decides nothing).
            var counted = s.Bank.Where(b => b.Status == BankLineStatus.Succeeded).ToList();
            if (counted.Count < 2 || counted[0].Date == counted[^1].Date) return;
            var asListed = s.Run();
            s.Bank.Reverse();
            var reversed = s.Run();
            Assert.NotEqual(asListed.Summary.BankStatementNewestFirst, reversed.Summary.BankStatementNewestFirst);
            Assert.Equal(StatementLineTests.Keys(asListed), StatementLineTests.Keys(reversed));
            Assert.Equal(asListed.Ledger, reversed.Ledger);
            Assert.Equal(asListed.Summary.Conservation, reversed.Summary.Conservation);
        }).Check(PropertyConfig.Quick(200));
    }

    [Fact]
    public void NewestFirst_BalancesConsistentInDateOrder_NoBalanceBreakEitherWay()
    {
        // A statement whose balances are right when read oldest first (repeats, excluded lines and lines before the
        // first balance carry anything), listed oldest first and newest first.
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            var rng = new Random(seed);
            var ordered = s.Bank.OrderBy(b => b.Date).ToList();
            var counted = ordered.Where(b => b.Status == BankLineStatus.Succeeded).ToList();
            if (counted.Count < 2 || counted[0].Date == counted[^1].Date) return;
            var seen = new HashSet<(string, DateOnly, bool, long)>();
            long running = rng.Next(0, 100_000) * 100L;
            for (int i = 0; i < ordered.Count; i++)
            {
                var b = ordered[i];
                if (b.Status != BankLineStatus.Succeeded) continue;
                if (b.Amount != 0 && !string.IsNullOrEmpty(b.Txn) && !seen.Add((b.Txn, b.Date, b.Debit, b.Amount))) continue;
                running += b.Debit ? -b.Amount : b.Amount;
                ordered[i] = b with { Balance = rng.Next(4) == 0 ? null : running };
            }

            s.Bank.Clear();
            s.Bank.AddRange(ordered);
            var oldestFirst = s.Run();
            s.Bank.Reverse();
            var newestFirst = s.Run();
            Assert.False(oldestFirst.Summary.BankStatementNewestFirst);
            Assert.True(newestFirst.Summary.BankStatementNewestFirst);
            Assert.Empty(oldestFirst.Of(FindingCode.BalanceBreak));
            Assert.Empty(newestFirst.Of(FindingCode.BalanceBreak));
            Assert.Equal(StatementLineTests.Keys(oldestFirst), StatementLineTests.Keys(newestFirst));
        }).Check(PropertyConfig.Quick(200));
    }

    [Fact]
    public void Allocation_SharedBetweenTwoThreads_SameFindingsLedgerAndLineAllocationsAsOne()
    {
        // The allocation takes payments worker by worker and, with enough payments, cuts the workers into two runs for
        // two threads; with the threshold at one payment every project of two or more paid workers is cut.
        int cut = 0;
        Prop.ForAll(Seeds, seed =>
        {
            var s = RandomProject.Build(seed);
            var one = s.Run();
            s.Configure = o => o with { Threads = 2, AllocationPaymentsPerThread = 1 };
            var two = s.Run();
            Assert.Equal(one.Findings.Select(Describe), two.Findings.Select(Describe));
            Assert.Equal(one.Ledger, two.Ledger);
            Assert.Equal(one.BankLines.Select(LineAllocations), two.BankLines.Select(LineAllocations));
            if (one.BankLines.Where(l => l.Allocations.Count > 0).Select(l => l.WorkerIdNumber).Distinct().Count() > 1) cut++;
        }).Check(PropertyConfig.Quick(200));
        Assert.True(cut > 0, "no project had payments of two workers");
    }

    private static string LineAllocations(BankLineExplanation l) => $"{l.Source}|{l.Class}|{l.Excess}|{string.Join(';', l.Allocations)}";

    private static string Describe(Finding f) => (f with { TxnIds = [] }) + " txn=" + string.Join(';', f.TxnIds);
}
