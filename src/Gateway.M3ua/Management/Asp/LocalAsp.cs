using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// Our ASP on one association: the context of <see cref="AspMachine"/>, with the attempt count and T(ack) of the request
/// outstanding. Touched only under the owner's lock.
/// </summary>
internal sealed class LocalAsp : IStateful<AspState>
{
    public LocalAsp(M3uaManagement owner)
    {
        Owner = owner;
        AckTimer = new ManagementTimerSlot(owner, ManagementTimer.Ack);
    }

    public M3uaManagement Owner { get; }

    public AspState State { get; set; } = AspMachine.Machine.InitialState;

    /// <summary>Set by the machine's unhandled-trigger handler: the last trigger fired was not expected in the state.</summary>
    public bool Unhandled { get; set; }

    /// <summary>How many times the outstanding request has been sent.</summary>
    public int Attempts { get; private set; }

    public ManagementTimerSlot AckTimer { get; }

    public bool NeedsRegistration => Owner.Options.RoutingKeys.Count > 0;

    public bool ShouldActivate => Owner.WantActive;

    public bool CanActivate => Owner.HasUsableAs;

    public bool CanRetry => Attempts < Owner.Options.Timers.MaxAttempts;

    /// <summary>Whether our ASP is up (ASP-INACTIVE or ASP-ACTIVE) as the peer sees it.</summary>
    public bool IsUp => State is AspState.RegistrationSent or AspState.Inactive or AspState.ActiveSent or AspState.Active or AspState.InactiveSent;

    /// <summary>The RFC 4666 view of the state.</summary>
    public AspStatus Status => State switch
    {
        AspState.RegistrationSent or AspState.Inactive or AspState.ActiveSent => AspStatus.Inactive,
        AspState.Active or AspState.InactiveSent => AspStatus.Active,
        _ => AspStatus.Down,
    };

    /// <summary>Fires <paramref name="trigger"/>; true when the state expected it.</summary>
    public bool Fire(AspTrigger trigger)
    {
        Unhandled = false;
        AspMachine.Machine.Fire(this, trigger);
        return !Unhandled;
    }

    /// <summary>Entry of a state that waits for an acknowledgement: (re)send its request and (re)start T(ack).</summary>
    public void SendRequest(Transition<AspState, AspTrigger> transition)
    {
        Attempts = transition.IsReentry ? Attempts + 1 : 1;
        Owner.SendRequest(transition.Destination);
        AckTimer.Start(Owner.Options.Timers.AckTimeout);
    }

    public void StopAckTimer() => AckTimer.Stop();

    /// <summary>The request of <paramref name="waitingState"/> went unanswered <see cref="Attempts"/> times.</summary>
    public void GiveUp(AspState waitingState) =>
        Owner.Report(new M3uaManagementEvent(M3uaManagementEventKind.GaveUp, signalType: RequestOf(waitingState), count: Attempts));

    public void Forced(M3uaManagementEventKind kind, M3uaMessageType cause) => Owner.Report(new M3uaManagementEvent(kind, signalType: cause));

    /// <summary>The request a waiting state has outstanding.</summary>
    public static M3uaMessageType RequestOf(AspState waitingState) => waitingState switch
    {
        AspState.UpSent => M3uaMessageType.AspUp,
        AspState.RegistrationSent => M3uaMessageType.RegReq,
        AspState.ActiveSent => M3uaMessageType.AspAc,
        AspState.InactiveSent => M3uaMessageType.AspIa,
        AspState.DownSent => M3uaMessageType.AspDn,
        _ => throw new ArgumentOutOfRangeException(nameof(waitingState), waitingState, "Not a state that waits for an acknowledgement."),
    };
}
