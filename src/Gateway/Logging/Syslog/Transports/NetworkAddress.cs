using System.Net;
using System.Net.Sockets;

namespace Gateway.Logging;

/// <summary>Resolves a syslog server host to one address (IPv4 preferred, like most syslog clients).</summary>
internal static class NetworkAddress
{
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal))
        {
            return literal;
        }

        IPAddress[] addresses = Dns.GetHostAddresses(host);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        foreach (IPAddress address in addresses)
        {
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                return address;
            }
        }

        return addresses[0];
    }
}
