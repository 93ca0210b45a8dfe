namespace Gateway.Configuration;

/// <summary>The M3UA role this gateway plays on an association (RFC 4666 §1.3).</summary>
public enum M3uaRole
{
    /// <summary>Application Server Process talking to a Signalling Gateway.</summary>
    Asp,
    /// <summary>IP Server Process talking to a peer IPSP (point to point, no SG).</summary>
    Ipsp,
}
