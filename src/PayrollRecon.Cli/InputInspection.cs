using PayrollRecon.Model;
using PayrollRecon.Reading;

namespace PayrollRecon.Cli;

/// <summary>What reading one input file through its typed reader found.</summary>
/// <param name="Stats">Rows read and rejected, encoding, format, header line, preamble and footer rows, size.</param>
/// <param name="Diagnostics">The first diagnostics, in file order (at most the number asked for).</param>
internal sealed record InputInspection(InputFileStats Stats, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Each header as written and the canonical column it was bound to (null: ignored).</summary>
    public IReadOnlyList<ColumnBinding> Columns { get; init; } = [];

    /// <summary>The preamble records before the header (R33), fields joined by a space.</summary>
    public IReadOnlyList<string> Preamble { get; init; } = [];

    /// <summary>The field separator of the header line (R1).</summary>
    public char Separator { get; init; }

    /// <summary>For a bank statement: its layout (A, B or C).</summary>
    public BankLayout? BankLayout { get; init; }

    /// <summary>For a bank statement: the account its preamble states (R34), or null.</summary>
    public string? PreambleAccount { get; init; }

    /// <summary>For a bank statement: the period its preamble states, or null.</summary>
    public (DateOnly From, DateOnly To)? PreamblePeriod { get; init; }

    /// <summary>For a bank statement: listed newest first (R40).</summary>
    public bool NewestFirst { get; init; }

    /// <summary>The first parsed rows, one JSON object each (ID numbers and cards masked).</summary>
    public IReadOnlyList<string> Rows { get; init; } = [];
}
