using PayrollRecon.Reconciliation;

namespace PayrollRecon.Reporting;

/// <summary>Writes the outputs of SPEC §4 (findings.csv, ledger.csv, summary.json, report.html, portfolio.csv/html) as UTF-8.</summary>
/// <remarks>
/// Every writer is deterministic: the same result and options give the same bytes (invariant formats, no clock,
/// no dictionary order). Rows are written in the order the result holds them. The stream is flushed and left open.
/// </remarks>
public static class ReportWriter
{
    /// <summary>Writes <c>findings.csv</c> (UTF-8 with BOM): a header and one row per finding, in the result's order.</summary>
    public static void WriteFindingsCsv(Stream output, ReconciliationResult result, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WriteFindings(result, writer, options);
    }

    /// <summary>Writes <c>ledger.csv</c> (UTF-8 with BOM): one row per worker and month.</summary>
    public static void WriteLedgerCsv(Stream output, ReconciliationResult result, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WriteLedger(result, writer, options);
    }

    /// <summary>Writes <c>summary.json</c> (UTF-8, no BOM): totals as exact two-decimal strings, counts, grades, files.</summary>
    /// <remarks>The summary holds no personal data and no prose, so <paramref name="options"/> does not change it.</remarks>
    public static void WriteSummaryJson(Stream output, ReconciliationResult result, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        _ = options;
        SummaryJson.Write(result, output);
    }

    /// <summary>Writes <c>report.html</c>: a self-contained page (inline CSS, SVG and script; no network) for one project.</summary>
    public static void WriteHtmlReport(Stream output, ReconciliationResult result, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = OutputText.Create(output, byteOrderMark: false);
        ReportHtml.Write(result, writer, options);
    }

    /// <summary>Writes <c>portfolio.csv</c> (UTF-8 with BOM): one row per project, sorted by code (ordinal) so shard files concatenate.</summary>
    /// <remarks>The table holds no personal data and no prose, so <paramref name="options"/> does not change it.</remarks>
    public static void WritePortfolioCsv(Stream output, IEnumerable<PortfolioEntry> entries, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _ = options;
        using var writer = OutputText.Create(output, byteOrderMark: true);
        CsvReports.WritePortfolio(entries, writer);
    }

    /// <summary>Writes <c>portfolio.html</c>: projects ranked by warning level then outstanding, with totals and a chart.</summary>
    public static void WritePortfolioHtml(Stream output, IEnumerable<PortfolioEntry> entries, ReportOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = OutputText.Create(output, byteOrderMark: false);
        PortfolioHtml.Write(entries, writer, options);
    }
}
