using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>Turns the bytes of an SCTP notification (union sctp_notification) into a <see cref="SctpNotification"/>.</summary>
internal static class SctpNotificationDecoder
{
    /// <summary>The notification, or null when fewer octets than its header arrived.</summary>
    public static unsafe SctpNotification? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < sizeof(SctpNotificationHeader)) return null;
        ushort type = MemoryMarshal.Read<SctpNotificationHeader>(bytes).Type;
        switch (type)
        {
            case SctpConstants.SCTP_ASSOC_CHANGE when bytes.Length >= sizeof(SctpAssocChange):
                var change = MemoryMarshal.Read<SctpAssocChange>(bytes);
                return new SctpAssociationChange((SctpAssociationState)change.State, change.Error, change.OutboundStreams, change.InboundStreams);

            case SctpConstants.SCTP_PEER_ADDR_CHANGE when bytes.Length >= sizeof(SctpPaddrChange):
                var path = MemoryMarshal.Read<SctpPaddrChange>(bytes);
                var address = SockAddr.Read(new ReadOnlySpan<byte>(path.Address, SctpPaddrChange.AddressSize));
                return new SctpPeerAddressChange(address, (SctpPeerAddressState)path.State, path.Error);

            case SctpConstants.SCTP_SHUTDOWN_EVENT:
                return new SctpShutdownReceived();

            default:
                return new SctpOtherNotification(type);
        }
    }
}
