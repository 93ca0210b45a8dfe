using System.Runtime.InteropServices;

namespace Gateway.Sip;

/// <summary>
/// struct mmsghdr (sys/socket.h) on 64-bit Linux, x86-64 and arm64 alike: a struct msghdr followed by the length the
/// kernel received into it. One element per datagram of a recvmmsg(2) call.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal struct MMsgHdr
{
    [FieldOffset(0)] public nint Name;          // msg_hdr.msg_name
    [FieldOffset(8)] public uint NameLength;    // msg_hdr.msg_namelen (socklen_t)
    [FieldOffset(16)] public nint Iov;          // msg_hdr.msg_iov
    [FieldOffset(24)] public nuint IovLength;   // msg_hdr.msg_iovlen (size_t)
    [FieldOffset(32)] public nint Control;      // msg_hdr.msg_control
    [FieldOffset(40)] public nuint ControlLength; // msg_hdr.msg_controllen (size_t)
    [FieldOffset(48)] public int Flags;         // msg_hdr.msg_flags
    [FieldOffset(56)] public uint Length;       // msg_len
}
