using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gateway.Testing;

/// <summary>
/// A packet capture on the loopback interface (dumpcap, from tshark's package), for tests that must see what really
/// crossed the wire: started before the traffic, stopped after, then read back with tshark's dissectors. Needs the
/// right to capture (root, as `make test` runs in CI); without it the test fails saying so, never passes silently.
/// </summary>
public sealed partial class LoopbackCapture : IDisposable
{
    private readonly Process _dumpcap;
    private readonly TempDirectory _directory;
    private readonly string _file;

    private LoopbackCapture(Process dumpcap, TempDirectory directory, string file)
    {
        _dumpcap = dumpcap;
        _directory = directory;
        _file = file;
    }

    /// <summary>Starts capturing <paramref name="filter"/> (a BPF filter, e.g. <c>tcp port 2905</c>) and returns once dumpcap captures.</summary>
    public static async Task<LoopbackCapture> StartAsync(string filter)
    {
        var directory = new TempDirectory("gw-capture-");
        string file = directory.Combine("capture.pcapng");
        var start = new ProcessStartInfo("dumpcap") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in (string[])["-i", "lo", "-f", filter, "-w", file]) start.ArgumentList.Add(a);
        Process process = Process.Start(start) ?? throw new InvalidOperationException("dumpcap did not start: apt-get install tshark");
        var capture = new LoopbackCapture(process, directory, file);

        // dumpcap says "Capturing on 'Loopback: lo'" once its filter is set; a missing right is said instead.
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? line;
        while ((line = await process.StandardError.ReadLineAsync(ready.Token)) is not null)
        {
            if (line.Contains("Capturing on", StringComparison.Ordinal)) return capture;
        }

        capture.Dispose();
        throw new InvalidOperationException($"dumpcap could not capture on lo (root or CAP_NET_RAW is needed): exit {process.ExitCode}");
    }

    /// <summary>
    /// Stops the capture (as Ctrl-C would, so the file is complete) and returns the bytes each TCP connection carried,
    /// one stream per direction ("src-port>dst-port"), in order. Wireshark has no M3UA-over-TCP dissector (M3UA is
    /// SCTP's), so a test re-frames these streams itself and hands the messages to <see cref="Tshark"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> StopAndReadTcpStreamsAsync()
    {
        // Lets the last packets reach the file before the stop.
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        _ = kill(_dumpcap.Id, 2);
        using (var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10))) await _dumpcap.WaitForExitAsync(exit.Token);

        var start = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["-r", _file, "-Y", "tcp.len > 0", "-T", "fields", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "tcp.payload"])
        {
            start.ArgumentList.Add(a);
        }

        using Process tshark = Process.Start(start)!;
        string output = await tshark.StandardOutput.ReadToEndAsync();
        await tshark.WaitForExitAsync();
        var streams = new Dictionary<string, List<byte>>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            if (f.Length < 3) continue;
            string key = f[0] + ">" + f[1];
            if (!streams.TryGetValue(key, out List<byte>? bytes)) streams[key] = bytes = [];
            bytes.AddRange(Convert.FromHexString(f[2].Replace(":", "", StringComparison.Ordinal)));
        }

        var result = new Dictionary<string, byte[]>();
        foreach (var (key, bytes) in streams) result[key] = [.. bytes];
        return result;
    }

    public void Dispose()
    {
        if (!_dumpcap.HasExited) _dumpcap.Kill();
        _dumpcap.Dispose();
        _directory.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
