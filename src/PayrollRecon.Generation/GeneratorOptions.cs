using PayrollRecon.Findings;

namespace PayrollRecon.Generation;

/// <summary>What <see cref="ProjectGenerator"/> writes: how many projects, their size, the defects planted and the file dialect.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of projects (1..100,000).</summary>
    public int Projects { get; init; } = 1;

    /// <summary>Roster workers per project (1..1,000,000), before planted duplicate or unreadable rows.</summary>
    public int Workers { get; init; } = 50;

    /// <summary>Months of activity (1..240); the last month is not yet due at the project's <c>asOf</c>.</summary>
    public int Months { get; init; } = 6;

    /// <summary>Seed; the same seed and options always give byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share (0..1) of workers, and of months for project-level defects, that get a planted defect.</summary>
    public double DefectRate { get; init; } = 0.05;

    /// <summary>Write the Chinese column aliases of SPEC §2 (and Chinese enum values) instead of the English names.</summary>
    public bool ChineseHeaders { get; init; }

    /// <summary>Encode the CSV files in GB18030 (code page 54936) instead of UTF-8.</summary>
    public bool Gb18030 { get; init; }

    /// <summary>Write the bank statement in layout B (separate debit and credit columns) instead of layout A.</summary>
    public bool BankLayoutB { get; init; }

    /// <summary>End CSV lines with CRLF instead of LF.</summary>
    public bool Crlf { get; init; }

    /// <summary>Order of the attendance punches within a month: as site devices export them (time order, all workers
    /// interleaved; the default) or grouped by worker.</summary>
    public AttendanceOrder AttendanceOrder { get; init; } = AttendanceOrder.Time;

    /// <summary>First month of activity (the day is ignored).</summary>
    public DateOnly StartMonth { get; init; } = new(2024, 1, 1);

    /// <summary>Finding codes to plant defects for; null plants every code.</summary>
    public IReadOnlySet<FindingCode>? Defects { get; init; }

    /// <summary>Projects generated at once; -1 uses every core. The output does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
