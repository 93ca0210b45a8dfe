using System.Net;
using Gateway.Sip.Tests.Stack;
using Gateway.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>
/// A <see cref="SipUserAgent"/> on loopback UDP with virtual time and a <see cref="RecordingApplication"/>; the tests
/// play the other party with raw <see cref="UdpPeer"/>s. <see cref="AssertCleanAsync"/> ends every test: past every
/// timer, no call, dialog, transaction or message buffer may be left.
/// </summary>
internal sealed class UserAgentHarness : IAsyncDisposable
{
    public UserAgentHarness()
    {
        Agent = new SipUserAgent(
            new SipStackOptions { UdpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), TcpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) },
            new SipUserAgentOptions(),
            Application,
            null,
            Time);
        Agent.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public RecordingApplication Application { get; } = new();

    public SipUserAgent Agent { get; }

    public SipTimerSettings Timers => SipTimerSettings.Default;

    /// <summary>"127.0.0.1:port" of the user agent's UDP socket.</summary>
    public string Address => Agent.Stack.UdpEndPoint!.ToString();

    public UdpPeer Peer() => new(Agent.Stack.UdpEndPoint!);

    /// <summary>Calls <paramref name="peer"/> (which plays the callee) with an SDP offer.</summary>
    public SipCall Call(UdpPeer peer, ISipCallListener? listener = null) => Agent.Call(
        new OutgoingCall
        {
            RequestUri = $"sip:+4930123456@{peer.Address}",
            Destination = peer.EndPoint,
            From = "<sip:+4940555@gw.example.net>",
            To = "<sip:+4930123456@pbx.example.net>",
            Headers = [new("Content-Type", "application/sdp")],
            Body = System.Text.Encoding.ASCII.GetBytes(SipText.Sdp.ReplaceLineEndings("\r\n")),
        },
        listener ?? Application);

    public async Task AssertCleanAsync()
    {
        await UdpBarrier.WaitAsync(Agent.Stack.UdpEndPoint!);
        Time.Advance(Timers.TransactionTimeout + TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, Agent.CallCount);
        Assert.Equal(0, Agent.DialogCount);
        Assert.Equal(0, Agent.Stack.TransactionCount);
        Assert.Equal(0, Agent.Stack.LiveMessages);
        Assert.Equal(0, Agent.Stack.Counters.UserErrors);
    }

    public async ValueTask DisposeAsync() => await Agent.DisposeAsync();
}
