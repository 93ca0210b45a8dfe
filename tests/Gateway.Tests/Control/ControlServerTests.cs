using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Gateway.Control;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Control;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ControlServerTests : IDisposable
{
    private readonly TempDirectory _directory = new("gw-control-");

    public void Dispose() => _directory.Dispose();

    private string SocketPath => _directory.Combine("control.sock");

    private sealed class EchoHandler : IControlHandler
    {
        public int Calls;

        public ValueTask<ControlReply> HandleAsync(ControlRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            if (request.Command == "boom") throw new InvalidOperationException("kaput");
            return ValueTask.FromResult(ControlReply.Ok(json =>
            {
                json.WriteStartObject();
                json.WriteString("command", request.Command);
                json.WriteNumber("args", request.Args.Count);
                json.WriteEndObject();
            }));
        }
    }

    private async Task<ControlServer> StartAsync(IControlHandler handler, TimeSpan? requestTimeout = null)
    {
        var server = new ControlServer(SocketPath, handler, NullLogger.Instance, requestTimeout);
        await server.StartAsync(CancellationToken.None);
        Assert.True(server.IsListening);
        return server;
    }

    private async Task<JsonElement> Raw(byte[] request)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        await socket.SendAsync(request, SocketFlags.None);
        socket.Shutdown(SocketShutdown.Send);
        using var reply = new MemoryStream();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0) reply.Write(buffer, 0, read);
        return JsonDocument.Parse(reply.ToArray()).RootElement.Clone();
    }

    [Fact]
    public async Task A_request_gets_its_reply_and_the_socket_is_for_owner_and_group_only()
    {
        await using ControlServer server = await StartAsync(new EchoHandler());

        using JsonDocument reply = await ControlClient.SendAsync(SocketPath, new ControlRequest("calls", ["a", "b"]), TimeSpan.FromSeconds(5));

        Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("calls", reply.RootElement.GetProperty("data").GetProperty("command").GetString());
        Assert.Equal(2, reply.RootElement.GetProperty("data").GetProperty("args").GetInt32());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(SocketPath));
    }

    [Fact]
    public async Task Garbage_an_oversized_line_and_a_failing_command_each_get_an_error_and_the_socket_still_serves()
    {
        var handler = new EchoHandler();
        await using ControlServer server = await StartAsync(handler);

        JsonElement garbage = await Raw(Encoding.UTF8.GetBytes("hello\n"));
        JsonElement failing = await Raw(new ControlRequest("boom", []).ToJsonLine());
        try
        {
            JsonElement oversized = await Raw(Enumerable.Repeat((byte)'x', ControlRequest.MaxBytes * 4).ToArray());
            Assert.Contains("one line", oversized.GetProperty("error").GetString());
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown)
        {
            // The reply came while the client was still sending, so the close reset the connection: equally an end.
        }

        Assert.False(garbage.GetProperty("ok").GetBoolean());
        Assert.Equal("boom failed: kaput", failing.GetProperty("error").GetString());
        using JsonDocument good = await ControlClient.SendAsync(SocketPath, new ControlRequest("status", []), TimeSpan.FromSeconds(5));
        Assert.True(good.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_client_that_says_nothing_is_hung_up_on_and_does_not_block_others()
    {
        await using ControlServer server = await StartAsync(new EchoHandler(), TimeSpan.FromMilliseconds(300));
        using var silent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await silent.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));

        using JsonDocument reply = await ControlClient.SendAsync(SocketPath, new ControlRequest("status", []), TimeSpan.FromSeconds(5));
        Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await silent.ReceiveAsync(new byte[16], SocketFlags.None, wait.Token));
    }

    [Fact]
    public async Task A_stale_socket_file_is_replaced_but_a_live_daemon_socket_is_not_taken_over()
    {
        // A socket file nobody listens on: what a kill -9 leaves (bound and never listening refuses connections alike).
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(SocketPath));
        Assert.True(File.Exists(SocketPath));
        await using ControlServer first = await StartAsync(new EchoHandler());

        var second = new ControlServer(SocketPath, new EchoHandler(), NullLogger.Instance);
        await second.StartAsync(CancellationToken.None);
        Assert.False(second.IsListening);
        await second.DisposeAsync();

        using JsonDocument reply = await ControlClient.SendAsync(SocketPath, new ControlRequest("status", []), TimeSpan.FromSeconds(5));
        Assert.True(reply.RootElement.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Stopping_removes_the_socket_and_the_client_then_says_the_daemon_is_not_running()
    {
        ControlServer server = await StartAsync(new EchoHandler());
        await server.StopAsync(CancellationToken.None);

        Assert.False(File.Exists(SocketPath));
        var e = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, new ControlRequest("status", []), TimeSpan.FromSeconds(5)));
        Assert.Contains("not running", e.Message);
    }

    [Fact]
    public async Task Without_its_directory_the_server_does_not_listen_and_does_not_throw()
    {
        var server = new ControlServer(_directory.Combine("missing/control.sock"), new EchoHandler(), NullLogger.Instance);
        await server.StartAsync(CancellationToken.None);
        Assert.False(server.IsListening);
        await server.DisposeAsync();
    }
}
