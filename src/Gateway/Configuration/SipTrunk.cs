using System.Net;

namespace Gateway.Configuration;

/// <summary>A SIP peer (a PBX or a proxy): where calls from the PSTN are sent, and which source addresses may send us calls.</summary>
public sealed record SipTrunk(string Name, SipTransport Transport, IPAddress Address, int Port, IReadOnlyList<IPAddress> Sources);
