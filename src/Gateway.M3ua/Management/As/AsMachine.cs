using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// The state of one AS (RFC 4666 §4.3.2) as this end sees it, shared by every AS of every association. NTFY moves it
/// when the peer owns the AS state (an SGP); the acknowledgements move it when they decide (<see cref="AsTrigger.Activated"/>).
/// It sends nothing itself: its observer tells the owner, which reports the change and, as an IPSP server, notifies.
/// </summary>
internal static class AsMachine
{
    static AsMachine()
    {
        var builder = new StateMachineBuilder<AsState, AsTrigger, ApplicationServer>(AsState.Down);

        builder.Configure(AsState.Down)
            .Permit(AsTrigger.Up, AsState.Inactive)
            .Permit(AsTrigger.NotifyInactive, AsState.Inactive)
            .Permit(AsTrigger.NotifyActive, AsState.Active)
            .Permit(AsTrigger.NotifyPending, AsState.Pending)
            .Permit(AsTrigger.Activated, AsState.Active)
            .Ignore(AsTrigger.Down)
            .Ignore(AsTrigger.Deactivated);

        builder.Configure(AsState.Inactive)
            .Permit(AsTrigger.NotifyActive, AsState.Active)
            .Permit(AsTrigger.NotifyPending, AsState.Pending)
            .Permit(AsTrigger.Activated, AsState.Active)
            .Permit(AsTrigger.Down, AsState.Down)
            .Ignore(AsTrigger.Up)
            .Ignore(AsTrigger.NotifyInactive)
            .Ignore(AsTrigger.Deactivated);

        builder.Configure(AsState.Active)
            .Permit(AsTrigger.NotifyInactive, AsState.Inactive)
            .Permit(AsTrigger.NotifyPending, AsState.Pending)
            .Permit(AsTrigger.Deactivated, AsState.Inactive)
            .Permit(AsTrigger.Down, AsState.Down)
            .Ignore(AsTrigger.Up)
            .Ignore(AsTrigger.NotifyActive)
            .Ignore(AsTrigger.Activated);

        builder.Configure(AsState.Pending)
            .Permit(AsTrigger.NotifyActive, AsState.Active)
            .Permit(AsTrigger.Activated, AsState.Active)
            .Permit(AsTrigger.NotifyInactive, AsState.Inactive)
            .Permit(AsTrigger.Deactivated, AsState.Inactive)
            .Permit(AsTrigger.Down, AsState.Down)
            .Ignore(AsTrigger.Up)
            .Ignore(AsTrigger.NotifyPending);

        builder.OnTransitioned(static (server, _) => server.Owner.OnAsTransition(server));
        Machine = builder.Build();
    }

    /// <summary>The machine every AS shares.</summary>
    public static StateMachine<AsState, AsTrigger, ApplicationServer> Machine { get; }
}
