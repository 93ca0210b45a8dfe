namespace Gateway.M3ua;

/// <summary>
/// Where the management machines report to the layers above: traffic and route events for the ISUP layer, dead
/// associations and given-up requests for the layer that reconnects, everything for the log. Called outside every lock,
/// one thread at a time per association, in order; an implementation may call straight back into
/// <see cref="M3uaManagement"/>.
/// </summary>
public interface IM3uaManagementEventSink
{
    /// <summary>Reports one event; <see cref="M3uaManagementEvent.ToString"/> is its <c>key=value</c> log line.</summary>
    void Report(in M3uaManagementEvent managementEvent);
}
