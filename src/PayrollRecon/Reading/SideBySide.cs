using System.Runtime.ExceptionServices;

namespace PayrollRecon.Reading;

/// <summary>Runs a few long pieces of work at the same time: each on a thread of its own, the first on the caller's.</summary>
/// <remarks>
/// Not the thread pool: with as many pieces as cores, a pool that has yet to start its threads lets the caller take
/// every piece in turn, and the work runs on one core after all.
/// </remarks>
internal static class SideBySide
{
    /// <summary>Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 at once and waits for all; the first exception by index is rethrown.</summary>
    public static void Run(int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ExceptionDispatchInfo?[count];
        var threads = new Thread[Math.Max(0, count - 1)];
        for (int k = 1; k < count; k++)
        {
            int index = k;
            threads[k - 1] = new Thread(() => errors[index] = Guarded(body, index)) { IsBackground = true, Name = "PayrollRecon part " + index };
            threads[k - 1].Start();
        }
        if (count > 0) errors[0] = Guarded(body, 0);
        foreach (var thread in threads) thread.Join();
        foreach (var error in errors) error?.Throw();
    }

    private static ExceptionDispatchInfo? Guarded(Action<int> body, int index)
    {
        try
        {
            body(index);
            return null;
        }
        catch (Exception e)
        {
            return ExceptionDispatchInfo.Capture(e);
        }
    }
}
