namespace Gateway.Testing.Fuzzing;

/// <summary>What /proc says about a process: resident memory, open descriptors, threads.</summary>
public static class ProcessProbe
{
    /// <summary>VmRSS from /proc/&lt;pid&gt;/status, in kB.</summary>
    public static long RssKb(int pid) => StatusValue(pid, "VmRSS:");

    /// <summary>Threads from /proc/&lt;pid&gt;/status.</summary>
    public static long Threads(int pid) => StatusValue(pid, "Threads:");

    /// <summary>
    /// Open sockets: the descriptors in /proc/&lt;pid&gt;/fd that link to <c>socket:[inode]</c>. Counting every descriptor
    /// would count the runtime's assemblies too, two descriptors each, which it opens on first use: a status request
    /// late in a run loads System.Text.Encodings.Web, and the count grows without anything leaking.
    /// </summary>
    public static int OpenSockets(int pid)
    {
        int sockets = 0;
        foreach (string entry in Directory.GetFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(entry).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true) sockets++;
            }
            catch (IOException)
            {
                // Closed between the listing and the read.
            }
        }

        return sockets;
    }

    private static long StatusValue(int pid, string key)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no {key} in /proc/{pid}/status");
    }
}
