namespace PayrollRecon.Model;

/// <summary>A row of an input file that could not be read (it becomes a <c>DATA_ERROR</c> finding).</summary>
/// <param name="File">File name as given to the reader, e.g. <c>bank.csv</c>.</param>
/// <param name="Line">1-based physical line where the record starts.</param>
/// <param name="Column">Canonical column name, or null when the problem is the row itself (field count, line too long).</param>
/// <param name="Message">What is wrong, e.g. <c>invalid amount '12.3.4'</c>.</param>
public sealed record Diagnostic(string File, long Line, string? Column, string Message)
{
    /// <summary>Why the row could not be read (the key by which the message is told in another language).</summary>
    public DiagnosticReason Reason { get; init; }

    /// <summary>The bad value as quoted in the message (cut to 64 characters), when the reason concerns one.</summary>
    public string? Value { get; init; }

    /// <summary>The number the message states first: the header's field count, the longest record in bytes, the rows counted.</summary>
    internal long Expected { get; init; }

    /// <summary>The number the message states second: the row's field count, the most rows a file lists.</summary>
    internal long Found { get; init; }

    /// <summary>Equal when file, line, column and message are: the reason and its values are that message in structured form.</summary>
    public bool Equals(Diagnostic? other) =>
        other is not null && Line == other.Line && File == other.File && Column == other.Column && Message == other.Message;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(File, Line, Column, Message);

    /// <summary><c>file:line: column name: message</c>, or <c>file:line: message</c> without a column.</summary>
    public override string ToString() =>
        Column is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: column {Column}: {Message}";
}
