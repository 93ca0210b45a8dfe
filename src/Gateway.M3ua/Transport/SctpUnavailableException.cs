namespace Gateway.M3ua;

/// <summary>
/// The kernel has no SCTP: socket(..., IPPROTO_SCTP) failed with EPROTONOSUPPORT or ESOCKTNOSUPPORT. This is a host
/// configuration problem, not a network one, so it gets its own type and a message that says how to fix it. The
/// transport never falls back to TCP: the peer is configured for one or the other, and silently changing would
/// only move the failure somewhere harder to see.
/// </summary>
public sealed class SctpUnavailableException : M3uaTransportException
{
    public SctpUnavailableException(int errno)
        : base(Describe(errno), errno)
    {
    }

    private static string Describe(int errno)
    {
        string name = errno switch
        {
            LinuxErrno.EPROTONOSUPPORT => "EPROTONOSUPPORT",
            LinuxErrno.ESOCKTNOSUPPORT => "ESOCKTNOSUPPORT",
            _ => $"errno {errno}",
        };
        return $"SCTP is not available in this kernel: socket(SOCK_STREAM, IPPROTO_SCTP) failed with {name}. " +
               "Load the kernel module with `modprobe sctp` (and list `sctp` in /etc/modules-load.d/ so it is loaded at boot); " +
               "M3UA over SCTP never falls back to TCP.";
    }
}
