namespace Gateway.M3ua;

/// <summary>
/// Numbers from linux/sctp.h, bits/socket.h and netinet/in.h that the SCTP transport passes to the kernel. They are part
/// of the Linux ABI and do not change between kernel versions.
/// </summary>
internal static class SctpConstants
{
    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int SOCK_STREAM = 1;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int IPPROTO_SCTP = 132;
    public const int SOL_SCTP = 132;
    public const int SHUT_RDWR = 2;
    public const int SOL_SOCKET = 1;
    public const int SO_REUSEADDR = 2;

    // Socket options at level SOL_SCTP.
    public const int SCTP_INITMSG = 2;
    public const int SCTP_NODELAY = 3;
    public const int SCTP_EVENTS = 11;
    public const int SCTP_STATUS = 14;
    public const int SCTP_RECVRCVINFO = 32;
    public const int SCTP_DEFAULT_SNDINFO = 34;
    public const int SCTP_SOCKOPT_BINDX_ADD = 100;
    public const int SCTP_SOCKOPT_CONNECTX = 110;
    public const int SCTP_EVENT = 127;

    // Ancillary data types (cmsg_type at level IPPROTO_SCTP).
    public const int SCTP_SNDINFO = 2;
    public const int SCTP_RCVINFO = 3;

    // Notification types (enum sctp_sn_type: SCTP_SN_TYPE_BASE = 1 << 15).
    public const ushort SCTP_ASSOC_CHANGE = 0x8001;
    public const ushort SCTP_PEER_ADDR_CHANGE = 0x8002;
    public const ushort SCTP_REMOTE_ERROR = 0x8004;
    public const ushort SCTP_SHUTDOWN_EVENT = 0x8005;

    // recvmsg/sendmsg flags.
    public const int MSG_CTRUNC = 0x8;
    public const int MSG_TRUNC = 0x20;
    public const int MSG_DONTWAIT = 0x40;
    public const int MSG_EOR = 0x80;
    public const int MSG_NOSIGNAL = 0x4000;
    public const int MSG_NOTIFICATION = 0x8000;

    /// <summary>The SCTP payload protocol identifier of M3UA (RFC 4666 §1.4.7, IANA).</summary>
    public const uint M3uaPpid = 3;
}
