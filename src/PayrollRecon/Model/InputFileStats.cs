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

    /// <summary><c>UTF-8</c>, <c>UTF-8 (BOM)</c>, <c>GB18030</c>, <c>xlsx</c>, <c>xls</c> or <c>html</c>: the encoding as
    /// <c>summary.json</c> names it.</summary>
    public string EncodingName => NameOf(Encoding);

    internal static string NameOf(TextEncodingKind encoding) => encoding switch
    {
        TextEncodingKind.Utf8Bom => "UTF-8 (BOM)",
        TextEncodingKind.Gb18030 => "GB18030",
        TextEncodingKind.Xlsx => "xlsx",
        TextEncodingKind.Xls => "xls",
        TextEncodingKind.Html => "html",
        _ => "UTF-8",
    };

    /// <summary>1-based line (or worksheet row) of the header record; 0 before it was found.</summary>
    public long HeaderLine { get; init; }

    /// <summary>Non-blank records before the header (R33).</summary>
    public int PreambleRows { get; init; }

    /// <summary>Footer rows skipped after the header (R35).</summary>
    public long FooterRows { get; init; }

    /// <summary>The worksheet read, for a workbook; null for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>Source bytes the encoding was decided on: 3 for a byte order mark; for text without one, the bytes up to
    /// the end of the detection sample (64 KiB from the first non-ASCII byte); 0 for ASCII text and workbooks.</summary>
    /// <remarks>Bytes after the sample do not change the decision: a row there that is invalid in the decided encoding is a row error.</remarks>
    public long EncodingDecidedOnBytes { get; init; }

    /// <summary>Bytes of text after the header record's line end (as UTF-8: GB18030 after transcoding; for a workbook,
    /// its rows as CSV text); 0 before the header was found.</summary>
    public long BytesAfterHeader { get; init; }

    /// <summary>A file that has a header, no rows and yet bytes after the header (blank lines, footers, or text that was
    /// not read as rows) says so: <c>bank.csv: no rows after the header on line 1, though 1234 bytes follow it</c>;
    /// null otherwise.</summary>
    public string? Warning => WarningText?.ToString();

    /// <summary>The <see cref="Warning"/> in <paramref name="language"/>: <c>bank.csv: 第 1 行的表头之后没有读到数据行，但表头后还有 1234 字节</c>;
    /// null when there is none.</summary>
    public string? GetWarning(Reporting.ReportLanguage language) => WarningText?.Render(language);

    /// <summary>The <see cref="Warning"/> as a message of the catalogue, to be told in either language.</summary>
    internal Reporting.LocalizedText? WarningText => HeaderLine > 0 && RowsRead == 0 && BytesAfterHeader > 0
        ? new(Reporting.MessageKey.HeaderOnly, File, HeaderLine, BytesAfterHeader)
        : null;
}
