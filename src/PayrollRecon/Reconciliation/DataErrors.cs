using System.Globalization;
using PayrollRecon.Findings;
using PayrollRecon.Model;

namespace PayrollRecon.Reconciliation;

/// <summary>The <c>DATA_ERROR</c> finding of an unreadable row.</summary>
internal static class DataErrors
{
    /// <summary>The finding reporting <paramref name="d"/>, with its source, column and anchor.</summary>
    public static Finding Finding(Diagnostic d) => new()
    {
        Code = FindingCode.DataError,
        Severity = Severity.Yellow,
        Source = $"{d.File}:{d.Line}",
        Detail = d.Column is null ? d.Message : $"column {d.Column}: {d.Message}",
        Anchor = Anchor(d),
        Diagnostic = d,
    };

    /// <summary>
    /// The anchor of a DATA_ERROR: <c>file|SHA-256 of the row's bytes</c> (SPEC §7). The count of rows past the listing
    /// cap is <c>file|unlisted</c> (one per file, whatever the count); a row whose bytes were not kept (longer than the
    /// limit) falls back to <c>file|line:N</c>.
    /// </summary>
    public static string Anchor(Diagnostic d)
    {
        if (d.RowSha256 is { } hash) return d.File + "|" + hash;
        if (d.CountsUnlistedRows) return d.File + "|unlisted";
        return d.File + "|line:" + d.Line.ToString(CultureInfo.InvariantCulture);
    }
}
