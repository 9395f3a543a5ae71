using System.Text;

using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class PunchIdsTests
{
    private static (ulong High, ulong Low, uint Tail) Words(byte[] id) =>
        (BitConverter.ToUInt64(id, 0), BitConverter.ToUInt64(id, 8), BitConverter.ToUInt16(id, 16) | PunchIds.Used);

    [Fact]
    public void AddAndFind_RandomIds_AgreeWithDictionaryThroughGrowth()
    {
        // Ids sharing prefixes and check characters (x and X apart, as written), some of them added twice in the input:
        // every id added is found with its worker, through every growth of a table that starts small.
        var ids = Gen.Choose(0, 99_999).Select(n => $"4101051990{n:D5}01" + "0123456789Xx"[n % 12]);
        Prop.ForAll(Arb.From(Gen.ListOf(ids)), list =>
        {
            var table = new PunchIds(expected: 1);
            var reference = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string id in list)
            {
                var (high, low, tail) = Words(Encoding.ASCII.GetBytes(id));
                ref PunchIds.Slot slot = ref table.Find(high, low, tail, out bool found);
                Assert.Equal(reference.ContainsKey(id), found);
                if (found)
                {
                    Assert.Equal(reference[id], slot.Worker);
                    continue;
                }
                reference.Add(id, reference.Count - 1);
                ref PunchIds.Slot added = ref table.Add(high, low, tail, reference[id]);
                Assert.Equal(int.MinValue, added.Cursor.Month);
            }
            Assert.Equal(reference.Count, table.Count);
            foreach (var (id, worker) in reference)
            {
                var (high, low, tail) = Words(Encoding.ASCII.GetBytes(id));
                Assert.Equal(worker, table.Find(high, low, tail, out bool found).Worker);
                Assert.True(found);
            }
        }).Check(PropertyConfig.Quick(200));
    }

    [Fact]
    public void Find_IdOfZeroBytes_IsAnIdLikeAnyOther()
    {
        // Only the marker in the tail tells a used slot: 18 NUL bytes (a damaged export) are a key, not an empty slot.
        var table = new PunchIds(expected: 4);
        var (high, low, tail) = Words(new byte[18]);
        table.Find(high, low, tail, out bool before);
        table.Add(high, low, tail, 7);
        Assert.Equal(7, table.Find(high, low, tail, out bool after).Worker);
        Assert.False(before);
        Assert.True(after);
    }
}
