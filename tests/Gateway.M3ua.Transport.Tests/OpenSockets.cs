namespace Gateway.M3ua.Transport.Tests;

/// <summary>The process's open socket descriptors, from /proc/self/fd: a leak check that does not trust our own ledger.</summary>
internal static class OpenSockets
{
    public static int Count()
    {
        int sockets = 0;
        foreach (string fd in Directory.EnumerateFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true) sockets++;
            }
            catch (IOException)
            {
                // The descriptor closed while we looked (the enumeration's own one does).
            }
        }
        return sockets;
    }
}
