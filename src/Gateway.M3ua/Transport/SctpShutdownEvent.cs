using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_shutdown_event (linux/sctp.h), the SCTP_SHUTDOWN_EVENT notification.</summary>
[StructLayout(LayoutKind.Explicit, Size = 12)]
internal struct SctpShutdownEvent
{
    [FieldOffset(0)] public ushort Type;     // sse_type
    [FieldOffset(2)] public ushort Flags;    // sse_flags
    [FieldOffset(4)] public uint Length;     // sse_length
    [FieldOffset(8)] public int AssocId;     // sse_assoc_id
}
