using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Reporting;

public sealed class SpoolStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(300_001)]
    public async Task CopyChunksToAsync_PiecesOfEverySize_TheBytesWrittenInOrder(int total)
    {
        var random = new Random(total);
        byte[] expected = new byte[total];
        random.NextBytes(expected);
        using var spool = new SpoolStream();
        // Pieces of 1 byte up to more than a chunk, across chunk boundaries.
        int at = 0;
        while (at < total)
        {
            int n = Math.Min(total - at, random.Next(0, 3) switch { 0 => 1, 1 => random.Next(1, 5000), _ => random.Next(60_000, 140_000) });
            if (n == 1) spool.WriteByte(expected[at]);
            else spool.Write(expected, at, n);
            at += n;
        }
        Assert.Equal(total, spool.Length);
        using var copy = new MemoryStream();
        await spool.CopyChunksToAsync(copy, CancellationToken.None);
        Assert.Equal(expected, copy.ToArray());
    }
}
