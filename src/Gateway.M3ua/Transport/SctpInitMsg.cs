using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct sctp_initmsg (linux/sctp.h), for SCTP_INITMSG: the stream counts and INIT retries of new associations.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
internal struct SctpInitMsg
{
    [FieldOffset(0)] public ushort NumOstreams;     // sinit_num_ostreams
    [FieldOffset(2)] public ushort MaxInstreams;    // sinit_max_instreams
    [FieldOffset(4)] public ushort MaxAttempts;     // sinit_max_attempts
    [FieldOffset(6)] public ushort MaxInitTimeo;    // sinit_max_init_timeo, milliseconds
}
