using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.Testing;

/// <summary>
/// Runs real Wireshark (Debian's <c>tshark</c>) over messages our codecs wrote, as an independent decoder: each message
/// becomes one frame of a pcap file, and tshark reports per frame the fields asked for, its expert findings and whether
/// it found the frame malformed.
/// </summary>
public static partial class Tshark
{
    /// <summary>Expert severity "warning" as tshark prints it numerically (PI_WARN).</summary>
    public const int Warning = 0x00600000;

    /// <summary>Expert severity "error" (PI_ERROR), which malformed frames carry.</summary>
    public const int Error = 0x00800000;

    /// <summary>What tshark said about one frame.</summary>
    public sealed record Frame(int Number, IReadOnlyList<string> Fields, IReadOnlyList<int> Severities, IReadOnlyList<string> ExpertMessages, bool Malformed)
    {
        /// <summary>The highest expert severity, 0 when there is none.</summary>
        public int MaxSeverity => Severities.Count == 0 ? 0 : Severities.Max();

        public override string ToString() => $"frame {Number}: [{string.Join(", ", Fields)}] experts: {string.Join(" | ", ExpertMessages)}{(Malformed ? " MALFORMED" : "")}";
    }

    public static bool IsInstalled => Which("tshark") is not null;

    /// <summary>The first line of <c>tshark --version</c>.</summary>
    public static string Version()
    {
        var (_, output, _) = Run(["--version"]);
        return output.Split('\n')[0].Trim();
    }

    /// <summary>
    /// Decodes ISUP messages (each starting at its CIC) as MTP3 frames, pcap link type 141 (DLT_MTP3): a service
    /// information octet (national network, service indicator 5 = ISUP) and an ITU routing label (DPC 2, OPC 1, SLS
    /// the low 4 bits of the CIC) before each message.
    /// </summary>
    public static IReadOnlyList<Frame> DecodeIsupOverMtp3(IReadOnlyList<byte[]> messages, params string[] fields)
    {
        var frames = new List<byte[]>(messages.Count);
        foreach (var isup in messages)
        {
            int sls = isup.Length > 0 ? isup[0] & 0x0F : 0;
            // ITU routing label, least significant bit first: DPC (14 bits), OPC (14 bits), SLS (4 bits).
            uint label = 2u | (1u << 14) | ((uint)sls << 28);
            byte[] frame = new byte[5 + isup.Length];
            frame[0] = 0x85;
            BitConverter.TryWriteBytes(frame.AsSpan(1, 4), label);
            isup.CopyTo(frame, 5);
            frames.Add(frame);
        }

        return Decode(frames, linkType: 141, fields);
    }

    /// <summary>Writes <paramref name="frames"/> to a pcap file of <paramref name="linkType"/> and decodes it.</summary>
    public static IReadOnlyList<Frame> Decode(IReadOnlyList<byte[]> frames, int linkType, params string[] fields)
    {
        if (!IsInstalled)
        {
            // A missing tool must fail the run, not skip the test: `make test` installs it (Debian's tshark).
            throw new InvalidOperationException("tshark is not installed: run `make test`, or apt-get install tshark");
        }

        using var work = new TempDirectory("gw-tshark-");
        string pcap = Path.Combine(work.Path, "frames.pcap");
        WritePcap(pcap, frames, linkType);

        return DecodeFile(pcap, [], fields);
    }

    private static void WritePcap(string path, IReadOnlyList<byte[]> frames, int linkType)
    {
        using var file = new BinaryWriter(File.Create(path));
        file.Write(0xA1B2C3D4u);
        file.Write((ushort)2);
        file.Write((ushort)4);
        file.Write(0);
        file.Write(0u);
        file.Write(65535u);
        file.Write((uint)linkType);
        for (int i = 0; i < frames.Count; i++)
        {
            file.Write((uint)i);
            file.Write(0u);
            file.Write((uint)frames[i].Length);
            file.Write((uint)frames[i].Length);
            file.Write(frames[i]);
        }
    }

    private static (int Exit, string Output, string Errors) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("tshark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tshark did not finish within 60 s");
        }

        return (process.ExitCode, stdout, stderr.Result);
    }

    private static string? Which(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
