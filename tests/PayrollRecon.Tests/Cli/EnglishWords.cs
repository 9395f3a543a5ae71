using System.Text.RegularExpressions;

namespace PayrollRecon.Tests.Cli;

/// <summary>Finds English words in text meant to be Chinese: what is left once values, names and codes are set aside.</summary>
/// <remarks>
/// Set aside, in this order: quoted values (<c>'12.3.4'</c>), placeholders (<c>&lt;project-dir&gt;</c>), paths,
/// file names (<c>bank.csv</c>), options (<c>--out</c>), tokens with a digit or an underscore (codes, ids, column names
/// such as <c>id_number</c>, <c>UTF-8</c>), words in capitals (<c>DATA_ERROR</c>, <c>JSON</c>), and the names a
/// user types or reads in the inputs (commands, <c>project.json</c> keys, column names, option values). Any other run
/// of three or more Latin letters is an English word.
/// </remarks>
internal static partial class EnglishWords
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // The tool, its commands and option values.
        "payrollrecon", "PayrollRecon", "check", "batch", "merge", "generate", "inspect", "red", "orange", "yellow", "time", "worker",
        // project.json keys.
        "code", "name", "contractor", "account", "asOf", "payDay", "payMonthOffset", "graceDays", "amountTolerance", "minimumWage",
        "monthlyCap", "yearlyCap", "laborFunds", "monthly", "hourly", "period", "amount", "dueDate",
        // Canonical column names of one word.
        "date", "direction", "debit", "credit", "balance", "counterparty", "memo", "status", "kind", "days", "hours", "gross",
        "deductions", "net", "employer", "team", "trade", "ruling", "reason", "reviewer",
        // Proper names, units and formats.
        "Excel", "Slurm", "Ctrl", "MiB", "stderr", "yyyy", "yyyyMMdd",
        // The folder of an example in the help of generate.
        "demo",
    };

    /// <summary>The English words of <paramref name="text"/>, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        string rest = Quoted().Replace(text, " ");
        rest = Placeholder().Replace(rest, " ");
        rest = PathToken().Replace(rest, " ");
        rest = FileName().Replace(rest, " ");
        rest = Option().Replace(rest, " ");
        rest = CodeToken().Replace(rest, " ");
        rest = Capitals().Replace(rest, " ");
        return [.. Word().Matches(rest).Select(static m => m.Value).Where(static w => !Names.Contains(w)).Distinct()];
    }

    [GeneratedRegex(@"'[^'\r\n]*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"<[^<>\r\n]*>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[^\s'（）()，：；、]*[/\\][^\s'（）()，：；、]*")]
    private static partial Regex PathToken();

    [GeneratedRegex(@"(?<![\w-])--?[A-Za-z][\w-]*")]
    private static partial Regex Option();

    [GeneratedRegex(@"[\w.-]+\.(csv|json|html|htm|xlsx|xls|txt|tmp)\b")]
    private static partial Regex FileName();

    [GeneratedRegex(@"[A-Za-z]*[\d_][\w-]*")]
    private static partial Regex CodeToken();

    [GeneratedRegex(@"\b[A-Z]{2,}\b")]
    private static partial Regex Capitals();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Word();
}
