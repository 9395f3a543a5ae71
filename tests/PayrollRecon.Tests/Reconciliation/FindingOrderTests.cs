using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class FindingOrderTests
{
    [Fact]
    public void Sort_WorkerIdsDifferingInTheCaseOfX_OneWorkerOrderedBySource()
    {
        // R7: …001x and …001X are one id; written as each roster row has it (R30's fallback), they sort as one, so the
        // rows' own order (source) decides, and with it which repeat takes the |2 of its finding_id (§7).
        static Finding Duplicate(string id, int line) => new()
        {
            Code = FindingCode.DuplicateWorker,
            Severity = Severity.Orange,
            WorkerId = id,
            IdNumber = id,
            Source = $"workers.csv:{line}",
        };
        var sorted = FindingOrder.Sort([Duplicate("11010519900307001X", 4), Duplicate("11010519900307001x", 3)]);
        Assert.Equal(["workers.csv:3", "workers.csv:4"], sorted.Select(f => f.Source));
    }

    [Fact]
    public void Sort_RandomFindings_SameOrderAsComparingFieldByFieldAndStable()
    {
        // Few distinct values per field, so that findings tie on the packed fields (severity, code, employer, worker_id,
        // period) and on all of them: the order must be Compare's, and equal findings keep their places.
        var severities = Enum.GetValues<Severity>();
        var codes = Enum.GetValues<FindingCode>();
        string?[] employers = [null, "", "甲劳务", "乙劳务", "A", "a"];
        string?[] workers = [null, "", "W1", "W10", "W2", "w2", "11010519900307001X", "11010519900307001x"];
        YearMonth?[] periods = [null, new YearMonth(2024, 1), new YearMonth(2024, 12), new YearMonth(2023, 12)];
        // Sources as the engine writes them, and the shapes a host's finding may have: no line number, one that is not a
        // number, leading zeros, several sources, an empty one.
        string?[] sources =
        [
            null, "", "bank.csv:9", "bank.csv:10", "bank.csv:09", "attendance.csv:99", "bank.csv", "bank.csv:x", "bank.csv:9;bank.csv:3",
            "bank.csv:9;attendance.csv:1", "a:b:2", "a:b",
        ];
        var finding =
            from severity in Gen.Elements(severities)
            from code in Gen.Elements(codes)
            from employer in Gen.Elements(employers)
            from worker in Gen.Elements(workers)
            from period in Gen.Elements(periods)
            from source in Gen.Elements(sources)
            from amount in Gen.Choose(0, 3)
            select new Finding { Severity = severity, Code = code, Employer = employer, WorkerId = worker, Period = period, Source = source, Amount = new Money(amount) };
        Prop.ForAll(Arb.From(Gen.ListOf(finding)), list =>
        {
            var findings = list.ToList();
            var expected = findings.Select((f, i) => (f, i)).OrderBy(x => x, Comparer<(Finding F, int I)>.Create((a, b) =>
            {
                int c = FindingOrder.Compare(a.F, b.F);
                return c != 0 ? c : a.I.CompareTo(b.I);
            })).Select(x => x.f);
            Assert.Equal(expected, FindingOrder.Sort(findings), ReferenceEqualityComparer.Instance);
        }).Check(PropertyConfig.Quick(300));
    }
}
