using FsCheck;
using FsCheck.Fluent;

using PayrollRecon.Reading;

namespace PayrollRecon.Tests.Reading;

public sealed class CsvMasksTests
{
    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Load_AnyBlock_SameMasksAsAByteByByteWalk(int width)
    {
        Gen<byte[]> blocks = Gen.ArrayOf(Gen.Elements<byte>((byte)',', (byte)'\t', (byte)'"', (byte)'\n', (byte)'\r', (byte)'a', 0xE5, 0x80, 0xFF, 0), CsvMasks.BlockBytes);
        Prop.ForAll(Arb.From(blocks), Arb.From(Gen.Elements<byte>((byte)',', (byte)'\t')), (block, separator) =>
        {
            ulong separators = CsvMasks.Load(ref block[0], separator, (CsvVectorWidth)width, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns);
            Assert.Equal(Expected(block, separator), separators);
            Assert.Equal(Expected(block, (byte)'\n'), lineFeeds);
            Assert.Equal(Expected(block, (byte)'"'), quotes);
            Assert.Equal(Expected(block, (byte)'\r'), carriageReturns);
            Assert.Equal(separators | lineFeeds | quotes | carriageReturns, CsvMasks.LoadStructural(ref block[0], separator, (CsvVectorWidth)width));
        }).Check(PropertyConfig.Quick(200));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void LoadPlain_AnyBlock_TheMasksOfLoadWhenNoQuoteNorCarriageReturn(int width)
    {
        // Blocks without quotes and carriage returns, and the same with one of them somewhere.
        Gen<byte[]> plain = Gen.ArrayOf(Gen.Elements<byte>((byte)',', (byte)'\t', (byte)'\n', (byte)'a', 0xE5, 0x80, 0xFF, 0), CsvMasks.BlockBytes);
        Gen<byte[]> blocks =
            from block in plain
            from rare in Gen.Elements<byte>((byte)'"', (byte)'\r', (byte)'a')
            from at in Gen.Choose(0, CsvMasks.BlockBytes - 1)
            select block.Select((b, i) => i == at ? rare : b).ToArray();
        Prop.ForAll(Arb.From(blocks), Arb.From(Gen.Elements<byte>((byte)',', (byte)'\t')), (block, separator) =>
        {
            ulong separators = CsvMasks.Load(ref block[0], separator, (CsvVectorWidth)width, out ulong lineFeeds, out ulong quotes, out ulong carriageReturns);
            bool isPlain = CsvMasks.LoadPlain(ref block[0], separator, (CsvVectorWidth)width, out ulong structural, out ulong plainLineFeeds);
            Assert.Equal((quotes | carriageReturns) == 0, isPlain);
            if (!isPlain) return;
            Assert.Equal(separators | lineFeeds, structural);
            Assert.Equal(lineFeeds, plainLineFeeds);
        }).Check(PropertyConfig.Quick(300));
    }

    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Use_Width_ReadersCreatedInsideRunAtIt(int width)
    {
        using (VectorWidths.Use(width))
        {
            using CsvReader reader = ReadingTestSupport.Csv("a,b\n");
            Assert.Equal((CsvVectorWidth)width, reader.VectorWidth);
        }
        using CsvReader after = ReadingTestSupport.Csv("a,b\n");
        Assert.Equal(CsvMasks.Widest, after.VectorWidth);
    }

    [Fact]
    public void Supported_IncludesScalarAndTheWidest()
    {
        Assert.Equal(CsvMasks.Widest, CsvMasks.Supported[0]);
        Assert.Equal(CsvVectorWidth.Scalar, CsvMasks.Supported[^1]);
    }

    private static ulong Expected(byte[] block, byte value)
    {
        ulong bits = 0;
        for (int i = 0; i < block.Length; i++)
        {
            if (block[i] == value) bits |= 1UL << i;
        }
        return bits;
    }
}
