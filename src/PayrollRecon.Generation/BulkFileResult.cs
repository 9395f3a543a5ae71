namespace PayrollRecon.Generation;

/// <summary>What <see cref="BulkFileGenerator.Generate"/> wrote: rows and bytes of each file.</summary>
/// <param name="BankRows">Data rows of <c>bank.csv</c> (and of <c>bank-gb18030.csv</c>, the same rows).</param>
/// <param name="BankBytes">Size of <c>bank.csv</c> in bytes.</param>
/// <param name="AttendanceRows">Data rows of <c>attendance.csv</c>.</param>
/// <param name="AttendanceBytes">Size of <c>attendance.csv</c> in bytes.</param>
public sealed record BulkFileResult(long BankRows, long BankBytes, long AttendanceRows, long AttendanceBytes);
