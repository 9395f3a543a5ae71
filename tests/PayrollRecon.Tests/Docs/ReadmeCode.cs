using System.Text;
using System.Text.RegularExpressions;

namespace PayrollRecon.Tests.Docs;

/// <summary>The README's code examples and the test files they are the code of: the code between a file's markers as the
/// README shows it, and the namespaces each side names (the README's usings just before an example, a file's usings).</summary>
internal static partial class ReadmeCode
{
    /// <summary>README.md with LF line ends.</summary>
    public static string Readme { get; } =
        File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"), Encoding.UTF8).ReplaceLineEndings("\n");

    private static string Source(string testFile) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PayrollRecon.Tests", "Docs", testFile)).ReplaceLineEndings("\n");

    /// <summary>The code of <paramref name="testFile"/> between its <c>// README:{marker}begin</c> and <c>// README:{marker}end</c>
    /// lines, unindented, as the README shows it (<c>log.WriteLine</c> written <c>Console.WriteLine</c>).</summary>
    public static string Tested(string testFile, string marker)
    {
        var source = Source(testFile);
        int begin = source.IndexOf($"// README:{marker}begin", StringComparison.Ordinal);
        int end = source.IndexOf($"        // README:{marker}end", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{testFile}: no README:{marker}begin … README:{marker}end");
        var body = source[(source.IndexOf('\n', begin) + 1)..end];
        return string.Join('\n', body.Split('\n').Select(static l => l.Length >= 8 ? l[8..] : l.TrimStart()))
            .Replace("log.WriteLine", "Console.WriteLine", StringComparison.Ordinal).TrimEnd();
    }

    /// <summary>The namespaces of the <c>using N;</c> lines before the namespace of <paramref name="testFile"/>, sorted.</summary>
    public static string[] FileUsings(string testFile) =>
        [.. Source(testFile).Split('\n').TakeWhile(static l => !l.StartsWith("namespace ", StringComparison.Ordinal))
            .Select(static l => UsingLine().Match(l)).Where(static m => m.Success).Select(static m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

    /// <summary>The namespaces of the <c>using N;</c> lines of the README's C# block that stands just before the block
    /// holding <paramref name="code"/>, sorted.</summary>
    public static string[] UsingsBefore(string code)
    {
        int at = Readme.IndexOf(code, StringComparison.Ordinal);
        Assert.True(at >= 0, "the code is not in the README");
        int block = Readme.LastIndexOf("```csharp\n", at, StringComparison.Ordinal);
        Assert.True(block > 0 && Readme.AsSpan(block + "```csharp\n".Length, at - block - "```csharp\n".Length).IsWhiteSpace(), "the code does not open its block");
        Assert.True(Readme.AsSpan(0, block).EndsWith("```\n", StringComparison.Ordinal), "no block of usings just before the code's block");
        int before = Readme.LastIndexOf("```csharp\n", block - 1, StringComparison.Ordinal);
        return [.. Readme[before..block].Split('\n').Select(static l => UsingLine().Match(l)).Where(static m => m.Success)
            .Select(static m => m.Groups[1].Value).Order(StringComparer.Ordinal)];
    }

    /// <summary>The quick-start's usings, which the later examples build on.</summary>
    public static string[] QuickStartUsings => UsingsBefore(Tested("ReadmeQuickStartTests.cs", ""));

    [GeneratedRegex(@"^using ([A-Za-z][A-Za-z0-9.]*);$")]
    private static partial Regex UsingLine();
}
