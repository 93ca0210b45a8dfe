using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua;

/// <summary>
/// sockaddr_in (16 octets) and sockaddr_in6 (28 octets) as Linux lays them out: family in host order, port and
/// address in network order. sctp_bindx and sctp_connectx take them packed back to back, each at its own size.
/// </summary>
internal static class SockAddr
{
    private const int InSize = 16;
    private const int In6Size = 28;

    public static int SizeOf(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? In6Size : InSize;

    /// <summary>The packed list of <paramref name="addresses"/>, all with <paramref name="port"/>.</summary>
    public static byte[] Pack(IReadOnlyList<IPAddress> addresses, int port)
    {
        byte[] packed = new byte[addresses.Sum(SizeOf)];
        int offset = 0;
        foreach (IPAddress address in addresses)
        {
            offset += Write(packed.AsSpan(offset), address, port);
        }
        return packed;
    }

    private static int Write(Span<byte> destination, IPAddress address, int port)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, SctpConstants.AF_INET);
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)port);
            address.TryWriteBytes(destination[4..8], out _);
            return InSize;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, SctpConstants.AF_INET6);
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)port);
            address.TryWriteBytes(destination[8..24], out _);
            BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)address.ScopeId);
            return In6Size;
        }
        throw new ArgumentException($"SCTP takes IPv4 and IPv6 addresses, not {address.AddressFamily}.", nameof(address));
    }

    /// <summary>The address in a sockaddr_storage, or null for a family other than AF_INET and AF_INET6.</summary>
    public static IPEndPoint? Read(ReadOnlySpan<byte> storage)
    {
        if (storage.Length < InSize) return null;
        ushort family = BinaryPrimitives.ReadUInt16LittleEndian(storage);
        int port = BinaryPrimitives.ReadUInt16BigEndian(storage[2..]);
        if (family == SctpConstants.AF_INET) return new IPEndPoint(new IPAddress(storage[4..8]), port);
        if (family == SctpConstants.AF_INET6 && storage.Length >= In6Size)
        {
            return new IPEndPoint(new IPAddress(storage[8..24], BinaryPrimitives.ReadUInt32LittleEndian(storage[24..])), port);
        }
        return null;
    }
}
