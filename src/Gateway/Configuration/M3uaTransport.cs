namespace Gateway.Configuration;

/// <summary>SCTP is the standard carrier (RFC 4666); TCP is for hosts whose kernel has no SCTP.</summary>
public enum M3uaTransport
{
    Sctp,
    Tcp,
}
