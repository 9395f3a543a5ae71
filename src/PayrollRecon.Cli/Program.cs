namespace PayrollRecon.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("payrollrecon: not yet wired");
        return 2;
    }
}
