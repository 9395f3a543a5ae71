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

    /// <summary>Most finding ids (rows) a previous run's <c>history.csv</c>, or <c>findings.csv</c>, may hold; one more is refused (exit 2).</summary>
    /// <remarks>
    /// A realistic project reports hundreds to a few thousand findings a run (a 5,000-worker × 24-month project about
    /// 500), and the history keeps every id ever seen: a million ids is two thousand monthly runs that each turn over
    /// all of that project's findings, or eight times each of its 120,000 worker-months reported at once. Held
    /// compactly, a history at the cap costs a check under 250 MB; without a cap a made-up file grew memory without
    /// bound (SPEC §5).
    /// </remarks>
    public const int MaxHistoryRows = 1_000_000;

    /// <summary>Creates a previous run from its parts (a host that keeps the history elsewhere).</summary>
    /// <param name="source">How errors name it, e.g. the folder.</param>
    /// <param name="projectCode">The project code of that run.</param>
    /// <param name="asOf">Its as-of date.</param>
    /// <param name="history">One entry per finding id it knew.</param>
    public PreviousRun(string source, string projectCode, DateOnly asOf, IReadOnlyList<HistoryEntry> history)
        : this(
            source ?? throw new ArgumentNullException(nameof(source)),
            projectCode ?? throw new ArgumentNullException(nameof(projectCode)),
            asOf,
            HistoryTable.Of(history ?? throw new ArgumentNullException(nameof(history))))
    {
        _given = history;
    }

    private PreviousRun(string source, string projectCode, DateOnly asOf, HistoryTable table)
    {
        Source = source;
        SourceText = source;
        ProjectCode = projectCode;
        AsOf = asOf;
        Table = table;
    }

    private readonly IReadOnlyList<HistoryEntry>? _given;
    private IReadOnlyList<HistoryEntry>? _history;

    /// <summary>How errors name the previous run (its folder).</summary>
    public string Source { get; }

    /// <summary>The <see cref="Source"/> as messages show it: <c>previous run out/prev</c> / <c>上次运行 out/prev</c> when read by <see cref="Load"/>.</summary>
    internal object SourceText { get; private init; } = "";

    /// <summary>The project code of the previous run.</summary>
    public string ProjectCode { get; }

    /// <summary>The asOf of the previous run.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Every finding id the previous run knew (its <c>history.csv</c>).</summary>
    /// <remarks>For a run read by <see cref="Load"/> or <see cref="Read(string, Stream, Stream?, Stream?)"/>, each entry is made when it is asked for: the
    /// history itself is held compactly.</remarks>
    public IReadOnlyList<HistoryEntry> History => _given ?? (_history ??= new HistoryTableEntries(Table));

    /// <summary>The history as the follow-up reads it.</summary>
    internal HistoryTable Table { get; }

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

    private static PreviousRun Read(string source, object shown, Stream summaryJson, Stream? historyCsv, Stream? findingsCsv) =>
        Read(source, shown, summaryJson, historyCsv, findingsCsv, MaxHistoryRows);

    /// <summary>Reads the previous run, its table held to <paramref name="rowLimit"/> rows (<see cref="MaxHistoryRows"/>; lowered by tests).</summary>
    internal static PreviousRun Read(string source, object shown, Stream summaryJson, Stream? historyCsv, Stream? findingsCsv, int rowLimit)
    {
        var (code, asOf, counted) = ReadSummary(source, shown, summaryJson);
        HistoryTable history;
        string table = historyCsv is not null ? Reporting.ReportWriter.HistoryFileName : Reporting.ReportWriter.FindingsFileName;
        if (historyCsv is not null) history = ReadTable(source, shown, table, historyCsv, asOf, fromFindings: false, rowLimit);
        else if (findingsCsv is not null) history = ReadTable(source, shown, table, findingsCsv, asOf, fromFindings: true, rowLimit);
        else throw Error(source, MessageKey.PreviousNoTable, shown, Reporting.ReportWriter.HistoryFileName, Reporting.ReportWriter.FindingsFileName);
        // A table cut at a line end reads cleanly: its findings would come back as new and the missing ones never be
        // resolved. The summary of the same run says how many it reported.
        if (counted is { } findings && history.ReportedCount is var listed && listed != findings)
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
    /// <remarks>Fields are read from the row's bytes and kept as the <see cref="HistoryTable"/> keeps them (its texts
    /// once per distinct value); a bad field becomes text only for its error.</remarks>
    private static HistoryTable ReadTable(string source, object shown, string name, Stream stream, DateOnly asOf, bool fromFindings, int rowLimit)
    {
        string file = source + ": " + name;
        var fileShown = new LocalizedText(MessageKey.PreviousFile, shown, name);
        var table = HistoryTable.ForFile();
        using var csv = CsvReader.Create(stream, name, new CsvReaderOptions { LeaveOpen = true });
        bool header = false;
        int fieldCount = 0;
        int idColumn = -1, codeColumn = -1, severityColumn = -1, workerColumn = -1, periodColumn = -1;
        int firstSeenColumn = -1, lastSeenColumn = -1, resolvedColumn = -1, runsColumn = -1, statusColumn = -1;
        while (csv.Read(out CsvRow row))
        {
            if (row.Error != CsvRowError.None) throw RowError(file, fileShown, row.Line, null, RowErrorReason(row.Error), expected: row.Error == CsvRowError.LineTooLong ? csv.MaxRecordBytes : CsvReader.MaxFieldsPerRecord);
            if (!header)
            {
                var columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < row.FieldCount; i++) columns.TryAdd(Text(row[i]), i);
                fieldCount = row.FieldCount;
                string[] required = fromFindings
                    ? ["finding_id", "code", "severity", "worker_id", "period"]
                    : ["id", "code", "severity", "worker_id", "period", "first_seen", "last_seen", "resolved_on", "runs_open", "status"];
                foreach (string column in required)
                {
                    if (!columns.ContainsKey(column)) throw Error(file, MessageKey.PreviousNoColumn, fileShown, column);
                }
                int Column(string column) => columns.TryGetValue(column, out int i) ? i : -1;
                idColumn = Column(fromFindings ? "finding_id" : "id");
                codeColumn = Column("code");
                severityColumn = Column("severity");
                workerColumn = Column("worker_id");
                periodColumn = Column("period");
                firstSeenColumn = Column("first_seen");
                lastSeenColumn = Column("last_seen");
                resolvedColumn = Column("resolved_on");
                runsColumn = Column("runs_open");
                statusColumn = Column("status");
                header = true;
                continue;
            }
            if (table.Count >= rowLimit) throw Error(file, MessageKey.PreviousTooManyRows, fileShown, row.Line, Thousands(rowLimit));
            if (row.FieldCount != fieldCount) throw RowError(file, fileShown, row.Line, null, DiagnosticReason.FieldCount, expected: fieldCount, found: row.FieldCount);
            ReadOnlySpan<byte> idText = Field(row, idColumn);
            if (!TryParseId(idText, out ulong id)) throw RowError(file, fileShown, row.Line, null, DiagnosticReason.InvalidFindingId, Cut(Text(idText)));
            if (table.Contains(id)) throw Error(file, MessageKey.PreviousDuplicateId, fileShown, row.Line, Text(idText));
            // What a later run carries on (the code and severity written again, dates counted from) must be what a run writes.
            ReadOnlySpan<byte> code = Field(row, codeColumn);
            if (!FindingCodes.TryParse(code, out _)) throw Error(file, MessageKey.PreviousUnknownCode, fileShown, row.Line, Cut(Text(code)));
            ReadOnlySpan<byte> severity = Field(row, severityColumn);
            if (!Severities.TryParse(severity, out _)) throw Error(file, MessageKey.PreviousUnknownSeverity, fileShown, row.Line, Cut(Text(severity)));
            int firstSeen, lastSeen, resolvedOn = HistoryTable.NoDate, runs;
            ReadOnlySpan<byte> status;
            bool reported;
            if (fromFindings)
            {
                // A findings.csv describes the findings its run reported: each was last seen then.
                ReadOnlySpan<byte> fs = Field(row, firstSeenColumn);
                firstSeen = fs.IsEmpty ? asOf.DayNumber : Date(file, fileShown, row.Line, "first_seen", fs, asOf);
                lastSeen = asOf.DayNumber;
                ReadOnlySpan<byte> ro = Field(row, runsColumn);
                runs = ro.IsEmpty ? 1 : Count(file, fileShown, row.Line, ro);
                status = Field(row, statusColumn);
                if (status.IsEmpty) status = "new"u8;
                else Status(file, fileShown, row.Line, status, allowResolved: false);
                reported = true;
            }
            else
            {
                firstSeen = Date(file, fileShown, row.Line, "first_seen", Field(row, firstSeenColumn), asOf);
                lastSeen = Date(file, fileShown, row.Line, "last_seen", Field(row, lastSeenColumn), asOf);
                ReadOnlySpan<byte> resolved = Field(row, resolvedColumn);
                if (!resolved.IsEmpty) resolvedOn = Date(file, fileShown, row.Line, "resolved_on", resolved, asOf);
                runs = Count(file, fileShown, row.Line, Field(row, runsColumn));
                status = Field(row, statusColumn);
                reported = Status(file, fileShown, row.Line, status, allowResolved: true);
                if (reported != resolved.IsEmpty)
                    throw Error(file, MessageKey.PreviousStatusDisagrees, fileShown, row.Line, Text(status), Text(resolved));
            }
            table.Add(id, code, severity, Field(row, workerColumn), Field(row, periodColumn), firstSeen, lastSeen, resolvedOn, runs, status, reported);
        }
        if (!header) throw Error(file, MessageKey.PreviousEmpty, fileShown);
        return table;
    }

    /// <summary>Field <paramref name="column"/> of the row; no bytes for a column the table lacks.</summary>
    private static ReadOnlySpan<byte> Field(scoped in CsvRow row, int column) => column < 0 ? default : row[column];

    /// <summary>The value of 16 lower-case hex digits (<see cref="FindingIds.IsWellFormed"/>).</summary>
    private static bool TryParseId(ReadOnlySpan<byte> text, out ulong id)
    {
        id = 0;
        if (text.Length != 16) return false;
        foreach (byte b in text)
        {
            int digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0' : b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10 : -1;
            if (digit < 0) return false;
            id = (id << 4) | (uint)digit;
        }
        return true;
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";

    /// <summary>A date of the years every input's dates keep to, not after the previous run's <paramref name="asOf"/>
    /// (a finding cannot have been seen or resolved after the run that wrote it); its day number.</summary>
    private static int Date(string file, object fileShown, long line, string column, ReadOnlySpan<byte> utf8, DateOnly asOf)
    {
        // Only a text of ten characters can be a yyyy-MM-dd date; a longer one is decoded for its error alone.
        Span<char> chars = stackalloc char[16];
        DateOnly d = default;
        bool valid = utf8.Length <= chars.Length && Encoding.UTF8.TryGetChars(utf8, chars, out int n)
            && DateOnly.TryParseExact(chars[..n], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)
            && Reconciliation.EngineLimits.InPeriodRange(d.Year);
        if (!valid) throw RowError(file, fileShown, line, column, DiagnosticReason.InvalidDate, Cut(Text(utf8)));
        if (d > asOf) throw Error(file, MessageKey.PreviousDateAfterAsOf, fileShown, line, column, Text(utf8), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return d.DayNumber;
    }

    /// <summary>Most consecutive runs a finding can have been open: a run a day for over two thousand years, and far from
    /// the end of <see cref="int"/>, to which this run adds one.</summary>
    private const int MaxRunsOpen = 1_000_000;

    private static int Count(string file, object fileShown, long line, ReadOnlySpan<byte> utf8) =>
        int.TryParse(utf8, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= MaxRunsOpen
            ? n
            : throw Error(file, MessageKey.PreviousInvalidCount, fileShown, line, Cut(Text(utf8)));

    /// <summary>Checks a status a run writes; true when it reports the finding (every status but resolved).</summary>
    private static bool Status(string file, object fileShown, long line, ReadOnlySpan<byte> utf8, bool allowResolved)
    {
        if (utf8.SequenceEqual("new"u8) || utf8.SequenceEqual("open"u8) || utf8.SequenceEqual("reopened"u8) || utf8.SequenceEqual("waived"u8)) return true;
        if (allowResolved && utf8.SequenceEqual("resolved"u8)) return false;
        throw RowError(file, fileShown, line, "status", DiagnosticReason.UnknownStatus, Cut(Text(utf8)));
    }

    private static string Thousands(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

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
