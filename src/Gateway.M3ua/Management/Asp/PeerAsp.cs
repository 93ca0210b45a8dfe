using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>The peer's ASP as we acknowledge it: the context of <see cref="PeerAspMachine"/>. Touched only under the owner's lock.</summary>
internal sealed class PeerAsp : IStateful<AspStatus>
{
    public PeerAsp(M3uaManagement owner) => Owner = owner;

    public M3uaManagement Owner { get; }

    public AspStatus State { get; set; } = PeerAspMachine.Machine.InitialState;

    /// <summary>Set by the machine's unhandled-trigger handler.</summary>
    public bool Unhandled { get; set; }

    /// <summary>The ASP Identifier from the peer's last ASPUP, if it sent one.</summary>
    public uint? AspIdentifier { get; set; }

    public bool Fire(PeerAspTrigger trigger)
    {
        Unhandled = false;
        PeerAspMachine.Machine.Fire(this, trigger);
        return !Unhandled;
    }

    public bool Fire(TriggerWithParameter<PeerAspTrigger, PeerRequest> trigger, in PeerRequest request)
    {
        Unhandled = false;
        PeerAspMachine.Machine.Fire(this, trigger, in request);
        return !Unhandled;
    }

    public void AnswerUp(bool wasActive)
    {
        Owner.Emit(M3uaSignal.AspUpAck(Owner.Options.AspIdentifier));
        if (wasActive)
        {
            // RFC 4666 §4.3.4.1: ASPUP from an active ASP is acknowledged, reported as unexpected, and makes it inactive.
            Owner.SendError(M3uaErrorCode.UnexpectedMessage, M3uaMessageType.AspUp);
        }
    }

    public void AnswerActive(in PeerRequest request) =>
        Owner.Emit(M3uaSignal.Traffic(M3uaMessageType.AspAcAck, Owner.Options.TrafficMode, request.RoutingContexts));

    public void AnswerInactive(in PeerRequest request) =>
        Owner.Emit(new M3uaSignal { Type = M3uaMessageType.AspIaAck, RoutingContexts = request.RoutingContexts });

    public void AnswerDown() => Owner.Emit(M3uaSignal.Of(M3uaMessageType.AspDnAck));
}
