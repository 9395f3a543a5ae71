namespace PayrollRecon.Tests;

/// <summary>Locates the repository (for fixtures) from the test binary's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PayrollRecon.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PayrollRecon.sln not found above " + AppContext.BaseDirectory);
    }
}
