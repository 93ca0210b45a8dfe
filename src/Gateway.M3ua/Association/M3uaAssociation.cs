using System.Buffers;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.M3ua;

/// <summary>
/// One M3UA association: a transport connection, its <see cref="M3uaManagement"/> and the bridge between them. Received
/// DATA goes to an <see cref="IM3uaDataReceiver"/> while traffic may flow; every other message to the management through
/// <see cref="M3uaSignalCodec.Receive"/>. The client side connects and, when the connection goes down, the heartbeat
/// finds the peer dead or a request is given up, reconnects with capped exponential backoff and jitter. The server side
/// is the receiver of an accepting transport (<see cref="TransportReceiver"/>) and serves one connection at a time.
/// </summary>
public sealed class M3uaAssociation : IAsyncDisposable
{
    private readonly M3uaAssociationOptions _options;
    private readonly IM3uaDataReceiver _data;
    private readonly IM3uaManagementEventSink? _events;
    private readonly Func<IM3uaTransportReceiver, CancellationToken, Task<M3uaConnection>>? _connect;
    private readonly Receiver _receiver;
    private readonly CancellationTokenSource _stop = new();
    private readonly uint? _routingContext;
    private readonly Lock _gate = new();
    private M3uaConnection? _connection;
    private TaskCompletionSource? _bringUp;
    private TaskCompletionSource? _down;
    private Task _loop = Task.CompletedTask;
    private long _dataDropped;
    private long _connects;
    private int _disposed;

    private M3uaAssociation(
        M3uaAssociationOptions options, IM3uaDataReceiver data, IM3uaManagementEventSink? events,
        Func<IM3uaTransportReceiver, CancellationToken, Task<M3uaConnection>>? connect)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        _options = options;
        _data = data;
        _events = events;
        _connect = connect;
        _routingContext = options.EffectiveRoutingContext;
        _receiver = new Receiver(this);
        Management = new M3uaManagement(options.Management, new M3uaSignalEncodingSink(_receiver), _receiver, options.TimeProvider);
    }

    /// <summary>
    /// The client side: connects through <paramref name="connect"/> (TCP, SCTP: any transport that starts the
    /// connection with the receiver it is given) and keeps reconnecting until disposed.
    /// </summary>
    public static M3uaAssociation StartClient(
        M3uaAssociationOptions options, Func<IM3uaTransportReceiver, CancellationToken, Task<M3uaConnection>> connect,
        IM3uaDataReceiver data, IM3uaManagementEventSink? events = null)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var association = new M3uaAssociation(options, data, events, connect);
        association._loop = Task.Run(association.RunAsync);
        return association;
    }

    /// <summary>The client side over TCP to <paramref name="remote"/>.</summary>
    public static M3uaAssociation StartTcpClient(
        M3uaAssociationOptions options, IPEndPoint remote, IM3uaDataReceiver data, IM3uaManagementEventSink? events = null,
        M3uaTransportOptions? transport = null, IPEndPoint? local = null)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return StartClient(options, (receiver, ct) => M3uaTcpClient.ConnectAsync(remote, receiver, transport, local, ct), data, events);
    }

    /// <summary>
    /// The client side over kernel SCTP to <paramref name="remote"/>, from <paramref name="local"/> when given (an SGP
    /// such as osmo-stp may know a static ASP by its source port). Each attempt throws
    /// <see cref="SctpUnavailableException"/> on a kernel without SCTP, and is retried like any other failed connect.
    /// </summary>
    public static M3uaAssociation StartSctpClient(
        M3uaAssociationOptions options, SctpEndpoint remote, IM3uaDataReceiver data, IM3uaManagementEventSink? events = null,
        M3uaTransportOptions? transport = null, SctpEndpoint? local = null)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return StartClient(options, (receiver, ct) => M3uaSctpClient.ConnectAsync(remote, receiver, transport, local, ct), data, events);
    }

    /// <summary>
    /// The server side: give <see cref="TransportReceiver"/> to an <see cref="M3uaTcpServer"/> or
    /// <see cref="M3uaSctpServer"/>. It serves the first connection up; another one arriving meanwhile is closed.
    /// </summary>
    public static M3uaAssociation CreateServer(M3uaAssociationOptions options, IM3uaDataReceiver data, IM3uaManagementEventSink? events = null) =>
        new(options, data, events, connect: null);

    /// <summary>The association's management (state, routes, activation).</summary>
    public M3uaManagement Management { get; }

    /// <summary>What a server transport is to deliver its connections to.</summary>
    public IM3uaTransportReceiver TransportReceiver => _receiver;

    /// <summary>The connection now up, if any.</summary>
    public M3uaConnection? Connection
    {
        get
        {
            lock (_gate) return _connection;
        }
    }

    /// <summary>Whether DATA may be sent now: a connection is up and traffic may flow for the routing context.</summary>
    public bool TrafficMayFlow => Connection is { IsOpen: true } && Management.TrafficMayFlow(_routingContext);

    /// <summary>Connections that came up since creation.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>DATA received while traffic may not flow, or not decodable, and dropped.</summary>
    public long DataDropped => Interlocked.Read(ref _dataDropped);

    /// <summary>
    /// Sends DATA with <paramref name="header"/> and <paramref name="userData"/> (copied before returning), on stream
    /// 1 + SLS mod (streams − 1) when the transport has more than one stream, else on stream 0. False, and nothing sent,
    /// while no connection is up or traffic may not flow, or when the message cannot be laid out. Never retried.
    /// </summary>
    public bool TrySendData(in ProtocolDataHeader header, ReadOnlySpan<byte> userData)
    {
        M3uaConnection? connection = Connection;
        if (connection is null || !connection.IsOpen || !Management.TrafficMayFlow(_routingContext)) return false;

        int size = M3uaHeader.Length + 8 + 8 + 8 + M3uaParameterRules.ProtocolDataHeaderLength + userData.Length + 3;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        var writer = new M3uaWriter(buffer, M3uaMessageType.Data);
        if (Management.Options.NetworkAppearance is uint na) writer.WriteUInt32(M3uaParameterTag.NetworkAppearance, na);
        if (_routingContext is uint rc) writer.WriteRoutingContext(rc);
        writer.WriteProtocolData(in header, userData);
        if (!writer.TryComplete(out int written) || written > connection.MaxMessageSize)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return false;
        }

        int streams = connection.OutboundStreams;
        ushort stream = streams > 1 ? (ushort)(1 + (header.SignallingLinkSelection % (streams - 1))) : (ushort)0;
        _ = SendPooledAsync(connection, buffer, written, stream);
        return true;
    }

    private async Task SendPooledAsync(M3uaConnection connection, byte[] buffer, int length, ushort stream)
    {
        if (_options.WireTap is { IsTapping: true } tap) tap.Sent(connection, stream, buffer.AsSpan(0, length));
        try
        {
            await connection.SendAsync(buffer.AsMemory(0, length), stream).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed send closes the connection and its receiver hears it; nothing to add here.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RunAsync()
    {
        ResiliencePipeline pipeline = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(_ => !_stop.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.ReconnectDelay,
                MaxDelay = _options.MaxReconnectDelay,
                OnRetry = args =>
                {
                    if (_events is IM3uaAssociationEventSink sink && args.Outcome.Exception is Exception error)
                    {
                        // Polly's own timeout type would leak into our surface and say less than this.
                        if (error is TimeoutRejectedException)
                        {
                            error = new TimeoutException($"no ASP up within {_options.AttemptTimeout.TotalSeconds:0.###} s (connect, then ASPUP acknowledged)", error);
                        }

                        sink.AttemptFailed(new M3uaAttemptFailure(args.AttemptNumber + 1, error, args.RetryDelay));
                    }

                    return default;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();

        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Task down = await pipeline.ExecuteAsync(AttemptAsync, stop).ConfigureAwait(false);
                await down.WaitAsync(stop).ConfigureAwait(false);
                await Task.Delay(_options.ReconnectDelay, _options.TimeProvider, stop).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopping: the retry strategy stops handling failures then, so an attempt that failed just as the stop
                // came (a refused connect) ends up here, not only the cancellation. Nothing is left to retry or report.
                break;
            }
        }
    }

    // One attempt: connect, then wait until the ASP is up. Returns the task that completes when that connection is down.
    private async ValueTask<Task> AttemptAsync(CancellationToken cancellationToken)
    {
        var bringUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _bringUp = bringUp;
            _down = down;
        }

        M3uaConnection connection = await _connect!(_receiver, cancellationToken).ConfigureAwait(false);
        try
        {
            if (Management.AspStatus != AspStatus.Down) bringUp.TrySetResult();
            await bringUp.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return down.Task;
        }
        catch
        {
            // Timed out or went down during bring-up: this connection is abandoned before the next attempt. Cancelled
            // first, so that its going down does not fault a task nobody awaits any more (an unobserved exception).
            bringUp.TrySetCanceled(CancellationToken.None);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void OnConnectionUp(M3uaConnection connection)
    {
        lock (_gate)
        {
            if (_disposed != 0 || (_connection is { IsOpen: true } && _connection != connection))
            {
                connection.Close();
                return;
            }

            _connection = connection;
        }

        Interlocked.Increment(ref _connects);
        Management.AssociationUp();
    }

    private void OnConnectionDown(M3uaConnection connection)
    {
        TaskCompletionSource? bringUp, down;
        lock (_gate)
        {
            if (_connection != connection) return;
            _connection = null;
            bringUp = _bringUp;
            down = _down;
            _bringUp = null;
            _down = null;
        }

        Management.AssociationDown();
        bringUp?.TrySetException(new M3uaTransportException("The connection went down during bring-up."));
        down?.TrySetResult();
    }

    private void OnMessage(M3uaConnection connection, ReadOnlySpan<byte> message)
    {
        if (Connection != connection) return;
        if (message.Length >= 4 && message[2] == (byte)M3uaMessageClass.Transfer && message[3] == 1)
        {
            ReceiveData(message);
            return;
        }

        M3uaSignalCodec.Receive(Management, message, _receiver);
    }

    private void ReceiveData(ReadOnlySpan<byte> message)
    {
        var reader = new M3uaReader(message);
        if (reader.Error != M3uaError.None)
        {
            DropData(message, reader.ErrorCode, null);
            return;
        }

        uint? routingContext = reader.TryGetRoutingContext(out uint rc) ? rc : null;
        if (!Management.TrafficMayFlow(routingContext ?? _routingContext))
        {
            // RFC 4666 §4.3.4.3 (recollection): DATA for an AS we are not active in is an Unexpected Message.
            DropData(message, M3uaErrorCode.UnexpectedMessage, routingContext);
            return;
        }

        if (!reader.TryGetProtocolData(out ProtocolDataHeader header, out ReadOnlySpan<byte> userData))
        {
            DropData(message, M3uaErrorCode.None, routingContext);
            return;
        }

        _data.DataReceived(in header, userData, routingContext);
    }

    // Counts a DATA not delivered and answers it with ERR when there is an Error Code (never retried, never queued).
    private void DropData(ReadOnlySpan<byte> message, M3uaErrorCode code, uint? routingContext)
    {
        Interlocked.Increment(ref _dataDropped);
        Span<byte> buffer = stackalloc byte[M3uaSignalCodec.DefaultBufferSize];
        if (code != M3uaErrorCode.None
            && M3uaErrorReply.TryWrite(buffer, code, message, out int written, routingContext: routingContext) == M3uaError.None)
        {
            _receiver.Send(buffer[..written], M3uaSignalCodec.ManagementStream);
        }
    }

    private void OnEvent(in M3uaManagementEvent managementEvent)
    {
        switch (managementEvent.Kind)
        {
            case M3uaManagementEventKind.AspStateChanged when Management.AspStatus != AspStatus.Down:
                TaskCompletionSource? bringUp;
                lock (_gate) bringUp = _bringUp;
                bringUp?.TrySetResult();
                break;
            case M3uaManagementEventKind.AssociationDead or M3uaManagementEventKind.GaveUp:
                // Close; ConnectionDown takes the management down, and the client side reconnects.
                Connection?.Close();
                break;
        }

        _events?.Report(in managementEvent);
    }

    /// <summary>Stops reconnecting, shuts the management down, closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        try
        {
            Management.Shutdown();
        }
        catch (ObjectDisposedException)
        {
        }

        M3uaConnection? connection = Connection;
        if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Management.Dispose();
        _stop.Dispose();
    }

    // The transport's receiver, the management's event sink and the bridge's message sink, kept off the public surface.
    private sealed class Receiver(M3uaAssociation owner) : IM3uaTransportReceiver, IM3uaManagementEventSink, IM3uaMessageSink
    {
        public void ConnectionUp(M3uaConnection connection) => owner.OnConnectionUp(connection);

        public void MessageReceived(M3uaConnection connection, ushort stream, ReadOnlySpan<byte> message)
        {
            if (owner._options.WireTap is { IsTapping: true } tap) tap.Received(connection, stream, message);
            owner.OnMessage(connection, message);
        }

        public void AssociationEvent(M3uaConnection connection, SctpNotification notification)
        {
            if (owner._events is IM3uaAssociationEventSink sink && owner.Connection == connection) sink.TransportEvent(notification);
        }

        public void ConnectionDown(M3uaConnection connection, M3uaConnectionDown down) => owner.OnConnectionDown(connection);

        public void Report(in M3uaManagementEvent managementEvent) => owner.OnEvent(in managementEvent);

        public void Send(ReadOnlySpan<byte> message, int stream)
        {
            M3uaConnection? connection = owner.Connection;
            if (connection is null || !connection.IsOpen) return;
            byte[] buffer = ArrayPool<byte>.Shared.Rent(message.Length);
            message.CopyTo(buffer);
            _ = owner.SendPooledAsync(connection, buffer, message.Length, (ushort)stream);
        }

        public void EncodeFailed(in M3uaSignal signal, in M3uaSignalResult result)
        {
        }
    }
}
