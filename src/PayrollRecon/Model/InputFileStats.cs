namespace PayrollRecon.Model;

/// <summary>What reading one input file produced.</summary>
/// <param name="File">File name, e.g. <c>bank.csv</c>.</param>
/// <param name="RowsRead">Data records read (header and blank lines excluded), accepted or not.</param>
/// <param name="RowsRejected">Records that became diagnostics.</param>
/// <param name="Encoding">The detected encoding.</param>
/// <param name="Bytes">Bytes read from the source.</param>
public sealed record InputFileStats(string File, long RowsRead, long RowsRejected, TextEncodingKind Encoding, long Bytes);
