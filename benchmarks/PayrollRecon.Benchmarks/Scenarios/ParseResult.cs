namespace PayrollRecon.Benchmarks.Scenarios;

/// <summary>What a scenario read: rows delivered, rows it could not convert, and a fold of every value it parsed.</summary>
/// <remarks>Ours and the baseline fold the same values the same way, so equal checksums show they did the same work.</remarks>
internal readonly record struct ParseResult(long Rows, long Rejected, long Checksum);
