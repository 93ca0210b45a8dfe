using System.Net;
using Gateway.Testing;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// A <see cref="SipStack"/> on loopback UDP and TCP (kernel-chosen ports) with virtual time, a recording TU and a
/// capturing logger. <see cref="AssertCleanAsync"/> ends every test: it runs the clock past every transaction timer and
/// checks that no transaction and no pooled message buffer is left.
/// </summary>
internal sealed class StackHarness : IAsyncDisposable
{
    public StackHarness(Func<SipStackOptions, SipStackOptions>? configure = null)
    {
        var options = new SipStackOptions
        {
            UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        };
        Options = configure is null ? options : configure(options);
        Stack = new SipStack(Options, User, Logger, Time);
        Stack.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public RecordingUser User { get; } = new();

    public CapturingLogger Logger { get; } = new();

    public SipStackOptions Options { get; }

    public SipStack Stack { get; }

    public SipTimerSettings Timers => Options.Timers;

    public IPEndPoint Udp => Stack.UdpEndPoint!;

    public IPEndPoint Tcp => Stack.TcpEndPoint!;

    /// <summary>"127.0.0.1:port" of the stack's UDP socket, for Request-URIs.</summary>
    public string Address => Udp.ToString();

    public UdpPeer Peer(IPAddress? bindTo = null) => new(Udp, bindTo);

    public static string NewBranch() => SipIdentifiers.NewBranch();

    public static string NewCallId() => Guid.NewGuid().ToString("N") + "@test";

    /// <summary>The next request the TU receives.</summary>
    public Task<ServerRequest> NextRequest() => RecordingUser.Next(User.Requests);

    /// <summary>Returns once every datagram sent to the stack before the call has been handled; see <see cref="UdpBarrier"/>.</summary>
    public Task UdpBarrierAsync() => UdpBarrier.WaitAsync(Udp);

    /// <summary>
    /// Waits until everything received so far is handled (see <see cref="UdpBarrierAsync"/>; a test using TCP syncs its
    /// connections first with <see cref="TcpPeer.SyncAsync"/>), runs virtual time past every transaction timer, then checks
    /// that no transaction and no message buffer is left.
    /// </summary>
    /// <param name="userErrors">How many TU callbacks the test made throw on purpose.</param>
    public async Task AssertCleanAsync(int userErrors = 0)
    {
        await UdpBarrierAsync();

        // Timer D (32 s floor), H, J, L, M (64·T1) are the longest; two rounds cover chains (Completed → Confirmed → I).
        Time.Advance(Timers.TransactionTimeout + TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, Stack.TransactionCount);
        Assert.Equal(0, Stack.LiveMessages);
        Assert.Equal(userErrors, Stack.Counters.UserErrors);
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}
