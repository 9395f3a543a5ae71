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

    /// <summary>The input file concerned.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 for a file-level problem.</summary>
    public long Line { get; }

    /// <summary>The row diagnostic when this is a row-level error.</summary>
    public Diagnostic? Diagnostic { get; }

    /// <summary>The file-level message in structured form, to be told in either language; null when only <see cref="Exception.Message"/> says it.</summary>
    internal Reporting.LocalizedText? Text { get; init; }

    /// <summary>The one-line message in <paramref name="language"/> (<see cref="Exception.Message"/> is the English one),
    /// e.g. <c>bank.csv:17: 金额（amount）列：金额无效 '12.3.4'</c>.</summary>
    /// <remarks>A message the library has only in English (some file-level errors) is given in English in both languages.</remarks>
    public string GetMessage(Reporting.ReportLanguage language) =>
        Diagnostic is { } d ? Reporting.MessageCatalog.Line(d, language) : Text?.Render(language) ?? Message;
}
