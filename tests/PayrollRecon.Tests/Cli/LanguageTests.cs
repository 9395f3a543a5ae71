using System.CommandLine;
using PayrollRecon.Cli;
using PayrollRecon.Reporting;

using LocalizedText = PayrollRecon.Cli.LocalizedText;
using MessageCatalog = PayrollRecon.Cli.MessageCatalog;
using MessageKey = PayrollRecon.Cli.MessageKey;

namespace PayrollRecon.Tests.Cli;

/// <summary>Messages of the command line in both languages: parse errors, the help pages, warnings, shards and merge.</summary>
public sealed class LanguageTests
{
    private static readonly string NL = Environment.NewLine;

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(Program.BuildRoot(), args, error, output);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The same command line with <c>--lang en</c> right after the command (before an option that wants a value).</summary>
    private static string[] English(string[] args) => WithLang(args, "en");

    /// <summary>The same command line with <c>--lang zh</c> right after the command.</summary>
    private static string[] Chinese(string[] args) => WithLang(args, "zh");

    private static string[] WithLang(string[] args, string lang) => args.Length > 0 && !args[0].StartsWith('-') ? [args[0], "--lang", lang, .. args[1..]] : [.. args, "--lang", lang];

    public static TheoryData<string[], string, string> ParseErrors() => new()
    {
        { ["check"], "missing argument <project-dir> for 'payrollrecon check' (see 'payrollrecon check --help')", "'payrollrecon check' 缺少参数 <project-dir>（见 'payrollrecon check --help'）" },
        { ["check", "p", "--bogus"], "unknown option '--bogus' for 'payrollrecon check' (see 'payrollrecon check --help')", "'payrollrecon check' 没有选项 '--bogus'（见 'payrollrecon check --help'）" },
        { ["check", "p", "--outt", "x"], "unknown option '--outt' for 'payrollrecon check'; did you mean '--out'? (see 'payrollrecon check --help')",
            "'payrollrecon check' 没有选项 '--outt'；是否要用 '--out'？（见 'payrollrecon check --help'）" },
        { ["check", "a", "b"], "unexpected argument 'b' for 'payrollrecon check' (see 'payrollrecon check --help')", "'payrollrecon check' 多出了参数 'b'（见 'payrollrecon check --help'）" },
        { ["merge", "s0"], "missing required option --out for 'payrollrecon merge' (see 'payrollrecon merge --help')", "'payrollrecon merge' 缺少必需的选项 --out（见 'payrollrecon merge --help'）" },
        { ["check", "p", "--out"], "--out: a value is needed (see 'payrollrecon check --help')", "--out: 缺少值（见 'payrollrecon check --help'）" },
        { ["check", "p", "--out", "a", "--out", "b"], "--out: given more than once (see 'payrollrecon check --help')", "--out: 只能给一次（见 'payrollrecon check --help'）" },
        { ["check", "p", "--fail-on", "purple"], "--fail-on: 'purple' is not one of orange, red, yellow (see 'payrollrecon check --help')",
            "--fail-on: 'purple' 不是可选值 orange、red、yellow 之一（见 'payrollrecon check --help'）" },
        { ["generate", "x", "--projects", "abc"], "--projects: expected a whole number, got 'abc' (see 'payrollrecon generate --help')",
            "--projects: 应为整数，实为 'abc'（见 'payrollrecon generate --help'）" },
        { ["generate", "x", "--defect-rate", "lots"], "--defect-rate: expected a number, got 'lots' (see 'payrollrecon generate --help')",
            "--defect-rate: 应为数字，实为 'lots'（见 'payrollrecon generate --help'）" },
        { ["--bogus"], "unknown option '--bogus' for 'payrollrecon' (see 'payrollrecon --help')", "'payrollrecon' 没有选项 '--bogus'（见 'payrollrecon --help'）" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void Run_CommandLineThatDoesNotParse_OneLineInEitherLanguage(string[] args, string english, string chinese)
    {
        Assert.Equal((2, "", "payrollrecon: " + english + NL), Run(English(args)));
        Assert.Equal((2, "", "payrollrecon: " + chinese + NL), Run(Chinese(args)));
        // Lines on stderr are English unless zh is asked for.
        Assert.Equal((2, "", "payrollrecon: " + english + NL), Run(args));
    }

    [Fact]
    public void Run_LangNotOneOfTheLanguages_EnglishLine()
    {
        Assert.Equal((2, "", "payrollrecon: --lang: 'fr' is not one of en, zh (see 'payrollrecon check --help')" + NL), Run("check", "p", "--lang", "fr"));
    }

    [Fact]
    public void Help_Inspect_WholePageInEitherLanguage()
    {
        string english = """
            Description:
              Read every input of a project folder and report, per file, what was detected (format, encoding, sheet, header row, preamble, footer, column binding, bank layout), rows read and rejected, and the first problems.

            Usage:
              payrollrecon inspect <project-dir> [options]

            Arguments:
              <project-dir>  Folder holding the project's input files.

            Options:
              --max-diagnostics <max-diagnostics>  Problems to show per file. [default: 5]
              --rows <rows>                        Print the first N parsed rows of every file as JSON lines (ID and card numbers masked). [default: 0]
              --lang <en|zh>                       Language of reports (zh by default) and of error lines (en unless zh is given): zh or en. [default: zh]
              -?, -h, --help                       Show help and usage information

            Examples:
              payrollrecon inspect fixtures/sample-project --rows 3

            Exit codes:
              0    done
              1    some rows could not be read (rejected; the first are listed under their file)
              2    bad usage, or an input that cannot be read (one line on stderr)
              3    internal error (a defect; please report it)
              130  interrupted (Ctrl-C)

            """;
        string chinese = """
            说明：
              读取项目文件夹的每个输入文件，逐个报告识别结果（格式、编码、工作表、表头行、表头前内容、表尾、列的对应、流水格式）、读取和拒绝的行数，以及最先发现的问题。

            用法：
              payrollrecon inspect <project-dir> [选项]

            参数：
              <project-dir>  存放项目输入文件的文件夹。

            选项：
              --max-diagnostics <max-diagnostics>  每个文件显示的问题数。（默认：5）
              --rows <rows>                        把每个文件解析出的前 N 行按 JSON 行打印（身份证号和卡号打码）。（默认：0）
              --lang <en|zh>                       报告的语言（默认中文）及错误提示的语言（除非指定 zh，均为英文）：zh（中文）或 en（英文）。（默认：zh）
              -?, -h, --help                       显示帮助和用法

            示例：
              payrollrecon inspect fixtures/sample-project --rows 3

            退出码：
              0    完成
              1    有无法读取的行（已拒绝；最先几行列在其文件之下）
              2    用法有误，或输入无法读取（stderr 上有一行说明）
              3    内部错误（程序缺陷，请报告）
              130  已中断（Ctrl-C）

            """;
        Assert.Equal((0, english.ReplaceLineEndings(), ""), Run("inspect", "--help", "--lang", "en"));
        Assert.Equal((0, chinese.ReplaceLineEndings(), ""), Run("inspect", "--help"));
    }

    [Fact]
    public void Help_Merge_RequiredOptionMarkedInEitherLanguage()
    {
        Assert.Contains("  --out <out> (REQUIRED)  Folder for the merged output; must not exist, or be empty." + NL, Run("merge", "--help", "--lang", "en").Output);
        Assert.Contains("  --out <out>（必需）  合并结果的文件夹；须不存在或为空。" + NL, Run("merge", "-h").Output);
    }

    /// <summary>Every command, argument and option has its description in the catalogue, and the English one set on the
    /// symbol (what other tools read) is the catalogue's: the two cannot drift apart.</summary>
    [Fact]
    public void Help_EverySymbol_DescribedByTheCatalogue()
    {
        var root = Program.BuildRoot();
        Assert.Equal(MessageCatalog.Template(MessageKey.HelpRoot, ReportLanguage.En), root.Description);
        foreach (var command in root.Subcommands)
        {
            var key = HelpText.DescriptionKey(command.Name);
            Assert.True(key is not null, command.Name);
            Assert.Equal(MessageCatalog.Template(key!.Value, ReportLanguage.En), command.Description);
            IEnumerable<Symbol> symbols = [.. command.Arguments, .. command.Options, .. root.Options];
            foreach (var symbol in symbols)
            {
                var symbolKey = HelpText.SymbolKey(command.Name, symbol.Name);
                Assert.True(symbolKey is not null, $"{command.Name} {symbol.Name}");
                if (symbol.Description is { } description && symbol is not System.CommandLine.Help.HelpOption and not VersionOption)
                    Assert.Equal(MessageCatalog.Template(symbolKey!.Value, ReportLanguage.En), description);
            }
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("batch", "--help")]
    [InlineData("merge", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("inspect", "--help")]
    public void Help_EveryPage_NoEnglishInChinese(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Empty(EnglishWords.In(output));
        Assert.StartsWith("说明：", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HeaderOnlyAttendance_WarnsInEitherLanguage()
    {
        var files = TempProject.Small();
        files["attendance.csv"] = "id_number,time\n\n\n";
        using var project = new TempProject(files);
        var (_, _, english) = Run("check", project.Dir, "--out", project.Path_("en"), "--lang", "en");
        Assert.Equal("payrollrecon: warning: attendance.csv: no rows after the header on line 1, though 2 bytes follow it" + NL, english);
        var (_, chineseOutput, chinese) = Run("check", project.Dir, "--out", project.Path_("zh"), "--lang", "zh");
        Assert.Equal("payrollrecon: 警告: attendance.csv: 第 1 行的表头之后没有读到数据行，但表头后还有 2 字节" + NL, chinese);
        // Without --lang the console summary is Chinese as the reports are, the warning on stderr English.
        var (_, output, plain) = Run("check", project.Dir, "--out", project.Path_("default"));
        Assert.Equal(english, plain);
        Assert.Equal(chineseOutput.Replace(project.Path_("zh"), project.Path_("default"), StringComparison.Ordinal), output);
    }

    [Fact]
    public void Shard_FromSlurm_SaidInEitherLanguage()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        var english = new StringWriter();
        var chinese = new StringWriter();
        Assert.Equal((2, 3), BatchShard.Resolve(null, env.GetValueOrDefault, english, ReportLanguage.En));
        Assert.Equal((2, 3), BatchShard.Resolve(null, env.GetValueOrDefault, chinese, ReportLanguage.Zh));
        Assert.Equal("batch: shard 2/3 from SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3" + NL, english.ToString());
        Assert.Equal("batch: 分片 2/3，取自 SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3" + NL, chinese.ToString());
    }

    [Theory]
    [InlineData("7", "0", "3", "SLURM_ARRAY_TASK_ID=7, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3: 不是连续作业数组中的任务（请以 --array=0-2 提交，或用 --shard I/N 指定分片）")]
    [InlineData("2", "0", null, "设置了 SLURM_ARRAY_TASK_ID 却没有 SLURM_ARRAY_TASK_COUNT：请用 --shard I/N 指定分片")]
    [InlineData("2", "x", "3", "SLURM_ARRAY_TASK_MIN: 应为整数，实为 'x'")]
    public void Shard_SlurmVariablesThatDoNotMakeAShard_Chinese(string id, string min, string? count, string expected)
    {
        var env = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_MIN"] = min, ["SLURM_ARRAY_TASK_COUNT"] = count };
        var e = Assert.Throws<CliException>(() => BatchShard.Resolve(null, env.GetValueOrDefault, TextWriter.Null, ReportLanguage.Zh));
        Assert.Equal(expected, e.Text.Render(ReportLanguage.Zh));
    }

    [Fact]
    public void Merge_ShardFolderMissing_OneLineInEitherLanguage()
    {
        string missing = Path.Combine(Path.GetTempPath(), "payrollrecon-test-" + TempProject.UniqueName());
        Assert.Equal((2, "", $"payrollrecon: {missing}: no such folder" + NL), Run("merge", missing, "--out", missing + "-merged", "--lang", "en"));
        Assert.Equal((2, "", $"payrollrecon: {missing}: 文件夹不存在" + NL), Run("merge", missing, "--out", missing + "-merged", "--lang", "zh"));
    }

    [Fact]
    public void Merge_NotAManifest_OneLineInEitherLanguage()
    {
        using var shard = new TempProject(new Dictionary<string, string> { ["manifest.json"] = "{ \"format\": " });
        string path = Path.Combine(shard.Dir, "manifest.json");
        var (_, _, english) = Run("merge", shard.Dir, "--out", shard.Path_("merged"), "--lang", "en");
        Assert.StartsWith($"payrollrecon: {path}: not a batch manifest (", english, StringComparison.Ordinal);
        Assert.Equal((2, "", $"payrollrecon: {path}: 不是 batch 的清单（第 1 行 JSON 有误）" + NL), Run("merge", shard.Dir, "--out", shard.Path_("merged"), "--lang", "zh"));
    }

    [Fact]
    public void Generate_IntoAFile_OneLineInEitherLanguage()
    {
        using var folder = new TempProject(new Dictionary<string, string> { ["taken"] = "x" });
        string file = folder.Path_("taken");
        Assert.Equal((2, "", $"payrollrecon: {file}: a file, not a folder; give a folder to write the projects into" + NL), Run("generate", file, "--lang", "en"));
        Assert.Equal((2, "", $"payrollrecon: {file}: 是文件而不是文件夹；请指定写入项目的文件夹" + NL), Run("generate", file, "--lang", "zh"));
    }

    [Fact]
    public void Batch_PreviousFolderMissing_OneLineInEitherLanguage()
    {
        using var project = new TempProject(TempProject.Small());
        using var outputs = new TempProject(new Dictionary<string, string>());
        string previous = project.Path_("none");
        Assert.Equal((2, "", $"payrollrecon: --previous {previous}: no such folder" + NL),
            Run("batch", project.Dir, "--out", outputs.Path_("out"), "--previous", previous, "--lang", "en"));
        Assert.Equal((2, "", $"payrollrecon: --previous {previous}: 文件夹不存在" + NL),
            Run("batch", project.Dir, "--out", outputs.Path_("out"), "--previous", previous, "--lang", "zh"));
    }

    /// <summary>The merge and manifest messages with the values a run would put in, in both languages.</summary>
    public static TheoryData<string, object?[], string, string> MergeMessages() => new()
    {
        { nameof(MessageKey.ManifestMissing), ["s0", "manifest.json"], "s0: no manifest.json (not the output of payrollrecon batch, or its batch did not finish)",
            "s0: 没有 manifest.json（不是 payrollrecon batch 的输出，或那次 batch 没有运行完）" },
        { nameof(MessageKey.ManifestTooLarge), ["s0/manifest.json", 64], "s0/manifest.json: larger than 64 MiB, not a batch manifest", "s0/manifest.json: 超过 64 MiB，不是 batch 的清单" },
        { nameof(MessageKey.ManifestNull), ["s0/manifest.json"], "s0/manifest.json: not a batch manifest (null)", "s0/manifest.json: 不是 batch 的清单（内容为空值）" },
        { nameof(MessageKey.ManifestFormat), ["s0/manifest.json", 3, 2, "payrollrecon 0.2.0"], "s0/manifest.json: manifest format 3, this version reads format 2 (payrollrecon 0.2.0)",
            "s0/manifest.json: 清单格式为 3，本版本（payrollrecon 0.2.0）读取的是格式 2" },
        { nameof(MessageKey.MergeOutInsideShard), ["s0/m", "s0"], "merge: --out s0/m is inside the shard folder s0", "merge: --out s0/m 位于分片文件夹 s0 之内" },
        { nameof(MessageKey.MergeOutNotEmpty), ["m"], "merge: m exists and is not empty (merge into a new folder)", "merge: m 已存在且不是空的（请合并到新文件夹）" },
        { nameof(MessageKey.MergeOutIsFile), ["m"], "merge: m is a file", "merge: m 是文件" },
        { nameof(MessageKey.MergeProjectFolderMissing), ["s0", "GEN-1", "manifest.json"], "merge: s0/GEN-1: missing (listed in s0/manifest.json)", "merge: s0/GEN-1: 不存在（s0/manifest.json 中列有它）" },
        { nameof(MessageKey.MergeOutIsRoot), ["/"], "merge: --out / is a root folder", "merge: --out / 是根目录" },
        { nameof(MessageKey.MergeVersions), ["s1", "payrollrecon 0.0.9", "s0", "payrollrecon 0.1.0"], "merge: s1 was run by payrollrecon 0.0.9, s0 by payrollrecon 0.1.0: shards must come from the same build",
            "merge: s1 由 payrollrecon 0.0.9 运行，s0 由 payrollrecon 0.1.0 运行：各分片须由同一版本运行" },
        { nameof(MessageKey.MergeAsOf), ["s1", "2024-06-21", "s0", "2024-06-20"], "merge: s1 was checked as of 2024-06-21, s0 as of 2024-06-20: give every shard the same --as-of",
            "merge: s1 截至 2024-06-21，s0 截至 2024-06-20：各分片须用相同的 --as-of" },
        { nameof(MessageKey.MergeOption), ["s1", "--strict", new LocalizedText(MessageKey.MergeOptionNotGiven), "s0", "true"],
            "merge: s1 was run with --strict (not given), s0 with --strict true: shards must be run with the same options",
            "merge: s1 运行时 --strict 为 （未指定），s0 为 true：各分片须用相同的选项运行" },
        { nameof(MessageKey.MergeReportOptions), ["s1", "s0"], "merge: s1 and s0 wrote their reports with different options: shards must be run with the same options",
            "merge: s1 与 s0 写报告的选项不同：各分片须用相同的选项运行" },
        { nameof(MessageKey.MergeShardCount), ["s1", "1/3", "s0", "0/2"], "merge: s1 is shard 1/3, s0 is shard 0/2: the shards of one batch share N", "merge: s1 是分片 1/3，s0 是分片 0/2：同一批次的各分片 N 相同" },
        { nameof(MessageKey.MergeNotAShard), ["s0", "manifest.json", "5/3"], "merge: s0/manifest.json: shard 5/3 is not a shard", "merge: s0/manifest.json: 分片 5/3 不是有效的分片" },
        { nameof(MessageKey.MergeShardTwice), ["1/2", "s1", "s1-again"], "merge: shard 1/2 given twice: s1 and s1-again", "merge: 分片 1/2 给了两次：s1 和 s1-again" },
        { nameof(MessageKey.MergeShardMissing), ["1/3", 3], "merge: shard 1/3 is missing: merge needs all 3 shards", "merge: 缺少分片 1/3：合并需要全部 3 个分片" },
        { nameof(MessageKey.MergeShardsMissing), [LocalizedText.Join(["1/5", "2/5", "4/5"]), 5], "merge: shards 1/5, 2/5, 4/5 are missing: merge needs all 5 shards",
            "merge: 缺少分片 1/5、2/5、4/5：合并需要全部 5 个分片" },
        { nameof(MessageKey.MergeInputs), ["s1", "s0", new LocalizedText(MessageKey.MergeInputListing, 8, "0123456789ab"), new LocalizedText(MessageKey.MergeInputListing, 7, "ba9876543210")],
            "merge: s1 was run on other inputs than s0 (8 projects, listing 0123456789ab against 7 projects, listing ba9876543210): run every shard on the same files",
            "merge: s1 与 s0 的输入不同（8 个项目，清单 0123456789ab，而后者为 7 个项目，清单 ba9876543210）：各分片须用同一批文件运行" },
        { nameof(MessageKey.MergeProjectTwice), ["GEN-1", "city/GEN-1", "s0 (0/2)", "s1 (1/2)"], "merge: project GEN-1 (city/GEN-1) is in two shards: s0 (0/2) and s1 (1/2)",
            "merge: 项目 GEN-1（city/GEN-1）同时在两个分片中：s0 (0/2) 和 s1 (1/2)" },
        { nameof(MessageKey.MergeProjectCount), ["s0", 2, "0/2", 7, 4], "merge: s0 holds 2 projects, shard 0/2 of 7 has 4", "merge: s0 有 2 个项目，而 7 个项目的分片 0/2 应有 4 个" },
        { nameof(MessageKey.MergeDigest), ["0123456789ab", "ba9876543210"], "merge: the shards' projects are not the inputs they listed (listing 0123456789ab against ba9876543210)",
            "merge: 各分片的项目与其所列的输入不符（清单 0123456789ab，而所列为 ba9876543210）" },
        { nameof(MessageKey.MergeTopLevelFile), ["s1", "notes.txt", "s0"], "merge: s1/notes.txt differs from s0/notes.txt: a top-level file must be the same in every shard",
            "merge: s1/notes.txt 与 s0/notes.txt 不同：各分片顶层的文件须完全相同" },
        { nameof(MessageKey.MergeCannotLink), ["m/a.csv", "s0/a.csv", "Permission denied"], "m/a.csv: cannot link to s0/a.csv (Permission denied)", "m/a.csv: 无法链接到 s0/a.csv（Permission denied）" },
        { nameof(MessageKey.MergeSummary), [2, 7, 1, 40, new LocalizedText(MessageKey.MergeCopied, 3), "out/m"],
            "2 shards merged: 7 projects (1 could not be read), 40 files linked, 3 copied (another file system); written to out/m",
            "已合并 2 个分片：7 个项目（1 个无法读取），链接 40 个文件，复制 3 个（位于另一文件系统）；结果已写入 out/m" },
    };

    [Theory]
    [MemberData(nameof(MergeMessages))]
    public void MergeMessage_EitherLanguage(string key, object?[] values, string english, string chinese)
    {
        var text = new LocalizedText(Enum.Parse<MessageKey>(key), values);
        Assert.Equal(english, text.Render(ReportLanguage.En));
        Assert.Equal(chinese, text.Render(ReportLanguage.Zh));
    }
}
