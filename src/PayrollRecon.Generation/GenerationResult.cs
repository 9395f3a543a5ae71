namespace PayrollRecon.Generation;

/// <summary>What one <see cref="ProjectGenerator.Generate"/> call wrote.</summary>
/// <param name="Projects">The projects, in code order.</param>
/// <param name="Bytes">Bytes written, all projects together.</param>
/// <param name="Elapsed">Wall-clock time taken.</param>
public sealed record GenerationResult(IReadOnlyList<GeneratedProject> Projects, long Bytes, TimeSpan Elapsed);
