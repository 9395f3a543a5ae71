using System.Runtime.InteropServices;

namespace PayrollRecon.Cli;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation instead of an abrupt exit, so a command stops at its next
/// check, removes its temporary files, and <see cref="Program.Run"/> reports exit code 130.
/// </summary>
/// <remarks>The actions run synchronously, so System.CommandLine's own Ctrl-C handling never sees them.</remarks>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public SignalCancellation(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the outer token or by a signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Cancels as a signal would (tests).</summary>
    public void Cancel() => _source.Cancel();

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive; the work in progress sees the token.
        context.Cancel = true;
        _source.Cancel();
    }
}
