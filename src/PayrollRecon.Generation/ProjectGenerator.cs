using System.Diagnostics;
using System.Text;

namespace PayrollRecon.Generation;

/// <summary>Writes realistic synthetic projects with planted defects and the findings they must raise (SPEC §4 <c>generate</c>).</summary>
public static class ProjectGenerator
{
    /// <summary>Writes <c>&lt;outDir&gt;/&lt;code&gt;/</c> with every input file and <c>expected-findings.csv</c> for each project.</summary>
    /// <remarks>Projects are generated in parallel; each has its own seed derived from <see cref="GeneratorOptions.Seed"/>
    /// and its number, so the bytes written do not depend on <see cref="GeneratorOptions.MaxDegreeOfParallelism"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public static GenerationResult Generate(string outDir, GeneratorOptions options, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        if (options.Gb18030) Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var projects = new GeneratedProject[options.Projects];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, options.Projects, parallel, i =>
            projects[i] = new ProjectBuilder(options, i + 1).Build(outDir, ct));
        long bytes = 0;
        foreach (var p in projects) bytes += p.Bytes;
        return new GenerationResult(projects, bytes, clock.Elapsed);
    }

    private static void Validate(GeneratorOptions options)
    {
        if (options.Projects is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(options), options.Projects, "projects must be 1..100000");
        if (options.Workers is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(options), options.Workers, "workers must be 1..1000000");
        if (options.Months is < 1 or > 240)
            throw new ArgumentOutOfRangeException(nameof(options), options.Months, "months must be 1..240");
        if (double.IsNaN(options.DefectRate) || options.DefectRate is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.DefectRate, "defect rate must be 0..1");
        if (options.MaxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDegreeOfParallelism, "parallelism must be -1 or positive");
        if (options.StartMonth.Year is < 1901 or > 9000)
            throw new ArgumentOutOfRangeException(nameof(options), options.StartMonth, "start month must be in years 1901..9000");
    }
}
