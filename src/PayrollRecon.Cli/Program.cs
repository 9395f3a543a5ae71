using System.CommandLine;
using PayrollRecon.Model;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(BuildRoot(ownProcess: true), args, Console.Error);
    }

    /// <param name="ownProcess">The commands run in a process of their own (the CLI's <c>Main</c>), not inside a host or
    /// a test: <c>check</c> may then keep the collector quiet while it runs (<see cref="QuietHeap"/>).</param>
    internal static RootCommand BuildRoot(bool ownProcess = false) => new(MessageCatalog.Template(MessageKey.HelpRoot, ReportLanguage.En))
    {
        CheckCommand.Create(quietHeap: ownProcess),
        BatchCommand.Create(),
        MergeCommand.Create(),
        GenerateCommand.Create(),
        InspectCommand.Create(),
    };

    /// <summary>The commands, for the unknown-command message and its suggestion.</summary>
    private static readonly string[] Commands = ["check", "batch", "merge", "generate", "inspect"];

    /// <summary>Parses and runs; every failure is one line on <paramref name="error"/> and exit code 2, never a stack trace.</summary>
    /// <remarks>
    /// An error of the input (<see cref="IsInputError"/>: a bad row under <c>--strict</c>, a file that cannot be read, a
    /// missing column) is written as its message reads, starting with the file it names, as SPEC §2.1, R34 and R41 quote
    /// it (<c>bank.csv:17: column amount: invalid amount '12.3.4'</c>); every other line (usage, a missing file or folder,
    /// the operating system's errors, warnings, cancellation) starts with <c>payrollrecon: </c>. Lines on stderr are in
    /// English unless <c>--lang zh</c> is given (<see cref="ErrorLanguageOf"/>); help follows <c>--lang</c> as the
    /// reports do (Chinese unless <c>--lang en</c>).
    /// </remarks>
    internal static int Run(RootCommand root, string[] args, TextWriter error, TextWriter? output = null)
    {
        output ??= Console.Out;
        var language = ErrorLanguageOf(args);
        // Before the parser: it would take '--version' after a command for the project folder, and an unknown
        // command for a missing one.
        if (WantsVersion(args))
        {
            output.WriteLine($"payrollrecon {Version}");
            return ExitCodes.Ok;
        }
        if (args.Length == 0 || (!args[0].StartsWith('-') && !Commands.Contains(args[0], StringComparer.Ordinal)))
        {
            var text = args.Length == 0 ? new LocalizedText(MessageKey.NoCommand)
                : Suggest(args[0]) is { } near ? new LocalizedText(MessageKey.UnknownCommandSuggest, args[0], near)
                : new LocalizedText(MessageKey.UnknownCommand, args[0]);
            error.WriteLine($"payrollrecon: {OneLine(text.Render(language))}");
            return ExitCodes.BadInput;
        }
        var parsed = root.Parse(args);
        bool mask = !args.Contains("--no-mask");
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"payrollrecon: {ErrorText(ParseErrors.Describe(parsed).Render(language), mask)}");
            return ExitCodes.BadInput;
        }
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            HelpText.Write(parsed.CommandResult.Command, parsed.CommandResult.Parent is null, LanguageOf(args), output);
            return ExitCodes.Ok;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error, Output = output });
        }
        catch (Exception e) when (e is PayrollDataException or CliException)
        {
            // A row's bad value may be an ID or card number (a shifted column): masked like every output, unless --no-mask.
            error.WriteLine(ErrorLine(ErrorText(Localized(e, language), mask), IsInputError(e)));
            return ExitCodes.BadInput;
        }
        catch (OverflowException)
        {
            error.WriteLine($"payrollrecon: {MessageCatalog.Template(MessageKey.Overflow, language)}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"payrollrecon: {MessageCatalog.Template(MessageKey.Cancelled, language)}");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"payrollrecon: {ErrorText(e.Message, mask)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"payrollrecon: {new LocalizedText(MessageKey.InternalError, e.GetType().Name, ErrorText(e.Message, mask)).Render(language)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The message of an error of the input or of the command line in <paramref name="language"/>; other
    /// exceptions (the operating system's) as they come.</summary>
    internal static string Localized(Exception e, ReportLanguage language) => e switch
    {
        CliException cli => cli.Text.Render(language),
        PayrollDataException data => data.GetMessage(language),
        _ => e.Message,
    };

    /// <summary>The language of reports and help: <c>--lang en</c> (or <c>--lang=en</c>) gives English, anything else Chinese (the default).</summary>
    internal static ReportLanguage LanguageOf(string[] args) => LangValue(args) == "en" ? ReportLanguage.En : ReportLanguage.Zh;

    /// <summary>The language of the lines on stderr: Chinese only when <c>--lang zh</c> (or <c>--lang=zh</c>) is given,
    /// English otherwise, so an error line reads as SPEC §2.1, R34 and R41 quote it whatever the reports' default.</summary>
    internal static ReportLanguage ErrorLanguageOf(string[] args) => LangValue(args) == "zh" ? ReportLanguage.Zh : ReportLanguage.En;

    /// <summary>The value of the last <c>--lang</c> before <c>--</c>, or null when none is given.</summary>
    private static string? LangValue(string[] args)
    {
        string? language = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--") break;
            string? value = args[i] == "--lang" && i + 1 < args.Length ? args[i + 1]
                : args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal) ? args[i][7..]
                : null;
            if (value is not null) language = value;
        }
        return language;
    }

    /// <summary>An error of an input, whose message starts with what it names: a <see cref="PayrollDataException"/>
    /// (<c>bank.csv:17: …</c>, <c>bank.csv: statement of account …</c>, <c>previous run out/m1: summary.json: …</c>), or an
    /// input file the command line refuses to open (<see cref="CliException.OfInput"/>: a named pipe, a link out of the folder).</summary>
    internal static bool IsInputError(Exception e) => e is PayrollDataException or CliException { OfInput: true };

    /// <summary>A line for stderr: an error of the input (<paramref name="ofInput"/>) as it is, starting with the file it
    /// names (<c>bank.csv:17: column amount: invalid amount '12.3.4'</c>); any other with <c>payrollrecon: </c> in front.</summary>
    internal static string ErrorLine(string message, bool ofInput) => ofInput ? message : "payrollrecon: " + message;

    private static bool WantsVersion(string[] args)
    {
        foreach (string a in args)
        {
            if (a == "--") return false;
            if (a == "--version") return true;
        }
        return false;
    }

    /// <summary>The tool's version, e.g. <c>0.1.0</c> (without the source revision a build may append).</summary>
    internal static string Version
    {
        get
        {
            var assembly = typeof(Program).Assembly;
            string version = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "?";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>The command a mistyped one was probably meant to be.</summary>
    internal static string? Suggest(string typed) => Nearest(typed, Commands);

    /// <summary>The name of <paramref name="names"/> a mistyped one was probably meant to be: a prefix of it, or at most two edits away.</summary>
    internal static string? Nearest(string typed, IEnumerable<string> names)
    {
        string lower = typed.ToLowerInvariant();
        string? best = null;
        int bestDistance = 3;
        foreach (string command in names)
        {
            if (lower.Length >= 2 && command.StartsWith(lower, StringComparison.Ordinal)) return command;
            int d = Distance(lower, command);
            if (d < bestDistance)
            {
                best = command;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment): a swap of two letters is one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>A message for stderr or the portfolio: one line, with ID and card numbers masked unless <paramref name="mask"/> is off.</summary>
    internal static string ErrorText(string message, bool mask) => mask ? Reporting.PersonalData.MaskNumbers(OneLine(message)) : OneLine(message);

    /// <summary>Collapses a multi-line message (tabs and line breaks) into one line; other control characters (ESC, BEL, C1) from inputs are shown as <c>?</c>, never sent to the terminal.</summary>
    internal static string OneLine(string message) =>
        ControlsShown(string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>Text for a one-line message: every control character (line breaks, ESC, BEL, C1) shown as <c>?</c>, so input text can neither break the line nor drive a terminal.</summary>
    internal static string ControlsShown(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')) return text;
        return string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < t.Length; i++) span[i] = char.IsControl(t[i]) ? '?' : t[i];
        });
    }
}

/// <summary>Process exit codes (SPEC §4).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}

/// <summary>A usage or input problem detected by the command-line layer (one line, exit code 2), as a message of the catalogue.</summary>
internal sealed class CliException(MessageKey key, params object?[] args) : Exception(new LocalizedText(key, args).ToString())
{
    /// <summary>A message not yet in the catalogue: shown as written (English) whatever the language of the run.</summary>
    public CliException(string message) : this(MessageKey.Untranslated, message)
    {
    }

    /// <summary>The message, to be told in the language of the run.</summary>
    public LocalizedText Text { get; } = new(key, args);

    /// <summary>The message is about an input file it names first (<c>bank.csv: not a regular file (a named pipe)</c>):
    /// on stderr it starts with that name, as a <see cref="PayrollDataException"/>'s does.</summary>
    public bool OfInput { get; init; }
}
