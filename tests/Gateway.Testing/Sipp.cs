using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Testing;

/// <summary>
/// Runs real SIPp (Debian's <c>sip-tester</c>) against something under test on loopback, one scenario at a time, and
/// reports its verdict: exit code 0 means every call of the scenario succeeded.
/// </summary>
public static class Sipp
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public bool Succeeded => ExitCode == 0;

        public override string ToString() => $"sipp exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>
    /// Runs <paramref name="scenarioFile"/> as a client toward <paramref name="target"/>. <paramref name="keys"/> become
    /// <c>-key name value</c> (scenario <c>[name]</c> keywords); <paramref name="extra"/> are further SIPp arguments
    /// (for example <c>-lost 10</c>). <paramref name="calls"/> calls are made, one at a time.
    /// </summary>
    public static async Task<Result> RunClientAsync(
        string scenarioFile, IPEndPoint target, string service = "answer", string transport = "u1",
        IReadOnlyDictionary<string, string>? keys = null, IEnumerable<string>? extra = null, int calls = 1,
        TimeSpan? timeout = null)
    {
        if (!IsInstalled)
        {
            // A missing tool must fail the run, not skip the test: `make test` installs it (Debian's sip-tester).
            throw new InvalidOperationException("SIPp is not installed: run `make test`, or apt-get install sip-tester");
        }
        using var work = new TempDirectory("gw-sipp-");
        var start = new ProcessStartInfo("sipp")
        {
            // Scenario files name their companions (binary bodies) relative to themselves.
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(scenarioFile))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        foreach (var a in (string[])
            [
                "-sf", scenarioFile, "-s", service, "-i", target.Address.ToString(), "-p", FreePort(target.Address).ToString(),
                "-t", transport, "-m", calls.ToString(), "-l", "1", "-nostdin", "-timeout", $"{(int)limit.TotalSeconds}s",
                "-timeout_error", "-trace_err", "-error_file", Path.Combine(work.Path, "errors.log"),
                "-max_retrans", "10",
            ])
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (k, v) in keys ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add("-key");
            start.ArgumentList.Add(k);
            start.ArgumentList.Add(v);
        }
        foreach (var a in extra ?? []) start.ArgumentList.Add(a);
        start.ArgumentList.Add(target.ToString());

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(limit + TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        string errors = await stderr;
        string errorLog = Path.Combine(work.Path, "errors.log");
        if (File.Exists(errorLog)) errors += "\n" + await File.ReadAllTextAsync(errorLog);
        return new Result(process.HasExited ? process.ExitCode : -1, await stdout, errors);
    }

    /// <summary>Whether SIPp is installed (the README's test command installs it).</summary>
    public static bool IsInstalled => File.Exists("/usr/bin/sipp");

    /// <summary>A port free at this moment on <paramref name="address"/> for SIPp to bind (UDP and TCP).</summary>
    public static int FreePort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
