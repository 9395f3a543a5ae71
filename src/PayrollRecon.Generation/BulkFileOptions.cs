namespace PayrollRecon.Generation;

/// <summary>What <see cref="BulkFileGenerator"/> writes: one large bank statement and one large attendance file of a
/// single site, for throughput measurements of the readers.</summary>
public sealed record BulkFileOptions
{
    /// <summary>Seed of the workforce; the statement uses <c>Seed + 1</c> and the attendance file <c>Seed + 2</c>.</summary>
    public int Seed { get; init; } = 20240315;

    /// <summary>Workers on site (1–1,000,000); the statement pays them and the attendance file punches their ids.</summary>
    public int Workers { get; init; } = 3_000;

    /// <summary>Smallest size of <c>bank.csv</c> in bytes, header included; rows are added until it is reached.</summary>
    public long BankMinBytes { get; init; } = 100L << 20;

    /// <summary>Smallest size of <c>attendance.csv</c> in bytes, header included.</summary>
    public long AttendanceMinBytes { get; init; } = 200L << 20;
}
