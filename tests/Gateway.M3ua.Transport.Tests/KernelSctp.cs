using System.Net;
using System.Net.Sockets;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>
/// Decides what an SCTP test can do here. With kernel SCTP it runs for real. Without it, the test still checks
/// something true: that the transport says clearly that SCTP is missing and how to load it, and falls back to
/// nothing. Where SCTP is expected (M3UA_TEST_REQUIRE_SCTP=1, or /proc/net/sctp present, as in the user-mode-linux
/// lab), a missing SCTP fails the test instead, so that a green run there proves SCTP was exercised.
/// </summary>
internal static class KernelSctp
{
    public const string RequireVariable = "M3UA_TEST_REQUIRE_SCTP";

    /// <summary>True when the kernel has SCTP; otherwise asserts the unavailability is reported as it should be.</summary>
    public static async Task<bool> Available()
    {
        if (SctpSupport.IsAvailable) return true;

        bool required = Environment.GetEnvironmentVariable(RequireVariable) == "1" || Directory.Exists("/proc/net/sctp");
        Assert.False(required, $"SCTP is required here ({RequireVariable}=1 or /proc/net/sctp exists) but socket(IPPROTO_SCTP) fails.");
        await AssertClearlyUnavailable();
        return false;
    }

    private static async Task AssertClearlyUnavailable()
    {
        long opened = SocketLedger.Opened;

        var probe = Assert.Throws<SctpUnavailableException>(SctpSupport.EnsureAvailable);
        AssertSaysHowToFix(probe);

        // A TCP listener on the very address and port the client is given: a fallback to TCP would land here.
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        tcp.Listen();
        int port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
        var receiver = new RecordingReceiver();
        var client = await Assert.ThrowsAsync<SctpUnavailableException>(() =>
            M3uaSctpClient.ConnectAsync(new SctpEndpoint(IPAddress.Loopback, port), receiver));
        AssertSaysHowToFix(client);
        Assert.False(tcp.Poll(0, SelectMode.SelectRead), "the SCTP client connected over TCP instead");

        var server = Assert.Throws<SctpUnavailableException>(() =>
            new M3uaSctpServer(new SctpEndpoint(IPAddress.Loopback, 0), [IPAddress.Loopback], receiver));
        AssertSaysHowToFix(server);

        Assert.Equal(opened, SocketLedger.Opened);
        Assert.False(receiver.Up.Reader.TryRead(out _));
    }

    private static void AssertSaysHowToFix(SctpUnavailableException e)
    {
        Assert.Contains("SCTP is not available in this kernel", e.Message);
        Assert.Contains("modprobe sctp", e.Message);
        Assert.Contains("never falls back to TCP", e.Message);
        Assert.Contains(e.Errno, new[] { 93, 94 }); // EPROTONOSUPPORT, ESOCKTNOSUPPORT
    }
}
