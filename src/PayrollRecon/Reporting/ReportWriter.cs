using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>Writes the outputs of SPEC §4 (findings.csv, ledger.csv, summary.json, report.html, portfolio.csv/html) as UTF-8.</summary>
/// <remarks>
/// Every writer is deterministic: the same result and options give the same bytes (invariant formats, no clock,
/// no dictionary order). Rows are written in the order the result holds them. Streams are left open.
/// </remarks>
public static class ReportWriter
{
    /// <summary>Default file name of the findings list.</summary>
    public const string FindingsFileName = "findings.csv";

    /// <summary>Default file name of the reconstructed ledger.</summary>
    public const string LedgerFileName = "ledger.csv";

    /// <summary>Default file name of the summary.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Default file name of the regulator's page.</summary>
    public const string ReportFileName = "report.html";

    /// <summary>Default file name of the life of every finding id (SPEC §7).</summary>
    public const string HistoryFileName = "history.csv";

    /// <summary>Default file name of the findings resolved since the previous run (销号清单, SPEC §7).</summary>
    public const string ResolvedFileName = "resolved.csv";

    /// <summary>Default file name of the batch portfolio table.</summary>
    public const string PortfolioCsvFileName = "portfolio.csv";

    /// <summary>Default file name of the batch portfolio page.</summary>
    public const string PortfolioHtmlFileName = "portfolio.html";

    /// <summary>Writes <c>findings.csv</c> (UTF-8 with BOM): a header and one row per finding, in the result's order.</summary>
    public static void WriteFindingsCsv(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WriteFindings(result, writer, options);
    }

    /// <summary>Writes <c>ledger.csv</c> (UTF-8 with BOM): one row per worker and month.</summary>
    public static void WriteLedgerCsv(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WriteLedger(result, writer, options);
    }

    /// <summary>Writes <c>history.csv</c> (UTF-8 with BOM): one row per finding id ever seen in the chain of runs (SPEC §7).</summary>
    public static void WriteHistoryCsv(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        FollowUpCsv.WriteHistory(result, writer, options);
    }

    /// <summary>Writes <c>resolved.csv</c> (UTF-8 with BOM): the findings of the previous run gone in this one (销号清单).</summary>
    public static void WriteResolvedCsv(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        FollowUpCsv.WriteResolved(result, writer, options);
    }

    /// <summary>Writes <c>summary.json</c> (UTF-8, no BOM): totals as exact two-decimal strings, counts, grades, files.</summary>
    public static void WriteSummaryJson(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        SummaryJson.Write(result, output, options);
    }

    /// <summary>Writes <c>report.html</c>: a self-contained page (inline CSS, SVG and script; no network) for one project.</summary>
    public static void WriteReportHtml(ReconciliationResult result, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: false);
        ReportHtml.Write(result, writer, options);
    }

    /// <summary>Writes <c>portfolio.csv</c> (UTF-8 with BOM): one row per project, sorted by code (ordinal) so shard files concatenate.</summary>
    public static void WritePortfolioCsv(IEnumerable<PortfolioEntry> entries, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WritePortfolio(entries, writer, options);
    }

    /// <summary>Writes <c>portfolio.html</c>: projects ranked by warning level then outstanding, with totals and a chart.</summary>
    public static void WritePortfolioHtml(IEnumerable<PortfolioEntry> entries, Stream output, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = OutputText.Create(output, byteOrderMark: false);
        PortfolioHtml.Write(entries, writer, options);
    }
    /// <summary>Writes <c>findings.csv</c> to a stream that may take asynchronous writes only (an ASP.NET Core response body).</summary>
    /// <remarks>
    /// The bytes are those of <see cref="WriteFindingsCsv"/>: they are written into pooled memory first, then copied to
    /// <paramref name="output"/> asynchronously; the output's peak memory is its own size. The same holds for every
    /// <c>…Async</c> writer.
    /// </remarks>
    public static Task WriteFindingsCsvAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteFindingsCsv, cancellationToken);

    /// <summary>Writes <c>ledger.csv</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WriteLedgerCsvAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteLedgerCsv, cancellationToken);

    /// <summary>Writes <c>history.csv</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WriteHistoryCsvAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteHistoryCsv, cancellationToken);

    /// <summary>Writes <c>resolved.csv</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WriteResolvedCsvAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteResolvedCsv, cancellationToken);

    /// <summary>Writes <c>summary.json</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WriteSummaryJsonAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteSummaryJson, cancellationToken);

    /// <summary>Writes <c>report.html</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WriteReportHtmlAsync(ReconciliationResult result, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(result, output, options, WriteReportHtml, cancellationToken);

    /// <summary>Writes <c>portfolio.csv</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WritePortfolioCsvAsync(IEnumerable<PortfolioEntry> entries, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(entries, output, options, WritePortfolioCsv, cancellationToken);

    /// <summary>Writes <c>portfolio.html</c> asynchronously (see <see cref="WriteFindingsCsvAsync"/>).</summary>
    public static Task WritePortfolioHtmlAsync(IEnumerable<PortfolioEntry> entries, Stream output, ReportOptions options = default, CancellationToken cancellationToken = default) =>
        SpoolAsync(entries, output, options, WritePortfolioHtml, cancellationToken);

    private static async Task SpoolAsync<T>(T subject, Stream output, ReportOptions options, Action<T, Stream, ReportOptions> write, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        using var spool = new SpoolStream();
        write(subject, spool, options);
        await spool.CopyChunksToAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
