namespace Gateway.M3ua;

/// <summary>Which side of RFC 4666's procedures this end plays on one association.</summary>
public enum ManagementRole
{
    /// <summary>An ASP toward a signalling gateway process: we send ASPUP, REG REQ and ASPAC; the SGP acks and notifies.</summary>
    Asp,

    /// <summary>An IPSP that connected to its peer: in single exchange it sends ASPUP and ASPAC, and the peer acks.</summary>
    IpspClient,

    /// <summary>An IPSP that accepted its peer: in single exchange it acks the peer's ASPUP and ASPAC and owns the AS state.</summary>
    IpspServer,
}
