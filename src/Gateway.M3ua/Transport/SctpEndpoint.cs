using System.Net;

namespace Gateway.M3ua;

/// <summary>
/// One side of an SCTP association: a port and one or more addresses (multi-homing). Several addresses are bound
/// together with SCTP_SOCKOPT_BINDX_ADD on the local side and offered together with SCTP_SOCKOPT_CONNECTX on the
/// remote side, so the association survives the loss of a path. Port 0 on the local side lets the kernel choose.
/// </summary>
public sealed class SctpEndpoint
{
    public SctpEndpoint(IReadOnlyList<IPAddress> addresses, int port)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0) throw new ArgumentException("An SCTP endpoint needs at least one address.", nameof(addresses));
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        Addresses = [.. addresses];
        Port = port;
    }

    public SctpEndpoint(IPAddress address, int port)
        : this([address], port)
    {
    }

    public IReadOnlyList<IPAddress> Addresses { get; }

    public int Port { get; }

    public override string ToString() => $"{string.Join(",", Addresses)}:{Port}";
}
