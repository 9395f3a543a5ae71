using System.Globalization;
using System.Text;
using System.Text.Json;

using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reading;

namespace PayrollRecon.FollowUp;

/// <summary>
/// What a run needs of the previous one (SPEC §7): its project code, its asOf and the history of every finding id it
/// knew. Read back from the previous run's own outputs: <c>summary.json</c> and <c>history.csv</c> (or, for a folder
/// written without one, <c>findings.csv</c>).
/// </summary>
public sealed class PreviousRun
{
    /// <summary>Largest <c>summary.json</c> read (a previous summary is a few kilobytes; a huge one is not ours).</summary>
    private const int MaxSummaryBytes = 16 << 20;

    /// <summary>Creates a previous run from its parts (a host that keeps the history elsewhere).</summary>
    /// <param name="source">How errors name it, e.g. the folder.</param>
    /// <param name="projectCode">The project code of that run.</param>
    /// <param name="asOf">Its as-of date.</param>
    /// <param name="history">One entry per finding id it knew.</param>
    public PreviousRun(string source, string projectCode, DateOnly asOf, IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(projectCode);
        ArgumentNullException.ThrowIfNull(history);
        Source = source;
        ProjectCode = projectCode;
        AsOf = asOf;
        History = history;
    }

    /// <summary>How errors name the previous run (its folder).</summary>
    public string Source { get; }

    /// <summary>The project code of the previous run.</summary>
    public string ProjectCode { get; }

    /// <summary>The asOf of the previous run.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Every finding id the previous run knew (its <c>history.csv</c>).</summary>
    public IReadOnlyList<HistoryEntry> History { get; }

    /// <summary>Reads the previous run from its output folder.</summary>
    /// <exception cref="PayrollDataException">The folder is missing or damaged (one line naming the folder and the file).</exception>
    public static PreviousRun Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string label = "previous run " + directory;
        if (!Directory.Exists(directory)) throw Error(label, "no such folder");
        string summary = Path.Combine(directory, Reporting.ReportWriter.SummaryFileName);
        string history = Path.Combine(directory, Reporting.ReportWriter.HistoryFileName);
        string findings = Path.Combine(directory, Reporting.ReportWriter.FindingsFileName);
        if (!File.Exists(summary)) throw Error(label, $"no {Reporting.ReportWriter.SummaryFileName} (not the output folder of a check)");
        try
        {
            using var summaryStream = File.OpenRead(summary);
            using var historyStream = File.Exists(history) ? File.OpenRead(history) : null;
            using var findingsStream = historyStream is null && File.Exists(findings) ? File.OpenRead(findings) : null;
            return Read(label, summaryStream, historyStream, findingsStream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(label, $"cannot be read ({e.Message})");
        }
    }

    /// <summary>Reads the previous run from its <c>summary.json</c> and <c>history.csv</c> (else its <c>findings.csv</c>).</summary>
    /// <param name="source">How errors name the previous run.</param>
    /// <param name="summaryJson">Its <c>summary.json</c>.</param>
    /// <param name="historyCsv">Its <c>history.csv</c>, or null.</param>
    /// <param name="findingsCsv">Its <c>findings.csv</c>, read only without a history.</param>
    /// <exception cref="PayrollDataException">A file is damaged or holds no finding ids.</exception>
    public static PreviousRun Read(string source, Stream summaryJson, Stream? historyCsv, Stream? findingsCsv)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(summaryJson);
        var (code, asOf) = ReadSummary(source, summaryJson);
        IReadOnlyList<HistoryEntry> history;
        if (historyCsv is not null) history = ReadTable(source, Reporting.ReportWriter.HistoryFileName, historyCsv, asOf, fromFindings: false);
        else if (findingsCsv is not null) history = ReadTable(source, Reporting.ReportWriter.FindingsFileName, findingsCsv, asOf, fromFindings: true);
        else throw Error(source, $"neither {Reporting.ReportWriter.HistoryFileName} nor {Reporting.ReportWriter.FindingsFileName}");
        return new PreviousRun(source, code, asOf, history);
    }

    private static PayrollDataException Error(string source, string message) => new(source, $"{source}: {message}");

    private static (string Code, DateOnly AsOf) ReadSummary(string source, Stream stream)
    {
        string file = source + ": " + Reporting.ReportWriter.SummaryFileName;
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > MaxSummaryBytes) throw new PayrollDataException(file, $"{file}: larger than {MaxSummaryBytes >> 20} MiB, not a summary");
                buffer.Write(chunk, 0, n);
            }
            bytes = buffer.ToArray();
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.Object
                || !project.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.String
                || codeElement.GetString() is not { Length: > 0 } code)
            {
                throw new PayrollDataException(file, $"{file}: no project code");
            }
            if (!root.TryGetProperty("asOf", out var asOfElement) || asOfElement.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(asOfElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            {
                throw new PayrollDataException(file, $"{file}: no asOf date");
            }
            return (code, asOf);
        }
        catch (JsonException e)
        {
            throw new PayrollDataException(file, $"{file}: not valid JSON (line {e.LineNumber + 1})");
        }
    }

    /// <summary>Reads <c>history.csv</c>, or builds the history from a <c>findings.csv</c> that carries ids.</summary>
    private static List<HistoryEntry> ReadTable(string source, string name, Stream stream, DateOnly asOf, bool fromFindings)
    {
        string file = source + ": " + name;
        var entries = new List<HistoryEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var csv = CsvReader.Create(stream, name, new CsvReaderOptions { LeaveOpen = true });
        Dictionary<string, int>? columns = null;
        int fieldCount = 0;
        while (csv.Read(out CsvRow row))
        {
            if (row.Error != CsvRowError.None) throw new PayrollDataException(file, $"{file}:{row.Line}: {csv.DescribeError(row.Error)}");
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < row.FieldCount; i++) columns.TryAdd(Text(row[i]), i);
                fieldCount = row.FieldCount;
                string[] required = fromFindings
                    ? ["finding_id", "code", "severity", "worker_id", "period"]
                    : ["id", "code", "severity", "worker_id", "period", "first_seen", "last_seen", "resolved_on", "runs_open", "status"];
                foreach (string column in required)
                {
                    if (!columns.ContainsKey(column)) throw new PayrollDataException(file, $"{file}: no column '{column}' (not written by a version that tracks finding ids)");
                }
                continue;
            }
            if (row.FieldCount != fieldCount) throw new PayrollDataException(file, $"{file}:{row.Line}: expected {fieldCount} fields, found {row.FieldCount}");
            var fields = new string[row.FieldCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = Text(row[i]);
            string Get(string column) => columns.TryGetValue(column, out int i) ? fields[i] : "";
            string id = Get(fromFindings ? "finding_id" : "id");
            if (!Findings.FindingIds.IsWellFormed(id)) throw new PayrollDataException(file, $"{file}:{row.Line}: invalid finding id '{Cut(id)}'");
            if (!seen.Add(id)) throw new PayrollDataException(file, $"{file}:{row.Line}: finding id {id} listed twice");
            HistoryEntry entry;
            if (fromFindings)
            {
                // A findings.csv describes the findings its run reported: each was last seen then.
                DateOnly firstSeen = Get("first_seen") is { Length: > 0 } fs ? Date(file, row.Line, "first_seen", fs) : asOf;
                int runs = Get("runs_open") is { Length: > 0 } ro ? Count(file, row.Line, ro) : 1;
                string status = Get("status") is { Length: > 0 } st ? Status(file, row.Line, st, allowResolved: false) : Statuses.New;
                entry = new HistoryEntry
                {
                    FindingId = id, Code = Get("code"), Severity = Get("severity"), WorkerId = Get("worker_id"), Period = Get("period"),
                    FirstSeen = firstSeen, LastSeen = asOf, RunsOpen = runs, Status = status,
                };
            }
            else
            {
                string resolved = Get("resolved_on");
                entry = new HistoryEntry
                {
                    FindingId = id, Code = Get("code"), Severity = Get("severity"), WorkerId = Get("worker_id"), Period = Get("period"),
                    FirstSeen = Date(file, row.Line, "first_seen", Get("first_seen")),
                    LastSeen = Date(file, row.Line, "last_seen", Get("last_seen")),
                    ResolvedOn = resolved.Length == 0 ? null : Date(file, row.Line, "resolved_on", resolved),
                    RunsOpen = Count(file, row.Line, Get("runs_open")),
                    Status = Status(file, row.Line, Get("status"), allowResolved: true),
                };
                if (entry.Reported != (entry.ResolvedOn is null))
                    throw new PayrollDataException(file, $"{file}:{row.Line}: status '{entry.Status}' does not agree with resolved_on '{resolved}'");
            }
            entries.Add(entry);
        }
        if (columns is null) throw new PayrollDataException(file, $"{file}: empty");
        return entries;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static DateOnly Date(string file, long line, string column, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new PayrollDataException(file, $"{file}:{line}: column {column}: invalid date '{Cut(text)}'");

    private static int Count(string file, long line, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n
            : throw new PayrollDataException(file, $"{file}:{line}: column runs_open: invalid count '{Cut(text)}'");

    private static string Status(string file, long line, string text, bool allowResolved) => text switch
    {
        Statuses.New or Statuses.Open or Statuses.Reopened or Statuses.Waived => text,
        Statuses.Resolved when allowResolved => text,
        _ => throw new PayrollDataException(file, $"{file}:{line}: column status: unknown status '{Cut(text)}'"),
    };
}
