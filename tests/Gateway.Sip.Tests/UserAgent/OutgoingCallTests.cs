using Gateway.Sip.Tests.Stack;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>
/// The user agent as the caller (UAC), in virtual time, against a scripted callee: forking (the first 2xx wins, later
/// ones are ACKed and ended with BYE), the CANCEL and its race with a 2xx, rejection, timeouts, and the dialog lost.
/// </summary>
public sealed class OutgoingCallTests
{
    /// <summary>The peer's INVITE as received, skipping nothing (the user agent sends no 100).</summary>
    private static async Task<WireMessage> ReceiveInvite(UdpPeer peer)
    {
        WireMessage invite = await peer.ReceiveAsync();
        Assert.Equal("INVITE", invite.Method);
        return invite;
    }

    /// <summary>A call to <paramref name="peer"/>, which rings (180 with tag t).</summary>
    private static async Task<(SipCall Call, WireMessage Invite)> RingingCall(UserAgentHarness harness, UdpPeer peer)
    {
        SipCall call = harness.Call(peer);
        WireMessage invite = await ReceiveInvite(peer);
        peer.Send(Answer(invite, peer, 180, "Ringing", "t"));
        Assert.Equal(("progress", 180), await NextResponseEvent(harness));
        return (call, invite);
    }

    /// <summary>A call to <paramref name="peer"/>, which answers at once (200 with tag t); returns the ACK too.</summary>
    private static async Task<(SipCall Call, WireMessage Invite, WireMessage Ack)> AnsweredCall(UserAgentHarness harness, UdpPeer peer)
    {
        SipCall call = harness.Call(peer);
        WireMessage invite = await ReceiveInvite(peer);
        peer.Send(Answer(invite, peer, 200, "OK", "t"));
        WireMessage ack = await peer.ReceiveAsync();
        Assert.Equal("answered", (await harness.Application.NextEvent()).Event);
        return (call, invite, ack);
    }

    private static byte[] Answer(WireMessage invite, UdpPeer peer, int status, string reason, string tag, string? extraHeader = null)
    {
        string body = status == 200 ? SipText.Sdp : "";
        byte[] response = SipText.Response(invite, status, reason, tag, body, $"<sip:callee@{peer.Address}>");
        return extraHeader is null ? response : System.Text.Encoding.UTF8.GetBytes(new WireMessage(response).Text.Replace("\r\nContent-Length", $"\r\n{extraHeader}\r\nContent-Length"));
    }

    [Fact]
    public async Task The_first_2xx_wins_and_a_later_fork_is_acked_then_ended_with_BYE()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        SipCall call = harness.Call(peer);
        WireMessage invite = await ReceiveInvite(peer);
        Assert.Equal("application/sdp", invite["Content-Type"]);
        Assert.StartsWith("<sip:gw@", invite["Contact"]);

        peer.Send(Answer(invite, peer, 180, "Ringing", "fork-a"));
        peer.Send(Answer(invite, peer, 183, "Session Progress", "fork-b"));
        Assert.Equal(("progress", 180), await NextResponseEvent(harness));
        Assert.Equal(("progress", 183), await NextResponseEvent(harness));
        Assert.Equal(2, harness.Agent.DialogCount);

        byte[] okA = Answer(invite, peer, 200, "OK", "fork-a");
        peer.Send(okA);
        WireMessage ackA = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "fork-a", 1), (ackA.Method, ackA.To.Tag, ackA.CSeq));
        Assert.Equal($"sip:callee@{peer.Address}", ackA.RequestUri);
        Assert.Equal(("answered", 200), await NextResponseEvent(harness));
        Assert.Equal(SipCallState.Confirmed, call.State);
        Assert.Equal(1, harness.Agent.DialogCount);

        // A retransmission of the winner's 2xx: the same ACK again.
        peer.Send(okA);
        Assert.Equal(ackA.Text, (await peer.ReceiveAsync()).Text);

        // The other fork answers too: ACK, then BYE — the call stays with fork a.
        peer.Send(Answer(invite, peer, 200, "OK", "fork-b"));
        WireMessage ackB = await peer.ReceiveAsync();
        WireMessage byeB = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "fork-b"), (ackB.Method, ackB.To.Tag));
        Assert.Equal(("BYE", "fork-b", 2), (byeB.Method, byeB.To.Tag, byeB.CSeq));
        peer.Send(SipText.Response(byeB, 200, "OK"));
        Assert.Equal(SipCallState.Confirmed, call.State);

        Assert.True(call.Hangup("Q.850;cause=16"));
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("BYE", "fork-a", "Q.850;cause=16"), (bye.Method, bye.To.Tag, bye["Reason"]));
        peer.Send(SipText.Response(bye, 200, "OK"));
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.LocalHangup, 16), (end.Kind, Assert.Single(end.Reasons).Cause));
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_2xx_after_Timer_M_is_discarded_and_the_call_keeps_no_ACK_for_it()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        SipCall call = harness.Call(peer);
        WireMessage invite = await ReceiveInvite(peer);
        byte[] ok = Answer(invite, peer, 200, "OK", "t");
        peer.Send(ok);
        WireMessage ack = await peer.ReceiveAsync();
        Assert.Equal("answered", (await harness.Application.NextEvent()).Event);

        // Within Timer M a retransmitted 2xx gets the ACK again.
        peer.Send(ok);
        Assert.Equal(ack.Text, (await peer.ReceiveAsync()).Text);

        // Past it the INVITE transaction is gone, and a 2xx matching none is discarded (RFC 6026 §8.9): a held call
        // keeps no ACK for it.
        harness.Time.Advance(harness.Timers.TransactionTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(0, harness.Agent.Stack.TransactionCount);
        Assert.Null(call.Request);
        peer.Send(ok);
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);
        peer.AssertNothingReceived();
        Assert.Equal(1, harness.Agent.Stack.Counters.StrayResponses);

        call.Hangup();
        peer.Send(SipText.Response(await peer.ReceiveAsync(), 200, "OK"));
        Assert.Equal(SipCallEndKind.LocalHangup, (await harness.Application.NextEnd()).Kind);
        await harness.AssertCleanAsync();
        Assert.Null(call.Dialog); // an ended call kept nothing of its dialog while its transactions lingered
    }

    [Fact]
    public async Task Once_the_call_has_ended_its_INVITE_lingers_as_bytes_that_ACK_its_2xx_again_and_end_a_late_fork()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        (SipCall call, WireMessage invite, WireMessage ack) = await AnsweredCall(harness, peer);
        byte[] ok = Answer(invite, peer, 200, "OK", "t");
        Assert.True(call.Hangup());
        peer.Send(SipText.Response(await peer.ReceiveAsync(), 200, "OK"));
        Assert.Equal(SipCallEndKind.LocalHangup, (await harness.Application.NextEnd()).Kind);
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);

        // Neither the call nor its INVITE's transaction object is kept for Timer M: the stack holds the ACK as bytes,
        // counted as the transaction it stands for, and the BYE's key for Timer K.
        Assert.Equal((0, 2), (harness.Agent.CallCount, harness.Agent.Stack.ClientTransactionCount));
        Assert.True(call.Request!.IsEnded);

        // The 2xx again (our ACK was lost): the same ACK.
        peer.Send(ok);
        Assert.Equal(ack.Text, (await peer.ReceiveAsync()).Text);

        // Another fork answers after the end (RFC 3261 §13.2.2.4): ACK, then BYE, from the 2xx alone.
        peer.Send(Answer(invite, peer, 200, "OK", "late"));
        WireMessage lateAck = await peer.ReceiveAsync();
        WireMessage lateBye = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "late", 1, $"sip:callee@{peer.Address}"), (lateAck.Method, lateAck.To.Tag, lateAck.CSeq, lateAck.RequestUri));
        Assert.Equal(("BYE", "late", 2, invite["From"]), (lateBye.Method, lateBye.To.Tag, lateBye.CSeq, lateBye["From"]));
        Assert.Equal(invite["Call-ID"], lateBye["Call-ID"]);
        peer.Send(SipText.Response(lateBye, 200, "OK"));
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);

        // Past Timer M the 2xx matches nothing and is dropped, as RFC 6026 has it.
        harness.Time.Advance(harness.Timers.TimerM);
        peer.Send(ok);
        await harness.AssertCleanAsync();
        peer.AssertNothingReceived();
        Assert.Equal(1, harness.Agent.Stack.Counters.StrayResponses);
    }

    [Fact]
    public async Task Calls_hung_up_with_the_same_reason_share_its_parsed_values()
    {
        // An ended call lingers with its INVITE transaction for 32 s; thousands of them ending with one Q.850 cause
        // must not each keep a parse of the same text.
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var ends = new List<SipCallEnd>();
        foreach (string cause in new[] { "16", "16", "17" })
        {
            (SipCall call, _, _) = await AnsweredCall(harness, peer);
            Assert.True(call.Hangup($"Q.850;cause={cause};text=\"Normal call clearing\""));
            WireMessage bye = await peer.ReceiveAsync();
            Assert.Equal($"Q.850;cause={cause};text=\"Normal call clearing\"", bye["Reason"]);
            peer.Send(SipText.Response(bye, 200, "OK"));
            ends.Add(await harness.Application.NextEnd());
        }

        Assert.Equal([16, 16, 17], ends.Select(e => Assert.Single(e.Reasons).Cause ?? 0));
        Assert.Equal("Normal call clearing", ends[2].Reasons[0].Text);
        Assert.Same(ends[0].Reasons, ends[1].Reasons);
        Assert.NotSame(ends[1].Reasons, ends[2].Reasons);
        Assert.IsNotType<ReasonValue[]>(ends[0].Reasons); // shared, so read-only
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_cancel_carries_the_reason_and_the_487_ends_the_call()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (call, invite) = await RingingCall(harness, peer);

        Assert.True(call.Cancel("SIP;cause=200;text=\"Call completed elsewhere\""));
        WireMessage cancel = await peer.ReceiveAsync();
        Assert.Equal(("CANCEL", "SIP;cause=200;text=\"Call completed elsewhere\""), (cancel.Method, cancel["Reason"]));
        peer.Send(SipText.Response(cancel, 200, "OK"));
        peer.Send(Answer(invite, peer, 487, "Request Terminated", "t"));
        WireMessage ack = await peer.ReceiveAsync();
        Assert.Equal(("ACK", invite.TopVia.Branch), (ack.Method, ack.TopVia.Branch));

        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.Cancelled, 487), (end.Kind, end.StatusCode));
        Assert.False(call.Cancel());
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_2xx_that_crosses_our_cancel_is_acked_and_ended_with_BYE()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (call, invite) = await RingingCall(harness, peer);

        call.Cancel("Q.850;cause=16");
        WireMessage cancel = await peer.ReceiveAsync();
        peer.Send(SipText.Response(cancel, 200, "OK"));
        peer.Send(Answer(invite, peer, 200, "OK", "t"));
        WireMessage ack = await peer.ReceiveAsync();
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("ACK", "t"), (ack.Method, ack.To.Tag));
        Assert.Equal(("BYE", "t", "Q.850;cause=16"), (bye.Method, bye.To.Tag, bye["Reason"]));
        peer.Send(SipText.Response(bye, 200, "OK"));

        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.Cancelled, 200, 16), (end.Kind, end.StatusCode, Assert.Single(end.Reasons).Cause));
        Assert.Equal(0, harness.Application.Events.Reader.Count);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_busy_callee_ends_the_call_with_its_status_and_reason()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        harness.Call(peer);
        WireMessage invite = await ReceiveInvite(peer);
        peer.Send(Answer(invite, peer, 486, "Busy Here", "t", "Reason: Q.850;cause=17;text=\"User busy\""));
        Assert.Equal("ACK", (await peer.ReceiveAsync()).Method);
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.Rejected, 486, 17), (end.Kind, end.StatusCode, Assert.Single(end.Reasons).Cause));
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task No_answer_at_all_times_out_and_an_unanswered_cancel_ends_the_call_after_64_T1()
    {
        await using var harness = new UserAgentHarness();
        using var silent = harness.Peer();
        harness.Call(silent);
        await ReceiveInvite(silent);
        harness.Time.Advance(harness.Timers.TransactionTimeout);
        Assert.Equal(SipCallEndKind.TimedOut, (await harness.Application.NextEnd()).Kind);

        using var peer = harness.Peer();
        var (call, invite) = await RingingCall(harness, peer);
        call.Cancel();
        WireMessage cancel = await peer.ReceiveAsync();
        Assert.Equal("CANCEL", cancel.Method);
        peer.Send(SipText.Response(cancel, 200, "OK"));
        await UdpBarrier.WaitAsync(harness.Agent.Stack.UdpEndPoint!);
        harness.Time.Advance(harness.Timers.TransactionTimeout);
        Assert.Equal(SipCallEndKind.CancelUnanswered, (await harness.Application.NextEnd()).Kind);
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task Info_goes_out_in_the_dialog_and_a_481_means_the_dialog_is_lost()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (call, _, _) = await AnsweredCall(harness, peer);

        Assert.True(call.SendInfo("application/isup;version=itu-t92+", "\u002d\u0000USR"u8.ToArray(), [new("Content-Disposition", "signal;handling=optional")]));
        WireMessage info = await peer.ReceiveAsync();
        Assert.Equal(("INFO", 2, "application/isup;version=itu-t92+", "signal;handling=optional"), (info.Method, info.CSeq, info["Content-Type"], info["Content-Disposition"]));
        Assert.Equal("-\0USR", info.Body);
        peer.Send(SipText.Response(info, 200, "OK"));

        call.SendInfo("application/isup", "x"u8.ToArray());
        WireMessage second = await peer.ReceiveAsync();
        peer.Send(SipText.Response(second, 481, "Call/Transaction Does Not Exist"));
        WireMessage bye = await peer.ReceiveAsync();
        Assert.Equal(("BYE", 4), (bye.Method, bye.CSeq));
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.DialogLost, 481), (end.Kind, end.StatusCode));
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task A_second_INFO_waits_for_the_first_ones_final_response()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (call, _, _) = await AnsweredCall(harness, peer);

        Assert.True(call.SendInfo("application/isup", "1"u8.ToArray()));
        Assert.True(call.SendInfo("application/isup", "2"u8.ToArray()));
        Assert.True(call.SendInfo("application/isup", "3"u8.ToArray()));
        WireMessage first = await peer.ReceiveAsync();
        Assert.Equal(("INFO", "1"), (first.Method, first.Body));
        peer.AssertNothingReceived(); // RFC 6086: one INFO in flight per dialog; the others wait for its final response

        peer.Send(SipText.Response(first, 200, "OK"));
        WireMessage second = await peer.ReceiveAsync();
        Assert.Equal(("INFO", "2", first.CSeq + 1), (second.Method, second.Body, second.CSeq));
        peer.Send(SipText.Response(second, 200, "OK"));
        WireMessage third = await peer.ReceiveAsync();
        Assert.Equal(("INFO", "3"), (third.Method, third.Body));
        peer.Send(SipText.Response(third, 200, "OK"));

        Assert.True(call.Hangup());
        WireMessage bye = await peer.ReceiveAsync();
        peer.Send(SipText.Response(bye, 200, "OK"));
        await harness.Application.NextEnd();
        await harness.AssertCleanAsync();
    }

    [Fact]
    public async Task The_callee_hangs_up_with_a_reason()
    {
        await using var harness = new UserAgentHarness();
        using var peer = harness.Peer();
        var (_, invite, ack) = await AnsweredCall(harness, peer);

        peer.Send(SipText.Message($"""
            BYE {invite["Contact"]!.Trim('<', '>')} SIP/2.0
            Via: SIP/2.0/UDP {peer.Address};branch={SipIdentifiers.NewBranch()}
            Max-Forwards: 70
            From: {ack["To"]}
            To: {ack["From"]}
            Call-ID: {ack["Call-ID"]}
            CSeq: 1 BYE
            Reason: Q.850;cause=16
            """));
        Assert.Equal(200, (await peer.ReceiveAsync()).StatusCode);
        SipCallEnd end = await harness.Application.NextEnd();
        Assert.Equal((SipCallEndKind.RemoteHangup, 16), (end.Kind, Assert.Single(end.Reasons).Cause));
        await harness.AssertCleanAsync();
    }

    private static async Task<(string, int)> NextResponseEvent(UserAgentHarness harness)
    {
        var (name, message) = await harness.Application.NextEvent();
        return (name, message.StatusCode);
    }
}
