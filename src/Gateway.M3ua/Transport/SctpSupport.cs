namespace Gateway.M3ua;

/// <summary>Whether this host can run M3UA over SCTP: a start-up check, so a missing kernel module is reported once and clearly.</summary>
public static class SctpSupport
{
    /// <summary>Opens and closes one SCTP socket (on Debian this also loads the sctp module when it is not loaded yet).</summary>
    public static bool IsAvailable
    {
        get
        {
            try
            {
                EnsureAvailable();
                return true;
            }
            catch (Exception e) when (e is SctpUnavailableException or PlatformNotSupportedException)
            {
                return false;
            }
        }
    }

    /// <summary>Throws <see cref="SctpUnavailableException"/> (with the fix in its message) when the kernel has no SCTP.</summary>
    public static void EnsureAvailable()
    {
        using var handle = SctpSocket.Open(System.Net.Sockets.AddressFamily.InterNetwork);
        SocketLedger.Close();
    }
}
