using System.Runtime.InteropServices;

namespace Gateway.Testing;

/// <summary>
/// Signals to a process this test started but holds no handle of (a SIPp started through <see cref="Sipp"/>): found by
/// the unique port it was told to bind, never by name alone.
/// </summary>
public static partial class ProcessSignals
{
    /// <summary>The process whose command line is <c>sipp ... -p <paramref name="port"/> ...</c>, or null.</summary>
    public static int? FindSipp(int port)
    {
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid)) continue;
            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (arguments.Length < 2 || Path.GetFileName(arguments[0]) != "sipp") continue;
            int p = Array.IndexOf(arguments, "-p");
            if (p >= 0 && p + 1 < arguments.Length && arguments[p + 1] == port.ToString(System.Globalization.CultureInfo.InvariantCulture)) return pid;
        }
        return null;
    }

    /// <summary>kill(2).</summary>
    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
