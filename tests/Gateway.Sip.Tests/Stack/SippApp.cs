using System.Collections.Concurrent;
using System.Text;

namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// The smallest application the SIPp scenarios need on top of the <see cref="SipUserAgent"/>, and the listener of all
/// its calls. Incoming, by the Request-URI's user: <c>answer</c> rings (180) then answers with SDP; <c>ring</c> only
/// rings (the caller cancels); <c>busy</c> refuses with 486 and Q.850 cause 17. Outgoing: when answered, hangs up with
/// <see cref="HangupReason"/>; when <see cref="CancelReason"/> is set, cancels at the first provisional response.
/// What the UA core answers by itself (ACK retransmission, in-dialog 200s, 481s) never reaches it.
/// </summary>
internal sealed class SippApp : ISipUserAgentUser, ISipCallListener
{
    public static readonly byte[] Sdp = Encoding.ASCII.GetBytes(SipText.Sdp.Replace("\n", "\r\n"));

    private readonly SemaphoreSlim _endedSignal = new(0);
    private int _started;
    private int _ended;

    /// <summary>The requests the application was told of: INVITE (offered), INFO, and BYE (a remote hang-up).</summary>
    public ConcurrentQueue<string> Methods { get; } = new();

    public ConcurrentQueue<byte[]> InfoBodies { get; } = new();

    /// <summary>The Reason values of each CANCEL received (an incoming call ended as cancelled).</summary>
    public ConcurrentQueue<IReadOnlyList<ReasonValue>> Cancels { get; } = new();

    /// <summary>How each call ended, in order.</summary>
    public ConcurrentQueue<SipCallEnd> Ends { get; } = new();

    /// <summary>Outgoing calls the peer answered.</summary>
    public int AnsweredCount;

    /// <summary>Incoming calls whose 2xx was ACKed.</summary>
    public int ConfirmedCount;

    /// <summary>Outgoing: the Reason of our BYE once answered.</summary>
    public string? HangupReason { get; init; } = "Q.850;cause=16";

    /// <summary>Outgoing: when set, the call is cancelled with this Reason at its first provisional response.</summary>
    public string? CancelReason { get; init; }

    /// <summary>Makes an outgoing call to the SIPp user <paramref name="service"/> at <paramref name="peer"/>, with an SDP offer.</summary>
    public SipCall Call(SipUserAgent agent, string service, System.Net.IPEndPoint peer, SipTransportProtocol transport)
    {
        Interlocked.Increment(ref _started);
        return agent.Call(
            new OutgoingCall
            {
                RequestUri = $"sip:{service}@{peer}",
                Destination = peer,
                Transport = transport,
                From = $"<sip:gw@{agent.Stack.SentByHost}>",
                To = $"<sip:{service}@{peer}>",
                Headers = [new("Content-Type", "application/sdp")],
                Body = Sdp,
            },
            this);
    }

    /// <summary>Waits until every call offered or made has ended (bounded).</summary>
    public async Task WaitForEndsAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (Volatile.Read(ref _ended) < Volatile.Read(ref _started))
        {
            try
            {
                await _endedSignal.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_started - _ended} of {_started} calls still up after {timeout}.");
            }
        }
    }

    public ISipCallListener IncomingCall(SipCall call)
    {
        Interlocked.Increment(ref _started);
        Methods.Enqueue(call.Invite!.Method);
        string uri = call.Invite.RequestUri;
        if (uri.StartsWith("sip:busy@", StringComparison.Ordinal))
        {
            call.Reject(486, "Q.850;cause=17");
            return this;
        }

        call.Ring(180);
        if (uri.StartsWith("sip:answer@", StringComparison.Ordinal))
        {
            call.Answer(Sdp, "application/sdp");
        }

        return this;
    }

    public void Progress(SipCall call, SipMessage response)
    {
        if (CancelReason is not null)
        {
            call.Cancel(CancelReason);
        }
    }

    public void Answered(SipCall call, SipMessage response)
    {
        Interlocked.Increment(ref AnsweredCount);
        call.Hangup(HangupReason);
    }

    public void Confirmed(SipCall call, SipMessage ack) => Interlocked.Increment(ref ConfirmedCount);

    public int InfoReceived(SipCall call, SipMessage info)
    {
        Methods.Enqueue("INFO");
        InfoBodies.Enqueue(info.Body.ToArray());
        return 200;
    }

    public void Ended(SipCall call, SipCallEnd end)
    {
        if (end.Kind == SipCallEndKind.RemoteHangup)
        {
            Methods.Enqueue("BYE");
        }
        else if (end.Kind == SipCallEndKind.Cancelled && call.Direction == SipCallDirection.Incoming)
        {
            Cancels.Enqueue(end.Reasons);
        }

        Ends.Enqueue(end);
        Interlocked.Increment(ref _ended);
        _endedSignal.Release();
    }
}
