using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// The libc calls the SCTP transport makes itself. .NET refuses IPPROTO_SCTP before it reaches the kernel (its native
/// layer knows only TCP, UDP and a few others), so the socket is opened here and then wrapped in a .NET
/// <see cref="Socket"/> for the waits; the SCTP options, sendmsg with SCTP_SNDINFO and recvmsg with SCTP_RCVINFO,
/// which .NET has no API for, are made here too.
/// </summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(SafeSocketHandle socket, int level, int name, void* value, uint length);

    [LibraryImport(Library, EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(SafeSocketHandle socket, int level, int name, void* value, uint* length);

    [LibraryImport(Library, EntryPoint = "sendmsg", SetLastError = true)]
    public static partial nint SendMsg(SafeSocketHandle socket, MsgHdr* message, int flags);

    [LibraryImport(Library, EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint RecvMsg(SafeSocketHandle socket, MsgHdr* message, int flags);

    [LibraryImport(Library, EntryPoint = "getsockname", SetLastError = true)]
    public static partial int GetSockName(SafeSocketHandle socket, byte* address, uint* length);

    [LibraryImport(Library, EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(SafeSocketHandle socket, int how);
}
