using Gateway.Isup;
using Gateway.Isup.Tests.Procedures;
using Gateway.Isup.Tests.Samples;
using Xunit.Abstractions;

namespace Gateway.Isup.Tests.Signals;

/// <summary>
/// Two exchanges (point codes 1 and 2) that only meet as octets through the bridge: they reset their circuits, carry
/// a call from A to B, survive a REL collision, block and unblock a group, and answer a message from a newer peer as
/// Q.764 §2.9.5.3 says — and Wireshark finds nothing wrong with any message they put on the wire.
/// </summary>
public sealed class BackToBackTests(ITestOutputHelper output)
{
    private const byte UnknownType = 0x70;

    private readonly BackToBackLink _link = new();

    private BridgedExchange A => _link.A;

    private BridgedExchange B => _link.B;

    [Fact]
    public void Two_exchanges_talk_through_the_bridge_and_every_message_they_send_is_sound()
    {
        StartUp();
        CallFromAToB();
        ReleaseCollision();
        GroupBlockingAndUnblocking();
        UnrecognisedMessageOnAnIdleCircuit();
        UnrecognisedMessageThatReleasesTheCall();
        UnrecognisedMessageThatIsDiscardedWithNotification();

        _link.AssertQuiescent();
        EveryEmittedFrameIsDecodedByTsharkWithoutDefect();
    }

    /// <summary>Route up both ways: each side resets its 31 circuits with one GRS, the other answers GRA, and both offer circuits.</summary>
    private void StartUp()
    {
        A.Exchange.RouteAvailable(2);
        B.Exchange.RouteAvailable(1);
        Assert.All(A.Circuits, c => Assert.Equal(CircuitState.GroupResetSent, c.State)); // nothing offered before the GRA
        _link.Pump();

        Assert.Equal(["GRS cic=1 range=30", "GRA cic=1 range=30 status=none"], B.TakeReceived());
        Assert.Equal(["GRS cic=1 range=30", "GRA cic=1 range=30 status=none"], A.TakeReceived());
        foreach (BridgedExchange side in (BridgedExchange[])[A, B])
        {
            Assert.True(side.Exchange.IsOffering(side.PeerPointCode), $"{side.Name} offers no circuit");
            Assert.All(side.Circuits, c => Assert.Equal(CircuitState.Idle, c.State));
            Assert.Contains(side.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.ResetCompleted);
        }
    }

    /// <summary>IAM, ACM, ANM, REL, RLC, with the call events on both sides carrying the messages call control sent.</summary>
    private void CallFromAToB()
    {
        IsupMessage iam = IsupSamples.Iam(cic: null); // built by call control without a CIC: the circuit is the procedures' choice
        Assert.True(A.CallControl.TrySeize(2, iam, out IsupCall? outgoing));
        _link.Pump();

        ReceivedCallEvent offered = Assert.Single(B.TakeCallEvents());
        Assert.Equal(IsupCallEventKind.IncomingCall, offered.Kind);
        IsupCall incoming = offered.Call;
        Assert.Equal(outgoing.Cic, incoming.Cic);
        IsupMessage receivedIam = Assert.IsType<IsupMessage>(offered.Event.Message);
        SignalAssert.SameContent(iam, receivedIam);
        Assert.Equal(outgoing.Cic, receivedIam.Cic);

        IsupMessage acm = IsupSamples.All(cic: null).First(m => m.Type == IsupMessageType.ACM);
        Assert.True(B.CallControl.SendAcm(incoming, acm));
        _link.Pump();
        ReceivedCallEvent alerted = Assert.Single(A.TakeCallEvents());
        Assert.Equal(IsupCallEventKind.AddressComplete, alerted.Kind);
        SignalAssert.SameContent(acm, Assert.IsType<IsupMessage>(alerted.Event.Message));

        Assert.True(B.CallControl.SendAnm(incoming, new IsupMessage(IsupMessageType.ANM)));
        _link.Pump();
        Assert.Equal(IsupCallEventKind.Answered, Assert.Single(A.TakeCallEvents()).Kind);
        Assert.Equal(CircuitState.OutgoingAnswered, A.Circuit(outgoing.Cic).State);
        Assert.Equal(CircuitState.IncomingAnswered, B.Circuit(incoming.Cic).State);

        Assert.True(A.CallControl.Release(outgoing, new IsupCause(IsupCauses.NormalCallClearing)));
        _link.Pump();
        ReceivedCallEvent released = Assert.Single(B.TakeCallEvents());
        Assert.Equal(IsupCallEventKind.Released, released.Kind);
        Assert.Equal(new IsupCause(IsupCauses.NormalCallClearing), released.Event.Cause);
        Assert.Equal(IsupMessageType.REL, Assert.IsType<IsupMessage>(released.Event.Message).Type);
        Assert.Empty(A.TakeCallEvents()); // A released: it hears nothing more of the call

        int cic = outgoing.Cic;
        Assert.Equal([$"IAM cic={cic}", $"REL cic={cic} cause=16"], B.TakeReceived());
        Assert.Equal([$"ACM cic={cic}", $"ANM cic={cic}", $"RLC cic={cic}"], A.TakeReceived());
        Assert.Equal(CircuitState.Idle, A.Circuit(cic).State);
        Assert.Equal(CircuitState.Idle, B.Circuit(cic).State);
        Assert.True(outgoing.IsEnded);
        Assert.True(incoming.IsEnded);
    }

    /// <summary>Both ends release at once: each answers the other's REL with RLC and still waits for its own, then both are idle.</summary>
    private void ReleaseCollision()
    {
        (IsupCall outgoing, IsupCall incoming) = EstablishCall();
        int cic = outgoing.Cic;
        Assert.True(A.CallControl.Release(outgoing, new IsupCause(IsupCauses.NormalCallClearing)));
        Assert.True(B.CallControl.Release(incoming, new IsupCause(IsupCauses.NormalCallClearing)));
        _link.Pump();

        Assert.Equal([$"REL cic={cic} cause=16", $"RLC cic={cic}"], B.TakeReceived());
        Assert.Equal([$"REL cic={cic} cause=16", $"RLC cic={cic}"], A.TakeReceived());
        Assert.Empty(A.TakeCallEvents());
        Assert.Empty(B.TakeCallEvents());
        Assert.Equal(CircuitState.Idle, A.Circuit(cic).State);
        Assert.Equal(CircuitState.Idle, B.Circuit(cic).State);
    }

    /// <summary>A blocks four circuits with CGB (B acknowledges with CGBA and marks them remotely blocked), then unblocks them with CGU/CGUA.</summary>
    private void GroupBlockingAndUnblocking()
    {
        A.TakeMaintenance();
        B.TakeMaintenance();
        Assert.True(A.Exchange.BlockGroup(2, 5, 4, CircuitGroupSupervisionType.MaintenanceOriented));
        _link.Pump();

        Assert.Equal(["CGB cic=5 type=MaintenanceOriented range=3 status=1111"], B.TakeReceived());
        Assert.Equal(["CGBA cic=5 type=MaintenanceOriented range=3 status=1111"], A.TakeReceived());
        for (int cic = 5; cic <= 8; cic++)
        {
            Assert.Equal(CircuitBlocking.LocalMaintenance, A.Circuit(cic).Blocking);
            Assert.Equal(CircuitBlocking.RemoteMaintenance, B.Circuit(cic).Blocking);
            Assert.False(A.Circuit(cic).MaintenanceProcedurePending);
        }

        Assert.Contains(A.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.BlockingAcknowledged);
        Assert.Contains(B.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.RemotelyBlocked);

        // Meanwhile B calls A and gives up before any answer: the other direction works while the group is blocked.
        Assert.True(B.CallControl.TrySeize(1, IsupSamples.Iam(cic: null), out IsupCall? call));
        Assert.True(B.CallControl.Release(call, new IsupCause(IsupCauses.NormalCallClearing)));
        _link.Pump();
        Assert.Equal([IsupCallEventKind.IncomingCall, IsupCallEventKind.Released], A.TakeCallEvents().ConvertAll(e => e.Kind));
        Assert.Equal([$"RLC cic={call.Cic}"], B.TakeReceived());
        A.TakeReceived();

        Assert.True(A.Exchange.UnblockGroup(2, 5, 4, CircuitGroupSupervisionType.MaintenanceOriented));
        _link.Pump();
        Assert.Equal(["CGU cic=5 type=MaintenanceOriented range=3 status=1111"], B.TakeReceived());
        Assert.Equal(["CGUA cic=5 type=MaintenanceOriented range=3 status=1111"], A.TakeReceived());
        for (int cic = 5; cic <= 8; cic++)
        {
            Assert.Equal(CircuitBlocking.None, A.Circuit(cic).Blocking);
            Assert.Equal(CircuitBlocking.None, B.Circuit(cic).Blocking);
        }

        Assert.Contains(A.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.UnblockingAcknowledged);
        Assert.Contains(B.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.RemotelyUnblocked);
    }

    /// <summary>A message type B does not know, without compatibility information: dropped, and CFN cause 97 names the type.</summary>
    private void UnrecognisedMessageOnAnIdleCircuit()
    {
        _link.Inject(A, [3, 0, UnknownType]);
        _link.Pump();

        Assert.Equal([$"0x{UnknownType:X2} cic=3"], B.TakeReceived());
        IsupSignal confusion = Assert.Single(A.Received);
        A.Received.Clear();
        Assert.Equal(IsupMessageType.CFN, confusion.Type);
        Assert.Equal(3, confusion.Cic);
        Assert.Equal(new IsupCause(IsupCauses.MessageTypeNotImplemented, CauseLocation.PublicNetworkLocalUser, UnknownType), confusion.Cause);
        IsupMaintenanceEvent received = Assert.Single(A.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.ConfusionReceived);
        Assert.Equal(IsupCauses.MessageTypeNotImplemented, received.Cause.Value);
        Assert.Contains(B.TakeMaintenance(), e => e.Kind == IsupMaintenanceEventKind.UnrecognisedMessage && e.Action == IsupMaintenanceAction.Confusion);
        Assert.Equal(CircuitState.Idle, B.Circuit(3).State);
    }

    /// <summary>An unknown message on a call whose compatibility information says "release call": REL cause 97, and call control on both sides hears why.</summary>
    private void UnrecognisedMessageThatReleasesTheCall()
    {
        (IsupCall outgoing, IsupCall incoming) = EstablishCall();
        int cic = outgoing.Cic;
        // Optional part only, message compatibility information 0x82: last octet, release call (bit B).
        _link.Inject(A, [(byte)cic, 0, UnknownType, 0x01, 0x38, 0x01, 0x82, 0x00]);
        _link.Pump();

        ReceivedCallEvent failed = Assert.Single(B.TakeCallEvents());
        Assert.Equal(IsupCallEventKind.Failed, failed.Kind);
        Assert.Equal(IsupCallEndReason.UnrecognisedInformation, failed.Event.Reason);
        Assert.Same(incoming, failed.Call);
        ReceivedCallEvent released = Assert.Single(A.TakeCallEvents());
        Assert.Equal(IsupCallEventKind.Released, released.Kind);
        Assert.Equal(new IsupCause(IsupCauses.MessageTypeNotImplemented, CauseLocation.PublicNetworkLocalUser, UnknownType), released.Event.Cause);
        Assert.Equal([$"REL cic={cic} cause=97/0x{UnknownType:X2}"], A.TakeReceived());
        Assert.Equal([$"0x{UnknownType:X2} cic={cic}", $"RLC cic={cic}"], B.TakeReceived());
        Assert.Equal(CircuitState.Idle, A.Circuit(cic).State);
        Assert.Equal(CircuitState.Idle, B.Circuit(cic).State);
    }

    /// <summary>Compatibility information "discard, notify": CFN cause 97, and the call goes on until A clears it.</summary>
    private void UnrecognisedMessageThatIsDiscardedWithNotification()
    {
        (IsupCall outgoing, IsupCall incoming) = EstablishCall();
        int cic = outgoing.Cic;
        _link.Inject(A, [(byte)cic, 0, UnknownType, 0x01, 0x38, 0x01, 0x8C, 0x00]);
        _link.Pump();

        Assert.Equal([$"CFN cic={cic} cause=97/0x{UnknownType:X2}"], A.TakeReceived());
        Assert.Empty(A.TakeCallEvents());
        Assert.Empty(B.TakeCallEvents());
        Assert.Equal(CircuitState.IncomingAnswered, B.Circuit(cic).State);

        Assert.True(A.CallControl.Release(outgoing, new IsupCause(IsupCauses.NormalCallClearing)));
        _link.Pump();
        Assert.Equal(IsupCallEventKind.Released, Assert.Single(B.TakeCallEvents()).Kind);
        Assert.True(incoming.IsEnded);
        A.TakeReceived();
        B.TakeReceived();
    }

    private (IsupCall Outgoing, IsupCall Incoming) EstablishCall()
    {
        Assert.True(A.CallControl.TrySeize(2, IsupSamples.Iam(cic: null), out IsupCall? outgoing));
        _link.Pump();
        IsupCall incoming = Assert.Single(B.TakeCallEvents(), e => e.Kind == IsupCallEventKind.IncomingCall).Call;
        Assert.True(B.CallControl.SendAcm(incoming, IsupSamples.All(cic: null).First(m => m.Type == IsupMessageType.ACM)));
        Assert.True(B.CallControl.SendAnm(incoming, new IsupMessage(IsupMessageType.ANM)));
        _link.Pump();
        Assert.Equal([IsupCallEventKind.AddressComplete, IsupCallEventKind.Answered], A.TakeCallEvents().ConvertAll(e => e.Kind));
        A.TakeReceived();
        B.TakeReceived();
        return (outgoing, incoming);
    }

    private void EveryEmittedFrameIsDecodedByTsharkWithoutDefect()
    {
        List<WireFrame> frames = _link.Emitted;
        var decoded = Gateway.Testing.Tshark.DecodeIsupOverMtp3(frames.ConvertAll(f => f.UserData), "isup.message_type", "isup.cic");
        Assert.Equal(frames.Count, decoded.Count);
        var problems = new List<string>();
        var types = new HashSet<string>();
        for (int i = 0; i < frames.Count; i++)
        {
            byte[] bytes = frames[i].UserData;
            int cic = bytes[0] | ((bytes[1] & 0x0F) << 8);
            output.WriteLine($"{frames[i].From} {SignalAssert.Decode(bytes)}: {decoded[i]}");
            types.Add(decoded[i].Fields[0]);
            if (decoded[i].Fields[0] != bytes[2].ToString() || decoded[i].Fields[1] != cic.ToString()
                || decoded[i].Malformed || decoded[i].MaxSeverity >= Gateway.Testing.Tshark.Warning)
            {
                problems.Add($"{frames[i]}: {decoded[i]}");
            }
        }

        Assert.Empty(problems);
        // GRS GRA IAM ACM ANM REL RLC CGB CGBA CGU CGUA CFN: every kind the story made the exchanges send.
        Assert.Equal(12, types.Count);
    }
}
