using System.Net;

namespace Gateway.M3ua;

/// <summary>
/// The peer addresses a server accepts connections from. An M3UA peer is configured, never discovered, so anything
/// else is refused before the association layer sees it. IPv4-mapped IPv6 addresses (what a dual-stack socket
/// reports for an IPv4 peer) compare equal to their IPv4 form.
/// </summary>
internal sealed class PeerAddressFilter
{
    private readonly HashSet<IPAddress> _allowed;

    public PeerAddressFilter(IEnumerable<IPAddress> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _allowed = [.. allowed.Select(Normalise)];
        if (_allowed.Count == 0)
        {
            throw new ArgumentException("A server needs at least one configured peer address: it accepts no one else.", nameof(allowed));
        }
    }

    public bool Allows(IPAddress address) => _allowed.Contains(Normalise(address));

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
