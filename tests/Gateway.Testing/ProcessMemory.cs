namespace Gateway.Testing;

/// <summary>A process's memory as the kernel accounts it (<c>/proc/PID/status</c>).</summary>
public static class ProcessMemory
{
    /// <summary>The resident set size (<c>VmRSS</c>) of process <paramref name="pid"/>, in KiB.</summary>
    public static long ResidentKiB(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"no VmRSS in /proc/{pid}/status");
    }
}
