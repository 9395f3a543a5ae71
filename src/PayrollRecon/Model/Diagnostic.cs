namespace PayrollRecon.Model;

/// <summary>A row of an input file that could not be read (it becomes a <c>DATA_ERROR</c> finding).</summary>
/// <param name="File">File name as given to the reader, e.g. <c>bank.csv</c>.</param>
/// <param name="Line">1-based physical line where the record starts.</param>
/// <param name="Column">Canonical column name, or null when the problem is the row itself (field count, line too long).</param>
/// <param name="Message">What is wrong, e.g. <c>invalid amount '12.3.4'</c>.</param>
public sealed record Diagnostic(string File, long Line, string? Column, string Message)
{
    /// <summary><c>file:line: column name: message</c>, or <c>file:line: message</c> without a column.</summary>
    public override string ToString() =>
        Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: column {Column}: {Message}";
}
