namespace Gateway.Signalling;

/// <summary>What the daemon knows of one DPC: the route set's verdict, in the words operators read in the log.</summary>
public enum DestinationState
{
    /// <summary>No association carries traffic to it (the start, DUNA, every association down).</summary>
    Unavailable,
    /// <summary>Reachable; SCON may still report congestion (see <see cref="DestinationMonitor.CongestionLevel"/>).</summary>
    Available,
}
