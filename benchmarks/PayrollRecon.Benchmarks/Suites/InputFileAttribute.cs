namespace PayrollRecon.Benchmarks.Suites;

/// <summary>Names the generated input a suite reads, for its MB/s column.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class InputFileAttribute(string fileName) : Attribute
{
    public string FileName { get; } = fileName;
}
