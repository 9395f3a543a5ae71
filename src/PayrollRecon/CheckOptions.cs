namespace PayrollRecon;

/// <summary>Options of one check.</summary>
public readonly record struct CheckOptions
{
    /// <summary>Overrides the project's <c>asOf</c>; when both are absent, today (local clock) is used.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Stop at the first unreadable row with a <see cref="Model.PayrollDataException"/> instead of reporting it as <c>DATA_ERROR</c>.</summary>
    public bool Strict { get; init; }

    /// <summary>Longest record accepted in any input, in bytes (default 1 MiB); longer records are a <c>DATA_ERROR</c>.</summary>
    /// <remarks>0 means the default; from 0 to <see cref="PayrollChecker.MaxRecordBytesLimit"/> (64 MiB), else <see cref="ArgumentOutOfRangeException"/>.</remarks>
    public int MaxRecordBytes { get; init; }

    /// <summary>Most threads an input is read with (attendance is read in parts side by side); 0 means one per processor.</summary>
    /// <remarks>
    /// From 0 to <see cref="PayrollChecker.MaxDegreeOfParallelismLimit"/>; every output is the same at any value. From 2
    /// on, one more thread reads the payroll sheet, the batch file and the bank statement while the attendance is read.
    /// </remarks>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>When set, the check records the time of each phase (reading each input, each engine step) into it.</summary>
    /// <remarks>The outputs do not depend on it; only the recorder's laps do.</remarks>
    public CheckTimings? Timings { get; init; }
}
