namespace Gateway.Testing.Fuzzing;

/// <summary>What /proc says about a process: resident memory, open descriptors, threads.</summary>
public static class ProcessProbe
{
    /// <summary>VmRSS from /proc/&lt;pid&gt;/status, in kB.</summary>
    public static long RssKb(int pid) => StatusValue(pid, "VmRSS:");

    /// <summary>Threads from /proc/&lt;pid&gt;/status.</summary>
    public static long Threads(int pid) => StatusValue(pid, "Threads:");

    /// <summary>Open file descriptors (/proc/&lt;pid&gt;/fd).</summary>
    public static int OpenFiles(int pid) => Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length;

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
