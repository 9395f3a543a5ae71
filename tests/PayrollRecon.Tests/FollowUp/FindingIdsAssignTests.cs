using System.Globalization;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Tests.FollowUp;

/// <summary>
/// SPEC §7's ids of one run, as <see cref="FindingIds.Ids"/> gives them (the text written as UTF-8 into one buffer, keys
/// counted by their plain id), against the rule as it reads: <see cref="FindingIds.Compute"/> over the text, the later
/// findings of one <c>code|worker key|period|anchor</c> appending <c>|2</c>, <c>|3</c>, … until the id is free.
/// </summary>
public sealed class FindingIdsAssignTests
{
    [Fact]
    public void Ids_RandomFindingsWithRepeatedKeys_SameAsTheRuleComputedFromTheText()
    {
        // Few distinct values per field, so keys repeat; ids differing only in the case of x (one worker key, R7);
        // anchors holding '|' and digits, so that a suffixed anchor can equal another finding's own anchor; text
        // outside ASCII.
        FindingCode[] codes = [FindingCode.Unpaid, FindingCode.UnknownPayee, FindingCode.DuplicatePayment];
        string?[] idNumbers = [null, "", "11010519900307001X", "11010519900307001x", "41272219850101675X"];
        YearMonth?[] periods = [null, new YearMonth(2024, 1), new YearMonth(2024, 12), new YearMonth(987, 3)];
        string[] anchors = ["", "T1", "T1|2", "T1|3", "bank.csv|2024-01-05|100.00", "某人|6222", "|", "2"];
        var finding =
            from code in Gen.Elements(codes)
            from idNumber in Gen.Elements(idNumbers)
            from period in Gen.Elements(periods)
            from anchor in Gen.Elements(anchors)
            select new Finding { Code = code, Severity = Severity.Red, IdNumber = idNumber, Period = period, Anchor = anchor };
        Prop.ForAll(Arb.From(Gen.ListOf(finding)), list =>
        {
            var findings = list.ToList();
            string[] ids = FindingIds.Ids("甲-2024-001", findings);
            Assert.Equal(Reference("甲-2024-001", findings), ids);
            Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(ids, static id => Assert.True(FindingIds.IsWellFormed(id)));
        }).Check(PropertyConfig.Quick(300));
    }

    [Fact]
    public void Ids_SameKeyThreeTimes_SecondAndThirdAppendTheirCount()
    {
        var f = new Finding { Code = FindingCode.UnknownPayee, Severity = Severity.Red, Anchor = "T9" };
        string[] ids = FindingIds.Ids("P", [f, f, f]);
        Assert.Equal(
            [
                FindingIds.Compute("P", "UNKNOWN_PAYEE", "", "", "T9"),
                FindingIds.Compute("P", "UNKNOWN_PAYEE", "", "", "T9|2"),
                FindingIds.Compute("P", "UNKNOWN_PAYEE", "", "", "T9|3"),
            ],
            ids);
    }

    /// <summary>The rule as SPEC §7 states it, on the text.</summary>
    private static string[] Reference(string project, List<Finding> sorted)
    {
        var ids = new string[sorted.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sorted.Count; i++)
        {
            var f = sorted[i];
            string code = FindingCodes.Name(f.Code);
            string worker = f.IdNumber is { Length: > 0 } id ? id.ToUpperInvariant() : "";
            string period = f.Period?.ToString() ?? "";
            string key = string.Concat(code, "|", worker, "|", period, "|", f.Anchor);
            int n = seen.GetValueOrDefault(key) + 1;
            while (true)
            {
                string anchor = n == 1 ? f.Anchor : f.Anchor + "|" + n.ToString(CultureInfo.InvariantCulture);
                ids[i] = FindingIds.Compute(project, code, worker, period, anchor);
                if (taken.Add(ids[i])) break;
                n++;
            }
            seen[key] = n;
        }
        return ids;
    }
}
