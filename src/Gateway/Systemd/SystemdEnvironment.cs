using System.Globalization;

namespace Gateway.Systemd;

/// <summary>
/// What systemd told this process through its environment (systemd.exec(5)): whether it runs us as a service,
/// where to notify, whether and how often to pet the watchdog, and whether standard output is the journal.
/// </summary>
public sealed record SystemdEnvironment(bool IsService, string? NotifySocket, TimeSpan? WatchdogInterval, bool OutputIsJournal)
{
    public static readonly SystemdEnvironment None = new(false, null, null, false);

    /// <summary>
    /// Reads the current process's environment and then removes the notify and watchdog variables, so that child
    /// processes (a CLI we spawn, a test tool) do not notify systemd in our name, as sd_notify(3)'s unset_environment does.
    /// </summary>
    public static SystemdEnvironment FromProcess()
    {
        var detected = Detect(Environment.GetEnvironmentVariable, Environment.ProcessId, ReadFileDescriptorLink, ReadParentCommand);
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", null);
        Environment.SetEnvironmentVariable("WATCHDOG_USEC", null);
        Environment.SetEnvironmentVariable("WATCHDOG_PID", null);
        return detected;
    }

    /// <summary>
    /// Pure detection, for tests: <paramref name="fileDescriptorLink"/> returns what <c>/proc/self/fd/N</c> points to,
    /// <paramref name="parentCommand"/> the parent process's name (<c>/proc/PPID/comm</c>), or null when unknown.
    /// </summary>
    public static SystemdEnvironment Detect(
        Func<string, string?> environment, int processId, Func<int, string?> fileDescriptorLink, Func<string?> parentCommand)
    {
        string? notifySocket = environment("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(notifySocket)) notifySocket = null;
        return new SystemdEnvironment(
            IsServiceOf(environment, processId, notifySocket, parentCommand),
            notifySocket,
            WatchdogIntervalOf(environment, processId),
            IsJournal(environment, fileDescriptorLink));
    }

    /// <summary>
    /// systemd ≥ 248 names the service's main process in <c>SYSTEMD_EXEC_PID</c>; older ones are recognised by a
    /// notify socket or by being our parent. The parent check alone fails under <c>ProtectProc=invisible</c>.
    /// </summary>
    private static bool IsServiceOf(Func<string, string?> environment, int processId, string? notifySocket, Func<string?> parentCommand)
    {
        string? execPid = environment("SYSTEMD_EXEC_PID");
        if (!string.IsNullOrEmpty(execPid))
        {
            return execPid == processId.ToString(CultureInfo.InvariantCulture);
        }
        return notifySocket is not null || parentCommand() == "systemd";
    }

    private static TimeSpan? WatchdogIntervalOf(Func<string, string?> environment, int processId)
    {
        if (!ulong.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }
        // WATCHDOG_PID names the process the watchdog is meant for; a forked child must not pet it.
        string? pid = environment("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }
        // sd_watchdog_enabled(3) recommends petting at half the timeout.
        return TimeSpan.FromMicroseconds(usec / 2.0);
    }

    /// <summary>
    /// systemd sets <c>JOURNAL_STREAM=dev:inode</c> for the stream it connected; it is inherited by children whose
    /// output goes elsewhere, so it only counts when stdout or stderr really is that socket.
    /// </summary>
    private static bool IsJournal(Func<string, string?> environment, Func<int, string?> fileDescriptorLink)
    {
        string? stream = environment("JOURNAL_STREAM");
        int colon = stream?.IndexOf(':') ?? -1;
        if (stream is null || colon < 0)
        {
            return false;
        }
        string inode = stream[(colon + 1)..];
        for (int fd = 1; fd <= 2; fd++)
        {
            // /proc/self/fd/N reads "socket:[inode]" for a socket.
            string? link = fileDescriptorLink(fd);
            if (link is not null && link.StartsWith("socket:[", StringComparison.Ordinal) && link.EndsWith(']')
                && link.AsSpan(8, link.Length - 9).SequenceEqual(inode))
            {
                return true;
            }
        }
        return false;
    }

    private static string? ReadParentCommand()
    {
        try
        {
            string status = File.ReadAllText("/proc/self/stat");
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read from the last ')'.
            string[] fields = status[(status.LastIndexOf(')') + 2)..].Split(' ');
            return File.ReadAllText($"/proc/{fields[1]}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? ReadFileDescriptorLink(int fd)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
