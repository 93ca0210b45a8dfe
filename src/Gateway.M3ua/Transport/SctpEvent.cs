using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_event (linux/sctp.h, RFC 6458 §6.2.2), for SCTP_EVENT: turns one notification type on or off.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct SctpEvent
{
    [FieldOffset(0)] public int AssocId;     // se_assoc_id
    [FieldOffset(4)] public ushort Type;     // se_type
    [FieldOffset(6)] public byte On;         // se_on
}
