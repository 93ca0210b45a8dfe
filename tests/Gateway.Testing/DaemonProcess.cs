using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// The real built <c>sip-isup-gateway</c> executable, started as systemd would start it, with its output collected
/// and signals delivered through kill(2).
/// </summary>
public sealed partial class DaemonProcess : IDisposable
{
    public const int SIGTERM = 15;
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGCONT = 18;
    public const int SIGSTOP = 19;

    /// <summary>
    /// How much output is kept: the last 32 Mi characters. A long soak logs a few lines per call, some 700 MB per
    /// gateway over 1,000,000 calls, which the test process could not hold (joining two such outputs for a message threw
    /// OutOfMemoryException); what a test looks for in a long run is counted as it arrives instead
    /// (<see cref="UnhandledExceptionLines"/>).
    /// </summary>
    public const int OutputCapacity = 32 << 20;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private long _dropped;
    private int _unhandledExceptionLines;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DaemonProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The apphost is copied next to the test assembly because the test project references the daemon project.</summary>
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "sip-isup-gateway");

    public static DaemonProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // A test run may itself be under systemd; the daemon must only see what the test gives it.
        foreach (var name in (string[])["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LISTEN_PID", "INVOCATION_ID"])
        {
            start.Environment.Remove(name);
        }
        if (environment is not null)
        {
            foreach (var (k, v) in environment) start.Environment[k] = v;
        }
        var process = new Process { StartInfo = start };
        var daemon = new DaemonProcess(process);
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        TaskCompletionSource appended;
        lock (_output)
        {
            if (line.Contains("Unhandled exception", StringComparison.Ordinal)) _unhandledExceptionLines++;
            if (_output.Length + line.Length > OutputCapacity)
            {
                // Half at a time, so that trimming is rare; the cut is at a line end.
                int cut = _output.Length / 2;
                while (cut < _output.Length && _output[cut - 1] != '\n') cut++;
                _output.Remove(0, cut);
                _dropped += cut;
            }
            _output.AppendLine(line);
            appended = _appended;
            _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        appended.TrySetResult();
    }

    /// <summary>
    /// Waits until the output holds <paramref name="count"/> lines containing <paramref name="fragment"/>; fails with
    /// the whole output when it does not within <paramref name="timeout"/> (default 30 s) or the process exits first.
    /// </summary>
    public async Task WaitForLinesAsync(string fragment, int count = 1, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task appended;
            lock (_output)
            {
                if (CountLines(_output.ToString(), fragment) >= count) return;
                appended = _appended.Task;
            }
            if (_process.HasExited) throw new InvalidOperationException($"the daemon exited before {count}× \"{fragment}\"; output:\n{Output}");
            try
            {
                await appended.WaitAsync(TimeSpan.FromSeconds(1), cts.Token);
            }
            catch (TimeoutException)
            {
                // Checks whether the process is still there, then waits again.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {count}× \"{fragment}\" in time; output:\n{Output}");
            }
        }
    }

    /// <summary>How many lines of the output so far contain <paramref name="fragment"/>.</summary>
    public int CountLines(string fragment) => CountLines(Output, fragment);

    /// <summary>How many lines of <paramref name="output"/> contain <paramref name="fragment"/>.</summary>
    public static int CountLines(string output, string fragment)
    {
        int count = 0;
        foreach (var line in output.AsSpan().EnumerateLines())
        {
            if (line.Contains(fragment, StringComparison.Ordinal)) count++;
        }
        return count;
    }

    /// <summary>
    /// What the daemon wrote to stdout and stderr so far: all of it, or for a run longer than
    /// <see cref="OutputCapacity"/> a note of how much was let go and the rest.
    /// </summary>
    public string Output
    {
        get
        {
            lock (_output) return _dropped == 0 ? _output.ToString() : $"[the first {_dropped} characters of output not kept]\n{_output}";
        }
    }

    /// <summary>Lines with "Unhandled exception" over the daemon's whole life, however long its output.</summary>
    public int UnhandledExceptionLines
    {
        get
        {
            lock (_output) return _unhandledExceptionLines;
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the process to exit and returns its exit code; kills it if it does not exit in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the daemon did not exit; output:\n{Output}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
