namespace PayrollRecon.Model;

/// <summary>What reading one input file produced.</summary>
/// <param name="File">File name, e.g. <c>bank.csv</c>.</param>
/// <param name="RowsRead">Data records read (header, preamble, footer and blank lines excluded), accepted or not.</param>
/// <param name="RowsRejected">Records that became diagnostics.</param>
/// <param name="Encoding">The detected encoding.</param>
/// <param name="Bytes">Bytes read from the source.</param>
public sealed record InputFileStats(string File, long RowsRead, long RowsRejected, TextEncodingKind Encoding, long Bytes)
{
    /// <summary><c>csv</c>, <c>xlsx</c>, <c>xls</c> or <c>html</c> (R32).</summary>
    public string Format => Encoding switch
    {
        TextEncodingKind.Xlsx => "xlsx",
        TextEncodingKind.Xls => "xls",
        TextEncodingKind.Html => "html",
        _ => "csv",
    };

    /// <summary>1-based line (or worksheet row) of the header record; 0 before it was found.</summary>
    public long HeaderLine { get; init; }

    /// <summary>Non-blank records before the header (R33).</summary>
    public int PreambleRows { get; init; }

    /// <summary>Footer rows skipped after the header (R35).</summary>
    public long FooterRows { get; init; }

    /// <summary>The worksheet read, for a workbook; null for CSV.</summary>
    public string? Sheet { get; init; }
}
