using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// struct sctp_paddr_change (linux/sctp.h, declared packed and 4-aligned), the SCTP_PEER_ADDR_CHANGE notification.
/// spc_aaddr is a struct sockaddr_storage: 128 octets.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 148)]
internal unsafe struct SctpPaddrChange
{
    public const int AddressSize = 128;

    [FieldOffset(0)] public ushort Type;                  // spc_type
    [FieldOffset(2)] public ushort Flags;                 // spc_flags
    [FieldOffset(4)] public uint Length;                  // spc_length
    [FieldOffset(8)] public fixed byte Address[AddressSize]; // spc_aaddr
    [FieldOffset(136)] public int State;                  // spc_state
    [FieldOffset(140)] public int Error;                  // spc_error
    [FieldOffset(144)] public int AssocId;                // spc_assoc_id
}
