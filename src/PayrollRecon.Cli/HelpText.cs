using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;
using System.Text;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary>What <c>--help</c> prints, in the language of <c>--lang</c>: description, usage, arguments, options (or the
/// commands), examples and exit codes.</summary>
/// <remarks>
/// System.CommandLine's own help has its headings and notes in English (its translations come as satellite
/// assemblies, which a NativeAOT build with invariant globalization does not load), so the page is written here from
/// the command's symbols, every text from the <see cref="MessageCatalog"/>. The descriptions set on the symbols are
/// the English texts of the catalogue (a test holds them equal).
/// </remarks>
internal static class HelpText
{
    /// <summary>Writes the help page of <paramref name="command"/> (the root command: the list of commands).</summary>
    public static void Write(Command command, bool isRoot, ReportLanguage language, TextWriter output)
    {
        string T(MessageKey key, params object?[] args) => new LocalizedText(key, args).Render(language);
        string name = isRoot ? "payrollrecon" : command.Name;
        var page = new StringBuilder();
        void Section(MessageKey heading, IEnumerable<string> lines)
        {
            page.Append(T(heading)).Append('\n');
            foreach (string line in lines) page.Append("  ").Append(line).Append('\n');
            page.Append('\n');
        }

        Section(MessageKey.HelpDescription, [T(DescriptionKey(name) ?? MessageKey.Untranslated, command.Description)]);

        var usage = new StringBuilder(isRoot ? "payrollrecon" : "payrollrecon " + command.Name);
        foreach (var argument in command.Arguments) usage.Append(' ').Append(ArgumentLabel(argument));
        if (isRoot) usage.Append(' ').Append(T(MessageKey.HelpCommandPlaceholder));
        usage.Append(' ').Append(T(MessageKey.HelpOptionsPlaceholder));
        Section(MessageKey.HelpUsage, [usage.ToString()]);

        if (command.Arguments.Count > 0)
            Section(MessageKey.HelpArguments, Columns(command.Arguments.Select(a => ($"<{a.Name}>", Describe(command.Name, a.Name, a.Description, language)))));

        var options = command.Options.Concat(isRoot ? [] : Inherited(command)).Where(static o => !o.Hidden).ToList();
        Section(MessageKey.HelpOptions, Columns(options.Select(o => (OptionLabel(o, language), Describe(isRoot ? name : command.Name, o.Name, o.Description, language) + DefaultText(o, language)))));

        if (isRoot)
        {
            Section(MessageKey.HelpCommands, Columns(command.Subcommands.Select(c =>
                (c.Name + string.Concat(c.Arguments.Select(a => " " + ArgumentLabel(a))), T(DescriptionKey(c.Name) ?? MessageKey.Untranslated, c.Description)))));
        }

        Section(MessageKey.HelpExamples, Examples(isRoot ? "" : command.Name));
        page.Append(T(MessageKey.HelpExitCodes)).Append('\n');
        foreach (var (code, key) in ExitCodeLines)
        {
            // Only check and batch have --fail-on; inspect's 1 says that rows were rejected; merge and generate never exit 1;
            // the root page lists what 1 means for each command that has it.
            var text = key != MessageKey.HelpExitFindings ? key
                : isRoot ? MessageKey.HelpExitOneByCommand
                : name == "inspect" ? MessageKey.HelpExitRejectedRows
                : name is "merge" or "generate" ? (MessageKey?)null
                : key;
            if (text is { } shown) page.Append("  ").Append(code.PadRight(5)).Append(T(shown)).Append('\n');
        }
        output.Write(page.ToString().ReplaceLineEndings(Environment.NewLine));
    }

    private static readonly (string Code, MessageKey Key)[] ExitCodeLines =
    [
        ("0", MessageKey.HelpExitOk),
        ("1", MessageKey.HelpExitFindings),
        ("2", MessageKey.HelpExitBadInput),
        ("3", MessageKey.HelpExitInternal),
        ("130", MessageKey.HelpExitCancelled),
    ];

    /// <summary>The options a sub-command shows that belong to the root: <c>--help</c> (recursive).</summary>
    private static IEnumerable<Option> Inherited(Command command) =>
        command.Parents.OfType<Command>().SelectMany(static p => p.Options).Where(static o => o.Recursive);

    /// <summary>The key of a command's description.</summary>
    internal static MessageKey? DescriptionKey(string command) => command switch
    {
        "payrollrecon" => MessageKey.HelpRoot,
        "check" => MessageKey.HelpCheck,
        "batch" => MessageKey.HelpBatch,
        "merge" => MessageKey.HelpMerge,
        "generate" => MessageKey.HelpGenerate,
        "inspect" => MessageKey.HelpInspect,
        _ => null,
    };

    /// <summary>The key of the description of the argument or option <paramref name="symbol"/> of <paramref name="command"/>.</summary>
    internal static MessageKey? SymbolKey(string command, string symbol) => (command, symbol) switch
    {
        (_, "--help") => MessageKey.HelpShowHelp,
        (_, "--version") => MessageKey.HelpShowVersion,
        ("inspect", "project-dir") => MessageKey.HelpArgInspectDir,
        (_, "project-dir") => MessageKey.HelpArgProjectDir,
        (_, "root-dir") => MessageKey.HelpArgRootDir,
        (_, "shard-out") => MessageKey.HelpArgShardOut,
        (_, "out-dir") => MessageKey.HelpArgOutDir,
        ("merge", "--out") => MessageKey.HelpMergeOut,
        (_, "--out") => MessageKey.HelpOut,
        (_, "--as-of") => MessageKey.HelpAsOf,
        (_, "--lang") => MessageKey.HelpLang,
        (_, "--no-mask") => MessageKey.HelpNoMask,
        (_, "--strict") => MessageKey.HelpStrict,
        (_, "--fail-on") => MessageKey.HelpFailOn,
        (_, "--previous") => MessageKey.HelpPrevious,
        (_, "--timings") => MessageKey.HelpTimings,
        (_, "--jobs") => MessageKey.HelpJobs,
        (_, "--shard") => MessageKey.HelpShard,
        (_, "--progress") => MessageKey.HelpProgress,
        (_, "--projects") => MessageKey.HelpProjects,
        (_, "--workers") => MessageKey.HelpWorkers,
        (_, "--months") => MessageKey.HelpMonths,
        (_, "--seed") => MessageKey.HelpSeed,
        (_, "--defect-rate") => MessageKey.HelpDefectRate,
        (_, "--chinese-headers") => MessageKey.HelpChineseHeaders,
        (_, "--gb18030") => MessageKey.HelpGb18030,
        (_, "--bank-layout-b") => MessageKey.HelpBankLayoutB,
        (_, "--crlf") => MessageKey.HelpCrlf,
        (_, "--attendance-order") => MessageKey.HelpAttendanceOrder,
        (_, "--max-diagnostics") => MessageKey.HelpMaxDiagnostics,
        (_, "--rows") => MessageKey.HelpRows,
        _ => null,
    };

    private static string Describe(string command, string symbol, string? description, ReportLanguage language) =>
        SymbolKey(command, symbol) is { } key ? MessageCatalog.Template(key, language) : description ?? "";

    private static string ArgumentLabel(Argument argument) =>
        argument.Arity.MaximumNumberOfValues > 1 ? $"<{argument.Name}>..." : $"<{argument.Name}>";

    /// <summary><c>-?, -h, --help</c>, <c>--out &lt;out&gt;</c>, <c>--lang &lt;en|zh&gt;</c>; a required option says so.</summary>
    private static string OptionLabel(Option option, ReportLanguage language)
    {
        var names = option.Aliases.Where(static a => !a.StartsWith('/')).Append(option.Name)
            .OrderBy(static n => n.Length).ThenBy(static n => n, StringComparer.Ordinal);
        string label = string.Join(", ", names);
        if (option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0)
        {
            var values = option.GetCompletions(CompletionContext.Empty).Select(static c => c.Label).Order(StringComparer.Ordinal).ToList();
            label += values.Count > 0 ? $" <{string.Join('|', values)}>" : $" <{option.Name.TrimStart('-')}>";
        }
        if (option.Required) label += MessageCatalog.Template(MessageKey.HelpRequired, language);
        return label;
    }

    private static string DefaultText(Option option, ReportLanguage language)
    {
        if (!option.HasDefaultValue || option.ValueType == typeof(bool)) return "";
        string value = Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture) ?? "";
        return new LocalizedText(MessageKey.HelpDefault, value).Render(language);
    }

    /// <summary>Two columns, the second starting at the same place on every line (a Chinese character is two columns wide).</summary>
    private static IEnumerable<string> Columns(IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        int width = list.Count == 0 ? 0 : list.Max(static r => DisplayWidth(r.Label));
        return list.Select(r => r.Label + new string(' ', width - DisplayWidth(r.Label) + 2) + r.Text);
    }

    private static int DisplayWidth(string text) => text.Sum(static c => c >= '\u1100' ? 2 : 1);

    /// <summary>The examples of <paramref name="command"/> (the root command: a few of all).</summary>
    private static string[] Examples(string command) => command switch
    {
        "check" =>
        [
            "payrollrecon check fixtures/sample-project --out out/sample-project",
            "payrollrecon check LY-0017 --as-of 2024-07-10 --lang en --fail-on red",
        ],
        "batch" =>
        [
            "payrollrecon batch province/ --out out/province --as-of 2024-07-10",
            "payrollrecon batch province/ --out out/shard-0 --shard 0/4 --jobs 2",
        ],
        "merge" => ["payrollrecon merge out/shard-0 out/shard-1 out/shard-2 out/shard-3 --out out/province"],
        "generate" => ["payrollrecon generate demo --projects 3 --workers 50 --months 6 --seed 7"],
        "inspect" => ["payrollrecon inspect fixtures/sample-project --rows 3"],
        _ =>
        [
            "payrollrecon check fixtures/sample-project --out out/sample-project",
            "payrollrecon batch province/ --out out/province",
            "payrollrecon check --help",
        ],
    };
}
