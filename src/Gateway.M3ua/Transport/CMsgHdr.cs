using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// struct cmsghdr (bits/socket.h) on 64-bit Linux. Its data follows at CMSG_ALIGN(sizeof(cmsghdr)) = 16, and each
/// control message takes CMSG_SPACE(n) = 16 + CMSG_ALIGN(n) octets, CMSG_ALIGN rounding up to 8.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct CMsgHdr
{
    [FieldOffset(0)] public nuint Len;      // cmsg_len (size_t), header included
    [FieldOffset(8)] public int Level;      // cmsg_level
    [FieldOffset(12)] public int Type;      // cmsg_type

    public const int DataOffset = 16;

    public static int Align(int length) => (length + 7) & ~7;

    public static int Space(int dataLength) => DataOffset + Align(dataLength);

    public static int Length(int dataLength) => DataOffset + dataLength;
}
