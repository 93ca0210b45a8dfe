namespace Gateway.M3ua;

/// <summary>How an <see cref="M3uaRouteSet"/> shares traffic among its associations.</summary>
public enum RouteSetMode
{
    /// <summary>All traffic on the first usable association in configured order (primary, then backups).</summary>
    Failover,

    /// <summary>Traffic spread over the usable associations by SLS; one SLS stays on one association while it is usable.</summary>
    Loadshare,
}
