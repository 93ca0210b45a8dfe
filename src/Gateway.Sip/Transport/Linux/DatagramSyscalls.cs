using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gateway.Sip;

/// <summary>The one socket call .NET has no API for that the UDP transport makes itself.</summary>
internal static unsafe partial class DatagramSyscalls
{
    /// <summary>Block for the first datagram only, then take whatever else is already queued (linux/socket.h).</summary>
    public const int MsgWaitForOne = 0x10000;

    public const int EINTR = 4;

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMMsg(SafeSocketHandle socket, MMsgHdr* messages, uint count, int flags, void* timeout);
}
