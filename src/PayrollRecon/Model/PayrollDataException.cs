namespace PayrollRecon.Model;

/// <summary>An input that cannot be read: a bad row in strict mode, or a file that is unreadable as a whole.</summary>
/// <remarks>The message is one line meant for a person, e.g. <c>bank.csv:17: column amount: invalid amount '12.3.4'</c>.</remarks>
public sealed class PayrollDataException : FormatException
{
    /// <summary>Creates the exception for a bad row.</summary>
    public PayrollDataException(Diagnostic diagnostic) : base(diagnostic.ToString())
    {
        Diagnostic = diagnostic;
        File = diagnostic.File;
        Line = diagnostic.Line;
    }

    /// <summary>Creates the exception for a file-level problem.</summary>
    public PayrollDataException(string file, string message) : base(message)
    {
        File = file;
    }

    /// <summary>Creates the exception for a file-level problem said by a message of the catalogue (English as <see cref="Exception.Message"/>).</summary>
    internal PayrollDataException(string file, Reporting.LocalizedText text) : base(text.ToString())
    {
        File = file;
        Text = text;
    }

    /// <summary>Creates the exception for a limit passed at <paramref name="file"/>:<paramref name="line"/> (a sum past what
    /// a long holds, a cap on workers), said by a message of the catalogue that names that place.</summary>
    internal PayrollDataException(string file, long line, Reporting.LocalizedText text) : this(file, text)
    {
        Line = line;
    }

    /// <summary>The input file concerned.</summary>
    public string File { get; }

    /// <summary>The 1-based line the message names (<c>bank.csv:3</c>): the row that cannot be read, or the row at which a
    /// limit was passed (a sum of amounts past what can be held exactly, the most workers or worker-months); 0 for a
    /// problem of the file as a whole.</summary>
    public long Line { get; }

    /// <summary>The row diagnostic (column, reason, value) when a row cannot be read; null for a file-level problem and
    /// for a limit passed at a line, whose place is <see cref="File"/> and <see cref="Line"/>.</summary>
    public Diagnostic? Diagnostic { get; }

    /// <summary>The file-level message in structured form, to be told in either language; null when only <see cref="Exception.Message"/> says it.</summary>
    internal Reporting.LocalizedText? Text { get; init; }

    /// <summary>The one-line message in <paramref name="language"/> (<see cref="Exception.Message"/> is the English one),
    /// e.g. <c>bank.csv:17: 金额（amount）列：金额无效 '12.3.4'</c>.</summary>
    /// <remarks>A message the library has only in English (some file-level errors) is given in English in both languages.</remarks>
    public string GetMessage(Reporting.ReportLanguage language) =>
        Diagnostic is { } d ? Reporting.MessageCatalog.Line(d, language) : Text?.Render(language) ?? Message;
}
