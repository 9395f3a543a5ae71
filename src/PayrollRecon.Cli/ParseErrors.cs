using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>The first error of a command line that did not parse, as a message of the catalogue.</summary>
/// <remarks>
/// System.CommandLine words its errors in English (or in the language of satellite assemblies a NativeAOT build does
/// not carry), so the error is told from what the parse result holds — the unmatched token, the argument or option
/// at fault, its tokens — never from the library's text.
/// </remarks>
internal static class ParseErrors
{
    /// <summary>The message for <paramref name="parsed"/>, which has at least one error.</summary>
    public static LocalizedText Describe(ParseResult parsed)
    {
        string path = Path(parsed.CommandResult);
        if (parsed.UnmatchedTokens.Count > 0)
        {
            string token = parsed.UnmatchedTokens[0];
            if (!token.StartsWith('-') || token.Length == 1) return new LocalizedText(MessageKey.UnexpectedArgument, path, token);
            return NearestOption(parsed.CommandResult.Command, token) is { } near
                ? new LocalizedText(MessageKey.UnknownOptionSuggest, path, token, near)
                : new LocalizedText(MessageKey.UnknownOption, path, token);
        }
        switch (parsed.Errors[0].SymbolResult)
        {
            case ArgumentResult { Parent: CommandResult command } argument when argument.Tokens.Count == 0:
                return new LocalizedText(MessageKey.MissingArgument, Path(command), argument.Argument.Name);
            case ArgumentResult { Parent: OptionResult option }:
                return OptionError(Path(option.Parent as CommandResult), option);
            case OptionResult option:
                return OptionError(Path(option.Parent as CommandResult), option);
            case ArgumentResult argument:
                return new LocalizedText(MessageKey.OptionInvalidValue, path, $"<{argument.Argument.Name}>", argument.Tokens.Count > 0 ? argument.Tokens[0].Value : "");
            default:
                // A command line with options and no command ("--lang en"): the root has nothing to run.
                return new LocalizedText(MessageKey.NoCommand);
        }
    }

    private static LocalizedText OptionError(string path, OptionResult result)
    {
        var option = result.Option;
        if (result.Tokens.Count == 0) return new LocalizedText(result.Implicit ? MessageKey.MissingOption : MessageKey.OptionNeedsValue, path, option.Name);
        if (result.Tokens.Count > option.Arity.MaximumNumberOfValues) return new LocalizedText(MessageKey.OptionGivenTwice, path, option.Name);
        string value = Program.OneLine(result.Tokens[0].Value);
        var allowed = option.ValueType == typeof(bool) ? [] : option.GetCompletions(CompletionContext.Empty).Select(static c => (object?)c.Label).ToList();
        if (allowed.Count > 0) return new LocalizedText(MessageKey.OptionNotOneOf, path, option.Name, value, LocalizedText.Join(allowed));
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        if (type == typeof(int) || type == typeof(long)) return new LocalizedText(MessageKey.OptionNotWholeNumber, path, option.Name, value);
        if (type == typeof(double) || type == typeof(decimal)) return new LocalizedText(MessageKey.OptionNotNumber, path, option.Name, value);
        return new LocalizedText(MessageKey.OptionInvalidValue, path, option.Name, value);
    }

    /// <summary>How the command is typed: <c>payrollrecon check</c>, or <c>payrollrecon</c> for the root.</summary>
    private static string Path(CommandResult? command) =>
        command is null || command.Parent is null ? "payrollrecon" : "payrollrecon " + command.Command.Name;

    /// <summary>The option of <paramref name="command"/> a mistyped one was probably meant to be: a prefix of it, or at most two edits away.</summary>
    private static string? NearestOption(Command command, string typed)
    {
        var names = command.Options.Concat(command.Parents.OfType<Command>().SelectMany(static p => p.Options).Where(static o => o.Recursive))
            .Where(static o => !o.Hidden).Select(static o => o.Name).Where(static n => n.StartsWith("--", StringComparison.Ordinal));
        return Program.Nearest(typed, names);
    }
}
