using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>struct iovec (bits/types/struct_iovec.h) on 64-bit Linux.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct IoVec
{
    [FieldOffset(0)] public nint Base;      // iov_base
    [FieldOffset(8)] public nuint Length;   // iov_len
}
