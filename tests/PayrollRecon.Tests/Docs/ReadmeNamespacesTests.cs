using System.Text.RegularExpressions;

namespace PayrollRecon.Tests.Docs;

/// <summary>The README's list of namespaces says where each type it names lives, so a host knows its usings.</summary>
public sealed partial class ReadmeNamespacesTests
{
    [Fact]
    public void Readme_Namespaces_EachTypeListedIsPublicInItsNamespace()
    {
        string readme = ReadmeCode.Readme;
        int start = readme.IndexOf("- Namespaces (", StringComparison.Ordinal);
        Assert.True(start >= 0);
        int end = readme.IndexOf("\n\n", start, StringComparison.Ordinal);
        var lists = NamespaceList().Matches(readme[start..end].Replace("\n  ", " ", StringComparison.Ordinal));

        var library = typeof(PayrollChecker).Assembly;
        var namespaces = library.GetExportedTypes().Select(static t => t.Namespace!).Distinct().Order(StringComparer.Ordinal);
        // Every public namespace of the library is listed, once.
        Assert.Equal(namespaces, lists.Select(static m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        foreach (Match list in lists)
        {
            var types = TypeName().Matches(list.Groups[2].Value).Select(static m => m.Groups[1].Value).ToArray();
            Assert.NotEmpty(types);
            Assert.All(types, t => Assert.True(library.GetType($"{list.Groups[1].Value}.{t}") is { IsPublic: true }, $"{t} is not a public type of {list.Groups[1].Value}"));
        }
        // The types the examples and the host's messages name, among them.
        Assert.Contains("`PayrollRecon.Model` (`Money`, `YearMonth`, `PayrollDataException`, `Diagnostic`,", readme[start..end], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"`(PayrollRecon(?:\.[A-Za-z]+)?)` \(([^)]*)\)")]
    private static partial Regex NamespaceList();

    [GeneratedRegex(@"`([A-Za-z]+)`")]
    private static partial Regex TypeName();
}
