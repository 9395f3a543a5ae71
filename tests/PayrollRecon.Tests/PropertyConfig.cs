using FsCheck;
using Microsoft.FSharp.Core;

namespace PayrollRecon.Tests;

/// <summary>
/// FsCheck settings shared by the property tests. Locally every run draws fresh random cases; under CI (CI=true) the
/// cases come from a fixed seed so a submission's verdict does not depend on the draw. PAYROLLRECON_FSCHECK_SEED=N
/// replays any seed, PAYROLLRECON_FSCHECK_SEED=random forces fresh cases under CI too.
/// </summary>
internal static class PropertyConfig
{
    private const ulong CiSeed = 20240315;

    /// <summary>QuickThrowOnFailure with <paramref name="maxTest"/> cases and the seed policy above.</summary>
    public static Config Quick(int maxTest = 100)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(maxTest);
        var seedText = Environment.GetEnvironmentVariable("PAYROLLRECON_FSCHECK_SEED");
        ulong? seed = seedText switch
        {
            "random" => null,
            not null when ulong.TryParse(seedText, out var s) => s,
            _ => Environment.GetEnvironmentVariable("CI") == "true" ? CiSeed : null,
        };
        // The gamma of FsCheck's splittable generator must be odd.
        return seed is { } value ? config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(value, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None))) : config;
    }
}
