using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// Kernel SCTP, one-to-one style (SOCK_STREAM), through libc: opening, options, multi-address bind and connect, and
/// the sendmsg/recvmsg that carry the stream number and the PPID. Everything here is a system call on a socket handle;
/// the connection classes decide what to do with the results.
/// </summary>
internal static unsafe class SctpSocket
{
    private static readonly uint NetworkOrderPpid = BinaryPrimitives.ReverseEndianness(SctpConstants.M3uaPpid);

    /// <summary>
    /// Opens an SCTP socket of <paramref name="family"/>. Throws <see cref="SctpUnavailableException"/> when the kernel
    /// has no SCTP; any other failure is an <see cref="M3uaTransportException"/> with its errno.
    /// </summary>
    public static SafeSocketHandle Open(AddressFamily family)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            // The interop structs are laid out for 64-bit Linux; nowhere else is SCTP reached this way.
            throw new PlatformNotSupportedException("The M3UA SCTP transport runs on 64-bit Linux only.");
        }
        int domain = family == AddressFamily.InterNetworkV6 ? SctpConstants.AF_INET6 : SctpConstants.AF_INET;
        int fd = LibC.Socket(domain, SctpConstants.SOCK_STREAM | SctpConstants.SOCK_CLOEXEC, SctpConstants.IPPROTO_SCTP);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is LinuxErrno.EPROTONOSUPPORT or LinuxErrno.ESOCKTNOSUPPORT) throw new SctpUnavailableException(errno);
            throw Failure("socket(IPPROTO_SCTP)", errno);
        }
        SocketLedger.Open();
        return new SafeSocketHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// Sets what every M3UA association needs before it exists: stream counts and INIT retries, no Nagle delay, the
    /// notifications we report, the stream number with each received message, and PPID 3 on anything sent without an
    /// explicit SCTP_SNDINFO. An accepted socket inherits all of it from its listener.
    /// </summary>
    public static void Configure(SafeSocketHandle socket, M3uaTransportOptions options)
    {
        var init = new SctpInitMsg
        {
            NumOstreams = options.OutboundStreams,
            MaxInstreams = options.MaxInboundStreams,
            MaxAttempts = options.InitMaxAttempts,
            MaxInitTimeo = (ushort)options.InitMaxTimeout.TotalMilliseconds,
        };
        Set(socket, SctpConstants.SCTP_INITMSG, init, nameof(SctpConstants.SCTP_INITMSG));
        Set(socket, SctpConstants.SCTP_NODELAY, 1, nameof(SctpConstants.SCTP_NODELAY));
        Subscribe(socket);
        Set(socket, SctpConstants.SCTP_RECVRCVINFO, 1, nameof(SctpConstants.SCTP_RECVRCVINFO));
        SetDefaultStream(socket, 0);
    }

    private static void Subscribe(SafeSocketHandle socket)
    {
        ReadOnlySpan<ushort> types =
        [
            SctpConstants.SCTP_ASSOC_CHANGE, SctpConstants.SCTP_PEER_ADDR_CHANGE,
            SctpConstants.SCTP_REMOTE_ERROR, SctpConstants.SCTP_SHUTDOWN_EVENT,
        ];
        foreach (ushort type in types)
        {
            var subscription = new SctpEvent { Type = type, On = 1 };
            int errno = TrySet(socket, SctpConstants.SCTP_EVENT, subscription);
            if (errno == 0) continue;
            if (errno is LinuxErrno.ENOPROTOOPT or LinuxErrno.EINVAL)
            {
                // A kernel older than SCTP_EVENT (Linux 5.0): the same four through the deprecated SCTP_EVENTS.
                SubscribeAllAtOnce(socket);
                return;
            }
            throw Failure("setsockopt(SCTP_EVENT)", errno);
        }
    }

    private static void SubscribeAllAtOnce(SafeSocketHandle socket)
    {
        var subscribe = new SctpEventSubscribe { Association = 1, Address = 1, PeerError = 1, Shutdown = 1 };
        // Older kernels have a shorter struct and refuse a longer option: pass only the octets that were always there.
        if (LibC.SetSockOpt(socket, SctpConstants.SOL_SCTP, SctpConstants.SCTP_EVENTS, &subscribe, SctpEventSubscribe.ThroughShutdown) != 0)
        {
            throw Failure("setsockopt(SCTP_EVENTS)", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>The stream (and PPID 3) for messages sent without SCTP_SNDINFO: the slow path of a send that had to wait.</summary>
    public static void SetDefaultStream(SafeSocketHandle socket, ushort stream)
    {
        var info = new SctpSndInfo { Sid = stream, Ppid = NetworkOrderPpid };
        Set(socket, SctpConstants.SCTP_DEFAULT_SNDINFO, info, nameof(SctpConstants.SCTP_DEFAULT_SNDINFO));
    }

    /// <summary>SO_REUSEADDR: a restarted gateway gets its well-known port back at once.</summary>
    public static void ReuseAddress(SafeSocketHandle socket)
    {
        int on = 1;
        if (LibC.SetSockOpt(socket, SctpConstants.SOL_SOCKET, SctpConstants.SO_REUSEADDR, &on, sizeof(int)) != 0)
        {
            throw Failure("setsockopt(SO_REUSEADDR)", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Binds every address of <paramref name="local"/> to one port (sctp_bindx(SCTP_BINDX_ADD_ADDR)).</summary>
    public static void Bind(SafeSocketHandle socket, SctpEndpoint local)
    {
        byte[] packed = SockAddr.Pack(local.Addresses, local.Port);
        fixed (byte* addresses = packed)
        {
            if (LibC.SetSockOpt(socket, SctpConstants.SOL_SCTP, SctpConstants.SCTP_SOCKOPT_BINDX_ADD, addresses, (uint)packed.Length) != 0)
            {
                // Read errno before formatting the message: formatting an address may make P/Invoke calls of its own.
                int errno = Marshal.GetLastPInvokeError();
                throw Failure($"sctp_bindx({local})", errno);
            }
        }
    }

    /// <summary>
    /// Connects to all addresses of <paramref name="remote"/> at once (sctp_connectx), blocking until the association
    /// is up or INIT has failed; the caller runs it on its own thread. Shutting the socket down ends the wait.
    /// </summary>
    public static void Connect(SafeSocketHandle socket, SctpEndpoint remote)
    {
        byte[] packed = SockAddr.Pack(remote.Addresses, remote.Port);
        fixed (byte* addresses = packed)
        {
            // The kernel returns the new association's id (positive) on success.
            if (LibC.SetSockOpt(socket, SctpConstants.SOL_SCTP, SctpConstants.SCTP_SOCKOPT_CONNECTX, addresses, (uint)packed.Length) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw Failure($"sctp_connectx({remote})", errno);
            }
        }
    }

    /// <summary>Wakes a blocked <see cref="Connect"/> (the kernel aborts the half-open association); errors are of no interest.</summary>
    public static void Shutdown(SafeSocketHandle socket) => LibC.Shutdown(socket, SctpConstants.SHUT_RDWR);

    /// <summary>The negotiated stream counts of the socket's association (SCTP_STATUS).</summary>
    public static (int Inbound, int Outbound) Streams(SafeSocketHandle socket)
    {
        var status = new SctpStatus();
        uint length = (uint)sizeof(SctpStatus);
        if (LibC.GetSockOpt(socket, SctpConstants.SOL_SCTP, SctpConstants.SCTP_STATUS, &status, &length) != 0)
        {
            throw Failure("getsockopt(SCTP_STATUS)", Marshal.GetLastPInvokeError());
        }
        return (status.InStreams, status.OutStreams);
    }

    /// <summary>The port the socket is bound to (getsockname): the kernel's choice after a bind to port 0.</summary>
    public static int LocalPort(SafeSocketHandle socket)
    {
        const int storageSize = 128; // sizeof(struct sockaddr_storage)
        byte* storage = stackalloc byte[storageSize];
        uint length = storageSize;
        if (LibC.GetSockName(socket, storage, &length) != 0) throw Failure("getsockname", Marshal.GetLastPInvokeError());
        return SockAddr.Read(new ReadOnlySpan<byte>(storage, (int)length))?.Port
            ?? throw new M3uaTransportException("getsockname returned an address family other than AF_INET and AF_INET6.");
    }

    /// <summary>
    /// Sends one message on <paramref name="stream"/> with PPID 3, without blocking: sendmsg with an SCTP_SNDINFO
    /// cmsg. Returns 0, or the errno (EAGAIN when the send buffer has no room for the whole message).
    /// </summary>
    public static int Send(SafeSocketHandle socket, ReadOnlySpan<byte> message, ushort stream)
    {
        const int controlLength = 32; // CMSG_SPACE(sizeof(struct sctp_sndinfo))
        byte* control = stackalloc byte[controlLength];
        new Span<byte>(control, controlLength).Clear();
        var header = (CMsgHdr*)control;
        header->Len = (nuint)CMsgHdr.Length(sizeof(SctpSndInfo));
        header->Level = SctpConstants.IPPROTO_SCTP;
        header->Type = SctpConstants.SCTP_SNDINFO;
        var info = (SctpSndInfo*)(control + CMsgHdr.DataOffset);
        info->Sid = stream;
        info->Ppid = NetworkOrderPpid;

        fixed (byte* data = message)
        {
            var iov = new IoVec { Base = (nint)data, Length = (nuint)message.Length };
            var msg = new MsgHdr { Iov = (nint)(&iov), IovLen = 1, Control = (nint)control, ControlLen = controlLength };
            while (true)
            {
                nint sent = LibC.SendMsg(socket, &msg, SctpConstants.MSG_DONTWAIT | SctpConstants.MSG_NOSIGNAL);
                if (sent >= 0) return 0;
                int errno = Marshal.GetLastPInvokeError();
                if (errno != LinuxErrno.EINTR) return errno;
            }
        }
    }

    /// <summary>
    /// Reads one message or notification (or the next part of one that did not fit) into <paramref name="buffer"/>,
    /// without blocking, with the stream and PPID from its SCTP_RCVINFO cmsg.
    /// </summary>
    public static SctpReceived Receive(SafeSocketHandle socket, Span<byte> buffer)
    {
        const int controlLength = 64; // room for CMSG_SPACE(sizeof(struct sctp_rcvinfo)) = 48
        byte* control = stackalloc byte[controlLength];
        fixed (byte* data = buffer)
        {
            var iov = new IoVec { Base = (nint)data, Length = (nuint)buffer.Length };
            var msg = new MsgHdr { Iov = (nint)(&iov), IovLen = 1, Control = (nint)control, ControlLen = controlLength };
            nint received;
            while (true)
            {
                received = LibC.RecvMsg(socket, &msg, SctpConstants.MSG_DONTWAIT);
                if (received >= 0) break;
                int errno = Marshal.GetLastPInvokeError();
                if (errno != LinuxErrno.EINTR) return new SctpReceived(0, false, false, 0, 0, errno);
                msg.ControlLen = controlLength;
            }

            ushort stream = 0;
            uint ppid = 0;
            if (FindReceiveInfo(control, (int)msg.ControlLen) is { } info)
            {
                stream = info.Sid;
                ppid = BinaryPrimitives.ReverseEndianness(info.Ppid);
            }
            return new SctpReceived(
                (int)received,
                (msg.Flags & SctpConstants.MSG_NOTIFICATION) != 0,
                (msg.Flags & SctpConstants.MSG_EOR) != 0,
                stream, ppid, 0);
        }
    }

    private static SctpRcvInfo? FindReceiveInfo(byte* control, int length)
    {
        int offset = 0;
        while (offset + CMsgHdr.DataOffset <= length)
        {
            var header = (CMsgHdr*)(control + offset);
            int cmsgLength = (int)header->Len;
            if (cmsgLength < CMsgHdr.DataOffset) break;
            if (header->Level == SctpConstants.IPPROTO_SCTP && header->Type == SctpConstants.SCTP_RCVINFO
                && cmsgLength >= CMsgHdr.Length(sizeof(SctpRcvInfo)) && offset + cmsgLength <= length)
            {
                return *(SctpRcvInfo*)(control + offset + CMsgHdr.DataOffset);
            }
            offset += CMsgHdr.Align(cmsgLength);
        }
        return null;
    }

    private static void Set<T>(SafeSocketHandle socket, int name, T value, string optionName) where T : unmanaged
    {
        int errno = TrySet(socket, name, value);
        if (errno != 0) throw Failure($"setsockopt({optionName})", errno);
    }

    private static int TrySet<T>(SafeSocketHandle socket, int name, T value) where T : unmanaged =>
        LibC.SetSockOpt(socket, SctpConstants.SOL_SCTP, name, &value, (uint)sizeof(T)) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static M3uaTransportException Failure(string call, int errno) =>
        new($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
}
