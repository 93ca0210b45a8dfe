namespace Gateway.M3ua;

/// <summary>What tells an activating side that its AS is active, so traffic may flow.</summary>
public enum ActivationNotice
{
    /// <summary>The role's usual: <see cref="Notify"/> for an ASP (an SGP sends NTFY), <see cref="Acknowledgement"/> for an IPSP.</summary>
    RoleDefault,

    /// <summary>The ASPAC ACK: the acknowledging peer is the whole AS (an IPSP peer, or an SGP that sends no NTFY).</summary>
    Acknowledgement,

    /// <summary>NTFY AS-ACTIVE after the ASPAC ACK (RFC 4666 §4.3.4.3: the SGP tells every ASP of the AS).</summary>
    Notify,
}
