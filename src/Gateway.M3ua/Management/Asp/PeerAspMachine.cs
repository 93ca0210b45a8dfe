using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// The peer's ASP as we acknowledge it (an IPSP server, and either IPSP in double exchange), after RFC 4666 §4.3.4
/// seen from the acknowledging side: every ASPUP and ASPDN is acknowledged whatever the state; an ASPUP from an active
/// ASP also gets ERR Unexpected Message and makes it inactive; ASPAC or ASPIA from an ASP that is down is unexpected.
/// Shared by every association; the state enum is the RFC view, <see cref="AspStatus"/>.
/// </summary>
internal static class PeerAspMachine
{
    static PeerAspMachine()
    {
        var builder = new StateMachineBuilder<AspStatus, PeerAspTrigger, PeerAsp>(AspStatus.Down);
        Active = builder.SetTriggerParameter<PeerRequest>(PeerAspTrigger.Active);
        Inactive = builder.SetTriggerParameter<PeerRequest>(PeerAspTrigger.Inactive);
        InactiveSome = builder.SetTriggerParameter<PeerRequest>(PeerAspTrigger.InactiveSome);

        builder.Configure(AspStatus.Down)
            .OnEntryFrom(PeerAspTrigger.Down, static (peer, _) => peer.AnswerDown(), "send ASPDN ACK")
            .Permit(PeerAspTrigger.Up, AspStatus.Inactive)
            .InternalTransition(PeerAspTrigger.Down, static (peer, _) => peer.AnswerDown(), "send ASPDN ACK")
            .Ignore(PeerAspTrigger.Lost);

        builder.Configure(AspStatus.Inactive)
            .OnEntryFrom(PeerAspTrigger.Up, static (peer, t) => peer.AnswerUp(wasActive: t.Source == AspStatus.Active), "send ASPUP ACK (and ERR if it was active)")
            .OnEntryFrom(Inactive, static (peer, in request, _) => peer.AnswerInactive(in request), "send ASPIA ACK")
            .InternalTransition(PeerAspTrigger.Up, static (peer, _) => peer.AnswerUp(wasActive: false), "send ASPUP ACK")
            .InternalTransition(Inactive, static (peer, in request, _) => peer.AnswerInactive(in request), "send ASPIA ACK")
            .Permit(PeerAspTrigger.Active, AspStatus.Active)
            .Permit(PeerAspTrigger.Down, AspStatus.Down)
            .Permit(PeerAspTrigger.Lost, AspStatus.Down);

        builder.Configure(AspStatus.Active)
            .OnEntryFrom(Active, static (peer, in request, _) => peer.AnswerActive(in request), "send ASPAC ACK")
            .InternalTransition(Active, static (peer, in request, _) => peer.AnswerActive(in request), "send ASPAC ACK")
            .InternalTransition(InactiveSome, static (peer, in request, _) => peer.AnswerInactive(in request), "send ASPIA ACK")
            .Permit(PeerAspTrigger.Inactive, AspStatus.Inactive)
            .Permit(PeerAspTrigger.Up, AspStatus.Inactive)
            .Permit(PeerAspTrigger.Down, AspStatus.Down)
            .Permit(PeerAspTrigger.Lost, AspStatus.Down);

        // Left unhandled: ASPAC or ASPIA from a peer that is down. The owner answers ERR Unexpected Message.
        builder.OnUnhandledTrigger(static (peer, _, _, _) => peer.Unhandled = true);
        Machine = builder.Build();
    }

    /// <summary>The machine every association's peer ASP shares.</summary>
    public static StateMachine<AspStatus, PeerAspTrigger, PeerAsp> Machine { get; }

    /// <summary>A valid ASPAC, with what the ACK echoes.</summary>
    public static TriggerWithParameter<PeerAspTrigger, PeerRequest> Active { get; }

    /// <summary>An ASPIA leaving no AS active.</summary>
    public static TriggerWithParameter<PeerAspTrigger, PeerRequest> Inactive { get; }

    /// <summary>An ASPIA leaving some AS active.</summary>
    public static TriggerWithParameter<PeerAspTrigger, PeerRequest> InactiveSome { get; }
}
