using System.Net;

namespace Gateway.Sip.Tests.Stack;

internal static class UdpBarrier
{
    /// <summary>
    /// Returns once every datagram sent to the stack before the call has been handled completely: callbacks returned,
    /// messages released. The UDP receive loop is sequential, so it is enough that a datagram sent now has been handled.
    /// The barrier is a malformed request (its CSeq method is not its method): the stack answers it statelessly, without a
    /// transaction or a TU callback, and releases it before the 400 leaves — so the 400's arrival proves the barrier itself
    /// is done too. It comes from 127.0.0.3, a source of its own, so that a test's rate-limited source cannot hold it up;
    /// it adds one to <see cref="SipStackCounters.MalformedAnswered"/> and may log one malformed line.
    /// </summary>
    public static async Task WaitAsync(IPEndPoint stack)
    {
        using var barrier = new UdpPeer(stack, IPAddress.Parse("127.0.0.3"));
        string address = stack.ToString();
        string callId = "barrier-" + Guid.NewGuid().ToString("N");
        barrier.Send(SipText.Message($"""
            OPTIONS sip:{address} SIP/2.0
            Via: SIP/2.0/UDP {barrier.Address};branch={SipIdentifiers.NewBranch()};rport
            Max-Forwards: 70
            From: <sip:barrier@{barrier.Address}>;tag=b
            To: <sip:{address}>
            Call-ID: {callId}
            CSeq: 1 BARRIER
            """));
        WireMessage response = await barrier.ReceiveAsync();
        Assert.Equal((400, callId), (response.StatusCode, response["Call-ID"]));
    }

}
