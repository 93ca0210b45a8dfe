namespace Gateway.Isup;

/// <summary>
/// One thing the procedures decided under the group's lock — a message to send, a call event, a maintenance event —
/// kept in the outbox until it can be delivered outside the lock. A struct in a reused array: recording it allocates
/// nothing.
/// </summary>
internal readonly struct Effect
{
    public Effect(in IsupSignal signal)
    {
        Kind = EffectKind.Signal;
        Signal = signal;
    }

    public Effect(IsupCall call, in IsupCallEvent callEvent)
    {
        Kind = EffectKind.CallEvent;
        Call = call;
        CallEvent = callEvent;
    }

    public Effect(in IsupMaintenanceEvent maintenanceEvent)
    {
        Kind = EffectKind.Maintenance;
        Maintenance = maintenanceEvent;
    }

    public EffectKind Kind { get; }

    public IsupSignal Signal { get; }

    public IsupCall? Call { get; }

    public IsupCallEvent CallEvent { get; }

    public IsupMaintenanceEvent Maintenance { get; }
}
