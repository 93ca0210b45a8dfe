namespace Gateway.Tracing;

/// <summary>The transport a traced message really crossed, which decides the synthetic headers around it.</summary>
public enum TraceTransport : byte
{
    Udp,
    Tcp,
    Sctp,
}
