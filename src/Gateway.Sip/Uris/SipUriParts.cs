namespace Gateway.Sip;

/// <summary>
/// Where the components of a validated URI lie in its text: the result of <see cref="SipUriParser"/>, which checks
/// syntax without allocating, so that a header can validate its URI eagerly and build the <see cref="SipUri"/>
/// only when asked.
/// </summary>
internal struct SipUriParts
{
    public SipUriScheme Scheme;

    /// <summary>The index of the colon after the scheme.</summary>
    public int SchemeEnd;

    /// <summary>User (SIP), or the telephone-subscriber digits (tel); Start is -1 when absent.</summary>
    public int UserStart;
    public int UserEnd;

    /// <summary>Start is -1 when there is no password.</summary>
    public int PasswordStart;
    public int PasswordEnd;

    public int HostStart;
    public int HostEnd;
    public SipUriHostKind HostKind;

    /// <summary>-1 when no port is given.</summary>
    public int Port;

    /// <summary>The parameter section, from its first semicolon (empty when none).</summary>
    public int ParametersStart;
    public int ParametersEnd;

    /// <summary>The header section, from its question mark (empty when none).</summary>
    public int HeadersStart;
    public int HeadersEnd;
}
