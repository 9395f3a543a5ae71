namespace PayrollRecon;

/// <summary>Progress of a running check: which input is being read and how many bytes of it so far.</summary>
/// <param name="File">Input file name.</param>
/// <param name="BytesRead">Bytes read from that input so far.</param>
/// <remarks>
/// Reports come one at a time, as each buffer of an input is read, and an input's <see cref="BytesRead"/> only ever
/// rises. An attendance file read in parts side by side is reported as the bytes its parts have read together, from the
/// parts' threads; when the parts cannot stand for the file and one reader reads it again, that reader's reports resume
/// once it has passed the bytes already reported. With two threads or more, the payroll sheet, batch file and bank
/// statement read beside the attendance are reported once each, when the attendance is in.
/// </remarks>
public readonly record struct CheckProgress(string File, long BytesRead);
