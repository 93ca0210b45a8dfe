using System.Runtime.InteropServices;

namespace Gateway.Hosting;

/// <summary>
/// SIGTERM, SIGINT and SIGQUIT turned into a cancellation. It is armed as the very first thing the daemon does, so a
/// stop requested while it is still starting is a graceful stop too, not the runtime's default exit by signal.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;
    private string? _reason;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal),
        ];
    }

    /// <summary>Cancelled once a stop is requested.</summary>
    public CancellationToken Token => _requested.Token;

    /// <summary>What asked for the stop (for example <c>SIGTERM</c>), or null while none did.</summary>
    public string? Reason => Volatile.Read(ref _reason);

    public void Request(string reason)
    {
        Interlocked.CompareExchange(ref _reason, reason, null);
        _requested.Cancel();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Cancel the runtime's default (exit at once) so that calls are released before the process ends.
        context.Cancel = true;
        Request(context.Signal switch
        {
            PosixSignal.SIGTERM => "SIGTERM",
            PosixSignal.SIGINT => "SIGINT",
            PosixSignal.SIGQUIT => "SIGQUIT",
            _ => context.Signal.ToString(),
        });
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _requested.Dispose();
    }
}
