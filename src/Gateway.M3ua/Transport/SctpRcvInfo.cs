using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_rcvinfo (linux/sctp.h, RFC 6458 §5.3.5): the SCTP_RCVINFO cmsg recvmsg returns with each message.</summary>
[StructLayout(LayoutKind.Explicit, Size = 28)]
internal struct SctpRcvInfo
{
    [FieldOffset(0)] public ushort Sid;      // rcv_sid
    [FieldOffset(2)] public ushort Ssn;      // rcv_ssn
    [FieldOffset(4)] public ushort Flags;    // rcv_flags
    [FieldOffset(8)] public uint Ppid;       // rcv_ppid, network byte order
    [FieldOffset(12)] public uint Tsn;       // rcv_tsn
    [FieldOffset(16)] public uint CumTsn;    // rcv_cumtsn
    [FieldOffset(20)] public uint Context;   // rcv_context
    [FieldOffset(24)] public int AssocId;    // rcv_assoc_id
}
