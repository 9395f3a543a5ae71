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

    /// <summary>The input file concerned.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 for a file-level problem.</summary>
    public long Line { get; }

    /// <summary>The row diagnostic when this is a row-level error.</summary>
    public Diagnostic? Diagnostic { get; }
}
