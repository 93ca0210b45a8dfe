namespace Gateway.M3ua;

/// <summary>The Status Type half of NTFY's Status parameter (RFC 4666 §3.8.2).</summary>
public enum M3uaStatusType : ushort
{
    /// <summary>The Application Server's state changed: the information is an <see cref="M3uaAsState"/>.</summary>
    AsStateChange = 1,

    /// <summary>Something else about the ASPs: the information is an <see cref="M3uaOtherStatus"/>.</summary>
    Other = 2,
}
