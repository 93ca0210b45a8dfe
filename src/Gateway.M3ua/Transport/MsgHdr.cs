using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct msghdr (bits/socket.h) on 64-bit Linux (x86-64 and arm64 share it): the argument of sendmsg and recvmsg.</summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal struct MsgHdr
{
    [FieldOffset(0)] public nint Name;          // msg_name
    [FieldOffset(8)] public uint NameLen;       // msg_namelen (socklen_t)
    [FieldOffset(16)] public nint Iov;          // msg_iov
    [FieldOffset(24)] public nuint IovLen;      // msg_iovlen (size_t)
    [FieldOffset(32)] public nint Control;      // msg_control
    [FieldOffset(40)] public nuint ControlLen;  // msg_controllen (size_t)
    [FieldOffset(48)] public int Flags;         // msg_flags
}
