using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// struct sctp_sndinfo (linux/sctp.h, RFC 6458 §5.3.4): the SCTP_SNDINFO cmsg of sendmsg and the value of
/// SCTP_DEFAULT_SNDINFO. <see cref="Ppid"/> is copied to the wire as is, so it must hold network byte order.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct SctpSndInfo
{
    [FieldOffset(0)] public ushort Sid;      // snd_sid
    [FieldOffset(2)] public ushort Flags;    // snd_flags
    [FieldOffset(4)] public uint Ppid;       // snd_ppid, network byte order
    [FieldOffset(8)] public uint Context;    // snd_context
    [FieldOffset(12)] public int AssocId;    // snd_assoc_id
}
