using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_tlv, the sn_header every member of union sctp_notification starts with (linux/sctp.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct SctpNotificationHeader
{
    [FieldOffset(0)] public ushort Type;     // sn_type
    [FieldOffset(2)] public ushort Flags;    // sn_flags
    [FieldOffset(4)] public uint Length;     // sn_length
}
