using System.Globalization;
using System.Text;
using System.Text.Json;

using PayrollRecon.Findings;
using PayrollRecon.Model;
using PayrollRecon.Parsing;
using PayrollRecon.Reading;
using PayrollRecon.Reporting;

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
        SourceText = source;
        ProjectCode = projectCode;
        AsOf = asOf;
        History = history;
    }

    /// <summary>How errors name the previous run (its folder).</summary>
    public string Source { get; }

    /// <summary>The <see cref="Source"/> as messages show it: <c>previous run out/prev</c> / <c>上次运行 out/prev</c> when read by <see cref="Load"/>.</summary>
    internal object SourceText { get; private init; } = "";

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
        var shown = new LocalizedText(MessageKey.PreviousRunLabel, directory);
        if (!Directory.Exists(directory)) throw Error(label, MessageKey.NoSuchFolder, shown);
        string summary = Path.Combine(directory, Reporting.ReportWriter.SummaryFileName);
        string history = Path.Combine(directory, Reporting.ReportWriter.HistoryFileName);
        string findings = Path.Combine(directory, Reporting.ReportWriter.FindingsFileName);
        if (!File.Exists(summary)) throw Error(label, MessageKey.PreviousNoSummary, shown, Reporting.ReportWriter.SummaryFileName);
        try
        {
            using var summaryStream = File.OpenRead(summary);
            using var historyStream = File.Exists(history) ? File.OpenRead(history) : null;
            using var findingsStream = historyStream is null && File.Exists(findings) ? File.OpenRead(findings) : null;
            return Read(label, shown, summaryStream, historyStream, findingsStream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(label, MessageKey.CannotBeRead, shown, e.Message);
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
        return Read(source, source, summaryJson, historyCsv, findingsCsv);
    }

    private static PreviousRun Read(string source, object shown, Stream summaryJson, Stream? historyCsv, Stream? findingsCsv)
    {
        var (code, asOf, counted) = ReadSummary(source, shown, summaryJson);
        IReadOnlyList<HistoryEntry> history;
        string table = historyCsv is not null ? Reporting.ReportWriter.HistoryFileName : Reporting.ReportWriter.FindingsFileName;
        if (historyCsv is not null) history = ReadTable(source, shown, table, historyCsv, asOf, fromFindings: false);
        else if (findingsCsv is not null) history = ReadTable(source, shown, table, findingsCsv, asOf, fromFindings: true);
        else throw Error(source, MessageKey.PreviousNoTable, shown, Reporting.ReportWriter.HistoryFileName, Reporting.ReportWriter.FindingsFileName);
        // A table cut at a line end reads cleanly: its findings would come back as new and the missing ones never be
        // resolved. The summary of the same run says how many it reported.
        if (counted is { } findings && history.Count(e => e.Reported) is var listed && listed != findings)
            throw Error(source + ": " + table, MessageKey.PreviousCountDisagrees, new LocalizedText(MessageKey.PreviousFile, shown, table), listed, findings);
        return new PreviousRun(source, code, asOf, history) { SourceText = shown };
    }

    private static (string Code, DateOnly AsOf, long? Findings) ReadSummary(string source, object shown, Stream stream)
    {
        string file = source + ": " + Reporting.ReportWriter.SummaryFileName;
        var fileShown = new LocalizedText(MessageKey.PreviousFile, shown, Reporting.ReportWriter.SummaryFileName);
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > MaxSummaryBytes) throw Error(file, MessageKey.PreviousSummaryTooLarge, fileShown, MaxSummaryBytes >> 20);
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
                throw Error(file, MessageKey.PreviousNoProjectCode, fileShown);
            }
            if (!root.TryGetProperty("asOf", out var asOfElement) || asOfElement.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(asOfElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            {
                throw Error(file, MessageKey.PreviousNoAsOf, fileShown);
            }
            long? findings = root.TryGetProperty("counts", out var counts) && counts.ValueKind == JsonValueKind.Object
                && counts.TryGetProperty("findings", out var total) && total.TryGetInt64(out long n) ? n : null;
            return (code, asOf, findings);
        }
        catch (JsonException e)
        {
            throw Error(file, MessageKey.PreviousInvalidJson, fileShown, e.LineNumber + 1);
        }
    }

    /// <summary>Reads <c>history.csv</c>, or builds the history from a <c>findings.csv</c> that carries ids.</summary>
    private static List<HistoryEntry> ReadTable(string source, object shown, string name, Stream stream, DateOnly asOf, bool fromFindings)
    {
        string file = source + ": " + name;
        var fileShown = new LocalizedText(MessageKey.PreviousFile, shown, name);
        var entries = new List<HistoryEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var csv = CsvReader.Create(stream, name, new CsvReaderOptions { LeaveOpen = true });
        Dictionary<string, int>? columns = null;
        int fieldCount = 0;
        while (csv.Read(out CsvRow row))
        {
            if (row.Error != CsvRowError.None) throw RowError(file, fileShown, row.Line, null, RowErrorReason(row.Error), expected: row.Error == CsvRowError.LineTooLong ? csv.MaxRecordBytes : CsvReader.MaxFieldsPerRecord);
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
                    if (!columns.ContainsKey(column)) throw Error(file, MessageKey.PreviousNoColumn, fileShown, column);
                }
                continue;
            }
            if (row.FieldCount != fieldCount) throw RowError(file, fileShown, row.Line, null, DiagnosticReason.FieldCount, expected: fieldCount, found: row.FieldCount);
            var fields = new string[row.FieldCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = Text(row[i]);
            string Get(string column) => columns.TryGetValue(column, out int i) ? fields[i] : "";
            string id = Get(fromFindings ? "finding_id" : "id");
            if (!Findings.FindingIds.IsWellFormed(id)) throw RowError(file, fileShown, row.Line, null, DiagnosticReason.InvalidFindingId, Cut(id));
            if (!seen.Add(id)) throw Error(file, MessageKey.PreviousDuplicateId, fileShown, row.Line, id);
            // What a later run carries on (the code and severity written again, dates counted from) must be what a run writes.
            if (!FindingCodes.TryParse(Get("code"), out _)) throw Error(file, MessageKey.PreviousUnknownCode, fileShown, row.Line, Cut(Get("code")));
            if (!Severities.TryParse(Get("severity"), out _)) throw Error(file, MessageKey.PreviousUnknownSeverity, fileShown, row.Line, Cut(Get("severity")));
            HistoryEntry entry;
            if (fromFindings)
            {
                // A findings.csv describes the findings its run reported: each was last seen then.
                DateOnly firstSeen = Get("first_seen") is { Length: > 0 } fs ? Date(file, fileShown, row.Line, "first_seen", fs, asOf) : asOf;
                int runs = Get("runs_open") is { Length: > 0 } ro ? Count(file, fileShown, row.Line, ro) : 1;
                string status = Get("status") is { Length: > 0 } st ? Status(file, fileShown, row.Line, st, allowResolved: false) : Statuses.New;
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
                    FirstSeen = Date(file, fileShown, row.Line, "first_seen", Get("first_seen"), asOf),
                    LastSeen = Date(file, fileShown, row.Line, "last_seen", Get("last_seen"), asOf),
                    ResolvedOn = resolved.Length == 0 ? null : Date(file, fileShown, row.Line, "resolved_on", resolved, asOf),
                    RunsOpen = Count(file, fileShown, row.Line, Get("runs_open")),
                    Status = Status(file, fileShown, row.Line, Get("status"), allowResolved: true),
                };
                if (entry.Reported != (entry.ResolvedOn is null))
                    throw Error(file, MessageKey.PreviousStatusDisagrees, fileShown, row.Line, entry.Status, resolved);
            }
            entries.Add(entry);
        }
        if (columns is null) throw Error(file, MessageKey.PreviousEmpty, fileShown);
        return entries;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";

    /// <summary>A date of the years every input's dates keep to, not after the previous run's <paramref name="asOf"/>
    /// (a finding cannot have been seen or resolved after the run that wrote it).</summary>
    private static DateOnly Date(string file, object fileShown, long line, string column, string text, DateOnly asOf)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || !Reconciliation.EngineLimits.InPeriodRange(d.Year))
            throw RowError(file, fileShown, line, column, DiagnosticReason.InvalidDate, Cut(text));
        if (d > asOf) throw Error(file, MessageKey.PreviousDateAfterAsOf, fileShown, line, column, text, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return d;
    }

    /// <summary>Most consecutive runs a finding can have been open: a run a day for over two thousand years, and far from
    /// the end of <see cref="int"/>, to which this run adds one.</summary>
    private const int MaxRunsOpen = 1_000_000;

    private static int Count(string file, object fileShown, long line, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= MaxRunsOpen
            ? n
            : throw Error(file, MessageKey.PreviousInvalidCount, fileShown, line, Cut(text));

    private static string Status(string file, object fileShown, long line, string text, bool allowResolved) => text switch
    {
        Statuses.New or Statuses.Open or Statuses.Reopened or Statuses.Waived => text,
        Statuses.Resolved when allowResolved => text,
        _ => throw RowError(file, fileShown, line, "status", DiagnosticReason.UnknownStatus, Cut(text)),
    };

    private static PayrollDataException Error(string file, MessageKey key, params object?[] values) => new(file, new LocalizedText(key, values));

    /// <summary>A bad row of a previous run's table, its reason told as for an input's row: <c>…: history.csv:3: column status: unknown status 'x'</c>.</summary>
    private static PayrollDataException RowError(string file, object fileShown, long line, string? column, DiagnosticReason reason, string? value = null, long expected = 0, long found = 0)
    {
        var reasonOf = new Diagnostic(file, line, column, MessageCatalog.EnglishReason(reason, value, expected, found))
        {
            Reason = reason,
            Value = value,
            Expected = expected,
            Found = found,
        };
        return Error(file, MessageKey.PreviousRow, fileShown, line, reasonOf);
    }

    private static DiagnosticReason RowErrorReason(CsvRowError error) => error switch
    {
        CsvRowError.LineTooLong => DiagnosticReason.LineTooLong,
        CsvRowError.UnterminatedQuote => DiagnosticReason.UnterminatedQuote,
        CsvRowError.InvalidUtf8 => DiagnosticReason.InvalidUtf8,
        CsvRowError.InvalidGb18030 => DiagnosticReason.InvalidGb18030,
        CsvRowError.StrayQuote => DiagnosticReason.StrayQuote,
        CsvRowError.TooManyFields => DiagnosticReason.TooManyFields,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "not an error"),
    };
}
