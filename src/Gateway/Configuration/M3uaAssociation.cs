using System.Net;

namespace Gateway.Configuration;

/// <summary>One M3UA association: its transport, role, addresses and routing context.</summary>
public sealed record M3uaAssociation(
    string Name,
    M3uaTransport Transport,
    M3uaRole Role,
    ConnectMode Mode,
    IPEndPoint? Local,
    IPEndPoint? Remote,
    uint RoutingContext);
