using System.Text.Json.Nodes;
using PayrollRecon.Cli;
using PayrollRecon.Generation;
using PayrollRecon.Reporting;

namespace PayrollRecon.Tests.Batch;

public sealed class MergeCommandTests
{
    private const string AsOf = "2024-06-20";

    /// <summary>Seven projects, two of which cannot be checked (bad project.json, no bank.csv), so shards hold failed
    /// projects too; a third is grouped in a sub-folder.</summary>
    private static BatchFolder Portfolio()
    {
        var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 7, Workers = 12, Months = 3, Seed = 21, DefectRate = 0.3 });
        File.WriteAllText(Path.Combine(generated.Projects[2].Directory, "project.json"), """{ "code": "GEN-21-0003", "payday": 15 }""");
        File.Delete(Path.Combine(generated.Projects[4].Directory, "bank.csv"));
        var city = Path.Combine(folder.Input, "洛阳");
        Directory.CreateDirectory(city);
        Directory.Move(generated.Projects[5].Directory, Path.Combine(city, "GEN-21-0006"));
        return folder;
    }

    /// <summary>Runs <c>batch --shard i/n</c> into <c>s&lt;i&gt;</c> for every i; returns the folders.</summary>
    private static string[] Shards(BatchFolder folder, int n, params string[] options)
    {
        var dirs = new string[n];
        for (int i = 0; i < n; i++)
        {
            dirs[i] = folder.Out($"s{i}");
            int exit = BatchFolder.Run(["batch", folder.Input, "--out", dirs[i], "--shard", $"{i}/{n}", "--as-of", AsOf, .. options]).Exit;
            Assert.True(exit is 0 or 2, $"shard {i}/{n} exited {exit}");
        }
        return dirs;
    }

    private static (int Exit, string Error) Merge(string outDir, params string[] shards) => BatchFolder.Run(["merge", .. shards, "--out", outDir]);

    private static void AssertSameTree(string expected, string actual)
    {
        var a = BatchFolder.Files(expected);
        var b = BatchFolder.Files(actual);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (file, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs from the unsharded run");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9, "--lang", "en", "--no-mask")]
    public void Merge_AllShards_ByteIdenticalToUnshardedRun(int n, params string[] options)
    {
        using var folder = Portfolio();
        Assert.Equal(2, BatchFolder.Run(["batch", folder.Input, "--out", folder.Out("all"), "--as-of", AsOf, "--jobs", "2", .. options]).Exit);
        var shards = Shards(folder, n, options);

        // Any order on the command line.
        var (exit, error) = Merge(folder.Out("merged"), [.. shards.Reverse()]);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        AssertSameTree(folder.Out("all"), folder.Out("merged"));
        // 5 checked projects × 6 files, the 2 failed ones have none; portfolio.csv, portfolio.html, manifest.json.
        Assert.Equal(33, BatchFolder.Files(folder.Out("merged")).Count);
        Assert.Contains(",GEN-21-0003/project.json: unknown key 'payday' (did you mean 'payDay'?)", File.ReadAllText(Path.Combine(folder.Out("merged"), "portfolio.csv")));
        // The shards are left whole: a merge can be run again.
        foreach (var s in shards) Assert.True(File.Exists(Path.Combine(s, BatchManifest.FileName)));
        Assert.Equal(0, Merge(folder.Out("again"), shards).Exit);
        AssertSameTree(folder.Out("all"), folder.Out("again"));
    }

    [Fact]
    public void Merge_ExtraTopLevelFileInShards_CarriedOnce()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        foreach (var s in shards) File.WriteAllText(Path.Combine(s, "run-notes.txt"), "night run");

        Assert.Equal(0, Merge(folder.Out("merged"), shards).Exit);

        Assert.Equal("night run", File.ReadAllText(Path.Combine(folder.Out("merged"), "run-notes.txt")));
    }

    [Fact]
    public void Merge_LeftoversOfAKilledMerge_RemovedAndMergeCompletes()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        var leftover = Path.Combine(folder.Root, ".merged.merging");
        Directory.CreateDirectory(Path.Combine(leftover, "GEN-21-0001"));
        File.WriteAllText(Path.Combine(leftover, "GEN-21-0001", "report.html"), "half");

        Assert.Equal(0, Merge(folder.Out("merged"), shards).Exit);

        Assert.False(Directory.Exists(leftover));
        Assert.NotEqual("half", File.ReadAllText(Path.Combine(folder.Out("merged"), "GEN-21-0001", "report.html")));
    }

    [Fact]
    public void Merge_Interrupted_LeavesNoOutputAndNoTemporaryFolder()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 3);
        using var cancel = new CancellationTokenSource();
        int linked = 0;

        // Ctrl-C (or Slurm's SIGTERM) after the second project folder.
        Assert.ThrowsAny<OperationCanceledException>(() =>
            MergeCommand.Execute(shards, folder.Out("merged"), TextWriter.Null, cancel.Token, () => { if (++linked == 2) cancel.Cancel(); }));

        Assert.True(linked >= 2);
        Assert.Equal([Path.Combine(folder.Root, "in"), .. shards], Directory.EnumerateFileSystemEntries(folder.Root).Order(StringComparer.Ordinal));
        Assert.Equal(0, Merge(folder.Out("merged"), shards).Exit);
    }

    [Fact]
    public void Merge_ShardsOfDifferentVersions_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        EditManifest(shards[1], m => m["version"] = "payrollrecon 0.0.9+0a1b2c3");

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {shards[1]} was run by payrollrecon 0.0.9+0a1b2c3, {shards[0]} by {MergeCommand.ShortVersion(BatchManifest.ToolVersion)}: shards must come from the same build"), error);
        Assert.False(Directory.Exists(folder.Out("merged")));
        Assert.Equal("payrollrecon 0.1.0+706a6df70", MergeCommand.ShortVersion("payrollrecon 0.1.0+706a6df70659d159e1274930123456786147b9f"));
    }

    [Fact]
    public void Merge_ShardsWithDifferentOptions_Refused()
    {
        using var folder = Portfolio();
        string s0 = folder.Out("s0"), s1 = folder.Out("s1");
        BatchFolder.Run("batch", folder.Input, "--out", s0, "--shard", "0/2", "--as-of", AsOf, "--lang", "zh");
        BatchFolder.Run("batch", folder.Input, "--out", s1, "--shard", "1/2", "--as-of", AsOf, "--lang", "en");

        var (exit, error) = Merge(folder.Out("merged"), s0, s1);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {s1} was run with --lang en, {s0} with --lang zh: shards must be run with the same options"), error);
    }

    [Fact]
    public void Merge_ShardsOneStrictOneNot_RefusedNamingTheOption()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s0"), "--shard", "0/2", "--as-of", AsOf, "--strict");
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s1"), "--shard", "1/2", "--as-of", AsOf);

        var (exit, error) = Merge(folder.Out("merged"), folder.Out("s0"), folder.Out("s1"));

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("s1")} was run with --strict false, {folder.Out("s0")} with --strict true: shards must be run with the same options"), error);
    }

    [Fact]
    public void Merge_ShardsAsOfDifferentDays_Refused()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s0"), "--shard", "0/2", "--as-of", "2024-06-20");
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s1"), "--shard", "1/2", "--as-of", "2024-06-21");

        var (exit, error) = Merge(folder.Out("merged"), folder.Out("s0"), folder.Out("s1"));

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("s1")} was checked as of 2024-06-21, {folder.Out("s0")} as of 2024-06-20: give every shard the same --as-of"), error);
    }

    [Fact]
    public void Merge_InputsChangedBetweenShards_Refused()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s0"), "--shard", "0/2", "--as-of", AsOf);
        // A statement line arrives before the second shard runs.
        File.AppendAllText(Path.Combine(folder.Input, "GEN-21-0002", "bank.csv"), "\n");
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s1"), "--shard", "1/2", "--as-of", AsOf);
        string d0 = BatchManifest.Read(folder.Out("s0")).Inputs.Digest[..12], d1 = BatchManifest.Read(folder.Out("s1")).Inputs.Digest[..12];

        var (exit, error) = Merge(folder.Out("merged"), folder.Out("s0"), folder.Out("s1"));

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("s1")} was run on other inputs than {folder.Out("s0")} (7 projects, listing {d1} against 7 projects, listing {d0}): run every shard on the same files"), error);
    }

    [Fact]
    public void Merge_ProjectAddedBetweenShards_Refused()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s0"), "--shard", "0/2", "--as-of", AsOf);
        ProjectGenerator.Generate(folder.Input, new GeneratorOptions { Projects = 1, Workers = 5, Months = 2, Seed = 99 });
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("s1"), "--shard", "1/2", "--as-of", AsOf);
        string d0 = BatchManifest.Read(folder.Out("s0")).Inputs.Digest[..12], d1 = BatchManifest.Read(folder.Out("s1")).Inputs.Digest[..12];

        var (exit, error) = Merge(folder.Out("merged"), folder.Out("s0"), folder.Out("s1"));

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("s1")} was run on other inputs than {folder.Out("s0")} (8 projects, listing {d1} against 7 projects, listing {d0}): run every shard on the same files"), error);
    }

    [Fact]
    public void Merge_MissingShard_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 3);

        var (exit, error) = Merge(folder.Out("merged"), shards[0], shards[2]);

        Assert.Equal(2, exit);
        Assert.Equal(Line("merge: shard 1/3 is missing: merge needs all 3 shards"), error);
        Assert.Equal(Line("merge: shards 1/5, 2/5, 4/5 are missing: merge needs all 5 shards"),
            Merge(folder.Out("merged"), Shards(folder, 5)[0], folder.Out("s3")).Error);
    }

    [Fact]
    public void Merge_ShardGivenTwice_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        var copy = folder.Out("s1-again");
        CopyTree(shards[1], copy);

        var (exit, error) = Merge(folder.Out("merged"), shards[0], shards[1], copy);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: shard 1/2 given twice: {shards[1]} and {copy}"), error);
    }

    [Fact]
    public void Merge_ShardsOfDifferentCounts_Refused()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("a"), "--shard", "0/2", "--as-of", AsOf);
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("b"), "--shard", "1/3", "--as-of", AsOf);

        var (exit, error) = Merge(folder.Out("merged"), folder.Out("a"), folder.Out("b"));

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("b")} is shard 1/3, {folder.Out("a")} is shard 0/2: the shards of one batch share N"), error);
    }

    [Fact]
    public void Merge_ProjectInTwoShards_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        var first = JsonNode.Parse(File.ReadAllText(Path.Combine(shards[0], BatchManifest.FileName)))!["projects"]![0]!.DeepClone();
        EditManifest(shards[1], m => m["projects"]!.AsArray().Add(first));

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: project GEN-21-0001 (GEN-21-0001) is in two shards: {shards[0]} (0/2) and {shards[1]} (1/2)"), error);
    }

    [Fact]
    public void Merge_ProjectLeftOutOfAShard_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        EditManifest(shards[1], m => m["projects"]!.AsArray().RemoveAt(0));

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {shards[1]} holds 2 projects, shard 1/2 of 7 has 3"), error);
    }

    [Fact]
    public void Merge_ShardWithoutManifest_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        // A shard whose batch was killed before it finished has no manifest.
        File.Delete(Path.Combine(shards[1], BatchManifest.FileName));

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"{shards[1]}: no manifest.json (not the output of payrollrecon batch, or its batch did not finish)"), error);
    }

    [Fact]
    public void Merge_DamagedManifest_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        File.WriteAllText(Path.Combine(shards[0], BatchManifest.FileName), "{ \"format\": 1, ");

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.StartsWith(Line($"{Path.Combine(shards[0], BatchManifest.FileName)}: not a batch manifest (")[..^Environment.NewLine.Length], error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Merge_ProjectFolderGoneFromShard_RefusedBeforeWritingAnything()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        Directory.Delete(Path.Combine(shards[1], "GEN-21-0002"), recursive: true);

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {shards[1]}/GEN-21-0002: missing (listed in {shards[1]}/manifest.json)"), error);
        Assert.False(Directory.Exists(folder.Out("merged")));
    }

    [Fact]
    public void Merge_TopLevelFileDiffersBetweenShards_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        File.WriteAllText(Path.Combine(shards[0], "run-notes.txt"), "a");
        File.WriteAllText(Path.Combine(shards[1], "run-notes.txt"), "b");

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {shards[1]}/run-notes.txt differs from {shards[0]}/run-notes.txt: a top-level file must be the same in every shard"), error);
    }

    [Fact]
    public void Merge_OutNotEmpty_Refused()
    {
        using var folder = Portfolio();
        var shards = Shards(folder, 2);
        Directory.CreateDirectory(folder.Out("merged"));
        File.WriteAllText(Path.Combine(folder.Out("merged"), "old.txt"), "x");

        var (exit, error) = Merge(folder.Out("merged"), shards);

        Assert.Equal(2, exit);
        Assert.Equal(Line($"merge: {folder.Out("merged")} exists and is not empty (merge into a new folder)"), error);
        Assert.Equal(0, Merge(folder.Out("fresh"), shards).Exit);
    }

    [Fact]
    public void Merge_NoShardGiven_UsageError()
    {
        var (exit, error) = BatchFolder.Run("merge", "--out", "x");
        Assert.Equal(2, exit);
        Assert.Equal("payrollrecon: missing argument <shard-out> for 'payrollrecon merge' (see 'payrollrecon merge --help')" + Environment.NewLine, error);
    }

    [Theory]
    [InlineData("2", "0", "3", "1", "shard 2/3 from SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3")]
    [InlineData("1", "1", "3", "1", "shard 0/3 from SLURM_ARRAY_TASK_ID=1, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=3")]
    [InlineData("3", "1", "3", "1", "shard 2/3 from SLURM_ARRAY_TASK_ID=3, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=3")]
    [InlineData("4", "0", "3", "2", "shard 2/3 from SLURM_ARRAY_TASK_ID=4, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3, SLURM_ARRAY_TASK_STEP=2")]
    public void Shard_FromSlurmArrayTask_IndexIsIdLessMin(string id, string min, string count, string step, string said)
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_MIN"] = min, ["SLURM_ARRAY_TASK_COUNT"] = count, ["SLURM_ARRAY_TASK_STEP"] = step };
        var error = new StringWriter();

        var shard = BatchShard.Resolve(null, env.GetValueOrDefault, error, ReportLanguage.En);

        Assert.Equal("batch: " + said + Environment.NewLine, error.ToString());
        Assert.Equal(said.Split(' ')[1], $"{shard.Index}/{shard.Count}");
    }

    [Fact]
    public void Shard_OptionGiven_WinsOverSlurmAndSaysNothing()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        var error = new StringWriter();
        Assert.Equal((1, 4), BatchShard.Resolve("1/4", env.GetValueOrDefault, error, ReportLanguage.En));
        Assert.Equal((0, 1), BatchShard.Resolve(null, _ => null, error, ReportLanguage.En));
        Assert.Equal(string.Empty, error.ToString());
    }

    [Theory]
    [InlineData("7", "0", "3", "SLURM_ARRAY_TASK_ID=7, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3: not one of consecutive array tasks (submit --array=0-2, or pass --shard I/N)")]
    [InlineData("2", "0", null, "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: pass --shard I/N")]
    [InlineData("2", "x", "3", "SLURM_ARRAY_TASK_MIN: expected a whole number, got 'x'")]
    public void Shard_SlurmVariablesThatDoNotMakeAShard_OneLine(string id, string min, string? count, string expected)
    {
        var env = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_MIN"] = min, ["SLURM_ARRAY_TASK_COUNT"] = count };
        var e = Assert.Throws<CliException>(() => BatchShard.Resolve(null, env.GetValueOrDefault, TextWriter.Null, ReportLanguage.En));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Batch_ProjectWithoutAsOf_CheckedAsOfTheDayTheBatchStartedAsTheManifestSays()
    {
        using var folder = new BatchFolder();
        var generated = folder.Generate(new GeneratorOptions { Projects = 2, Workers = 5, Months = 2, Seed = 31 });
        var json = Path.Combine(generated.Projects[1].Directory, "project.json");
        var settings = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        Assert.True(settings.Remove("asOf"));
        File.WriteAllText(json, settings.ToJsonString());

        Assert.Equal(0, BatchFolder.Run("batch", folder.Input, "--out", folder.Out("out")).Exit);

        var manifest = BatchManifest.Read(folder.Out("out"));
        string Summary(string code) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Out("out"), code, "summary.json")))!["asOf"]!.GetValue<string>();
        Assert.Equal(manifest.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Summary("GEN-31-0002"));
        // A project with its own asOf keeps it.
        Assert.Equal(JsonNode.Parse(File.ReadAllText(Path.Combine(generated.Projects[0].Directory, "project.json")))!["asOf"]!.GetValue<string>(), Summary("GEN-31-0001"));
        Assert.Equal(new BatchManifest.ShardPosition(0, 1), manifest.Shard);
        Assert.Null(manifest.Options["--as-of"]);
    }

    [Fact]
    public void Manifest_PortfolioEntryAndReportOptions_RoundTripEveryProperty()
    {
        using var folder = Portfolio();
        BatchFolder.Run("batch", folder.Input, "--out", folder.Out("all"), "--as-of", AsOf, "--lang", "en", "--no-mask");
        var path = Path.Combine(folder.Out("all"), BatchManifest.FileName);

        var manifest = BatchManifest.Read(folder.Out("all"));

        // Re-written from what was read, the manifest is the same bytes: nothing is lost on the way through a merge.
        var copy = folder.Out("copy");
        Directory.CreateDirectory(copy);
        manifest.Write(copy, CancellationToken.None);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(copy, BatchManifest.FileName)));
        Assert.Equal(PayrollRecon.Reporting.ReportLanguage.En, manifest.ReportOptions.Language);
        Assert.False(manifest.ReportOptions.Mask);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        // Every public property of a portfolio line is in the file, so one added later travels with it.
        var entryKeys = json["projects"]![0]!["entry"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var property in typeof(PayrollRecon.Reporting.PortfolioEntry).GetProperties())
            Assert.Contains(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name), entryKeys);
        Assert.Equal("""{"--as-of":"2024-06-20","--fail-on":null,"--lang":"en","--no-mask":"true","--previous":null,"--strict":"false"}""", json["options"]!.ToJsonString());
        Assert.Equal(64, json["projects"]![0]!["files"]![0]!["sha256"]!.GetValue<string>().Length);
    }

    /// <summary>The line on stderr for a refusal: as every error line, with long digit runs masked (a temporary folder's
    /// name may hold some).</summary>
    private static string Line(string message) => "payrollrecon: " + PayrollRecon.Reporting.PersonalData.FreeText(message, mask: true) + Environment.NewLine;

    private static void EditManifest(string dir, Action<JsonNode> edit)
    {
        var path = Path.Combine(dir, BatchManifest.FileName);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
