namespace Gateway.Configuration;

/// <summary>How the associations that reach one DPC share its traffic.</summary>
public enum RouteMode
{
    /// <summary>All traffic on the first usable association in the listed order; the next takes over when it fails.</summary>
    Failover,
    /// <summary>Traffic spread over every usable association by SLS, each SLS kept on one association for ordering.</summary>
    Loadshare,
}
