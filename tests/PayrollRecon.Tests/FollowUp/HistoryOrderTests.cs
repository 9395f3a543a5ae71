using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.FollowUp;

namespace PayrollRecon.Tests.FollowUp;

public sealed class HistoryOrderTests
{
    [Fact]
    public void HistoryOrder_RandomEntries_FirstSeenThenCodeThenIdAsText()
    {
        // Ids as the tool writes them (16 lower-case hex digits, some sharing a prefix), and now and then one of another
        // form, as a hand-edited history may hold: then the text is compared as it is.
        string[] codes = ["UNPAID", "LATE", "DATA_ERROR", "SHORTFALL"];
        var id = Gen.Frequency(
            (20, Gen.Choose(0, 4095).Select(static n => "00000000000" + n.ToString("x5", System.Globalization.CultureInfo.InvariantCulture))),
            (20, Gen.Choose(0, int.MaxValue).Select(static n => "f" + ((long)n * 7919).ToString("x15", System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Elements("ABC", "0000000000000000x", "zz")));
        var entry =
            from first in Gen.Choose(0, 5)
            from code in Gen.Elements(codes)
            from findingId in id
            select new HistoryEntry
            {
                FindingId = findingId,
                Code = code,
                Severity = "red",
                FirstSeen = new DateOnly(2024, 1, 1).AddDays(first * 31),
                LastSeen = new DateOnly(2024, 9, 1),
                RunsOpen = 1,
                Status = Statuses.Open,
            };
        Prop.ForAll(Arb.From(Gen.ListOf(entry)), list =>
        {
            // Distinct ids, as in a run's history.
            var entries = list.DistinctBy(static e => e.FindingId).ToList();
            var expected = entries.ToList();
            expected.Sort(static (a, b) =>
            {
                int c = a.FirstSeen.CompareTo(b.FirstSeen);
                if (c == 0) c = string.CompareOrdinal(a.Code, b.Code);
                return c != 0 ? c : string.CompareOrdinal(a.FindingId, b.FindingId);
            });
            var order = FollowUpTracker.HistoryOrder(new Entries(entries));
            Assert.Equal(expected, order.Select(i => entries[i]), ReferenceEqualityComparer.Instance);
        }).Check(PropertyConfig.Quick(300));
    }

    private sealed class Entries(List<HistoryEntry> entries) : IHistoryRows
    {
        public int Count => entries.Count;

        public DateOnly FirstSeen(int row) => entries[row].FirstSeen;

        public string Code(int row) => entries[row].Code;

        public bool WellFormedId(int row, out ulong id) => HistoryTable.TryParseId(entries[row].FindingId, out id);

        public string FindingId(int row) => entries[row].FindingId;
    }
}
