using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// The address family of an SCTP socket: IPv6 as soon as any address is IPv6 (an AF_INET6 SCTP socket takes IPv4
/// addresses too, so one association can span both), IPv4 otherwise.
/// </summary>
internal static class SctpFamily
{
    public static AddressFamily For(SctpEndpoint first, SctpEndpoint? second = null)
    {
        bool v6 = first.Addresses.Any(IsV6) || (second?.Addresses.Any(IsV6) ?? false);
        return v6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
    }

    private static bool IsV6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;
}
