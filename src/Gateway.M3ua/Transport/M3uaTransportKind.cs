namespace Gateway.M3ua;

/// <summary>What carries an M3UA connection: SCTP, as RFC 4666 intends, or TCP, which some peers accept instead.</summary>
public enum M3uaTransportKind
{
    Sctp,
    Tcp,
}
