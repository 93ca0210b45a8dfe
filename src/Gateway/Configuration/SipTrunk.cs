using System.Net;

namespace Gateway.Configuration;

/// <summary>A SIP peer (a PBX or a proxy): where calls from the PSTN are sent, and which source addresses may send us calls.</summary>
public sealed record SipTrunk(string Name, SipTransport Transport, IPAddress Address, int Port, IReadOnlyList<IPAddress> Sources)
{
    /// <summary>Address and port as one endpoint, made once: every call to the trunk keeps it for its life.</summary>
    public IPEndPoint EndPoint { get; } = new(Address, Port);
}
