using System.Text;
using System.Text.RegularExpressions;

using PayrollRecon.Findings;

namespace PayrollRecon.Tests.Docs;

/// <summary>The counts the READMEs state are the code's: the number of finding codes, and the codes listed.</summary>
public sealed class DocCountsTests
{
    private static string Read(params string[] path) =>
        File.ReadAllText(Path.Combine([RepoPaths.Root, .. path]), Encoding.UTF8).ReplaceLineEndings("\n");

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/PayrollRecon/pack/README.md")]
    public void Readme_FindingCodesCounted_AsManyAsTheEnumHas(string readme)
    {
        var counts = Regex.Matches(Read(readme.Split('/')), @"(\d+) finding codes").Select(static m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.NotEmpty(counts);
        Assert.All(counts, static n => Assert.Equal(Enum.GetValues<FindingCode>().Length, n));
    }

    [Fact]
    public void Readme_FindingCodesListed_EveryCodeOnce()
    {
        string text = Read("README.md");
        int start = text.IndexOf(" finding codes graded", StringComparison.Ordinal);
        int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var listed = Regex.Matches(text[start..end], "`([A-Z_]+)`").Select(static m => m.Groups[1].Value).ToArray();

        Assert.Equal(Enum.GetValues<FindingCode>().Select(FindingCodes.Name), listed);
    }
}
