using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>
/// Runs real SIPp (Debian's <c>sip-tester</c>) against something under test on loopback, one scenario at a time, and
/// reports its verdict: exit code 0 means every call of the scenario succeeded. SIPp is the caller
/// (<see cref="RunClientAsync"/>) or the callee (<see cref="StartServerAsync"/>).
/// </summary>
public static class Sipp
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>
        /// How many times SIPp retransmitted (a send row) or received again (a receive row) <paramref name="message"/>
        /// — a method or a status code — summed over the rows of its final scenario screen; 0 when it shows none. A
        /// loaded machine delays answers past SIPp's timers, so what a peer counts includes these.
        /// </summary>
        public int Retransmissions(string message)
        {
            string[] lines = Output.Split('\n');
            int header = Array.FindIndex(lines, l => l.Contains("Messages") && l.Contains("Retrans"));
            if (header < 0)
            {
                return 0;
            }

            int column = lines[header].IndexOf("Retrans", StringComparison.Ordinal);
            int total = 0;
            for (int i = header + 1; i < lines.Length && !lines[i].StartsWith("---", StringComparison.Ordinal); i++)
            {
                if (!lines[i].TrimStart().StartsWith(message + " ", StringComparison.Ordinal) || lines[i].Length <= column)
                {
                    continue;
                }

                ReadOnlySpan<char> cell = lines[i].AsSpan(column).TrimStart();
                int end = cell.IndexOfAnyExceptInRange('0', '9');
                if (int.TryParse(end < 0 ? cell : cell[..end], out int count))
                {
                    total += count;
                }
            }

            return total;
        }

        /// <summary>
        /// The messages SIPp dropped on purpose (<c>-lost</c>): the sum of the Lost column of its final scenario screen,
        /// 0 when it has none.
        /// </summary>
        public int Lost
        {
            get
            {
                string[] lines = Output.Split('\n');
                int header = Array.FindIndex(lines, l => l.Contains("Messages") && l.TrimEnd().EndsWith("Lost", StringComparison.Ordinal));
                if (header < 0)
                {
                    return 0;
                }

                int column = lines[header].LastIndexOf("Lost", StringComparison.Ordinal);
                int lost = 0;
                for (int i = header + 1; i < lines.Length && !lines[i].StartsWith("---", StringComparison.Ordinal); i++)
                {
                    if (lines[i].Length > column && int.TryParse(lines[i].AsSpan(column).Trim(), out int count))
                    {
                        lost += count;
                    }
                }

                return lost;
            }
        }

        public override string ToString() => $"sipp exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>
    /// Runs <paramref name="scenarioFile"/> as a client toward <paramref name="target"/>. <paramref name="keys"/> become
    /// <c>-key name value</c> (scenario <c>[name]</c> keywords); <paramref name="extra"/> are further SIPp arguments
    /// (for example <c>-lost 10</c>). <paramref name="calls"/> calls are made, at most <paramref name="concurrent"/> at a
    /// time (SIPp's <c>-l</c>).
    /// </summary>
    public static async Task<Result> RunClientAsync(
        string scenarioFile, IPEndPoint target, string service = "answer", string transport = "u1",
        IReadOnlyDictionary<string, string>? keys = null, IEnumerable<string>? extra = null, int calls = 1,
        TimeSpan? timeout = null, int concurrent = 1)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        using var work = new TempDirectory("gw-sipp-");
        var start = Prepare(
            scenarioFile, target.Address, FreePort(target.Address), transport, calls, limit, work,
            ["-s", service, "-l", concurrent.ToString()], keys, extra);
        start.ArgumentList.Add(target.ToString());

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return await Finish(process, stdout, stderr, work, limit + TimeSpan.FromSeconds(15));
    }

    /// <summary>
    /// Starts <paramref name="scenarioFile"/> as a server (UAS) on a free port of <paramref name="address"/> and returns
    /// once SIPp's socket is bound (a UDP socket, or a listening TCP socket for <c>t1</c>), so that the first request
    /// sent to <see cref="Server.EndPoint"/> is received. SIPp exits after <paramref name="calls"/> calls;
    /// <see cref="Server.WaitAsync"/> gives its verdict. Readiness is read from the kernel's socket table
    /// (<c>/proc/net/udp</c>, <c>/proc/net/tcp</c>): nothing is sent to SIPp before its scenario starts.
    /// </summary>
    public static async Task<Server> StartServerAsync(
        string scenarioFile, IPAddress address, string transport = "u1", int calls = 1,
        IReadOnlyDictionary<string, string>? keys = null, IEnumerable<string>? extra = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var work = new TempDirectory("gw-sipp-");
        int port = FreePort(address);
        var start = Prepare(scenarioFile, address, port, transport, calls, limit, work, [], keys, extra);
        var process = Process.Start(start)!;
        var server = new Server(process, new IPEndPoint(address, port), work, limit + TimeSpan.FromSeconds(15));
        bool tcp = transport.StartsWith('t');
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (!IsBound(server.EndPoint, tcp))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"SIPp exited before binding {server.EndPoint}: {await server.WaitAsync()}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(5), ready.Token);
            }
        }
        catch (OperationCanceledException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"SIPp did not bind {server.EndPoint} ({transport}) within 10 s.");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Whether SIPp is installed (the README's test command installs it).</summary>
    public static bool IsInstalled => File.Exists("/usr/bin/sipp");

    /// <summary>A port free at this moment on <paramref name="address"/> for both UDP and TCP (SIPp binds one of them).</summary>
    public static int FreePort(IPAddress address)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(address, 0));
            int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>
    /// Whether a socket is bound to <paramref name="endPoint"/> (IPv4): a UDP socket, or a TCP socket listening, as the
    /// kernel lists them in /proc/net (local address as the native-order hex of the network-order address, port in hex).
    /// </summary>
    public static bool IsBound(IPEndPoint endPoint, bool tcp)
    {
        if (endPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new NotSupportedException("Only IPv4 endpoints are looked up.");
        }

        string local = $"{BitConverter.ToUInt32(endPoint.Address.GetAddressBytes()):X8}:{endPoint.Port:X4}";
        string any = $"00000000:{endPoint.Port:X4}";
        foreach (string line in File.ReadLines(tcp ? "/proc/net/tcp" : "/proc/net/udp").Skip(1))
        {
            // sl local_address rem_address st ...
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && (fields[1] == local || fields[1] == any) && (!tcp || fields[3] == "0A"))
            {
                return true;
            }
        }

        return false;
    }

    private static ProcessStartInfo Prepare(
        string scenarioFile, IPAddress address, int port, string transport, int calls, TimeSpan limit, TempDirectory work,
        IEnumerable<string> mode, IReadOnlyDictionary<string, string>? keys, IEnumerable<string>? extra)
    {
        if (!IsInstalled)
        {
            // A missing tool must fail the run, not skip the test: `make test` installs it (Debian's sip-tester).
            throw new InvalidOperationException("SIPp is not installed: run `make test`, or apt-get install sip-tester");
        }

        var start = new ProcessStartInfo("sipp")
        {
            // Scenario files name their companions (binary bodies) relative to themselves.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(scenarioFile))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])
            [
                "-sf", scenarioFile, "-i", address.ToString(), "-p", port.ToString(),
                "-t", transport, "-m", calls.ToString(), "-nostdin", "-timeout", $"{(int)limit.TotalSeconds}s",
                "-timeout_error", "-trace_err", "-error_file", Path.Combine(work.Path, "errors.log"),
                "-max_retrans", "10",
            ])
        {
            start.ArgumentList.Add(a);
        }
        foreach (var a in mode) start.ArgumentList.Add(a);
        foreach (var (k, v) in keys ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add("-key");
            start.ArgumentList.Add(k);
            start.ArgumentList.Add(v);
        }
        foreach (var a in extra ?? []) start.ArgumentList.Add(a);
        return start;
    }

    private static async Task<Result> Finish(Process process, Task<string> stdout, Task<string> stderr, TempDirectory work, TimeSpan limit)
    {
        using var guard = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        string errors = await stderr;
        string errorLog = Path.Combine(work.Path, "errors.log");
        if (File.Exists(errorLog)) errors += "\n" + await File.ReadAllTextAsync(errorLog);
        return new Result(process.ExitCode, await stdout, errors);
    }

    /// <summary>A SIPp started as a server: where it listens, and its verdict once it has run its calls.</summary>
    public sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly TempDirectory _work;
        private readonly Lazy<Task<Result>> _result;

        internal Server(Process process, IPEndPoint endPoint, TempDirectory work, TimeSpan limit)
        {
            _process = process;
            _work = work;
            EndPoint = endPoint;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            _result = new Lazy<Task<Result>>(() => Finish(process, stdout, stderr, work, limit));
        }

        /// <summary>Where SIPp receives (its <c>-i</c> and <c>-p</c>).</summary>
        public IPEndPoint EndPoint { get; }

        /// <summary>Waits for SIPp to exit (after its calls, or at its <c>-timeout</c>) and returns its verdict.</summary>
        public Task<Result> WaitAsync() => _result.Value;

        /// <summary>Kills SIPp if it still runs (a test that failed before its calls ended).</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                await WaitAsync();
            }
            catch (InvalidOperationException)
            {
            }
            finally
            {
                _process.Dispose();
                _work.Dispose();
            }
        }
    }
}
