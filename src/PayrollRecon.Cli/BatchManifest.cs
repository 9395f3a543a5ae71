using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PayrollRecon.Model;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

namespace PayrollRecon.Cli;

/// <summary><c>manifest.json</c>: what a batch (or one shard of it) ran, on which inputs, and each project's portfolio line,
/// so that <c>payrollrecon merge</c> can check that shards belong together and rebuild the portfolio without re-checking.</summary>
/// <remarks>Written last, after the portfolio: a shard folder with a manifest is complete. An unsharded batch writes one
/// too (shard 0/1), and a merge writes the one the unsharded batch would have written, so the two folders are equal.</remarks>
internal sealed record BatchManifest
{
    public const string FileName = "manifest.json";

    /// <summary>The layout of this file; a merge reads only its own.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Largest manifest a merge reads: 10,000 projects take about 15 MB.</summary>
    private const long MaxBytes = 256L << 20;

    public required int Format { get; init; }

    /// <summary>The tool that ran, with the commit it was built from: shards of different builds may check differently.</summary>
    public required string Version { get; init; }

    /// <summary>Every option of the command that can change an output, by name, with its effective value as text.</summary>
    public required SortedDictionary<string, string?> Options { get; init; }

    /// <summary>How the reports were written; the merge writes the portfolio with the same.</summary>
    public required ReportOptions ReportOptions { get; init; }

    /// <summary>The reference date: <c>--as-of</c>, else the day the batch started (used by projects whose project.json has none).</summary>
    public required DateOnly AsOf { get; init; }

    public required ShardPosition Shard { get; init; }

    /// <summary>The projects the batch found below the root, all shards' together.</summary>
    public required InputListing Inputs { get; init; }

    /// <summary>This shard's projects, in code order.</summary>
    public required List<ManifestProject> Projects { get; init; }

    /// <summary>Shard <paramref name="Index"/> of <paramref name="Count"/>: the projects at positions ≡ Index (mod Count).</summary>
    internal sealed record ShardPosition(int Index, int Count)
    {
        public override string ToString() => $"{Index}/{Count}";
    }

    /// <summary>How many projects were found and a SHA-256 over their folders, codes and input files (name, size, time
    /// modified): shards that saw different inputs have different digests.</summary>
    internal sealed record InputListing(int Projects, string Digest);

    /// <summary>One project of the shard.</summary>
    /// <param name="Folder">Its folder relative to the root, '/'-separated.</param>
    /// <param name="Code">Its code (the folder when project.json could not be read).</param>
    /// <param name="Output">Its output folder below the shard's folder; null when it has no outputs (it could not be checked).</param>
    /// <param name="Files">Its input files as read.</param>
    /// <param name="Entry">Its portfolio line.</param>
    internal sealed record ManifestProject(string Folder, string Code, string? Output, List<ManifestFile> Files, PortfolioEntry Entry);

    /// <summary>An input file: name in the project folder, size, time modified (UTC, whole seconds) and SHA-256 of its bytes
    /// (null when it could not be read).</summary>
    internal sealed record ManifestFile(string Name, long Bytes, DateTime Modified, string? Sha256);

    /// <summary>Serialisation generated at compile time from the record types (so the NativeAOT tool needs no reflection):
    /// fields added to <see cref="PortfolioEntry"/> or <see cref="ReportOptions"/> are carried by the merge without edits
    /// here, since the generator follows the types.</summary>
    internal static readonly ManifestJsonContext Json = new(new JsonSerializerOptions(ManifestJsonContext.Default.Options)
    {
        // Read by people and tools, never embedded in HTML: keep CJK names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The version string recorded in every manifest.</summary>
    public static string ToolVersion { get; } =
        "payrollrecon " + (typeof(BatchManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <summary>The options of the parsed command that can change an output: all of them but those in <paramref name="notOutputs"/>
    /// (where outputs go, how many threads, which shard). Options added later are recorded without edits here.</summary>
    public static SortedDictionary<string, string?> OptionsOf(ParseResult parsed, params string[] notOutputs)
    {
        var options = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var option in parsed.CommandResult.Command.Options)
        {
            if (option is System.CommandLine.Help.HelpOption or VersionOption || Array.IndexOf(notOutputs, option.Name) >= 0) continue;
            object? value = parsed.GetResult(option) is { } result
                ? result.GetValueOrDefault<object?>()
                : option.HasDefaultValue ? option.GetDefaultValue() : null;
            options[option.Name] = value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                System.Collections.IEnumerable list and not string => string.Join(' ', list.Cast<object?>()),
                _ => value.ToString(),
            };
        }
        return options;
    }

    /// <summary>Projects without an <c>asOf</c> in project.json take <paramref name="asOf"/>, fixed once when the batch starts: a
    /// night run that crosses midnight must not check some projects as of one day and the rest as of the next.</summary>
    public static BatchCommand.DiscoveredProject[] WithAsOf(IEnumerable<BatchCommand.DiscoveredProject> projects, DateOnly asOf) =>
        projects.Select(p => p.Settings is { AsOf: null } s ? p with { Settings = s with { AsOf = asOf } } : p).ToArray();

    /// <summary>The manifest of a batch run: <paramref name="all"/> the projects found (every shard's), <paramref name="mine"/>
    /// this shard's with their <paramref name="entries"/>. Input files are hashed on <paramref name="jobs"/> threads.</summary>
    public static BatchManifest Create(SortedDictionary<string, string?> options, ReportOptions reportOptions, DateOnly asOf,
        (int Index, int Count) shard, IReadOnlyList<BatchCommand.DiscoveredProject> all, IReadOnlyList<BatchCommand.DiscoveredProject> mine,
        IReadOnlyList<PortfolioEntry> entries, int jobs, CancellationToken ct)
    {
        var listing = all.Select(p => (p.RelativeDir, p.Code, Files: Stat(p.Dir))).ToList();
        // This shard's projects are among all of them: their files were listed once above.
        var filesOf = new Dictionary<string, List<ManifestFile>>(StringComparer.Ordinal);
        for (int i = 0; i < all.Count; i++) filesOf[all[i].Dir] = listing[i].Files;
        var projects = new ManifestProject[mine.Count];
        Parallel.For(0, mine.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = ct }, i =>
        {
            var p = mine[i];
            var files = (filesOf.TryGetValue(p.Dir, out var listed) ? listed : Stat(p.Dir))
                .Select(f => f with { Sha256 = Hash(Path.Combine(p.Dir, f.Name), f.Bytes) }).ToList();
            // Outputs are written only for a project that was checked; its portfolio line then carries no error.
            string? output = entries[i].Error is null ? BatchCommand.SafeFolderName(p.Code) : null;
            // The manifest is an output like the portfolio: its names and errors are masked as the portfolio's are
            // (masking is idempotent, so the merge writes the same portfolio from them).
            var entry = entries[i] with
            {
                Name = entries[i].Name is { } name && reportOptions.Mask ? PersonalData.MaskNumbers(name) : entries[i].Name,
                Error = entries[i].Error is { } error && reportOptions.Mask ? PersonalData.MaskNumbers(error) : entries[i].Error,
            };
            projects[i] = new ManifestProject(p.RelativeDir, p.Code, output, files, entry);
        });
        return new BatchManifest
        {
            Format = CurrentFormat,
            Version = ToolVersion,
            Options = options,
            ReportOptions = reportOptions,
            AsOf = asOf,
            Shard = new ShardPosition(shard.Index, shard.Count),
            Inputs = new InputListing(all.Count, Digest(listing)),
            Projects = [.. projects],
        };
    }

    /// <summary>The digest of <see cref="InputListing"/> over projects in code order.</summary>
    public static string Digest(IEnumerable<(string Folder, string Code, List<ManifestFile> Files)> projects)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        foreach (var (folder, code, files) in projects)
        {
            // NUL cannot occur in a path or in a code read from JSON text that is also a folder name: an unambiguous separator.
            line.Clear().Append(folder).Append('\0').Append(code);
            foreach (var f in files)
                line.Append('\0').Append(f.Name).Append('\0').Append(f.Bytes.ToString(CultureInfo.InvariantCulture))
                    .Append('\0').Append(f.Modified.Ticks.ToString(CultureInfo.InvariantCulture));
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The input files of a project folder as a check reads them: project.json, then one file per input kind.</summary>
    private static List<ManifestFile> Stat(string dir)
    {
        var files = new List<ManifestFile>();
        void Add(string name)
        {
            string? path;
            try
            {
                // Only what a check would read: a named pipe, a device or a link out of the folder is neither listed
                // nor opened (the project is a portfolio row saying why).
                path = ProjectFolder.CheckedFile(dir, name);
            }
            catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException)
            {
                return;
            }
            if (path is null) return;
            var info = new FileInfo(path);
            if (!info.Exists) return;
            long ticks = info.LastWriteTimeUtc.Ticks;
            files.Add(new ManifestFile(name, info.Length, new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc), null));
        }

        Add(ProjectFolder.SettingsFile);
        foreach (var kind in Enum.GetValues<InputKind>())
        {
            // The first of the kind's names that exists, as ProjectFolder.Locate takes it.
            foreach (string name in ProjectFolder.FileNames(kind))
            {
                if (!Present(Path.Combine(dir, name))) continue;
                Add(name);
                break;
            }
        }
        return files;
    }

    private static bool Present(string path)
    {
        try
        {
            return LocalFiles.KindOf(path, followLinks: false) != EntryKind.Missing;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>SHA-256 of the first <paramref name="bytes"/> bytes of a file (its size when listed: a device or a file that
    /// grows cannot keep the hash reading forever); null when it cannot be read.</summary>
    private static string? Hash(string path, long bytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            // Pooled: a buffer per file would be ~100 MB of garbage for 1,000 projects, and the peak working set with it.
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                while (bytes > 0)
                {
                    int n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
                    if (n == 0) break;
                    hash.AppendData(buffer, 0, n);
                    bytes -= n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes <c>manifest.json</c> into <paramref name="dir"/>, appearing only once complete.</summary>
    public void Write(string dir, CancellationToken ct) =>
        ProjectOutput.WriteAtomically(Path.Combine(dir, FileName), s =>
        {
            JsonSerializer.Serialize(s, this, Json.BatchManifest);
            s.WriteByte((byte)'\n');
        }, ct);

    /// <summary>Reads the manifest of the batch output folder <paramref name="dir"/>; a missing or unreadable one is one line.</summary>
    public static BatchManifest Read(string dir)
    {
        if (!Directory.Exists(dir)) throw new CliException(MessageKey.NoSuchFolder, dir);
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) throw new CliException(MessageKey.ManifestMissing, dir, FileName);
        BatchManifest? manifest;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream.Length > MaxBytes) throw new CliException(MessageKey.ManifestTooLarge, path, MaxBytes >> 20);
            manifest = JsonSerializer.Deserialize(stream, Json.BatchManifest);
        }
        catch (JsonException e)
        {
            throw new CliException(MessageKey.ManifestInvalid, path, Program.OneLine(e.Message), (e.LineNumber ?? 0) + 1);
        }
        if (manifest is null) throw new CliException(MessageKey.ManifestNull, path);
        if (manifest.Format != CurrentFormat)
            throw new CliException(MessageKey.ManifestFormat, path, manifest.Format, CurrentFormat, ToolVersion);
        return manifest;
    }

    /// <summary>Money as its whole number of fen: exact, and the same text on every machine.</summary>
    internal sealed class MoneyFenConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Fen);
    }

    /// <summary>Severities as their lower-case names (<c>red</c>), as in the CSV outputs.</summary>
    internal sealed class SeverityConverter() : JsonStringEnumConverter<Findings.Severity>(JsonNamingPolicy.CamelCase);

    /// <summary>Report languages as <c>zh</c> / <c>en</c>.</summary>
    internal sealed class LanguageConverter() : JsonStringEnumConverter<ReportLanguage>(JsonNamingPolicy.CamelCase);
}

/// <summary>The compile-time JSON contract of <see cref="BatchManifest"/>.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    NewLine = "\n",
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(BatchManifest.MoneyFenConverter), typeof(BatchManifest.SeverityConverter), typeof(BatchManifest.LanguageConverter)])]
[JsonSerializable(typeof(BatchManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
