namespace Gateway.M3ua.Management.Tests;

/// <summary>Messages out of place get the ERR RFC 4666 §3.8.1 names; ERR itself is reported, never answered.</summary>
public sealed class ErrorTests
{
    private static void AssertError(Rig rig, M3uaErrorCode code, M3uaMessageType concerning)
    {
        var error = rig.TakeOnly();
        Assert.Equal(M3uaMessageType.Err, error.Type);
        Assert.Equal(code, error.ErrorCode);
        var sent = Assert.Single(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.ErrorSent);
        Assert.Equal(concerning, sent.SignalType);
        Assert.Equal(code, sent.ErrorCode);
    }

    [Theory]
    [InlineData(M3uaMessageType.AspUpAck)]
    [InlineData(M3uaMessageType.AspAcAck)]
    [InlineData(M3uaMessageType.AspIaAck)]
    [InlineData(M3uaMessageType.RegRsp)]
    [InlineData(M3uaMessageType.Ntfy)]
    public void An_answer_to_nothing_we_sent_is_an_unexpected_message(M3uaMessageType type)
    {
        var rig = new Rig(Options.Asp()); // not started: nothing sent, nothing to answer
        rig.Receive(type);
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, type);
        Assert.Equal(AspState.Idle, rig.Management.State);
    }

    [Fact]
    public void Acknowledgements_out_of_order_are_unexpected()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspAcAck);
        rig.Receive(M3uaMessageType.AspIaAck);
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspIaAck);
        rig.Receive(M3uaMessageType.RegRsp);
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.RegRsp);
        Assert.Equal(3, rig.Management.Counters.ErrorsSent);
        Assert.Equal(AspState.UpSent, rig.Management.State);
    }

    [Fact]
    public void A_late_aspup_ack_is_ignored()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaMessageType.AspUpAck); // the answer to a repeated ASPUP
        Assert.Empty(rig.TakeSent());
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Theory]
    [InlineData(M3uaMessageType.AspUp)]
    [InlineData(M3uaMessageType.AspAc)]
    [InlineData(M3uaMessageType.AspIa)]
    [InlineData(M3uaMessageType.AspDn)]
    [InlineData(M3uaMessageType.RegReq)]
    [InlineData(M3uaMessageType.DeregReq)]
    public void An_sgp_never_sends_what_an_asp_sends(M3uaMessageType type)
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(type);
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, type);
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void A_message_type_we_do_not_know_is_unsupported()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive((M3uaMessageType)0x0307);
        AssertError(rig, M3uaErrorCode.UnsupportedMessageType, (M3uaMessageType)0x0307);
        Assert.Equal("event=error-sent message=0x307 code=unsupported-message-type", new M3uaManagementEvent(
            M3uaManagementEventKind.ErrorSent, signalType: (M3uaMessageType)0x0307, errorCode: M3uaErrorCode.UnsupportedMessageType).ToString());
    }

    [Fact]
    public void An_ipsp_server_refuses_aspac_from_a_peer_that_is_down()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspAc);
        rig.Receive(new M3uaSignal { Type = M3uaMessageType.AspIa });
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspIa);
        Assert.False(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void An_ipsp_server_refuses_aspac_in_another_traffic_mode()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Loadshare, new[] { Options.Rc }));
        AssertError(rig, M3uaErrorCode.UnsupportedTrafficModeType, M3uaMessageType.AspAc);
        Assert.Equal(AspStatus.Inactive, rig.Management.PeerAspStatus);
    }

    [Fact]
    public void An_ipsp_server_refuses_aspac_for_a_routing_context_it_does_not_have()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, new uint[] { Options.Rc, 9 }));
        var error = rig.TakeOnly();
        Assert.Equal(M3uaErrorCode.InvalidRoutingContext, error.ErrorCode);
        Assert.Equal([9u], error.RoutingContexts.ToArray());
        Assert.False(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void An_ipsp_server_with_several_as_refuses_aspac_without_routing_context()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { RoutingContexts = [7, 8], Destinations = [], SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.Override, default));
        AssertError(rig, M3uaErrorCode.NoConfiguredAsForAsp, M3uaMessageType.AspAc);
    }

    [Fact]
    public void An_ipsp_server_with_one_as_takes_aspac_without_routing_context_for_it()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaMessageType.AspAc, TrafficMode.None, default));
        Assert.Equal([M3uaMessageType.AspUpAck, M3uaMessageType.AspAcAck], rig.TakeSentTypes());
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
    }

    [Fact]
    public void Acks_for_an_ipsp_server_that_sent_nothing_are_unexpected()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        rig.Receive(M3uaMessageType.AspUpAck);
        AssertError(rig, M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspUpAck);
    }

    [Fact]
    public void Every_error_code_and_status_has_a_log_name()
    {
        foreach (M3uaErrorCode code in Enum.GetValues<M3uaErrorCode>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(code), StringComparison.Ordinal);
        }

        foreach (NtfyStatus status in Enum.GetValues<NtfyStatus>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(status), StringComparison.Ordinal);
        }

        foreach (M3uaMessageType type in Enum.GetValues<M3uaMessageType>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(type), StringComparison.Ordinal);
        }

        foreach (M3uaRegistrationStatus status in Enum.GetValues<M3uaRegistrationStatus>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(status), StringComparison.Ordinal);
        }

        Assert.Equal("0x8", ManagementNames.Of((M3uaErrorCode)0x08)); // not used by M3UA: its number
    }
}
