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
    public Option<string?> AsOf { get; } = new("--as-of") { Description = "Reference date (yyyy-MM-dd); overrides project.json asOf. Without either, today (with a warning)." };
    public Option<string> Lang { get; } = NewLang();
    public Option<bool> NoMask { get; } = new("--no-mask") { Description = "Write ID and card numbers unmasked." };
    public Option<bool> Strict { get; } = new("--strict") { Description = "Stop at the first unreadable row instead of reporting DATA_ERROR." };
    public Option<string?> FailOn { get; } = new("--fail-on") { Description = "Exit with code 1 when a finding at or above this level exists: red, orange or yellow." };
    public Option<string?> Previous { get; } = new("--previous") { Description = "The previous run's output folder: findings get status new/open/reopened, and what is gone is resolved (resolved.csv, history.csv)." };

    /// <summary>The <c>--lang</c> option every command takes: reports and console lines in Chinese (zh, the default) or
    /// English (en); lines on stderr in English unless zh is given (<see cref="ErrorLanguage"/>).</summary>
    public static Option<string> NewLang()
    {
        var lang = new Option<string>("--lang") { Description = "Language of reports (zh by default) and of error lines (en unless zh is given): zh or en.", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        return lang;
    }

    /// <summary>Refuses an <c>--out</c> that names a file (or a link to one) before any work is done.</summary>
    public static void RefuseFileAsOut(string outDir)
    {
        EntryKind kind;
        try
        {
            kind = LocalFiles.KindOf(outDir, followLinks: true);
        }
        catch (IOException)
        {
            return;
        }
        if (kind is not (EntryKind.Missing or EntryKind.Directory)) throw new CliException(MessageKey.OutIsFile, outDir);
    }

    public CommonOptions()
    {
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
            if (!DateText.TryParseDate(text.AsSpan(), out var date))
                throw new CliException(IsDateOfAnyYear(text) ? MessageKey.AsOfOutOfRange : MessageKey.AsOfInvalid, text);
            asOf = date;
        }
        return new CheckOptions { AsOf = asOf, Strict = parsed.GetValue(Strict) };
    }

    // The forms DateText reads, of any year: a date it refuses that one of them reads is outside its years (1900–2199).
    private static readonly string[] DateForms = ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd", "yyyy年M月d日"];

    private static bool IsDateOfAnyYear(string text) =>
        DateOnly.TryParseExact(text, DateForms, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

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

    /// <summary>The language of reports and of the lines on stdout.</summary>
    public ReportLanguage Language(ParseResult parsed) => parsed.GetValue(Lang) == "en" ? ReportLanguage.En : ReportLanguage.Zh;

    /// <summary>The language of the lines on stderr (warnings, progress, errors): Chinese only when <c>--lang zh</c> is
    /// given, English otherwise (<see cref="Program.ErrorLanguageOf"/>).</summary>
    public ReportLanguage ErrorLanguage(ParseResult parsed) => ErrorLanguage(parsed, Lang);

    /// <summary>The language of the lines on stderr for a command whose <c>--lang</c> option is <paramref name="lang"/>.</summary>
    public static ReportLanguage ErrorLanguage(ParseResult parsed, Option<string> lang) =>
        parsed.GetResult(lang) is { Implicit: false } && parsed.GetValue(lang) == "zh" ? ReportLanguage.Zh : ReportLanguage.En;

    /// <summary>The as-of date a project is checked at: <c>--as-of</c>, else project.json's, else today — and whether it is today for want of both.</summary>
    public static (DateOnly AsOf, bool Today) ResolveAsOf(DateOnly? option, DateOnly? project, DateOnly today) =>
        option is { } o ? (o, false) : project is { } p ? (p, false) : (today, true);
}
