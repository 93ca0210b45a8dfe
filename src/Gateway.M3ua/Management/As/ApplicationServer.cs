using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>
/// One AS of an association, named by its routing context: the context of <see cref="AsMachine"/>, plus what decides
/// whether our end may carry its traffic. Touched only under the owner's lock.
/// </summary>
internal sealed class ApplicationServer : IStateful<AsState>
{
    public ApplicationServer(M3uaManagement owner, uint? routingContext, RoutingKeyRequest? key)
    {
        Owner = owner;
        RoutingContext = routingContext;
        Key = key;
    }

    public M3uaManagement Owner { get; }

    public AsState State { get; set; } = AsMachine.Machine.InitialState;

    /// <summary>The routing context; null for the one implicit AS (nothing configured), or a key not registered yet.</summary>
    public uint? RoutingContext { get; set; }

    /// <summary>The routing key that is registered to obtain <see cref="RoutingContext"/>; null when it is configured.</summary>
    public RoutingKeyRequest? Key { get; }

    /// <summary>Whether ASPAC can name this AS: configured, implicit, or registered.</summary>
    public bool Usable => Key is null || RoutingContext is not null;

    /// <summary>An Alternate ASP Active NTFY took the AS from our ASP; cleared by our next ASPAC.</summary>
    public bool Displaced { get; set; }

    /// <summary>The peer's ASPAC for this AS was acknowledged by us and not withdrawn.</summary>
    public bool PeerActive { get; set; }

    /// <summary>Whether traffic could flow, as last reported (TrafficStarted / TrafficStopped).</summary>
    public bool ReportedTraffic { get; set; }

    public void Fire(AsTrigger trigger) => AsMachine.Machine.Fire(this, trigger);
}
