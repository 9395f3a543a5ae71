using BenchmarkDotNet.Running;

using PayrollRecon.Benchmarks.Inputs;
using PayrollRecon.Benchmarks.Quick;

namespace PayrollRecon.Benchmarks;

internal static class Program
{
    /// <summary>
    /// <c>--quick</c>: one in-process table of all scenarios (and <c>benchmarks/results/quick.md</c>);
    /// <c>--breakdown</c>: a stopwatch profile of the layers; <c>--generate</c>: only make the inputs; <c>--workbook FILE</c>:
    /// one timed read of a bank statement in any input format (see <c>benchmarks/workbooks.sh</c>); <c>--punches</c>: the
    /// engine's per-punch path in time and worker order; <c>--writers</c>: <c>ledger.csv</c> of a large project in rows/s and
    /// bytes allocated per row; anything else goes
    /// to BenchmarkDotNet.
    /// </summary>
    private static int Main(string[] args)
    {
        if (args.Contains("--generate"))
        {
            BenchmarkInputs.EnsureCreated(Console.Out);
            return 0;
        }
        if (args.Contains("--workbook")) return WorkbookRead.Run(args, Console.Out);
        if (args.Contains("--quick")) return QuickRunner.Run(args, Console.Out);
        if (args.Contains("--breakdown")) return Breakdown.Run(args, Console.Out);
        if (args.Contains("--punches")) return PunchPath.Run(args, Console.Out);
        if (args.Contains("--writers")) return LedgerWrite.Run(args, Console.Out);
        BenchmarkInputs.EnsureCreated(Console.Out);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
