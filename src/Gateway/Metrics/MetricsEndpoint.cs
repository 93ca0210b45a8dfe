using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c> over plain HTTP/1.1 on a <see cref="TcpListener"/>: one request per connection, then
/// close. A web framework would bring a server, its threads and its configuration into a signalling daemon for the
/// sake of one read-only page; HttpListener is not maintained on Linux. Each connection has a bounded head and a
/// deadline, and at most <see cref="MetricsEndpointOptions.MaxConnections"/> are served at once, so a slow or hostile
/// client costs a fixed amount and the accept loop never ends until the endpoint is stopped.
/// </summary>
public sealed partial class MetricsEndpoint : IHostedService, IAsyncDisposable
{
    private static readonly byte[] IndexBody = "sip-isup-gateway: metrics are at /metrics\n"u8.ToArray();
    private const string PlainText = "text/plain; charset=utf-8";

    private readonly PrometheusExporter _exporter;
    private readonly MetricsEndpointOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectionSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<Exception> _logObservationFailure;
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private bool _stopped;
    private int _slotsTaken;

    public MetricsEndpoint(PrometheusExporter exporter, MetricsEndpointOptions options, ILogger logger)
    {
        _exporter = exporter;
        _options = options;
        _logger = logger;
        _connectionSlots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _logObservationFailure = e => LogObservationFailed(_logger, e.Message);
    }

    /// <summary>The address and port actually bound, once started: with port 0 in the options, the one the kernel chose.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopped, this);
        var listener = new TcpListener(_options.ListenOn);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            // The operator asked for metrics on this address: failing loudly beats a daemon that silently has none.
            LogListenFailed(_logger, _options.ListenOn.ToString(), e.SocketErrorCode.ToString());
            listener.Dispose();
            throw;
        }
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        LogListening(_logger, LocalEndPoint.ToString());
        _acceptLoop = AcceptLoop(listener, _stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the listening socket, then waits for the connections being served, which the stop has cancelled. If
    /// <paramref name="cancellationToken"/> gives up first, <see cref="DisposeAsync"/> finishes the wait.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            await _stopping.CancelAsync().ConfigureAwait(false);
            _listener?.Dispose();
            await _acceptLoop.ConfigureAwait(false);
        }
        // Every connection holds a slot until its socket is closed; holding them all means none is left open.
        while (_slotsTaken < _options.MaxConnections)
        {
            await _connectionSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            _slotsTaken++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        // Only now that no connection can still link to its token. The semaphore is left to the collector: it never
        // made a wait handle, and a late Release on a disposed one would throw in a connection's finally.
        _stopping.Dispose();
    }

    private async Task AcceptLoop(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            bool holdsSlot = false;
            try
            {
                await _connectionSlots.WaitAsync(stopping).ConfigureAwait(false);
                holdsSlot = true;
                var socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
                holdsSlot = false;
                _ = ServeThenFreeSlot(socket, stopping);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                if (holdsSlot) _connectionSlots.Release();
                return;
            }
            catch (Exception e)
            {
                if (holdsSlot) _connectionSlots.Release();
                // Out of descriptors or memory: say so and pause, rather than spin on an accept that fails at once.
                LogAcceptFailed(_logger, e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ServeThenFreeSlot(Socket socket, CancellationToken stopping)
    {
        try
        {
            await Serve(socket, stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The client went away, was too slow, or the endpoint is stopping: nothing to answer.
        }
        catch (Exception e)
        {
            LogConnectionFailed(_logger, e.Message);
        }
        finally
        {
            Close(socket);
            _connectionSlots.Release();
        }
    }

    /// <summary>A FIN rather than a reset where the kernel allows it: a client is told it was dropped, not that something broke.</summary>
    private static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset or shut down by the peer.
        }
        socket.Dispose();
    }

    private async Task Serve(Socket socket, CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(_options.ReadTimeout);
        var buffer = new byte[_options.MaxRequestHeadBytes];
        int received = 0;
        HttpRequestHead head;
        while (true)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            if (n == 0) return;
            received += n;
            var parse = HttpRequestHead.Parse(buffer.AsSpan(0, received), out head);
            if (parse == HttpHeadParse.Complete) break;
            if (parse == HttpHeadParse.Invalid)
            {
                await Respond(socket, 400, "Bad Request", deadline, head: false).ConfigureAwait(false);
                return;
            }
            if (received == buffer.Length)
            {
                await Respond(socket, 431, "Request Header Fields Too Large", deadline, head: false).ConfigureAwait(false);
                return;
            }
        }

        bool isHead = head.Method == "HEAD";
        bool isRead = isHead || head.Method == "GET";
        switch (head.Path)
        {
            case "/metrics" when isRead:
                var body = Encoding.UTF8.GetBytes(_exporter.Collect(_logObservationFailure));
                await Send(socket, 200, "OK", PrometheusExporter.ContentType, body, allow: false, isHead, deadline).ConfigureAwait(false);
                break;
            case "/" when isRead:
                await Send(socket, 200, "OK", PlainText, IndexBody, allow: false, isHead, deadline).ConfigureAwait(false);
                break;
            case "/metrics" or "/":
                await Send(socket, 405, "Method Not Allowed", PlainText, "Method Not Allowed\n"u8.ToArray(), allow: true, head: false, deadline)
                    .ConfigureAwait(false);
                break;
            default:
                await Respond(socket, 404, "Not Found", deadline, isHead).ConfigureAwait(false);
                break;
        }
    }

    private Task Respond(Socket socket, int status, string reason, CancellationTokenSource deadline, bool head) =>
        Send(socket, status, reason, PlainText, Encoding.ASCII.GetBytes(reason + "\n"), allow: false, head, deadline);

    private async Task Send(
        Socket socket, int status, string reason, string contentType, byte[] body, bool allow, bool head, CancellationTokenSource deadline)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (allow) text.Append("Allow: GET, HEAD\r\n");
        text.Append("Connection: close\r\n\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(text.ToString());
        var response = new byte[headBytes.Length + (head ? 0 : body.Length)];
        headBytes.CopyTo(response, 0);
        if (!head) body.CopyTo(response, headBytes.Length);

        // A fresh deadline for the write: a client that stops reading must not hold its slot forever either.
        deadline.CancelAfter(_options.ReadTimeout);
        int sent = 0;
        while (sent < response.Length)
        {
            sent += await socket.SendAsync(response.AsMemory(sent), SocketFlags.None, deadline.Token).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "event=metrics-listening address={Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "event=metrics-listen-failed address={Address} error={Error}")]
    private static partial void LogListenFailed(ILogger logger, string address, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event=metrics-accept-failed error=\"{Error}\"")]
    private static partial void LogAcceptFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event=metrics-connection-failed error=\"{Error}\"")]
    private static partial void LogConnectionFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "event=metrics-observation-failed error=\"{Error}\"")]
    private static partial void LogObservationFailed(ILogger logger, string error);
}
