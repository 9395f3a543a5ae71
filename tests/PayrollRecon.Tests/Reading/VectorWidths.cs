using System.Reflection;

using PayrollRecon.Reading;

using Xunit.Sdk;

namespace PayrollRecon.Tests.Reading;

/// <summary>
/// Runs the CSV core's tests at every vector width this CPU supports (512, 256 and 128 bits, and a byte at a time), so
/// every branch of the mask helper, the bulk indexer and the resumable scanner runs here, not only the widest one.
/// </summary>
/// <remarks>A test takes the width as an <c>int</c> (bits; 0 for scalar) and wraps its body in <see cref="Use"/>.</remarks>
public static class VectorWidths
{
    /// <summary>The widths as theory data, widest first.</summary>
    public static TheoryData<int> All => new(CsvMasks.Supported.Select(w => (int)w));

    /// <summary>Readers created in this test, until disposed, find structure at <paramref name="width"/> bits.</summary>
    public static IDisposable Use(int width) => CsvMasks.Use((CsvVectorWidth)width);
}

/// <summary>The cases of an <see cref="InlineDataAttribute"/>, each run at every vector width (appended as the last argument).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class InlineDataAtEveryWidthAttribute(params object?[] data) : DataAttribute
{
    public override IEnumerable<object?[]> GetData(MethodInfo testMethod) =>
        CsvMasks.Supported.Select(w => (object?[])[.. data, (int)w]);
}
