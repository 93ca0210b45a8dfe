namespace Gateway.M3ua.Management.Tests;

/// <summary>Messages out of place get the ERR RFC 4666 §3.8.1 names; ERR itself is reported, never answered.</summary>
public sealed class ErrorTests
{
    private static void AssertError(Rig rig, ManagementErrorCode code, M3uaSignalType concerning)
    {
        var error = rig.TakeOnly();
        Assert.Equal(M3uaSignalType.Err, error.Type);
        Assert.Equal(code, error.ErrorCode);
        var sent = Assert.Single(rig.TakeEvents(), e => e.Kind == M3uaManagementEventKind.ErrorSent);
        Assert.Equal(concerning, sent.SignalType);
        Assert.Equal(code, sent.ErrorCode);
    }

    [Theory]
    [InlineData(M3uaSignalType.AspUpAck)]
    [InlineData(M3uaSignalType.AspAcAck)]
    [InlineData(M3uaSignalType.AspIaAck)]
    [InlineData(M3uaSignalType.RegRsp)]
    [InlineData(M3uaSignalType.Ntfy)]
    public void An_answer_to_nothing_we_sent_is_an_unexpected_message(M3uaSignalType type)
    {
        var rig = new Rig(Options.Asp()); // not started: nothing sent, nothing to answer
        rig.Receive(type);
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, type);
        Assert.Equal(AspState.Idle, rig.Management.State);
    }

    [Fact]
    public void Acknowledgements_out_of_order_are_unexpected()
    {
        var rig = new Rig(Options.Asp());
        rig.Management.AssociationUp();
        rig.TakeSent();
        rig.TakeEvents();
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAcAck, TrafficMode.Override, new[] { Options.Rc }));
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.AspAcAck);
        rig.Receive(M3uaSignalType.AspIaAck);
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.AspIaAck);
        rig.Receive(M3uaSignalType.RegRsp);
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.RegRsp);
        Assert.Equal(3, rig.Management.Counters.ErrorsSent);
        Assert.Equal(AspState.UpSent, rig.Management.State);
    }

    [Fact]
    public void A_late_aspup_ack_is_ignored()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(M3uaSignalType.AspUpAck); // the answer to a repeated ASPUP
        Assert.Empty(rig.TakeSent());
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Theory]
    [InlineData(M3uaSignalType.AspUp)]
    [InlineData(M3uaSignalType.AspAc)]
    [InlineData(M3uaSignalType.AspIa)]
    [InlineData(M3uaSignalType.AspDn)]
    [InlineData(M3uaSignalType.RegReq)]
    [InlineData(M3uaSignalType.DeregReq)]
    public void An_sgp_never_sends_what_an_asp_sends(M3uaSignalType type)
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive(type);
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, type);
        Assert.True(rig.Management.TrafficMayFlow());
    }

    [Fact]
    public void A_message_type_we_do_not_know_is_unsupported()
    {
        var rig = new Rig(Options.Asp());
        rig.BringUp();
        rig.Receive((M3uaSignalType)0x0307);
        AssertError(rig, ManagementErrorCode.UnsupportedMessageType, (M3uaSignalType)0x0307);
        Assert.Equal("event=error-sent message=0x307 code=unsupported-message-type", new M3uaManagementEvent(
            M3uaManagementEventKind.ErrorSent, signalType: (M3uaSignalType)0x0307, errorCode: ManagementErrorCode.UnsupportedMessageType).ToString());
    }

    [Fact]
    public void An_ipsp_server_refuses_aspac_from_a_peer_that_is_down()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAc, TrafficMode.Override, new[] { Options.Rc }));
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.AspAc);
        rig.Receive(new M3uaSignal { Type = M3uaSignalType.AspIa });
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.AspIa);
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
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAc, TrafficMode.Loadshare, new[] { Options.Rc }));
        AssertError(rig, ManagementErrorCode.UnsupportedTrafficModeType, M3uaSignalType.AspAc);
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
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAc, TrafficMode.Override, new uint[] { Options.Rc, 9 }));
        var error = rig.TakeOnly();
        Assert.Equal(ManagementErrorCode.InvalidRoutingContext, error.ErrorCode);
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
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAc, TrafficMode.Override, default));
        AssertError(rig, ManagementErrorCode.NoConfiguredAsForAsp, M3uaSignalType.AspAc);
    }

    [Fact]
    public void An_ipsp_server_with_one_as_takes_aspac_without_routing_context_for_it()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single) with { SendNotify = false });
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignal.AspUp(null));
        rig.Receive(M3uaSignal.Traffic(M3uaSignalType.AspAc, TrafficMode.None, default));
        Assert.Equal([M3uaSignalType.AspUpAck, M3uaSignalType.AspAcAck], rig.TakeSentTypes());
        Assert.True(rig.Management.TrafficMayFlow(Options.Rc));
    }

    [Fact]
    public void Acks_for_an_ipsp_server_that_sent_nothing_are_unexpected()
    {
        var rig = new Rig(Options.Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        rig.Management.AssociationUp();
        rig.Receive(M3uaSignalType.AspUpAck);
        AssertError(rig, ManagementErrorCode.UnexpectedMessage, M3uaSignalType.AspUpAck);
    }

    [Fact]
    public void Every_error_code_and_status_has_a_log_name()
    {
        foreach (ManagementErrorCode code in Enum.GetValues<ManagementErrorCode>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(code), StringComparison.Ordinal);
        }

        foreach (NtfyStatus status in Enum.GetValues<NtfyStatus>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(status), StringComparison.Ordinal);
        }

        foreach (M3uaSignalType type in Enum.GetValues<M3uaSignalType>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(type), StringComparison.Ordinal);
        }

        foreach (KeyRegistrationStatus status in Enum.GetValues<KeyRegistrationStatus>())
        {
            Assert.DoesNotContain("0x", ManagementNames.Of(status), StringComparison.Ordinal);
        }

        Assert.Equal("0x8", ManagementNames.Of((ManagementErrorCode)0x08)); // not used by M3UA: its number
    }
}
