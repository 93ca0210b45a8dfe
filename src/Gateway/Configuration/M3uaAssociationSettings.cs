using System.Net;

namespace Gateway.Configuration;

/// <summary>One M3UA association as configured: its transport, role, addresses and routing context.</summary>
/// <param name="Local">Where to bind (a server must); null lets the kernel choose.</param>
/// <param name="Remote">The peer a client connects to; for a server, the one peer it accepts unless <see cref="Peers"/> says otherwise.</param>
/// <param name="RoutingContext">0 leaves the routing context out (RFC 4666 §3.3.1 makes it optional on a single AS).</param>
public sealed record M3uaAssociationSettings(
    string Name,
    M3uaTransport Transport,
    M3uaRole Role,
    ConnectMode Mode,
    IPEndPoint? Local,
    IPEndPoint? Remote,
    uint RoutingContext)
{
    /// <summary>Further local addresses for SCTP multi-homing (sctp_bindx); empty for TCP.</summary>
    public IReadOnlyList<IPAddress> AdditionalLocalAddresses { get; init; } = [];

    /// <summary>Further peer addresses for SCTP multi-homing (sctp_connectx, and accepted by a server).</summary>
    public IReadOnlyList<IPAddress> AdditionalRemoteAddresses { get; init; } = [];

    /// <summary>The network appearance to send (RFC 4666 §3.3.1); null leaves it out.</summary>
    public uint? NetworkAppearance { get; init; }

    /// <summary>The traffic mode we ask for in ASPAC.</summary>
    public M3uaTrafficMode TrafficMode { get; init; } = M3uaTrafficMode.Override;

    /// <summary>IPSP only: double exchange (each side activates itself, RFC 4666 §4.3.3.1) rather than single.</summary>
    public bool DoubleExchange { get; init; }

    /// <summary>How often a BEAT is sent on an idle association; zero sends none.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>BEATs left unanswered in a row before the association is declared dead and re-established.</summary>
    public int HeartbeatMisses { get; init; } = 3;

    /// <summary>Addresses a server accepts connections from: <see cref="Remote"/>'s address and the additional ones.</summary>
    public IReadOnlyList<IPAddress> Peers
    {
        get
        {
            var peers = new List<IPAddress>(1 + AdditionalRemoteAddresses.Count);
            if (Remote is not null) peers.Add(Remote.Address);
            peers.AddRange(AdditionalRemoteAddresses);
            return peers;
        }
    }
}
