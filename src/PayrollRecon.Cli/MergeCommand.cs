using System.CommandLine;
using System.Globalization;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>payrollrecon merge &lt;shard-out&gt;... --out DIR</c>: the output folders of <c>batch --shard I/N</c> runs put together
/// into the folder one unsharded batch would have written, byte for byte.</summary>
/// <remarks>
/// Project folders are hard-linked, not moved or copied: the shards stay complete until the merge has succeeded (an
/// interrupted merge can simply be run again, and nothing is ever half-moved), the merged folder stands on its own (no
/// symbolic link into a shard folder that may be deleted later), and the bytes are stored once. Across file systems,
/// where a link is impossible, files are copied. The merged folder is built under a temporary name beside
/// <c>DIR</c> and renamed at the end: an interrupted merge leaves no <c>DIR</c>, never a partial one.
/// </remarks>
internal static class MergeCommand
{
    public static Command Create()
    {
        var shards = new Argument<string[]>("shard-out") { Arity = ArgumentArity.OneOrMore, Description = "Output folders of the shards' batch runs (each holding its manifest.json), in any order." };
        var outDir = new Option<string>("--out") { Description = "Folder for the merged output; must not exist, or be empty.", Required = true };
        // The language of the command's own messages; the merged outputs keep the shards' language.
        var lang = CommonOptions.NewLang();
        var command = new Command("merge", "Merge the output folders of batch --shard I/N runs into the output of one unsharded batch.") { shards, outDir, lang };
        command.SetAction((parsed, ct) => Task.FromResult(Execute(parsed.GetRequiredValue(shards), parsed.GetRequiredValue(outDir), parsed.InvocationConfiguration.Output, ct,
            language: parsed.GetValue(lang) == "en" ? ReportLanguage.En : ReportLanguage.Zh)));
        return command;
    }

    /// <summary>A shard folder as named on the command line, and its manifest.</summary>
    internal sealed record Shard(string Dir, BatchManifest Manifest)
    {
        public string Label => $"{Dir} ({Manifest.Shard})";
    }

    /// <summary>Merges; <paramref name="afterProject"/> (tests) is called after each project folder is linked.</summary>
    internal static int Execute(string[] dirs, string outDir, TextWriter output, CancellationToken ct, Action? afterProject = null, ReportLanguage language = ReportLanguage.En)
    {
        var shards = dirs.Select(d => new Shard(d, BatchManifest.Read(d))).ToList();
        var projects = Plan(shards);
        var first = shards[0].Manifest;

        var outFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        foreach (var s in shards)
        {
            var shardFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(s.Dir));
            if (outFull == shardFull || outFull.StartsWith(shardFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new CliException(MessageKey.MergeOutInsideShard, outDir, s.Dir);
        }
        if (Directory.Exists(outFull) && Directory.EnumerateFileSystemEntries(outFull).Any())
            throw new CliException(MessageKey.MergeOutNotEmpty, outDir);
        if (File.Exists(outFull)) throw new CliException(MessageKey.MergeOutIsFile, outDir);

        // Before anything is written: every project folder the manifests list is there, and top-level files agree.
        foreach (var (shard, p) in projects)
        {
            if (p.Output is { } folder && !Directory.Exists(Path.Combine(shard.Dir, folder)))
                throw new CliException(MessageKey.MergeProjectFolderMissing, shard.Dir, folder, BatchManifest.FileName);
        }
        var topLevel = TopLevelFiles(shards);

        var parent = Path.GetDirectoryName(outFull) ?? throw new CliException(MessageKey.MergeOutIsRoot, outDir);
        Directory.CreateDirectory(parent);
        // A fixed name: the leftovers of a merge that was killed outright (SIGKILL) are removed by the next one.
        var temp = Path.Combine(parent, "." + Path.GetFileName(outFull) + ".merging");
        using var cancel = new SignalCancellation(ct);
        var counts = new LinkCounts();
        bool done = false;
        try
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            Directory.CreateDirectory(temp);
            foreach (var (shard, p) in projects)
            {
                if (p.Output is { } folder) LinkTree(Path.Combine(shard.Dir, folder), Path.Combine(temp, folder), counts, cancel.Token);
                afterProject?.Invoke();
            }
            foreach (var (name, from) in topLevel) LinkFile(from, Path.Combine(temp, name), counts);

            // The same writers, fed the same lines in the same (unsharded) order, as the batch.
            var entries = projects.Select(p => p.Project.Entry).ToArray();
            var reportOptions = first.ReportOptions;
            ProjectOutput.WriteAtomically(Path.Combine(temp, ReportWriter.PortfolioCsvFileName), s => ReportWriter.WritePortfolioCsv(entries, s), cancel.Token);
            ProjectOutput.WriteAtomically(Path.Combine(temp, ReportWriter.PortfolioHtmlFileName), s => ReportWriter.WritePortfolioHtml(entries, s, reportOptions), cancel.Token);
            (first with { Shard = new BatchManifest.ShardPosition(0, 1), Projects = [.. projects.Select(p => p.Project)] }).Write(temp, cancel.Token);

            cancel.Token.ThrowIfCancellationRequested();
            if (Directory.Exists(outFull)) Directory.Delete(outFull);
            Directory.Move(temp, outFull);
            done = true;
        }
        finally
        {
            // Only links (or copies) are removed: the shard folders are never touched.
            if (!done && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }

        int failed = projects.Count(p => p.Project.Entry.Error is not null);
        object copied = counts.Copied > 0 ? new LocalizedText(MessageKey.MergeCopied, counts.Copied) : string.Empty;
        output.WriteLine(new LocalizedText(MessageKey.MergeSummary, shards.Count, projects.Count, failed, counts.Linked, copied, outDir).Render(language));
        return ExitCodes.Ok;
    }

    /// <summary>Checks that the shards are the N parts of one batch and returns their projects in the unsharded order.</summary>
    internal static List<(Shard Shard, BatchManifest.ManifestProject Project)> Plan(IReadOnlyList<Shard> shards)
    {
        var a = shards[0];
        var m = a.Manifest;
        foreach (var b in shards.Skip(1))
        {
            var n = b.Manifest;
            if (n.Version != m.Version)
                throw new CliException(MessageKey.MergeVersions, b.Dir, ShortVersion(n.Version), a.Dir, ShortVersion(m.Version));
            if (n.AsOf != m.AsOf)
                throw new CliException(MessageKey.MergeAsOf, b.Dir, Date(n.AsOf), a.Dir, Date(m.AsOf));
            foreach (var name in m.Options.Keys.Union(n.Options.Keys).Order(StringComparer.Ordinal))
            {
                string? va = m.Options.GetValueOrDefault(name), vb = n.Options.GetValueOrDefault(name);
                if (va != vb)
                    throw new CliException(MessageKey.MergeOption, b.Dir, name, (object?)vb ?? new LocalizedText(MessageKey.MergeOptionNotGiven), a.Dir, (object?)va ?? new LocalizedText(MessageKey.MergeOptionNotGiven));
            }
            if (n.ReportOptions != m.ReportOptions)
                throw new CliException(MessageKey.MergeReportOptions, b.Dir, a.Dir);
            if (n.Shard.Count != m.Shard.Count)
                throw new CliException(MessageKey.MergeShardCount, b.Dir, n.Shard, a.Dir, m.Shard);
        }

        int count = m.Shard.Count;
        var byIndex = new Shard?[count];
        foreach (var s in shards)
        {
            int i = s.Manifest.Shard.Index;
            if (i < 0 || i >= count) throw new CliException(MessageKey.MergeNotAShard, s.Dir, BatchManifest.FileName, s.Manifest.Shard);
            if (byIndex[i] is { } other) throw new CliException(MessageKey.MergeShardTwice, s.Manifest.Shard, other.Dir, s.Dir);
            byIndex[i] = s;
        }
        var missing = Enumerable.Range(0, count).Where(i => byIndex[i] is null).Select(i => $"{i}/{count}").ToList();
        if (missing.Count == 1) throw new CliException(MessageKey.MergeShardMissing, missing[0], count);
        if (missing.Count > 1) throw new CliException(MessageKey.MergeShardsMissing, LocalizedText.Join([.. missing]), count);

        foreach (var b in shards.Skip(1))
        {
            var n = b.Manifest;
            if (n.Inputs != m.Inputs)
                throw new CliException(MessageKey.MergeInputs, b.Dir, a.Dir, Listing(n.Inputs), Listing(m.Inputs));
        }

        var seenFolder = new Dictionary<string, Shard>(StringComparer.Ordinal);
        var seenOutput = new Dictionary<string, Shard>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in byIndex)
        {
            foreach (var p in s!.Manifest.Projects)
            {
                if (seenFolder.TryGetValue(p.Folder, out var other) || (p.Output is { } o && seenOutput.TryGetValue(o, out other)))
                    throw new CliException(MessageKey.MergeProjectTwice, p.Code, p.Folder, other.Label, s.Label);
                seenFolder.Add(p.Folder, s);
                if (p.Output is { } output) seenOutput.Add(output, s);
            }
        }

        // Shard i holds the projects at positions i, i + N, i + 2N, … of the code order: put them back in place, then check
        // that together they are exactly the projects every shard listed.
        int total = m.Inputs.Projects;
        var ordered = new (Shard, BatchManifest.ManifestProject)[total];
        for (int i = 0; i < count; i++)
        {
            var s = byIndex[i]!;
            int expected = i < total ? (total - i + count - 1) / count : 0;
            if (s.Manifest.Projects.Count != expected)
                throw new CliException(MessageKey.MergeProjectCount, s.Dir, s.Manifest.Projects.Count, s.Manifest.Shard, total, expected);
            for (int k = 0; k < expected; k++) ordered[k * count + i] = (s, s.Manifest.Projects[k]);
        }
        string digest = BatchManifest.Digest(ordered.Select(o => (o.Item2.Folder, o.Item2.Code, o.Item2.Files)));
        if (digest != m.Inputs.Digest)
            throw new CliException(MessageKey.MergeDigest, Short(digest), Short(m.Inputs.Digest));
        return [.. ordered];
    }

    /// <summary>Top-level files of the shard folders other than what merge writes itself (portfolio, manifest): carried once;
    /// the same name with different bytes in two shards cannot be merged without knowing what the file is.</summary>
    private static List<(string Name, string From)> TopLevelFiles(IReadOnlyList<Shard> shards)
    {
        string[] own = [BatchManifest.FileName, ReportWriter.PortfolioCsvFileName, ReportWriter.PortfolioHtmlFileName];
        var files = new SortedDictionary<string, (Shard Shard, string Path)>(StringComparer.Ordinal);
        foreach (var s in shards)
        {
            foreach (var path in Directory.EnumerateFiles(s.Dir))
            {
                string name = Path.GetFileName(path);
                if (own.Contains(name) || name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
                if (!files.TryGetValue(name, out var seen)) files.Add(name, (s, path));
                else if (!SameBytes(seen.Path, path))
                    throw new CliException(MessageKey.MergeTopLevelFile, s.Dir, name, seen.Shard.Dir);
            }
        }
        return [.. files.Select(f => (f.Key, f.Value.Path))];
    }

    private static bool SameBytes(string a, string b)
    {
        using var x = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var y = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (x.Length != y.Length) return false;
        var bx = new byte[1 << 16];
        var by = new byte[1 << 16];
        while (true)
        {
            int n = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
            int m = y.ReadAtLeast(by, by.Length, throwOnEndOfStream: false);
            if (n != m || !bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, m))) return false;
            if (n == 0) return true;
        }
    }

    private sealed class LinkCounts
    {
        public int Linked;
        public int Copied;
    }

    private static void LinkTree(string from, string to, LinkCounts counts, CancellationToken ct)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            if (entry is DirectoryInfo dir) LinkTree(dir.FullName, Path.Combine(to, dir.Name), counts, ct);
            else if (!entry.Name.EndsWith(".tmp", StringComparison.Ordinal)) LinkFile(entry.FullName, Path.Combine(to, entry.Name), counts);
        }
    }

    private static void LinkFile(string from, string to, LinkCounts counts)
    {
        if (HardLink.TryCreate(from, to))
        {
            counts.Linked++;
        }
        else
        {
            File.Copy(from, to);
            counts.Copied++;
        }
    }

    /// <summary>A version with its commit cut to 9 hex digits: a full commit id may hold a run of digits long enough to be
    /// masked as a card number in an error line.</summary>
    internal static string ShortVersion(string version)
    {
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length - plus - 1 > 9 ? version[..(plus + 10)] : version;
    }

        private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Short(string digest) => digest.Length > 12 ? digest[..12] : digest;

    private static LocalizedText Listing(BatchManifest.InputListing inputs) => new(MessageKey.MergeInputListing, inputs.Projects, Short(inputs.Digest));
}
