using PayrollRecon.Reading;

using static PayrollRecon.Tests.Reading.ReadingTestSupport;

namespace PayrollRecon.Tests.Reading;

/// <summary>Tests that count the bytes a read allocates run alone: the readers of tests running beside them share the
/// array pool, and a pooled buffer they hold is one this read must allocate afresh (the count then says nothing of the
/// reader).</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;

[Collection(nameof(AllocationMeasurements))]
public sealed class CsvReaderMemoryTests
{
    [Theory]
    [MemberData(nameof(VectorWidths.All), MemberType = typeof(VectorWidths))]
    public void Read_HugeLine_StaysWithinBoundedMemoryAndContinues(int width)
    {
        using IDisposable vectorWidth = VectorWidths.Use(width);
        // 64 MiB on one line, read through a 1 KiB limit: the reader's window must not grow with the line. A 2 MiB line
        // read first takes the one-time costs (pools, statics), so that what is measured is what grows with the line.
        var warm = new RepeatingStream("h,x\n"u8.ToArray(), new byte[2 << 20], "\n1,2\n"u8.ToArray());
        using (var first = CsvReader.Create(warm, "warm.csv", new CsvReaderOptions { MaxRecordBytes = 1024 }))
            Assert.Equal(["1:h|x", "2!LineTooLong", "3:1|2"], ReadAll(first));
        var huge = new RepeatingStream("h,x\n"u8.ToArray(), new byte[64 << 20], "\n1,2\n"u8.ToArray());
        using var reader = CsvReader.Create(huge, "big.csv", new CsvReaderOptions { MaxRecordBytes = 1024 });
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(["1:h|x", "2!LineTooLong", "3:1|2"], ReadAll(reader));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");
        Assert.Equal(huge.Length, reader.BytesRead);
    }
}
