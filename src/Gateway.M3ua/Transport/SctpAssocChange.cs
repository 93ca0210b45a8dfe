using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_assoc_change (linux/sctp.h), the SCTP_ASSOC_CHANGE notification; sac_info[] follows and is not read.</summary>
[StructLayout(LayoutKind.Explicit, Size = 20)]
internal struct SctpAssocChange
{
    [FieldOffset(0)] public ushort Type;              // sac_type
    [FieldOffset(2)] public ushort Flags;             // sac_flags
    [FieldOffset(4)] public uint Length;              // sac_length
    [FieldOffset(8)] public ushort State;             // sac_state
    [FieldOffset(10)] public ushort Error;            // sac_error
    [FieldOffset(12)] public ushort OutboundStreams;  // sac_outbound_streams
    [FieldOffset(14)] public ushort InboundStreams;   // sac_inbound_streams
    [FieldOffset(16)] public int AssocId;             // sac_assoc_id
}
