using PayrollRecon.Fuzz;

namespace PayrollRecon.Tests.Fuzz;

/// <summary>
/// Every committed fuzz input (the seed corpus, tests/fuzz/corpus/TARGET, and the minimised crashes fixed since,
/// tests/fuzz/regressions/TARGET) goes through its target without instrumentation: only documented exceptions may
/// come out, and the targets' properties must hold.
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly string[] CorpusFolders = ["corpus", "regressions"];

    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void CommittedInputs_RunWithoutUndocumentedException(string target)
    {
        var inputs = CorpusFolders
            .Select(folder => Path.Combine(RepoPaths.Root, "tests", "fuzz", folder, target))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(inputs);
        var crashes = new List<string>();
        foreach (string input in inputs)
        {
            try
            {
                FuzzTargets.Run(target, File.ReadAllBytes(input));
            }
            catch (Exception e)
            {
                crashes.Add($"{Path.GetRelativePath(RepoPaths.Root, input)}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(crashes.Count == 0, string.Join("\n", crashes));
    }
}
