using System.Globalization;
using System.Net;

namespace Gateway.Testing;

/// <summary>
/// How many bytes wait, unread, in the receive queue of the UDP socket bound to an IPv4 endpoint (the kernel's
/// <c>/proc/net/udp</c> rx_queue, counted in buffer sizes): with its owner stopped (SIGSTOP), it grows by the same
/// amount for each identical datagram that arrives, so it counts retransmissions without reading them.
/// </summary>
public static class UdpReceiveQueue
{
    public static long? Bytes(IPEndPoint endPoint)
    {
        string local = $"{BitConverter.ToUInt32(endPoint.Address.GetAddressBytes()):X8}:{endPoint.Port:X4}";
        foreach (string line in File.ReadLines("/proc/net/udp").Skip(1))
        {
            // sl local_address rem_address st tx_queue:rx_queue ...
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 4 && fields[1] == local)
            {
                return long.Parse(fields[4].AsSpan(fields[4].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
