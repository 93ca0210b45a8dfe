namespace Gateway.M3ua;

/// <summary>
/// One thing the machines decided under the association's lock — a signal to send or an event to report — kept in the
/// outbox until it can be delivered outside the lock.
/// </summary>
internal readonly struct ManagementEffect
{
    public ManagementEffect(in M3uaSignal signal)
    {
        IsEvent = false;
        Signal = signal;
    }

    public ManagementEffect(in M3uaManagementEvent managementEvent)
    {
        IsEvent = true;
        Event = managementEvent;
    }

    public bool IsEvent { get; }

    public M3uaSignal Signal { get; }

    public M3uaManagementEvent Event { get; }
}
