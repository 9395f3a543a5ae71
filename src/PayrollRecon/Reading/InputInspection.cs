using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>What reading one input file through its typed reader found.</summary>
/// <param name="Stats">Rows read and rejected, encoding and size.</param>
/// <param name="Diagnostics">The first diagnostics, in file order (at most the number asked for).</param>
public sealed record InputInspection(InputFileStats Stats, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The worksheet read when the input is an Excel workbook (R33); null for CSV and HTML inputs.</summary>
    public string? SheetName { get; init; }
}
