namespace PayrollRecon.Tests.Cli;

/// <summary>Command lines of the tests that assert the English messages.</summary>
internal static class TestArgs
{
    /// <summary><paramref name="args"/> with <c>--lang en</c> added when a command is given without a <c>--lang</c>:
    /// the reports and console lines are Chinese by default, and these tests assert the English wording.</summary>
    public static string[] English(string[] args) =>
        args.Length > 0 && args[0] is "check" or "batch" or "merge" or "generate" or "inspect" && !args.Any(a => a == "--lang" || a.StartsWith("--lang=", StringComparison.Ordinal))
            ? [.. args, "--lang", "en"]
            : args;
}
