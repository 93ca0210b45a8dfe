using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// struct sctp_status (linux/sctp.h), for SCTP_STATUS: read once an association is up for its negotiated stream counts.
/// sstat_primary (a struct sctp_paddrinfo) fills the rest and is not read.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 176)]
internal struct SctpStatus
{
    [FieldOffset(0)] public int AssocId;                // sstat_assoc_id
    [FieldOffset(4)] public int State;                  // sstat_state
    [FieldOffset(8)] public uint Rwnd;                  // sstat_rwnd
    [FieldOffset(12)] public ushort UnackData;          // sstat_unackdata
    [FieldOffset(14)] public ushort PendData;           // sstat_penddata
    [FieldOffset(16)] public ushort InStreams;          // sstat_instrms
    [FieldOffset(18)] public ushort OutStreams;         // sstat_outstrms
    [FieldOffset(20)] public uint FragmentationPoint;   // sstat_fragmentation_point
}
