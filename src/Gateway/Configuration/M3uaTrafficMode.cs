namespace Gateway.Configuration;

/// <summary>How the ASPs of an AS share its traffic (RFC 4666 §3.8.3), as written in the file.</summary>
public enum M3uaTrafficMode
{
    Override,
    Loadshare,
    Broadcast,
}
