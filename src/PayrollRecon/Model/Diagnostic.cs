namespace PayrollRecon.Model;

/// <summary>A row of an input file that could not be read (it becomes a <c>DATA_ERROR</c> finding).</summary>
/// <param name="File">File name as given to the reader, e.g. <c>bank.csv</c>.</param>
/// <param name="Line">1-based physical line where the record starts.</param>
/// <param name="Column">Canonical column name, or null when the problem is the row itself (field count, line too long).</param>
/// <param name="Message">What is wrong, e.g. <c>invalid amount '12.3.4'</c>.</param>
public sealed record Diagnostic(string File, long Line, string? Column, string Message)
{
    /// <summary>
    /// SHA-256 (lower-case hex) of the row's bytes as written, without its line break (for a workbook row, its cells'
    /// text joined by tabs); the anchor of the row's <c>DATA_ERROR</c> id (SPEC §7). Null when the bytes were not kept
    /// (a row longer than the limit) or the diagnostic is not about one row.
    /// </summary>
    public string? RowSha256 { get; init; }

    /// <summary>True for the one diagnostic that counts the rows past the listing cap (not about one row).</summary>
    internal bool CountsUnlistedRows { get; init; }

    /// <summary>Why the row could not be read (the key by which the message is told in another language).</summary>
    public DiagnosticReason Reason { get; init; }

    /// <summary>The bad value as quoted in the message (cut to 64 characters), when the reason concerns one.</summary>
    public string? Value { get; init; }

    /// <summary>The row's id number when it could still be read, so findings of that worker (or id) can name this row
    /// as their likely cause (<see cref="Findings.Finding.CausedBy"/>); set by the reader right after it rejects the row.</summary>
    internal string? IdNumber { get; set; }

    /// <summary>The month the row is about (a payroll row's period, a punch's month) when it could still be read; set with <see cref="IdNumber"/>.</summary>
    internal YearMonth? Period { get; set; }

    /// <summary>A roster row's name and card as written, when they could still be read, so a payment to that person
    /// the statement could not place (<c>UNKNOWN_PAYEE</c>, a mismatch) can name this row as its likely cause; set with <see cref="IdNumber"/>.</summary>
    internal string? Name { get; set; }

    /// <inheritdoc cref="Name"/>
    internal string? Account { get; set; }

    /// <summary>A batch detail row's batch id when it could still be read, so the lump debit of that batch can name
    /// this row as the likely cause of its <c>BATCH_DETAIL_MISSING</c> or <c>BATCH_TOTAL_MISMATCH</c>.</summary>
    internal string? BatchId { get; set; }

    /// <summary>The number the message states first: the header's field count, the longest record in bytes, the rows counted.</summary>
    internal long Expected { get; init; }

    /// <summary>The number the message states second: the row's field count, the most rows a file lists.</summary>
    internal long Found { get; init; }

    /// <summary>Equal when file, line, column and message are (and both count unlisted rows or neither does): the reason
    /// and its values are that message in structured form, and the row hash is derived data.</summary>
    public bool Equals(Diagnostic? other) =>
        other is not null && Line == other.Line && File == other.File && Column == other.Column && Message == other.Message
        && CountsUnlistedRows == other.CountsUnlistedRows;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(File, Line, Column, Message);

    /// <summary>The diagnostic in <paramref name="language"/>: <c>bank.csv:17: column amount: invalid amount '12.3.4'</c>,
    /// <c>bank.csv:17: 金额（amount）列：金额无效 '12.3.4'</c>.</summary>
    public string ToString(Reporting.ReportLanguage language) => Reporting.MessageCatalog.Line(this, language);

    /// <summary><c>file:line: column name: message</c>, or <c>file:line: message</c> without a column.</summary>
    public override string ToString() =>
        Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: column {Column}: {Message}";
}
