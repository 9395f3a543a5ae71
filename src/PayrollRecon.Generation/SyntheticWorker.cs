namespace PayrollRecon.Generation;

/// <summary>A generated worker: the UTF-8 bytes the statement and the attendance file repeat for them.</summary>
internal sealed record SyntheticWorker(byte[] Name, byte[] IdNumber, byte[] Card, long MonthlyWageFen);
