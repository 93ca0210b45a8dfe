namespace Gateway.Tracing;

/// <summary>
/// Where the SIP transport and the M3UA connection hand each message they send or receive, so that the pcapng trace and
/// the HEP export (or both, or neither) hang off one hook. Implementations never block and never throw.
/// </summary>
public interface ITraceSink
{
    void Record(in TracedMessage message);
}
