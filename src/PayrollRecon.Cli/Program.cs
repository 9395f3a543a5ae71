using System.CommandLine;
using PayrollRecon.Model;

namespace PayrollRecon.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(BuildRoot(), args, Console.Error);
    }

    internal static RootCommand BuildRoot() => new("PayrollRecon: reconcile migrant-worker dedicated wage accounts (农民工工资专用账户).")
    {
        CheckCommand.Create(),
        BatchCommand.Create(),
        MergeCommand.Create(),
        GenerateCommand.Create(),
        InspectCommand.Create(),
    };

    /// <summary>Parses and runs; every failure is one line on <paramref name="error"/> and exit code 2, never a stack trace.</summary>
    internal static int Run(RootCommand root, string[] args, TextWriter error)
    {
        var parsed = root.Parse(args);
        bool mask = !args.Contains("--no-mask");
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"payrollrecon: {ErrorText(parsed.Errors[0].Message, mask)} (see 'payrollrecon --help')");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error });
        }
        catch (Exception e) when (e is PayrollDataException or CliException)
        {
            // A row's bad value may be an ID or card number (a shifted column): masked like every output, unless --no-mask.
            error.WriteLine($"payrollrecon: {ErrorText(e.Message, mask)}");
            return ExitCodes.BadInput;
        }
        catch (OverflowException)
        {
            error.WriteLine($"payrollrecon: {OverflowMessage}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("payrollrecon: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"payrollrecon: {ErrorText(e.Message, mask)}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"payrollrecon: internal error ({e.GetType().Name}): {ErrorText(e.Message, mask)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The one line for a checked overflow of money arithmetic.</summary>
    internal const string OverflowMessage = "an amount or a sum of amounts is too large to hold exactly (over 92 233 720 368 547 758.07 yuan)";

    /// <summary>A message for stderr or the portfolio: one line, with ID and card numbers masked unless <paramref name="mask"/> is off.</summary>
    internal static string ErrorText(string message, bool mask) => Reporting.PersonalData.FreeText(OneLine(message), mask);

    /// <summary>Collapses a multi-line message (tabs and line breaks) into one line; other control characters (ESC, BEL, C1) from inputs are shown as <c>?</c>, never sent to the terminal.</summary>
    internal static string OneLine(string message) =>
        Reporting.OutputText.ControlsShown(string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}

/// <summary>Process exit codes (SPEC §4).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;
    public const int Cancelled = 130;
}

/// <summary>A usage or input problem detected by the command-line layer (one line, exit code 2).</summary>
internal sealed class CliException(string message) : Exception(message);
