using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// Our ASP (RFC 4666 §4.3.1, §4.3.4): ASPUP, optional REG REQ, ASPAC, ASPIA, ASPDN, each repeated every T(ack) until
/// acknowledged or given up; the peer's unsolicited ASPDN ACK or ASPIA ACK (§4.3.4.2, §4.3.4.4) brings us back to
/// where we were. Shared by every association. Actions only record effects through the context.
/// </summary>
internal static class AspMachine
{
    static AspMachine()
    {
        var builder = new StateMachineBuilder<AspState, AspTrigger, LocalAsp>(AspState.Idle);

        // ---- ASP-DOWN
        builder.Configure(AspState.AspDown)
            .Ignore(AspTrigger.Activate)
            .Ignore(AspTrigger.Deactivate)
            .Ignore(AspTrigger.Displaced)
            .Ignore(AspTrigger.DownAck);

        builder.Configure(AspState.Idle)
            .SubstateOf(AspState.AspDown)
            .OnEntryFrom(AspTrigger.AckTimeout, static (asp, t) => asp.GiveUp(t.Source), "give up (ASPUP or ASPDN unanswered)")
            .Permit(AspTrigger.Start, AspState.UpSent)
            .Ignore(AspTrigger.Stop)
            .Ignore(AspTrigger.Lost);

        builder.Configure(AspState.UpSent)
            .SubstateOf(AspState.AspDown)
            .OnEntryFrom(AspTrigger.DownAck, static (asp, _) => asp.Forced(M3uaManagementEventKind.ForcedDown, M3uaMessageType.AspDnAck), "peer took us down: come back up")
            .OnEntry(static (asp, t) => asp.SendRequest(t), "send ASPUP, start T(ack)")
            .OnExit(static (asp, _) => asp.StopAckTimer(), "stop T(ack)")
            .PermitIf(AspTrigger.UpAck, AspState.RegistrationSent, static asp => asp.NeedsRegistration, "routing keys to register")
            .PermitIf(AspTrigger.UpAck, AspState.ActiveSent, static asp => !asp.NeedsRegistration && asp.ShouldActivate, "no keys, activate")
            .PermitIf(AspTrigger.UpAck, AspState.Inactive, static asp => !asp.NeedsRegistration && !asp.ShouldActivate, "no keys, standby")
            .PermitReentryIf(AspTrigger.AckTimeout, static asp => asp.CanRetry, "attempts left")
            .PermitIf(AspTrigger.AckTimeout, AspState.Idle, static asp => !asp.CanRetry, "attempts exhausted")
            .Permit(AspTrigger.Stop, AspState.DownSent)
            .Permit(AspTrigger.Lost, AspState.Idle)
            .Ignore(AspTrigger.Start);

        // ---- ASP-INACTIVE
        builder.Configure(AspState.AspInactive)
            .Permit(AspTrigger.DownAck, AspState.UpSent)
            .Permit(AspTrigger.Stop, AspState.DownSent)
            .Permit(AspTrigger.Lost, AspState.Idle)
            .Ignore(AspTrigger.Start)
            .Ignore(AspTrigger.UpAck)
            .Ignore(AspTrigger.Displaced)
            .Ignore(AspTrigger.InactiveAck);

        builder.Configure(AspState.RegistrationSent)
            .SubstateOf(AspState.AspInactive)
            .OnEntry(static (asp, t) => asp.SendRequest(t), "send REG REQ, start T(ack)")
            .OnExit(static (asp, _) => asp.StopAckTimer(), "stop T(ack)")
            .PermitIf(AspTrigger.Registered, AspState.ActiveSent, static asp => asp.ShouldActivate && asp.CanActivate, "activate, a routing context known")
            .PermitIf(AspTrigger.Registered, AspState.Inactive, static asp => !(asp.ShouldActivate && asp.CanActivate), "standby, or nothing registered")
            .PermitReentryIf(AspTrigger.AckTimeout, static asp => asp.CanRetry, "attempts left")
            .PermitIf(AspTrigger.AckTimeout, AspState.Inactive, static asp => !asp.CanRetry, "attempts exhausted")
            .Ignore(AspTrigger.Activate)
            .Ignore(AspTrigger.Deactivate);

        builder.Configure(AspState.Inactive)
            .SubstateOf(AspState.AspInactive)
            .OnEntryFrom(AspTrigger.AckTimeout, static (asp, t) => asp.GiveUp(t.Source), "give up (REG REQ, ASPAC or ASPIA unanswered)")
            .OnEntryFrom(AspTrigger.Displaced, static (asp, _) => asp.Forced(M3uaManagementEventKind.ForcedInactive, M3uaMessageType.Ntfy), "alternate ASP active")
            .PermitIf(AspTrigger.Activate, AspState.ActiveSent, static asp => asp.CanActivate, "a routing context known")
            .IgnoreIf(AspTrigger.Activate, static asp => !asp.CanActivate, "nothing registered")
            .Ignore(AspTrigger.Deactivate)
            .Ignore(AspTrigger.Registered);

        builder.Configure(AspState.ActiveSent)
            .SubstateOf(AspState.AspInactive)
            // An unsolicited ASPIA ACK: the peer made us inactive; RFC 4666 §4.3.4.4 has us return to ASP-ACTIVE.
            .OnEntryFrom(AspTrigger.InactiveAck, static (asp, _) => asp.Forced(M3uaManagementEventKind.ForcedInactive, M3uaMessageType.AspIaAck), "peer made us inactive: activate again")
            .OnEntry(static (asp, t) => asp.SendRequest(t), "send ASPAC (mode, routing contexts), start T(ack)")
            .OnExit(static (asp, _) => asp.StopAckTimer(), "stop T(ack)")
            .Permit(AspTrigger.ActiveAck, AspState.Active)
            .PermitReentryIf(AspTrigger.AckTimeout, static asp => asp.CanRetry, "attempts left")
            .PermitIf(AspTrigger.AckTimeout, AspState.Inactive, static asp => !asp.CanRetry, "attempts exhausted")
            .Permit(AspTrigger.Deactivate, AspState.InactiveSent)
            .Ignore(AspTrigger.Activate);

        // ---- ASP-ACTIVE
        builder.Configure(AspState.AspActive)
            .Permit(AspTrigger.DownAck, AspState.UpSent)
            .Permit(AspTrigger.Stop, AspState.DownSent)
            .Permit(AspTrigger.Lost, AspState.Idle)
            .Ignore(AspTrigger.Start)
            .Ignore(AspTrigger.UpAck)
            .Ignore(AspTrigger.ActiveAck);

        builder.Configure(AspState.Active)
            .SubstateOf(AspState.AspActive)
            .Permit(AspTrigger.Deactivate, AspState.InactiveSent)
            .Permit(AspTrigger.Displaced, AspState.Inactive)
            .Permit(AspTrigger.InactiveAck, AspState.ActiveSent)
            .Ignore(AspTrigger.Activate);

        builder.Configure(AspState.InactiveSent)
            .SubstateOf(AspState.AspActive)
            .OnEntry(static (asp, t) => asp.SendRequest(t), "send ASPIA, start T(ack)")
            .OnExit(static (asp, _) => asp.StopAckTimer(), "stop T(ack)")
            .Permit(AspTrigger.InactiveAck, AspState.Inactive)
            .PermitReentryIf(AspTrigger.AckTimeout, static asp => asp.CanRetry, "attempts left")
            .PermitIf(AspTrigger.AckTimeout, AspState.Inactive, static asp => !asp.CanRetry, "attempts exhausted")
            .Permit(AspTrigger.Activate, AspState.ActiveSent)
            .Ignore(AspTrigger.Deactivate)
            .Ignore(AspTrigger.Displaced);

        // ---- Leaving
        builder.Configure(AspState.DownSent)
            .OnEntry(static (asp, t) => asp.SendRequest(t), "send ASPDN, start T(ack)")
            .OnExit(static (asp, _) => asp.StopAckTimer(), "stop T(ack)")
            .Permit(AspTrigger.DownAck, AspState.Idle)
            .PermitReentryIf(AspTrigger.AckTimeout, static asp => asp.CanRetry, "attempts left")
            .PermitIf(AspTrigger.AckTimeout, AspState.Idle, static asp => !asp.CanRetry, "attempts exhausted")
            .Permit(AspTrigger.Lost, AspState.Idle)
            .Ignore(AspTrigger.Start)
            .Ignore(AspTrigger.Stop)
            .Ignore(AspTrigger.UpAck)
            .Ignore(AspTrigger.ActiveAck)
            .Ignore(AspTrigger.InactiveAck)
            .Ignore(AspTrigger.Registered)
            .Ignore(AspTrigger.Activate)
            .Ignore(AspTrigger.Deactivate)
            .Ignore(AspTrigger.Displaced);

        // What is left unhandled is a received acknowledgement nothing asked for: the owner answers ERR Unexpected Message.
        builder.OnUnhandledTrigger(static (asp, _, _, _) => asp.Unhandled = true);
        Machine = builder.Build();
    }

    /// <summary>The machine every association's ASP shares.</summary>
    public static StateMachine<AspState, AspTrigger, LocalAsp> Machine { get; }
}
