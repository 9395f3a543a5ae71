namespace PayrollRecon.Benchmarks.Quick;

/// <summary>Where committed results go: <c>benchmarks/results/</c> of the repository that holds the working directory.</summary>
internal static class ResultsFolder
{
    /// <summary>The path of <paramref name="fileName"/> in the results folder, or null outside the repository.</summary>
    public static string? PathOf(string fileName)
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PayrollRecon.sln"))) return Path.Combine(dir.FullName, "benchmarks", "results", fileName);
        }
        return null;
    }

    /// <summary>Writes a report unless <c>--no-write</c> was given; <c>--out PATH</c> overrides the place.</summary>
    public static void Write(string[] args, string fileName, string report, TextWriter output)
    {
        if (args.Contains("--no-write")) return;
        int i = Array.IndexOf(args, "--out");
        string? path = i >= 0 && i + 1 < args.Length ? args[i + 1] : PathOf(fileName);
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, report);
        output.WriteLine($"written to {path}");
    }
}
