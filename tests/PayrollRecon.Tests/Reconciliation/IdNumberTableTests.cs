using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PayrollRecon.Reconciliation;

namespace PayrollRecon.Tests.Reconciliation;

public sealed class IdNumberTableTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", true)]
    [InlineData("000000000000000000", true)]
    [InlineData("99999999999999999X", true)]
    [InlineData("11010519491231002", false)]
    [InlineData("1101051949123100211", false)]
    [InlineData("11010519491231002Y", false)]
    [InlineData("1101051949123100X1", false)]
    [InlineData("11010519491231 021", false)]
    [InlineData("１10105194912310021", false)]
    public void TryPack_Shapes_OnlyGb11643Shape(string id, bool packs) =>
        Assert.Equal(packs, IdNumberTable.TryPack(Encoding.UTF8.GetBytes(id), out _));

    [Fact]
    public void TryPack_LowerAndUpperX_SameValue()
    {
        Assert.True(IdNumberTable.TryPack("11010519491231002x"u8, out ulong lower));
        Assert.True(IdNumberTable.TryPack("11010519491231002X"u8, out ulong upper));
        Assert.Equal(upper, lower);
        Assert.True(IdNumberTable.TryPack("99999999999999999X"u8, out ulong largest));
        Assert.Equal((99_999_999_999_999_999UL * 11) + 10, largest);
    }

    [Fact]
    public void TryPack_AnyBytes_AgreesWithDigitByDigit()
    {
        // Digits mixed with the bytes either side of them and bytes whose + 6 carries, at every position.
        var bytes = Gen.Elements<byte>((byte)'0', (byte)'1', (byte)'5', (byte)'9', (byte)'/', (byte)':', (byte)'x', (byte)'X', 0x00, 0x20, 0x3A, 0x3F, 0x7F, 0xB0, 0xF9, 0xFA, 0xFF);
        var digits = Gen.Choose(0, 9).Select(d => (byte)('0' + d));
        var id = Gen.ArrayOf(Gen.Frequency((8, digits), (1, bytes)), 18);
        Prop.ForAll(Arb.From(id), id =>
        {
            bool packs = IdNumberTable.TryPack(id, out ulong packed);
            bool expected = ReferencePack(id, out ulong reference);
            Assert.Equal(expected, packs);
            Assert.Equal(reference, packed);
        }).Check(PropertyConfig.Quick(2000));

        Assert.True(IdNumberTable.TryPack("12345678901234567X"u8, out ulong value));
        Assert.Equal((12_345_678_901_234_567UL * 11) + 10, value);
    }

    private static bool ReferencePack(byte[] id, out ulong packed)
    {
        packed = 0;
        ulong value = 0;
        for (int i = 0; i < 17; i++)
        {
            if (id[i] is < (byte)'0' or > (byte)'9') return false;
            value = (value * 10) + (ulong)(id[i] - '0');
        }
        ulong check = id[17] switch
        {
            >= (byte)'0' and <= (byte)'9' => (ulong)(id[17] - '0'),
            (byte)'x' or (byte)'X' => 10,
            _ => ulong.MaxValue,
        };
        if (check == ulong.MaxValue) return false;
        packed = (value * 11) + check;
        return true;
    }

    [Fact]
    public void Find_RandomRosters_AgreesWithStringDictionary()
    {
        // Ids drawn so that many share prefixes and check characters (neighbours in packed value), as a real roster's do.
        var ids = Gen.Choose(0, 99_999).Select(n => $"4101051990{n:D5}01" + "0123456789Xx"[n % 12]);
        Prop.ForAll(Arb.From(Gen.ListOf(ids)), Arb.From(Gen.ListOf(ids)), (roster, punches) =>
        {
            var table = new IdNumberTable();
            var reference = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var id in roster)
            {
                if (reference.ContainsKey(id.ToUpperInvariant())) continue;
                reference.Add(id.ToUpperInvariant(), reference.Count);
                Assert.True(IdNumberTable.TryPack(Encoding.ASCII.GetBytes(id), out ulong packed));
                table.Add(packed, reference.Count - 1);
            }
            Assert.Equal(reference.Count, table.Count);
            foreach (var id in roster.Concat(punches))
            {
                Assert.True(IdNumberTable.TryPack(Encoding.ASCII.GetBytes(id), out _));
                int expected = reference.TryGetValue(id.ToUpperInvariant(), out int index) ? index : -1;
                Assert.Equal(expected, table.Find(Encoding.ASCII.GetBytes(id)));
                // Written as on the roster (upper-case X), the bytes find the same worker in a slot of the table; a
                // lower-case x is left to Find.
                int slot = table.FindSlot(Encoding.ASCII.GetBytes(id), out int bySlot);
                Assert.Equal(id.EndsWith('x') ? -1 : expected, bySlot);
                Assert.Equal(bySlot >= 0, slot >= 0);
                Assert.InRange(slot, -1, table.SlotCount - 1);
            }
        }).Check(PropertyConfig.Quick(200));
    }
}
