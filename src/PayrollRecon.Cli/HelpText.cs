namespace PayrollRecon.Cli;

/// <summary>What <c>--help</c> prints after the options: examples and the exit codes.</summary>
internal static class HelpText
{
    private const string ExitCodes = "\n" + """
        Exit codes:
          0    done
          1    a finding at or above --fail-on
          2    bad usage, or an input that cannot be read (one line on stderr)
          3    internal error (a defect; please report it)
          130  interrupted (Ctrl-C)

        """;

    /// <summary>The examples and exit codes of <paramref name="command"/> (the root command: all of them).</summary>
    public static string Epilogue(string command) => command switch
    {
        "check" => """
            Examples:
              payrollrecon check fixtures/sample-project --out out/sample-project
              payrollrecon check LY-0017 --as-of 2024-07-10 --lang en --fail-on red

            """ + ExitCodes,
        "batch" => """
            Examples:
              payrollrecon batch province/ --out out/province --as-of 2024-07-10
              payrollrecon batch province/ --out out/shard-0 --shard 0/4 --jobs 2

            """ + ExitCodes,
        "generate" => """
            Examples:
              payrollrecon generate demo --projects 3 --workers 50 --months 6 --seed 7

            """ + ExitCodes,
        "inspect" => """
            Examples:
              payrollrecon inspect fixtures/sample-project --rows 3

            """ + ExitCodes,
        _ => """
            Examples:
              payrollrecon check fixtures/sample-project --out out/sample-project
              payrollrecon batch province/ --out out/province
              payrollrecon check --help

            """ + ExitCodes,
    };
}
