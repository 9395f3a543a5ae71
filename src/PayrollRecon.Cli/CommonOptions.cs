using System.CommandLine;
using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>The options <c>check</c> and <c>batch</c> share, and how they turn into library options.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Out { get; } = new("--out") { Description = "Output folder (default: ./out)." };
    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Reference date (yyyy-MM-dd); overrides project.json asOf." };
    public Option<string> Lang { get; } = new("--lang") { Description = "Language of messages and reports: zh or en.", DefaultValueFactory = _ => "zh" };
    public Option<bool> NoMask { get; } = new("--no-mask") { Description = "Write ID and card numbers unmasked." };
    public Option<bool> Strict { get; } = new("--strict") { Description = "Stop at the first unreadable row instead of reporting DATA_ERROR." };
    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "Exit with code 1 when a finding at or above this level exists: red, orange or yellow." };
    public Option<string?> Previous { get; } = new("--previous") { Description = "The previous run's output folder: findings get status new/open/reopened, and what is gone is resolved (resolved.csv, history.csv)." };

    public CommonOptions()
    {
        Lang.AcceptOnlyFromAmong("zh", "en");
        FailOn.AcceptOnlyFromAmong("red", "orange", "yellow");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(AsOf);
        command.Options.Add(Lang);
        command.Options.Add(NoMask);
        command.Options.Add(Strict);
        command.Options.Add(FailOn);
        command.Options.Add(Previous);
    }

    public CheckOptions CheckOptions(ParseResult parsed)
    {
        DateOnly? asOf = null;
        if (parsed.GetValue(AsOf) is { } text)
        {
            if (!DateParser.TryParseDate(text.AsSpan(), out var date)) throw new CliException($"--as-of: invalid date '{text}'");
            asOf = date;
        }
        return new CheckOptions { AsOf = asOf, Strict = parsed.GetValue(Strict) };
    }

    public ReportOptions ReportOptions(ParseResult parsed) => new()
    {
        Language = parsed.GetValue(Lang) == "en" ? ReportLanguage.En : ReportLanguage.Zh,
        Mask = !parsed.GetValue(NoMask),
    };

    public Severity? FailOnLevel(ParseResult parsed) => parsed.GetValue(FailOn) switch
    {
        "red" => Severity.Red,
        "orange" => Severity.Orange,
        "yellow" => Severity.Yellow,
        _ => null,
    };

    public string OutDir(ParseResult parsed) => parsed.GetValue(Out) ?? "out";
}
