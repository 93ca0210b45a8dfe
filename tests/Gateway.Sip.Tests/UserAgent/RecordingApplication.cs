using System.Threading.Channels;
using Gateway.Sip.Tests.Stack;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>
/// The application of the user agent tests: what it does with an incoming call is the test's <see cref="OnIncoming"/>;
/// every event is recorded, messages as <see cref="WireMessage"/> copies, in channels the test reads in order.
/// </summary>
internal sealed class RecordingApplication : ISipUserAgentUser, ISipCallListener
{
    public Channel<SipCall> Incoming { get; } = Channel.CreateUnbounded<SipCall>();

    public Channel<(string Event, WireMessage Message)> Events { get; } = Channel.CreateUnbounded<(string, WireMessage)>();

    public Channel<SipCallEnd> Ends { get; } = Channel.CreateUnbounded<SipCallEnd>();

    /// <summary>Runs inside <see cref="IncomingCall"/>, on the receive thread.</summary>
    public Action<SipCall>? OnIncoming { get; set; }

    /// <summary>The status an INFO is answered with.</summary>
    public int InfoStatus { get; set; } = 200;

    public ISipCallListener IncomingCall(SipCall call)
    {
        OnIncoming?.Invoke(call);
        Incoming.Writer.TryWrite(call);
        return this;
    }

    public void Progress(SipCall call, SipMessage response) => Record("progress", response);

    public void Answered(SipCall call, SipMessage response) => Record("answered", response);

    public void Confirmed(SipCall call, SipMessage ack) => Record("confirmed", ack);

    public int InfoReceived(SipCall call, SipMessage info)
    {
        Record("info", info);
        return InfoStatus;
    }

    public void Ended(SipCall call, SipCallEnd end) => Ends.Writer.TryWrite(end);

    public Task<(string Event, WireMessage Message)> NextEvent() => RecordingUser.Next(Events);

    public Task<SipCallEnd> NextEnd() => RecordingUser.Next(Ends);

    public Task<SipCall> NextIncoming() => RecordingUser.Next(Incoming);

    private void Record(string name, SipMessage message) => Events.Writer.TryWrite((name, new WireMessage(message.Span)));
}
