using System.Net;

namespace Gateway.Configuration;

/// <summary>An address and port the gateway receives SIP on.</summary>
public sealed record SipListener(SipTransport Transport, IPAddress Address, int Port)
{
    public IPEndPoint EndPoint => new(Address, Port);
}
