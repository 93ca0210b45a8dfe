using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>The call-control API: what each call state allows, payloads carried untouched, one event stream per call.</summary>
public sealed class CallControlTests
{
    [Fact]
    public void An_incoming_call_through_ACM_CPG_ANM_and_USR_both_ways_carries_every_payload_untouched()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        var iam = new object();

        harness.ReceiveCall(IsupMessageType.IAM, 3, iam);
        ReceivedCallEvent offered = Assert.Single(harness.Calls.Take());
        Assert.Same(iam, offered.Event.Message);
        IsupCall call = offered.Call;
        Assert.Equal((IsupCallDirection.Incoming, 3, 100), (call.Direction, call.Cic, call.Dpc));

        harness.ReceiveCall(IsupMessageType.SAM, 3, "digits");
        Assert.False(harness.CallControl.SendAnm(call, "ANM")); // ANM needs an ACM first: CON is the answer without one
        Assert.True(harness.CallControl.SendAcm(call, "ACM"));
        Assert.False(harness.CallControl.SendAcm(call, "ACM"));
        Assert.False(harness.CallControl.SendCon(call, "CON"));
        Assert.True(harness.CallControl.SendCpg(call, "CPG"));
        Assert.True(harness.CallControl.SendAnm(call, "ANM"));
        Assert.True(harness.CallControl.SendUsr(call, "USR out"));
        harness.ReceiveCall(IsupMessageType.USR, 3, "USR in");
        Assert.True(harness.CallControl.SendFacility(call, "FAC"));

        List<SentSignal> sent = harness.Signals.Take();
        Assert.Equal(["ACM cic=3", "CPG cic=3", "ANM cic=3", "USR cic=3", "FAC cic=3"], sent.ConvertAll(s => s.Signal.ToString()));
        Assert.Equal(["ACM", "CPG", "ANM", "USR out", "FAC"], sent.ConvertAll(s => (string)s.Signal.Message!));
        Assert.All(sent, s => Assert.Equal(100, s.Dpc));
        var events = harness.Calls.Take();
        Assert.Equal([IsupCallEventKind.SubsequentAddress, IsupCallEventKind.UserToUser], events.ConvertAll(e => e.Kind));
        Assert.Equal(["digits", "USR in"], events.ConvertAll(e => (string)e.Event.Message!));
        Assert.Equal(CircuitState.IncomingAnswered, harness.Status(3).State);
    }

    [Fact]
    public void An_outgoing_call_answers_an_INR_with_INF_and_hears_CON()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();

        harness.ReceiveCall(IsupMessageType.INR, 2, "INR");
        Assert.True(harness.CallControl.SendInf(call, "INF"));
        harness.ReceiveCall(IsupMessageType.CON, 2, "CON");

        Assert.Equal(["IAM cic=2", "INF cic=2"], harness.Signals.TakeText());
        Assert.Equal([IsupCallEventKind.InformationRequest, IsupCallEventKind.Connected], harness.Calls.Take().ConvertAll(e => e.Kind));
        Assert.Equal(CircuitState.OutgoingAnswered, harness.Status(2).State);
    }

    [Fact]
    public void Call_control_may_act_from_inside_an_event_and_what_it_decides_follows_in_order()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        var order = new List<string>();
        harness.Calls.OnEvent = (call, e) =>
        {
            order.Add(e.Kind.ToString());
            if (e.Kind == IsupCallEventKind.IncomingCall)
            {
                Assert.True(harness.CallControl.SendAcm(call, "ACM"));
                Assert.True(harness.CallControl.SendAnm(call, "ANM"));
                order.Add("answered");
            }
        };

        harness.ReceiveCall(IsupMessageType.IAM, 3);
        harness.ReceiveRelease(3);

        Assert.Equal(["IncomingCall", "answered", "Released"], order);
        Assert.Equal(["ACM cic=3", "ANM cic=3", "RLC cic=3"], harness.Signals.TakeText());
    }

    [Fact]
    public void A_handle_of_an_ended_call_cannot_touch_the_next_call_on_its_circuit()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(3, 3)]);
        harness.BringUp();
        IsupCall first = harness.OfferIncoming(3);
        harness.ReceiveRelease(3);
        IsupCall second = harness.OfferIncoming(3);
        harness.Forget();

        Assert.False(harness.CallControl.SendAcm(first, "ACM"));
        Assert.False(harness.CallControl.Release(first, new IsupCause(16)));
        Assert.Empty(harness.Signals.Take());
        Assert.True(harness.CallControl.SendAcm(second, "ACM"));
    }

    [Fact]
    public void No_event_comes_after_call_control_releases()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();
        harness.CallControl.Release(call, new IsupCause(16));
        harness.Forget();

        harness.ReceiveCall(IsupMessageType.ACM, 2);
        harness.Advance(harness.Timers.T7 * 2);

        Assert.Empty(harness.Calls.Take());
    }

    [Fact]
    public void CQM_is_answered_with_the_state_of_each_circuit()
    {
        using var harness = new ExchangeHarness(cics: [new CircuitCodeRange(1, 5)]);
        harness.BringUp();
        harness.OfferIncoming(1);
        harness.SeizeOutgoing();                       // CIC 2
        harness.Exchange.Block(harness.Dpc, 3);
        harness.Receive(IsupMessageType.BLO, 4);
        harness.Exchange.Reset(harness.Dpc, 5);
        harness.Forget();

        harness.Receive(new IsupSignal { Type = IsupMessageType.CQM, Cic = 1, Range = 5 });

        SentSignal response = Assert.Single(harness.Signals.Take());
        Assert.Equal((IsupMessageType.CQR, 1, (byte)5), (response.Signal.Type, response.Signal.Cic, response.Signal.Range));
        // incoming busy, outgoing busy, idle locally blocked, idle remotely blocked, transient (resetting), unequipped
        Assert.Equal(new byte[] { 0b0100, 0b1000, 0b1101, 0b1110, 0b0000, 0b0011 }, response.Signal.CircuitStates.ToArray());
    }

    [Fact]
    public void Call_control_state_given_at_seizure_is_on_the_call_when_a_fast_peer_answers_before_TrySeize_returns()
    {
        var peer = new AnsweringPeer();
        object? stateAtAcm = null;
        var events = new RecordingCallEvents { OnEvent = (call, e) => stateAtAcm = e.Kind == IsupCallEventKind.AddressComplete ? call.UserState : stateAtAcm };
        var exchange = new IsupExchange(
            new IsupExchangeOptions(200, [new CircuitGroupOptions(100, [new CircuitCodeRange(1, 2)])]), peer, events, new RecordingMaintenance(), new Gateway.Testing.ManualTimeProvider());
        peer.Exchange = exchange;
        exchange.RouteAvailable(100);
        var interworkingCall = new object();

        Assert.True(exchange.CallControl.TrySeize(100, "IAM", out IsupCall? call, userState: interworkingCall));

        Assert.Same(interworkingCall, stateAtAcm); // the ACM was handled inside TrySeize, and the state was already there
        Assert.Equal(CircuitState.OutgoingAwaitingAnswer, exchange.GetCircuitStatus(100, call.Cic).State);
    }

    [Fact]
    public void A_release_needs_a_cause()
    {
        using var harness = new ExchangeHarness();
        harness.BringUp();
        IsupCall call = harness.SeizeOutgoing();

        Assert.Throws<ArgumentOutOfRangeException>(() => harness.CallControl.Release(call, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => harness.CallControl.Release(call, new IsupCause(128)));
        Assert.False(call.IsEnded);
    }
}
