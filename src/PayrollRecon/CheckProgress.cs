namespace PayrollRecon;

/// <summary>Progress of a running check: which input is being read and how many bytes of it so far.</summary>
/// <param name="File">Input file name.</param>
/// <param name="BytesRead">Bytes read from that input so far.</param>
public readonly record struct CheckProgress(string File, long BytesRead);
