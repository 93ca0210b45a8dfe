using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip;

/// <summary>
/// The stack's sockets: one UDP listener, one TCP listener (which also holds the outgoing connections), and the send
/// path to both. A failed send is reported to the transaction that asked for it (<see cref="SipTransaction.TransportError"/>),
/// never thrown: it happens on network and timer threads.
/// </summary>
internal sealed class SipTransports : IAsyncDisposable
{
    private readonly SipStackOptions _options;
    private readonly IDatagramReceiver _datagrams;
    private readonly IStreamReceiver _streams;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    // Connections being opened, so that messages sent to the same peer while the first connect is in progress share
    // it instead of opening one connection each.
    private readonly Dictionary<IPEndPoint, Task<SipStreamConnection>> _connecting = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _pendingSends;

    public SipTransports(SipStackOptions options, IDatagramReceiver datagrams, IStreamReceiver streams, TimeProvider time, ILogger logger)
    {
        _options = options;
        _datagrams = datagrams;
        _streams = streams;
        _time = time;
        _logger = logger;
    }

    /// <summary>The UDP listener, once started (null when UDP is not configured).</summary>
    public SipUdpListener? Udp { get; private set; }

    /// <summary>The TCP listener, once started (null when TCP is not configured).</summary>
    public SipTcpListener? Tcp { get; private set; }

    /// <summary>Stream sends still in progress (connecting or writing).</summary>
    public int PendingSends => Volatile.Read(ref _pendingSends);

    /// <summary>Binds and starts the configured listeners.</summary>
    public void Start()
    {
        if (_options.UdpEndPoint is { } udp)
        {
            Udp = new SipUdpListener(udp, _datagrams);
        }

        if (_options.TcpEndPoint is { } tcp)
        {
            try
            {
                Tcp = new SipTcpListener(tcp, _streams, _time, _options.IncompleteMessageTimeout);
            }
            catch
            {
                Udp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                Udp = null;
                throw;
            }
        }

        Udp?.Start();
        Tcp?.Start();
    }

    /// <summary>Sends <paramref name="message"/>; on failure tells <paramref name="transaction"/> (if any).</summary>
    /// <param name="destination">Where to.</param>
    /// <param name="message">The bytes; must stay unchanged until sent (stream sends complete later).</param>
    /// <param name="transaction">The transaction to report a transport error to, or null for stateless sends.</param>
    public void Send(in SipDestination destination, ReadOnlyMemory<byte> message, SipTransaction? transaction)
    {
        if (destination.Transport == SipTransportProtocol.Udp)
        {
            if (Udp is null || destination.EndPoint is null || !Udp.Send(message.Span, destination.EndPoint))
            {
                SipStackLog.SendFailed(_logger, destination.ToString(), "udp send refused");
                transaction?.TransportError();
            }
            else if (_options.WireTap is { IsTapping: true } tap)
            {
                tap.Sent(SipTransportProtocol.Udp, Udp.LocalEndPoint, destination.EndPoint, message.Span);
            }

            return;
        }

        Interlocked.Increment(ref _pendingSends);
        _ = SendOnStreamAsync(destination.Connection, destination.EndPoint, message, transaction, closeAfter: false);
    }

    /// <summary>Sends a last message on <paramref name="connection"/>, then closes it (a stream whose framing was lost).</summary>
    public void SendAndClose(SipStreamConnection connection, ReadOnlyMemory<byte> message)
    {
        Interlocked.Increment(ref _pendingSends);
        _ = SendOnStreamAsync(connection, null, message, null, closeAfter: true);
    }

    private async Task SendOnStreamAsync(SipStreamConnection? connection, IPEndPoint? reconnectTo, ReadOnlyMemory<byte> message, SipTransaction? transaction, bool closeAfter)
    {
        bool sent = false;
        try
        {
            if (connection is { IsClosed: false })
            {
                sent = await SendTappedAsync(connection, message).ConfigureAwait(false);
            }

            if (!sent && reconnectTo is not null)
            {
                // RFC 3261 §18.2.2: the request's connection is gone, so open one to the received address and sent-by port.
                connection = await ConnectAsync(reconnectTo).ConfigureAwait(false);
                sent = await SendTappedAsync(connection, message).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            SipStackLog.SendFailed(_logger, reconnectTo?.ToString() ?? connection?.Remote.ToString() ?? "tcp", e.Message);
        }
        finally
        {
            if (closeAfter)
            {
                connection?.Close();
            }

            Interlocked.Decrement(ref _pendingSends);
        }

        if (!sent)
        {
            transaction?.TransportError();
        }
    }

    // Before the write, while the bytes are certainly the caller's still; a send that then fails shows in the trace anyway.
    private ValueTask<bool> SendTappedAsync(SipStreamConnection connection, ReadOnlyMemory<byte> message)
    {
        if (_options.WireTap is { IsTapping: true } tap) tap.Sent(SipTransportProtocol.Tcp, connection.Local, connection.Remote, message.Span);
        return connection.SendAsync(message);
    }

    private Task<SipStreamConnection> ConnectAsync(IPEndPoint remote)
    {
        SipTcpListener tcp = Tcp ?? throw new InvalidOperationException("TCP is not configured.");
        if (tcp.Find(remote) is { IsClosed: false } open)
        {
            return Task.FromResult(open);
        }

        lock (_gate)
        {
            if (!_connecting.TryGetValue(remote, out Task<SipStreamConnection>? connecting))
            {
                connecting = ConnectOnceAsync(tcp, remote);
                _connecting[remote] = connecting;
            }

            return connecting;
        }
    }

    private async Task<SipStreamConnection> ConnectOnceAsync(SipTcpListener tcp, IPEndPoint remote)
    {
        // Never complete synchronously: the caller registers this task under its lock before the finally below may run.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token);
            return await tcp.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _connecting.Remove(remote);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (Udp is not null)
        {
            await Udp.DisposeAsync().ConfigureAwait(false);
        }

        if (Tcp is not null)
        {
            await Tcp.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }
}
