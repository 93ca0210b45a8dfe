using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Control;

/// <summary>
/// The operator's Unix stream socket: one request line per connection, one JSON reply, then close. The socket file
/// is mode 0660 so that root and members of the daemon's group (<c>sip-isup-gateway</c>) may use it and nobody else.
/// A daemon that cannot make its socket (no runtime directory outside systemd) still carries calls: it says so once.
/// </summary>
public sealed class ControlServer : IHostedService, IAsyncDisposable
{
    private const int MaxConcurrentClients = 4;
    private static readonly UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private readonly string _path;
    private readonly IControlHandler _handler;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _clients = new(MaxConcurrentClients);
    private Socket? _listener;
    private Task _accepting = Task.CompletedTask;

    public ControlServer(string path, IControlHandler handler, ILogger log, TimeSpan? requestTimeout = null)
    {
        _path = path;
        _handler = handler;
        _log = log;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(5);
    }

    public string Path => _path;

    public bool IsListening => _listener is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _listener = Bind(_path);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException or ControlSocketInUseException)
        {
            _log.LogWarning("event=control-unavailable path={Path} reason=\"{Reason}\"", _path, e.Message);
            return Task.CompletedTask;
        }
        _log.LogInformation("event=control-listening path={Path}", _path);
        _accepting = AcceptLoopAsync(_listener);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        Socket? listener = Interlocked.Exchange(ref _listener, null);
        if (listener is not null)
        {
            listener.Dispose();
            TryDelete(_path);
        }
        await _accepting.ConfigureAwait(false);
        // Wait for replies in flight, so that none writes after the services it reads have stopped.
        for (int i = 0; i < MaxConcurrentClients; i++) await _clients.WaitAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static Socket Bind(string path)
    {
        if (File.Exists(path))
        {
            // A socket file left by a killed daemon is deleted; one that still answers belongs to a running daemon,
            // and taking it over would leave that daemon unreachable.
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new ControlSocketInUseException($"another daemon answers on {path}");
            }
            catch (SocketException)
            {
                File.Delete(path);
            }
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, SocketMode);
            socket.Listen(16);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }

            try
            {
                await _clients.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                client.Dispose();
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ControlRequest.MaxBytes);
        try
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                timeout.CancelAfter(_requestTimeout);
                int length = await ReadLineAsync(client, buffer, timeout.Token).ConfigureAwait(false);
                ControlReply reply;
                if (length < 0)
                {
                    reply = ControlReply.Error($"a request is one line of at most {ControlRequest.MaxBytes} bytes");
                }
                else
                {
                    ControlRequest? request = ControlRequest.Parse(buffer.AsSpan(0, length), out string? problem);
                    reply = request is null ? ControlReply.Error(problem!) : await HandleAsync(request, timeout.Token).ConfigureAwait(false);
                }
                byte[] json = reply.ToJson();
                await client.SendAsync(json, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                client.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A client that hangs up, or sends nothing in time, gets nothing.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _clients.Release();
        }
    }

    private async ValueTask<ControlReply> HandleAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A command that fails must not take the socket (or the daemon) down with it; the operator reads why.
            _log.LogError(e, "event=control-failed command={Command}", request.Command);
            return ControlReply.Error($"{request.Command} failed: {e.Message}");
        }
    }

    /// <summary>The length of the first line (without its newline), the whole input if the client closed first; -1 when too long.</summary>
    private static async ValueTask<int> ReadLineAsync(Socket client, byte[] buffer, CancellationToken cancellationToken)
    {
        int filled = 0;
        while (filled < ControlRequest.MaxBytes)
        {
            int read = await client.ReceiveAsync(buffer.AsMemory(filled, ControlRequest.MaxBytes - filled), SocketFlags.None, cancellationToken)
                .ConfigureAwait(false);
            if (read == 0) return filled;
            int newline = buffer.AsSpan(filled, read).IndexOf((byte)'\n');
            if (newline >= 0) return filled + newline;
            filled += read;
        }
        return -1;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
