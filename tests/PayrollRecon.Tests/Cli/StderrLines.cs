using System.Text.RegularExpressions;

namespace PayrollRecon.Tests.Cli;

/// <summary>What a run wrote on stderr besides the progress of a batch.</summary>
internal static partial class StderrLines
{
    /// <summary>The non-empty lines of <paramref name="stderr"/> that are not batch progress lines
    /// (<c>2/2 projects, 41 MB/s, …</c> / <c>2/2 个项目，…</c>).</summary>
    public static string[] BesidesProgress(string stderr) =>
        [.. stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !Progress().IsMatch(l))];

    [GeneratedRegex(@"^\d+/\d+ (projects, |个项目，)")]
    private static partial Regex Progress();
}
