using System.Runtime.InteropServices;

namespace Gateway.Sip;

/// <summary>struct iovec (bits/types/struct_iovec.h) on 64-bit Linux: one buffer a datagram is received into.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct IoVector
{
    [FieldOffset(0)] public nint Base;      // iov_base
    [FieldOffset(8)] public nuint Length;   // iov_len
}
