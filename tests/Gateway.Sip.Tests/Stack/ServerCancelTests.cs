namespace Gateway.Sip.Tests.Stack;

/// <summary>
/// The seeds' CANCEL semantics as UAS (RFC 3261 §9.2): 200 to the CANCEL, 487 to a pending INVITE, the TU told with the
/// parsed Reason; 481 without a transaction; 200 and no effect once the final response is out.
/// </summary>
public sealed class ServerCancelTests
{
    [Theory]
    [InlineData("Reason: SIP ;cause=486 ;text=\"Busy Here\"", "SIP", 486, "Busy Here")]
    [InlineData("Reason: SIP;cause=200;text=\"Call completed elsewhere\"", "SIP", 200, "Call completed elsewhere")]
    [InlineData("Reason: Q.850;cause=16", "Q.850", 16, null)]
    [InlineData(null, null, 0, null)]
    public async Task A_cancel_of_a_pending_invite_gets_200_the_invite_gets_487_and_the_TU_gets_the_reason(string? reasonHeader, string? protocol, int cause, string? text)
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        string branch = StackHarness.NewBranch();
        byte[] inviteBytes = SipText.Invite(peer.Address, h.Address, branch, StackHarness.NewCallId());
        var invite = new WireMessage(inviteBytes);
        peer.Send(inviteBytes);
        ServerRequest request = await h.NextRequest();
        Assert.True(request.Respond(180));
        WireMessage ringing = await peer.ReceiveAsync();

        peer.Send(SipText.HopByHop("CANCEL", invite, invite["To"]!, reasonHeader));
        WireMessage cancelOk = await peer.ReceiveAsync();
        Assert.Equal((200, "OK"), (cancelOk.StatusCode, cancelOk.ReasonPhrase));
        Assert.Equal("1 CANCEL", cancelOk["CSeq"]);
        Assert.Equal(ringing.To.Tag, cancelOk.To.Tag); // §9.2: the same tag as the INVITE's responses
        Assert.Equal(ringing["Via"], cancelOk["Via"]);

        WireMessage terminated = await peer.ReceiveAsync();
        Assert.Equal((487, "Request Terminated"), (terminated.StatusCode, terminated.ReasonPhrase));
        Assert.Equal("1 INVITE", terminated["CSeq"]);
        Assert.Equal(ringing.To.Tag, terminated.To.Tag);
        Assert.Equal(ringing["Via"], terminated["Via"]);

        (ServerRequest cancelled, IReadOnlyList<ReasonValue> reasons) = await RecordingUser.Next(h.User.Cancelled);
        Assert.Same(request, cancelled);
        Assert.True(request.IsCancelled);
        Assert.Equal(487, request.FinalStatusCode);
        Assert.Same(reasons, request.CancelReasons);
        if (protocol is null)
        {
            Assert.Empty(reasons);
        }
        else
        {
            ReasonValue reason = Assert.Single(reasons);
            Assert.Equal((protocol, cause, text), (reason.Protocol, reason.Cause, reason.Text));
        }

        // Too late for the TU's own final response: the transaction has one.
        Assert.False(request.Respond(200));

        // The ACK of the 487 (same branch, the 487's To) is the transaction's: absorbed, not passed to the TU.
        peer.Send(SipText.HopByHop("ACK", invite, terminated["To"]!));
        await ServerTransactionTests.AssertTuSawNothingBeforeMarker(h, peer);
        Assert.False(h.User.Acks.Reader.TryRead(out _));
        h.Time.Advance(h.Timers.T2);
        peer.AssertNothingReceived(); // no 487 retransmission after the ACK
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_cancel_before_any_provisional_response_uses_one_tag_for_its_200_and_the_487()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        byte[] inviteBytes = SipText.Invite(peer.Address, h.Address, StackHarness.NewBranch(), StackHarness.NewCallId());
        var invite = new WireMessage(inviteBytes);
        peer.Send(inviteBytes);
        ServerRequest request = await h.NextRequest();

        peer.Send(SipText.HopByHop("CANCEL", invite, invite["To"]!, "Reason: Q.850;cause=31"));
        WireMessage cancelOk = await peer.ReceiveAsync();
        WireMessage terminated = await peer.ReceiveAsync();
        Assert.Equal((200, 487), (cancelOk.StatusCode, terminated.StatusCode));
        Assert.NotNull(terminated.To.Tag);
        Assert.Equal(terminated.To.Tag, cancelOk.To.Tag);
        Assert.Equal(request.LocalTag, terminated.To.Tag);
        Assert.Equal(31, (await RecordingUser.Next(h.User.Cancelled)).Reasons.Single().Cause);

        // The trying timer was stopped by the final response: no late 100.
        h.Time.Advance(h.Timers.TryingDelay);
        peer.Send(SipText.HopByHop("ACK", invite, terminated["To"]!));
        await ServerTransactionTests.AssertTuSawNothingBeforeMarker(h, peer);
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_cancel_that_matches_no_transaction_gets_481()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        var invite = new WireMessage(SipText.Invite(peer.Address, h.Address, StackHarness.NewBranch(), StackHarness.NewCallId()));
        peer.Send(SipText.HopByHop("CANCEL", invite, invite["To"]!, "Reason: SIP;cause=487"));

        WireMessage response = await peer.ReceiveAsync();
        Assert.Equal((481, "Call/Transaction Does Not Exist"), (response.StatusCode, response.ReasonPhrase));
        Assert.Equal("1 CANCEL", response["CSeq"]);
        Assert.NotNull(response.To.Tag);
        Assert.False(h.User.Cancelled.Reader.TryRead(out _));

        // Retransmitted, the CANCEL is answered from its transaction.
        peer.Send(SipText.HopByHop("CANCEL", invite, invite["To"]!, "Reason: SIP;cause=487"));
        Assert.Equal(response.Text, (await peer.ReceiveAsync()).Text);
        await h.AssertCleanAsync();
    }

    [Fact]
    public async Task A_cancel_after_the_final_response_gets_200_and_has_no_effect()
    {
        await using var h = new StackHarness();
        using var peer = h.Peer();
        (WireMessage invite, ServerRequest request, WireMessage ok) = await ServerTransactionTests.AnsweredInvite(h, peer);

        peer.Send(SipText.HopByHop("CANCEL", invite, invite["To"]!, "Reason: SIP;cause=200;text=\"Call completed elsewhere\""));
        WireMessage cancelOk = await peer.ReceiveAsync();
        Assert.Equal((200, "1 CANCEL"), (cancelOk.StatusCode, cancelOk["CSeq"]));
        Assert.Equal(ok.To.Tag, cancelOk.To.Tag);

        // No 487 follows, the TU hears nothing, the call stands.
        await ServerTransactionTests.AssertTuSawNothingBeforeMarker(h, peer);
        Assert.False(h.User.Cancelled.Reader.TryRead(out _));
        Assert.False(request.IsCancelled);
        Assert.Equal(200, request.FinalStatusCode);
        await h.AssertCleanAsync();
    }
}
