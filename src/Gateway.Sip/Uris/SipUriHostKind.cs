namespace Gateway.Sip;

/// <summary>What kind of host a SIP URI or a Via sent-by names (RFC 3261 <c>host</c>).</summary>
public enum SipUriHostKind
{
    /// <summary>No host: a tel URI or an opaque URI of another scheme.</summary>
    None = 0,

    /// <summary>A hostname (<c>*( domainlabel "." ) toplabel [ "." ]</c>).</summary>
    DomainName,

    /// <summary>A dotted-quad IPv4 address.</summary>
    IPv4,

    /// <summary>An IPv6 reference: the address in square brackets.</summary>
    IPv6,
}
