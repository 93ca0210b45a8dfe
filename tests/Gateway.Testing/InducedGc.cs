using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Gateway.Testing;

/// <summary>
/// Makes a running .NET process do a full blocking GC, from outside and without any hook in its code, the way
/// dotnet-gcdump does: the runtime collects every generation when an EventPipe session enables its GCHeapCollect
/// keyword. Afterwards the process's "heap after the last GC" is what it keeps alive, not garbage its last gen0
/// collection never looked at.
/// </summary>
public static class InducedGc
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>
    /// Opens the session on <paramref name="pid"/> and keeps it open until <paramref name="collected"/> says the GC has
    /// run (the caller reads the process's own GC count), or throws when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task CollectAsync(int pid, Func<Task<bool>> collected, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers =
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)];
        using EventPipeSession session = client.StartEventPipeSession(providers, requestRundown: false, circularBufferMB: 16);
        // The events themselves are not needed; read them so that the runtime never waits on a full pipe.
        Task drain = session.EventStream.CopyToAsync(Stream.Null);
        var clock = Stopwatch.StartNew();
        try
        {
            while (!await collected())
            {
                if (clock.Elapsed > timeout) throw new TimeoutException($"process {pid} did not report the induced GC within {timeout.TotalSeconds} s");
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            try
            {
                await drain;
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
