namespace PayrollRecon.Generation;

/// <summary>One project written by <see cref="ProjectGenerator"/>.</summary>
/// <param name="Code">Project code, e.g. <c>GEN-1-0001</c>; also the folder name.</param>
/// <param name="Directory">Full path of the project folder.</param>
/// <param name="Workers">Rows in <c>workers.csv</c>, planted duplicate and unreadable rows included.</param>
/// <param name="Punches">Rows in <c>attendance.csv</c>.</param>
/// <param name="BankLines">Rows in <c>bank.csv</c>.</param>
/// <param name="ExpectedFindings">Rows in <c>expected-findings.csv</c>.</param>
/// <param name="Bytes">Bytes written for the project, all files together.</param>
public sealed record GeneratedProject(
    string Code, string Directory, int Workers, long Punches, long BankLines, int ExpectedFindings, long Bytes);
