using PayrollRecon.Model;

namespace PayrollRecon.Reading;

/// <summary>Options of the typed input readers (<see cref="BankReader"/>, <see cref="WorkersReader"/>, ...).</summary>
public readonly record struct InputReaderOptions
{
    /// <summary>Creates the default options: lenient, 1 MiB records, the reader keeps its own diagnostics.</summary>
    public InputReaderOptions()
    {
    }

    /// <summary>Throw a <see cref="PayrollDataException"/> at the first unreadable row instead of collecting a diagnostic.</summary>
    public bool Strict { get; init; }

    /// <summary>Longest record accepted, in bytes (zero or less: 1 MiB).</summary>
    public int MaxRecordBytes { get; init; } = CsvReaderOptions.DefaultMaxRecordBytes;

    /// <summary>Leave the stream open when the reader is disposed.</summary>
    public bool LeaveOpen { get; init; }

    /// <summary>Where lenient mode puts row diagnostics; when null the reader keeps them in its own list.</summary>
    public ICollection<Diagnostic>? Diagnostics { get; init; }

    /// <summary>The account a bank statement must be of (<c>project.json</c> <c>account</c>): a preamble that names another refuses the file (R34).</summary>
    public string? ExpectedAccount { get; init; }

    internal CsvReaderOptions Csv => new() { MaxRecordBytes = MaxRecordBytes, LeaveOpen = LeaveOpen };
}
