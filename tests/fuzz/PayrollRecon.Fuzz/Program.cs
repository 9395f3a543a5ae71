using SharpFuzz;

namespace PayrollRecon.Fuzz;

/// <summary>
/// <c>PayrollRecon.Fuzz TARGET</c> under afl-fuzz (SharpFuzz's out-of-process fork server; run once on standard input
/// otherwise); <c>PayrollRecon.Fuzz replay TARGET PATH…</c> runs files or folders of inputs through a target without
/// instrumentation and names every input that crashes it (exit 1).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "replay") return Replay(args[1], args[2..]);
        if (args.Length != 1 || !FuzzTargets.All.ContainsKey(args[0]))
        {
            Console.Error.WriteLine($"usage: PayrollRecon.Fuzz TARGET | replay TARGET PATH...   (targets: {string.Join(", ", FuzzTargets.All.Keys)})");
            return 2;
        }
        string target = args[0];
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    }

    private static int Replay(string target, string[] paths)
    {
        int inputs = 0;
        int crashes = 0;
        foreach (string path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != "README.txt").Order(StringComparer.Ordinal)
                : [path];
            foreach (string file in files)
            {
                inputs++;
                try
                {
                    FuzzTargets.Run(target, File.ReadAllBytes(file));
                }
                catch (Exception e)
                {
                    crashes++;
                    Console.WriteLine($"CRASH {target} {file}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
                    Console.WriteLine(e.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
                }
            }
        }
        Console.WriteLine($"fuzz replay {target}: {inputs} inputs, {crashes} crash(es)");
        return crashes > 0 ? 1 : 0;
    }
}
