using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip;

/// <summary>
/// The SIP transaction layer: receives from the UDP and TCP transports, parses, answers what is malformed, matches
/// requests and responses to the RFC 3261 §17 transactions (creating server transactions for new requests), handles
/// CANCEL itself, and routes what it sends per §18. The TU above it is an <see cref="ISipTransactionUser"/> for what
/// arrives unasked, and one <see cref="IClientTransactionUser"/> per request it sends.
/// </summary>
/// <remarks>
/// <para>
/// <b>Receiving.</b> Each datagram passes the per-source rate limit before it is parsed (a stream message after it is
/// framed, since framing needs the parser). A malformed request that can still be answered (the parser's
/// <see cref="SipParseResult.CanRespond"/>, or a request whose Via, From or To does not parse) gets a 400, 505 or 513
/// whose reason phrase names the defect, statelessly; anything else is dropped and counted. Each kind of defect is logged
/// once per source per <see cref="SipStackOptions.DefectLogInterval"/>. A stream whose framing is lost is closed after
/// that response. Nothing a peer sends throws out of the receive path.
/// </para>
/// <para>
/// <b>Ownership.</b> Every <see cref="SipMessage"/> the parser hands out is the stack's: it is disposed when the
/// transaction it belongs to ends (a server request), after the TU's callback (responses, ACKs), or at once (retransmissions,
/// absorbed messages). The TU never disposes one. <see cref="LiveMessages"/> counts those not yet disposed.
/// </para>
/// <para>Thread-safe. Callbacks to the TU are never made under a lock of the stack.</para>
/// </remarks>
public sealed class SipStack : IDatagramReceiver, IStreamReceiver, IAsyncDisposable
{
    /// <summary>RFC 3261 §18.1.1: with the path MTU unknown, a request larger than this goes over TCP.</summary>
    public const int MaxUdpRequestSize = 1300;

    private static readonly byte[] Pong = "\r\n"u8.ToArray();

    private readonly SipStackOptions _options;
    private readonly ISipTransactionUser _user;
    private readonly ILogger _logger;
    private readonly SipParserOptions _parserOptions;
    private readonly SourceRateLimiter _rateLimiter;
    private readonly OncePerInterval<(IPAddress Source, string Defect)> _defectLog;
    private readonly Lock _tables = new();
    private readonly Dictionary<TransactionKey, ServerRequest> _server = [];
    private readonly LingeringTransactions _lingering = new();
    private readonly ITimer _lingeringExpiry;
    private readonly Dictionary<TransactionKey, ClientRequest> _client = [];
    private readonly LingeringTransactions _lingeringInvites = new();
    private readonly LingeringTransactions _lingeringNonInvites = new();
    private readonly ConcurrentDictionary<SipStreamConnection, byte> _closing = new();

    // One SipPeer per UDP source endpoint object (the listener keeps one per source address), held no longer than that
    // object: every server transaction keeps its request's peer for its 32 s of lingering, and the same few PBXs send
    // nearly every datagram.
    private readonly ConditionalWeakTable<IPEndPoint, SipPeer> _udpPeers = new();
    private string _sentByHost = string.Empty;
    private long _liveMessages;
    private int _state; // 0 created, 1 started, 2 disposed

    /// <summary>Creates the stack; <see cref="Start"/> binds its sockets.</summary>
    /// <param name="options">Configuration; validated here.</param>
    /// <param name="user">The TU for requests, ACKs and stray responses.</param>
    /// <param name="logger">Where defects and failures are logged; none when null.</param>
    /// <param name="timeProvider">Clock and timers (virtual in tests); the system's when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SipStack(SipStackOptions options, ISipTransactionUser user, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(user);
        options.Validate();
        _options = options;
        _user = user;
        _logger = logger ?? NullLogger.Instance;
        Time = timeProvider ?? TimeProvider.System;
        _parserOptions = new SipParserOptions { MaxMessageSize = options.MaxMessageSize };
        _rateLimiter = new SourceRateLimiter(options.RateLimitPerSecond, options.RateLimitBurst, options.MaxTrackedSources, Time);
        _defectLog = new OncePerInterval<(IPAddress, string)>(options.DefectLogInterval, options.MaxTrackedSources, Time);
        Transports = new SipTransports(options, this, this, Time, _logger);
        _lingeringExpiry = Time.CreateTimer(static stack => ((SipStack)stack!).ExpireLingering(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The bound UDP address (after <see cref="Start"/>), or null.</summary>
    public IPEndPoint? UdpEndPoint => Transports.Udp?.LocalEndPoint;

    /// <summary>The bound TCP address (after <see cref="Start"/>), or null.</summary>
    public IPEndPoint? TcpEndPoint => Transports.Tcp?.LocalEndPoint;

    /// <summary>The host the stack writes in its Via sent-by.</summary>
    public string SentByHost => _sentByHost;

    /// <summary>What the stack counted.</summary>
    public SipStackCounters Counters { get; } = new();

    /// <summary>Server transactions alive (including those of CANCEL requests).</summary>
    public int ServerTransactionCount
    {
        get
        {
            lock (_tables)
            {
                return _server.Count + _lingering.Count;
            }
        }
    }

    /// <summary>Client transactions alive (including those of CANCEL requests).</summary>
    public int ClientTransactionCount
    {
        get
        {
            lock (_tables)
            {
                return _client.Count + _lingeringInvites.Count + _lingeringNonInvites.Count;
            }
        }
    }

    /// <summary>All transactions alive.</summary>
    public int TransactionCount
    {
        get
        {
            lock (_tables)
            {
                return _server.Count + _lingering.Count + _client.Count + _lingeringInvites.Count + _lingeringNonInvites.Count;
            }
        }
    }

    /// <summary>Parsed messages the stack holds and has not yet disposed (their pooled buffers are out).</summary>
    public long LiveMessages => Interlocked.Read(ref _liveMessages);

    /// <summary>TCP sends in progress: connecting or writing.</summary>
    public int PendingStreamSends => Transports.PendingSends;

    internal SipTimerSettings Timers => _options.Timers;

    internal TimeProvider Time { get; }

    internal SipTransports Transports { get; }

    /// <summary>Binds and starts the UDP and TCP listeners.</summary>
    /// <exception cref="InvalidOperationException">Already started, or no sent-by host can be derived.</exception>
    /// <exception cref="SocketException">An address could not be bound.</exception>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The SIP stack has already been started.");
        }

        Transports.Start();
        IPEndPoint bound = (UdpEndPoint ?? TcpEndPoint)!;
        if (_options.SentByHost is { } host)
        {
            _sentByHost = host;
        }
        else if (bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any))
        {
            throw new InvalidOperationException("Bound to a wildcard address: set SipStackOptions.SentByHost to the address peers reach us at.");
        }
        else
        {
            _sentByHost = bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound.Address}]" : bound.Address.ToString();
        }
    }

    /// <summary>
    /// Sends a request on a new client transaction (RFC 3261 §17.1): adds the top Via (fresh branch, our sent-by,
    /// <c>rport</c>), picks the transport (TCP when asked, or when the request exceeds <see cref="MaxUdpRequestSize"/> bytes,
    /// §18.1.1) and starts the transaction, which retransmits over UDP and reports to <paramref name="user"/>.
    /// </summary>
    /// <param name="request">The request; not ACK (see <see cref="SendAck"/>) nor CANCEL (see <see cref="ClientRequest.Cancel"/>).</param>
    /// <param name="user">Receives the responses and the end of the transaction.</param>
    /// <returns>The request, to cancel it or look at what was sent.</returns>
    /// <exception cref="ArgumentException">The request is invalid.</exception>
    /// <exception cref="InvalidOperationException">The stack is not started or is disposed.</exception>
    public ClientRequest SendRequest(OutgoingRequest request, IClientTransactionUser user)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        EnsureRunning();
        request.Validate();
        if (request.Method is "ACK" or "CANCEL")
        {
            throw new ArgumentException($"{request.Method} is not sent on a transaction of its own: use SendAck or ClientRequest.Cancel.", nameof(request));
        }

        string branch = SipIdentifiers.NewBranch();
        (SipDestination destination, string via, byte[] bytes) = Serialise(request, branch);
        var sent = new ClientRequest(this, request, user, branch, via, bytes, destination);
        lock (_tables)
        {
            _client.Add(sent.Key, sent);
        }

        sent.Start();
        return sent;
    }

    /// <summary>
    /// Sends an ACK for a 2xx (RFC 3261 §13.2.2.4, built by the dialog layer) outside any transaction, with a fresh
    /// branch. Keep the bytes to re-send them with <see cref="SendRaw"/> for each retransmission of the 2xx.
    /// </summary>
    /// <param name="ack">The ACK; <see cref="OutgoingRequest.Method"/> must be ACK.</param>
    /// <returns>The ACK as sent.</returns>
    public ReadOnlyMemory<byte> SendAck(OutgoingRequest ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        EnsureRunning();
        ack.Validate();
        if (ack.Method != "ACK")
        {
            throw new ArgumentException("SendAck sends ACK only.", nameof(ack));
        }

        (SipDestination destination, _, byte[] bytes) = Serialise(ack, SipIdentifiers.NewBranch());
        Transports.Send(destination, bytes, null);
        return bytes;
    }

    /// <summary>Sends bytes as they are, outside any transaction (a retransmitted ACK, a keep-alive).</summary>
    /// <param name="message">A whole serialised message; it must not change until sent.</param>
    /// <param name="destination">Where to.</param>
    /// <param name="transport">UDP, or TCP (a connection to the destination is reused or opened).</param>
    public void SendRaw(ReadOnlyMemory<byte> message, IPEndPoint destination, SipTransportProtocol transport)
    {
        ArgumentNullException.ThrowIfNull(destination);
        EnsureRunning();
        Transports.Send(new SipDestination(transport, destination), message, null);
    }

    /// <summary>Cancels an INVITE; see <see cref="ClientRequest.Cancel"/>.</summary>
    /// <param name="invite">The INVITE sent through <see cref="SendRequest"/>.</param>
    /// <param name="reason">The Reason header value, or null.</param>
    /// <returns>As <see cref="ClientRequest.Cancel"/>.</returns>
    public bool Cancel(ClientRequest invite, string? reason)
    {
        ArgumentNullException.ThrowIfNull(invite);
        return invite.Cancel(reason);
    }

    /// <summary>Abandons every transaction (the TU is told), then closes the sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        ServerRequest[] servers;
        ClientRequest[] clients;
        lock (_tables)
        {
            servers = [.. _server.Values];
            clients = [.. _client.Values];
            _lingering.Clear();
            _lingeringInvites.Clear();
            _lingeringNonInvites.Clear();
        }

        _lingeringExpiry.Dispose();

        foreach (ServerRequest request in servers)
        {
            request.Abandon();
        }

        foreach (ClientRequest request in clients)
        {
            request.Abandon();
        }

        await Transports.DisposeAsync().ConfigureAwait(false);
    }

    // ---------------------------------------------------------------- Receiving

    private static void Tap(ISipWireTap tap, SipStreamConnection connection, in ReadOnlySequence<byte> message)
    {
        if (message.IsSingleSegment)
        {
            tap.Received(SipTransportProtocol.Tcp, connection.Local, connection.Remote, message.FirstSpan);
            return;
        }

        int length = checked((int)message.Length);
        byte[] copy = ArrayPool<byte>.Shared.Rent(length);
        message.CopyTo(copy);
        tap.Received(SipTransportProtocol.Tcp, connection.Local, connection.Remote, copy.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(copy);
    }

    /// <inheritdoc/>
    void IDatagramReceiver.DatagramReceived(SipUdpListener listener, IPEndPoint remote, byte[] buffer, int length)
    {
        SipPeer source = _udpPeers.GetOrAdd(remote, static endPoint => new SipPeer(SipTransportProtocol.Udp, endPoint));
        try
        {
            if (Volatile.Read(ref _state) != 1)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return;
            }

            if (!_rateLimiter.TryAcquire(remote.Address))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                RateLimited(source);
                return;
            }

            Counters.CountReceived();
            if (_options.WireTap is { IsTapping: true } tap) tap.Received(SipTransportProtocol.Udp, listener.LocalEndPoint, remote, buffer.AsSpan(0, length));

            // The buffer passes to the parser: back to the pool at once, or owned by the message it hands out.
            SipParseResult result = SipParser.TryParse(buffer, length, ArrayPool<byte>.Shared, out SipMessage? message, _parserOptions);
            Adopt(message);
            Handle(in result, message, source);
        }
        catch (Exception e)
        {
            SipStackLog.ReceiveError(_logger, source.EndPoint.ToString(), "udp", e);
        }
    }

    /// <inheritdoc/>
    StreamReadResult IStreamReceiver.Received(SipStreamConnection connection, in ReadOnlySequence<byte> buffer)
    {
        if (_closing.ContainsKey(connection))
        {
            // Framing was lost and the last response is on its way: whatever else comes is not SIP we can read.
            return new StreamReadResult(buffer.End, buffer.End);
        }

        var source = new SipPeer(SipTransportProtocol.Tcp, connection.Remote, connection);
        ReadOnlySequence<byte> rest = buffer;
        try
        {
            while (true)
            {
                SipParseResult result = SipParser.TryParseStream(rest, out SequencePosition consumed, out SequencePosition examined, out SipMessage? message, _parserOptions);
                if (result.Status == SipParseStatus.NeedMoreData)
                {
                    return new StreamReadResult(consumed, examined);
                }

                Adopt(message);
                if (_options.WireTap is { IsTapping: true } tap) Tap(tap, connection, rest.Slice(0, consumed));
                bool admitted = Volatile.Read(ref _state) == 1 && _rateLimiter.TryAcquire(source.EndPoint.Address);
                bool closing = false;
                if (!admitted)
                {
                    // A stream message must be framed (parsed) before it can be skipped; it is dropped unprocessed.
                    Release(message);
                    if (Volatile.Read(ref _state) == 1)
                    {
                        RateLimited(source);
                    }
                }
                else
                {
                    Counters.CountReceived();
                    closing = Handle(in result, message, source);
                }

                if (result.FramingLost)
                {
                    if (!closing)
                    {
                        return new StreamReadResult(buffer.End, buffer.End, Close: true);
                    }

                    // The response is being sent; the connection closes when it is out. Ignore the rest until then.
                    _closing.TryAdd(connection, 0);
                    return new StreamReadResult(buffer.End, buffer.End);
                }

                rest = rest.Slice(consumed);
            }
        }
        catch (Exception e)
        {
            SipStackLog.ReceiveError(_logger, source.EndPoint.ToString(), "tcp", e);
            return new StreamReadResult(buffer.End, buffer.End, Close: true);
        }
    }

    /// <inheritdoc/>
    void IStreamReceiver.ConnectionClosed(SipStreamConnection connection) => _closing.TryRemove(connection, out _);

    /// <summary>Handles one parse result; returns true when a response is on its way and will close the stream after it.</summary>
    private bool Handle(in SipParseResult result, SipMessage? message, SipPeer source)
    {
        switch (result.Status)
        {
            case SipParseStatus.KeepAlive:
                if (source.Connection is not null)
                {
                    // RFC 5626 §4.4.1: a CRLFCRLF ping is answered with a CRLF pong.
                    Transports.Send(SipDestination.ToSource(source), Pong, null);
                }

                return false;

            case SipParseStatus.Invalid:
                if (message is null)
                {
                    Counters.CountMalformedDropped();
                    LogDefect(source, result.Error.ToString(), HeaderName(result.Header), "dropped");
                    return false;
                }

                return RespondMalformed(message, source, result.StatusCode, result.GetReasonPhrase(), result.Error.ToString(), result.Header, result.FramingLost);

            case SipParseStatus.Complete when message is not null:
                if (message.IsRequest)
                {
                    HandleRequest(message, source);
                }
                else
                {
                    HandleResponse(message, source);
                }

                return false;

            default:
                Release(message);
                return false;
        }
    }

    private void HandleRequest(SipMessage message, SipPeer source)
    {
        if (!RequestHeaders.TryRead(message, out RequestHeaders? headers, out SipHeaderName invalid))
        {
            RespondMalformed(message, source, 400, new SipHeaderDefect(invalid).ReasonPhrase, "InvalidHeader", invalid, framingLost: false);
            return;
        }

        // An ACK is never answered (RFC 3261 §17.1.1.3); any other request with a header the gateway would act on that
        // breaks its grammar is refused here, before a transaction or the TU sees it.
        if (message.Method != SipMethod.Ack && !SipMessageValidator.TryValidate(message, headers, out var defect))
        {
            RespondMalformed(message, source, 400, defect.Value.ReasonPhrase, "MalformedHeader", defect.Value.Header, framingLost: false);
            return;
        }

        var stamp = ViaStamp.For(headers.TopVia, source.EndPoint);
        switch (message.Method)
        {
            case SipMethod.Ack:
                HandleAck(message, headers, source);
                break;
            case SipMethod.Cancel:
                HandleCancel(message, headers, source, stamp);
                break;
            default:
                HandleNewOrRetransmitted(message, headers, source, stamp);
                break;
        }
    }

    /// <summary>RFC 3261 §17.2.3: a retransmission goes to its transaction; a new request creates one and goes to the TU.</summary>
    private void HandleNewOrRetransmitted(SipMessage message, RequestHeaders headers, SipPeer source, in ViaStamp stamp)
    {
        TransactionKey key = headers.Key();
        if (!TryFindOrCreate(message, headers, source, stamp, key, internalOnly: false, out ServerRequest? existing, out ServerRequest? created))
        {
            return;
        }

        if (existing is not null)
        {
            Release(message);
            existing.ReceiveRetransmission();
            return;
        }

        created!.BeginCallback();
        try
        {
            _user.RequestReceived(created);
        }
        catch (Exception e)
        {
            UserFailed(nameof(ISipTransactionUser.RequestReceived), e);

            // The TU will not answer: end the transaction rather than leave it waiting for ever.
            created.Respond(500);
        }
        finally
        {
            created.EndCallback();
        }
    }

    /// <summary>
    /// The server transaction <paramref name="key"/> names, or a new one for <paramref name="message"/> (which it then owns).
    /// False when the request cannot be given one — a header value the response writer would refuse to copy — in which
    /// case the message has been released and the request dropped.
    /// </summary>
    private bool TryFindOrCreate(SipMessage message, RequestHeaders headers, SipPeer source, in ViaStamp stamp, TransactionKey key, bool internalOnly, out ServerRequest? existing, out ServerRequest? created)
    {
        created = null;
        byte[]? response = null;
        IPEndPoint? destination = null;
        bool lingering = false;
        try
        {
            lock (_tables)
            {
                if (!_server.TryGetValue(key, out existing) && !(lingering = _lingering.TryFind(key, out response, out destination)))
                {
                    created = new ServerRequest(this, message, headers, source, stamp, key, internalOnly);
                    _server.Add(key, created);
                }
            }

            if (lingering)
            {
                // A retransmission of a request whose transaction lingers: a non-INVITE's final response again
                // (RFC 3261 §17.2.2); an accepted INVITE's is absorbed (RFC 6026 §8.7), its 2xx being the TU's to repeat.
                Release(message);
                if (destination is not null)
                {
                    Transports.Send(new SipDestination(SipTransportProtocol.Udp, destination), response, null);
                }

                return false;
            }

            return true;
        }
        catch (ArgumentException)
        {
            existing = null;
            Release(message);
            Counters.CountMalformedDropped();
            LogDefect(source, "UnwritableHeader", "-", "dropped");
            return false;
        }
    }

    /// <summary>
    /// An ACK: to the INVITE server transaction it matches (the ACK of a 300–699 is absorbed there, one after a 2xx passed
    /// up, RFC 6026), or to the TU when it matches none — the ACK of a 2xx, which has a branch of its own (§17.2.3).
    /// </summary>
    private void HandleAck(SipMessage ack, RequestHeaders headers, SipPeer source)
    {
        ServerRequest? invite = null;
        lock (_tables)
        {
            foreach (TransactionKey key in headers.AckKeys())
            {
                if (_server.TryGetValue(key, out ServerRequest? candidate) && candidate.IsInvite
                    && (headers.HasRfc3261Branch || candidate.AcknowledgesOurResponse(headers.To.Tag)))
                {
                    invite = candidate;
                    break;
                }
            }
        }

        if (invite is not null)
        {
            invite.ReceiveAck(ack);
            return;
        }

        if (headers.HasRfc3261Branch && IsLingering(headers.Key()))
        {
            // The ACK of a 2xx with the INVITE's own branch, its transaction Accepted (RFC 6026 §8.7): to the dialog.
            try
            {
                NotifyAck(ack, source, null);
            }
            finally
            {
                Release(ack);
            }

            return;
        }

        Counters.CountStrayAck();
        try
        {
            NotifyAck(ack, source, null);
        }
        finally
        {
            Release(ack);
        }
    }

    /// <summary>
    /// RFC 3261 §9.2: a CANCEL has a non-INVITE server transaction of its own. If it matches no INVITE transaction it is
    /// answered 481. Otherwise 200, and if the INVITE has no final response yet, the INVITE is answered 487 and the TU is
    /// told with the CANCEL's Reason; if the final response is already out, the CANCEL has no effect. The TU never sees
    /// the CANCEL itself, so it is never challenged.
    /// </summary>
    private void HandleCancel(SipMessage cancel, RequestHeaders headers, SipPeer source, in ViaStamp stamp)
    {
        TransactionKey key = headers.Key();
        if (!TryFindOrCreate(cancel, headers, source, stamp, key, internalOnly: true, out ServerRequest? existing, out ServerRequest? created))
        {
            return;
        }

        ServerRequest? invite = null;
        if (created is not null)
        {
            lock (_tables)
            {
                _server.TryGetValue(key.CancelledInviteKey(), out invite);
            }
        }

        if (existing is not null)
        {
            Release(cancel);
            existing.ReceiveRetransmission();
            return;
        }

        if (invite is null && TryFindLingeringTag(key.CancelledInviteKey(), out string? tag))
        {
            // The INVITE was answered 2xx and its transaction lingers: the CANCEL has no effect (§9.2).
            created!.RespondInternally(200, tag);
            created.ReleaseMessage();
            return;
        }

        if (invite is null || !invite.IsInvite || invite.IsEnded)
        {
            created!.RespondInternally(481, SipIdentifiers.NewTag());
            created.ReleaseMessage();
            return;
        }

        var reasons = new List<ReasonValue>();
        foreach (ReadOnlySpan<byte> value in cancel.GetHeaderValues(SipHeaderName.Reason))
        {
            // One unreadable Reason must not stop the cancellation: it is only left out.
            ReasonHeader.TryParseList(value, reasons);
        }

        // §9.2: the CANCEL's response carries the same To tag as the INVITE's responses.
        created!.RespondInternally(200, invite.LocalTag);
        created.ReleaseMessage();
        if (invite.TryCancel(reasons))
        {
            invite.BeginCallback();
            try
            {
                _user.RequestCancelled(invite, reasons);
            }
            catch (Exception e)
            {
                UserFailed(nameof(ISipTransactionUser.RequestCancelled), e);
            }
            finally
            {
                invite.EndCallback();
            }
        }
    }

    /// <summary>
    /// A response: RFC 3261 §18.1.2 drops one whose top Via sent-by is not ours, §8.1.3.3 one with more than one Via; the
    /// rest match a client transaction by branch and CSeq method (§17.1.3) or go to the TU as stray.
    /// </summary>
    private void HandleResponse(SipMessage response, SipPeer source)
    {
        string? discard = null;
        if (!TryReadOnlyVia(response, out ViaHeader? via))
        {
            discard = "via";
        }
        else if (via.Branch is null)
        {
            discard = "no-branch";
        }
        else if (!string.Equals(via.Host, _sentByHost, StringComparison.OrdinalIgnoreCase))
        {
            discard = "not-our-sent-by";
        }

        if (discard is not null)
        {
            Counters.CountResponseDiscarded();
            SipStackLog.ResponseDiscarded(_logger, source.ToString(), discard);
            Release(response);
            return;
        }

        var key = TransactionKey.ForClient(via!.Branch!, Encoding.ASCII.GetString(response.CSeqMethodToken));
        ClientRequest? request;
        lock (_tables)
        {
            _client.TryGetValue(key, out request);
        }

        if (request is not null)
        {
            request.ReceiveResponse(response);
            return;
        }

        if (TryAbsorbLingering(response, source, key))
        {
            return;
        }

        // RFC 6026 §8.9: a response that matches no client transaction is discarded by all but a stateless proxy. A 2xx
        // after Timer M included: its UAS has had 64*T1 to see our ACK, or has given up and sent BYE.
        Counters.CountStrayResponse();
        Release(response);
    }

    /// <summary>
    /// Answers a malformed request statelessly (no transaction: garbage must not fill the tables; a retransmission is
    /// answered again, and the ACK of an INVITE's 400 matches nothing and reaches the TU as a stray ACK). The response is
    /// built from the request's own Via, From, To (a tag added), Call-ID and CSeq, and routed by its Via when that parses,
    /// otherwise to the packet's source. An ACK is never answered.
    /// </summary>
    /// <param name="request">The request; released here, before the response is sent.</param>
    /// <returns>True when the stream will be closed after the response (<paramref name="framingLost"/>).</returns>
    private bool RespondMalformed(SipMessage request, SipPeer source, int statusCode, string reasonPhrase, string error, SipHeaderName header, bool framingLost)
    {
        if (request.Method == SipMethod.Ack)
        {
            Release(request);
            Counters.CountMalformedDropped();
            LogDefect(source, error, HeaderName(header), "dropped");
            return false;
        }

        byte[] response;
        SipDestination destination;
        try
        {
            byte[]? topVia = null;
            destination = SipDestination.ToSource(source);
            if (RequestHeaders.TryReadTopVia(request, out ViaHeader? via, out _))
            {
                var stamp = ViaStamp.For(via, source.EndPoint);
                topVia = stamp.Apply(request.GetHeaderValue(SipHeaderName.Via));
                destination = SipDestination.ForResponses(source, via, stamp);
            }

            ReadOnlySpan<byte> to = request.GetHeaderValue(SipHeaderName.To);
            bool tagged = NameAddress.TryParse(to, out NameAddress? parsed) ? parsed.Tag is not null : to.IndexOf(";tag="u8) >= 0;
            response = ResponseBuilder.Build(request, topVia, statusCode, reasonPhrase, tagged ? null : SipIdentifiers.NewTag(), null, []);
        }
        catch (ArgumentException)
        {
            // A value the writer refuses to copy: nothing safe can be sent.
            Counters.CountMalformedDropped();
            LogDefect(source, error, HeaderName(header), "dropped");
            return false;
        }
        finally
        {
            Release(request);
        }

        Counters.CountMalformedAnswered();
        LogDefect(source, error, HeaderName(header), statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (framingLost && source.Connection is not null)
        {
            Transports.SendAndClose(source.Connection, response);
            return true;
        }

        Transports.Send(destination, response, null);
        return false;
    }

    // ---------------------------------------------------------------- For ServerRequest and ClientRequest

    /// <summary>Counts a message the parser handed out: the stack now owns it.</summary>
    internal void Adopt(SipMessage? message)
    {
        if (message is not null)
        {
            Interlocked.Increment(ref _liveMessages);
        }
    }

    /// <summary>Disposes a message the stack owns (its buffer returns to the pool). Called exactly once per message.</summary>
    internal void Release(SipMessage? message)
    {
        if (message is not null)
        {
            message.Dispose();
            Interlocked.Decrement(ref _liveMessages);
        }
    }

    /// <summary>
    /// A server transaction over UDP entered the state in which it only lingers (a non-INVITE's Completed, an INVITE's
    /// Accepted): from now on its key and <paramref name="response"/> (the final response to repeat, to
    /// <paramref name="destination"/>; for an INVITE the To tag of its responses) stand in for it
    /// (<see cref="LingeringTransactions"/>), and it may end.
    /// </summary>
    internal void Linger(ServerRequest request, ReadOnlySpan<byte> response, IPEndPoint? destination)
    {
        lock (_tables)
        {
            if (_server.TryGetValue(request.Key, out ServerRequest? current) && ReferenceEquals(current, request) && TryLinger(_lingering, request.Key, response, destination, Timers.TransactionTimeout))
            {
                _server.Remove(request.Key);
            }
        }
    }

    /// <summary>
    /// A client transaction over UDP has nothing left but to linger (an INVITE accepted whose call has ended, with the
    /// To tag and ACK of the 2xx it took; a non-INVITE completed, with nothing): its key and <paramref name="kept"/>
    /// stand in for it (<see cref="LingeringTransactions"/>).
    /// </summary>
    /// <returns>True when they do, and the transaction may end.</returns>
    internal bool Linger(ClientRequest request, ReadOnlySpan<byte> kept, IPEndPoint? destination)
    {
        lock (_tables)
        {
            if (!_client.TryGetValue(request.Key, out ClientRequest? current) || !ReferenceEquals(current, request))
            {
                return false;
            }

            bool invite = request.IsInvite;
            if (!TryLinger(invite ? _lingeringInvites : _lingeringNonInvites, request.Key, kept, destination, invite ? Timers.TimerM : Timers.TimerK))
            {
                return false;
            }

            _client.Remove(request.Key);
            return true;
        }
    }

    // Under the table lock.
    private bool TryLinger(LingeringTransactions table, in TransactionKey key, ReadOnlySpan<byte> kept, IPEndPoint? destination, TimeSpan lifetime)
    {
        // Disposing, the stack has emptied the tables and is stopping its timer: the transaction just ends.
        if (Volatile.Read(ref _state) == 2)
        {
            return false;
        }

        long expires = Time.GetTimestamp() + (long)(lifetime.TotalSeconds * Time.TimestampFrequency);

        // The expiry timer is set for the earliest entry of the three tables: an entry that expires sooner re-arms it.
        bool sooner = NextLingeringExpiry() is not long due || due > expires;
        table.Add(key, kept, destination, expires);
        if (sooner)
        {
            _lingeringExpiry.Change(lifetime, Timeout.InfiniteTimeSpan);
        }

        return true;
    }

    private long? NextLingeringExpiry()
    {
        long? next = _lingering.NextExpiry;
        foreach (long? candidate in (ReadOnlySpan<long?>)[_lingeringInvites.NextExpiry, _lingeringNonInvites.NextExpiry])
        {
            if (candidate < (next ?? long.MaxValue))
            {
                next = candidate;
            }
        }

        return next;
    }

    /// <summary>
    /// A response for a client transaction that lingers as bytes: a 2xx to an accepted INVITE is ACKed again when it
    /// comes from the dialog the call took, and goes to the TU when another fork sends it (RFC 3261 §13.2.2.4: ACK, then
    /// BYE); anything else is a retransmission, absorbed.
    /// </summary>
    private bool TryAbsorbLingering(SipMessage response, SipPeer source, in TransactionKey key)
    {
        bool invite = key.Method == "INVITE";
        byte[] kept;
        IPEndPoint? destination;
        lock (_tables)
        {
            if (!(invite ? _lingeringInvites : _lingeringNonInvites).TryFind(key, out kept, out destination))
            {
                return false;
            }
        }

        try
        {
            if (!invite || response.StatusCode is < 200 or > 299)
            {
                return true;
            }

            // What an INVITE keeps: the To tag's length in one byte, the tag, then the ACK.
            ReadOnlySpan<byte> tag = kept.AsSpan(1, kept[0]);
            if (NameAddress.TryParse(response.GetHeaderValue(SipHeaderName.To), out NameAddress? to) && to.Tag is not null
                && tag.SequenceEqual(Encoding.UTF8.GetBytes(to.Tag)))
            {
                Transports.Send(new SipDestination(SipTransportProtocol.Udp, destination), kept.AsMemory(1 + kept[0]), null);
                return true;
            }

            try
            {
                _user.LateAnswerReceived(response, source);
            }
            catch (Exception e)
            {
                UserFailed(nameof(ISipTransactionUser.LateAnswerReceived), e);
            }

            return true;
        }
        finally
        {
            Release(response);
        }
    }

    private bool IsLingering(in TransactionKey key)
    {
        lock (_tables)
        {
            return _lingering.TryFind(key, out _, out _);
        }
    }

    private bool TryFindLingeringTag(in TransactionKey inviteKey, [NotNullWhen(true)] out string? tag)
    {
        byte[] bytes;
        lock (_tables)
        {
            if (!_lingering.TryFind(inviteKey, out bytes, out _))
            {
                tag = null;
                return false;
            }
        }

        tag = Encoding.UTF8.GetString(bytes);
        return true;
    }

    private void ExpireLingering()
    {
        lock (_tables)
        {
            long now = Time.GetTimestamp();
            _lingering.Expire(now);
            _lingeringInvites.Expire(now);
            _lingeringNonInvites.Expire(now);
            if (NextLingeringExpiry() is long next && Volatile.Read(ref _state) != 2)
            {
                // The timer may fire a tick early: never re-arm for less than a millisecond.
                double seconds = Math.Max((next - now) / (double)Time.TimestampFrequency, 0.001);
                _lingeringExpiry.Change(TimeSpan.FromSeconds(seconds), Timeout.InfiniteTimeSpan);
            }
        }
    }

    internal void Remove(ServerRequest request)
    {
        lock (_tables)
        {
            if (_server.TryGetValue(request.Key, out ServerRequest? current) && ReferenceEquals(current, request))
            {
                _server.Remove(request.Key);
            }
        }
    }

    internal void Remove(ClientRequest request)
    {
        lock (_tables)
        {
            if (_client.TryGetValue(request.Key, out ClientRequest? current) && ReferenceEquals(current, request))
            {
                _client.Remove(request.Key);
            }
        }
    }

    /// <summary>Sends the CANCEL of <paramref name="invite"/> on a non-INVITE client transaction of its own, to the INVITE's destination.</summary>
    internal void SendCancel(ClientRequest invite, byte[] bytes)
    {
        OutgoingRequest request = invite.Request with { Method = "CANCEL", Headers = [], Body = default, Contact = null };
        var cancel = new ClientRequest(this, request, null, invite.Branch, invite.Via, bytes, invite.Destination);
        lock (_tables)
        {
            if (!_client.TryAdd(cancel.Key, cancel))
            {
                return;
            }
        }

        cancel.Start();
    }

    internal void NotifyAck(SipMessage ack, SipPeer source, ServerRequest? invite)
    {
        try
        {
            _user.AckReceived(ack, source, invite);
        }
        catch (Exception e)
        {
            UserFailed(nameof(ISipTransactionUser.AckReceived), e);
        }
    }

    internal void NotifyEnded(ServerRequest request, SipTransactionEnd end)
    {
        try
        {
            _user.RequestEnded(request, end);
        }
        catch (Exception e)
        {
            UserFailed(nameof(ISipTransactionUser.RequestEnded), e);
        }
    }

    internal void Notify(ClientRequest request, SipMessage response)
    {
        try
        {
            request.User!.ResponseReceived(request, response);
        }
        catch (Exception e)
        {
            UserFailed(nameof(IClientTransactionUser.ResponseReceived), e);
        }
    }

    internal void NotifyEnded(ClientRequest request, SipTransactionEnd end)
    {
        try
        {
            request.User!.RequestEnded(request, end);
        }
        catch (Exception e)
        {
            UserFailed(nameof(IClientTransactionUser.RequestEnded), e);
        }
    }

    // ---------------------------------------------------------------- Helpers

    private (SipDestination Destination, string Via, byte[] Bytes) Serialise(OutgoingRequest request, string branch)
    {
        SipTransportProtocol transport = request.Transport ?? (Transports.Udp is null ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp);
        string via = Via(transport, branch);
        byte[] bytes = RequestBuilder.Build(request, via);
        if (transport == SipTransportProtocol.Udp && bytes.Length > MaxUdpRequestSize)
        {
            // §18.1.1: too close to the MTU for UDP; the top Via must name the transport actually used.
            transport = SipTransportProtocol.Tcp;
            via = Via(transport, branch);
            bytes = RequestBuilder.Build(request, via);
        }

        return (new SipDestination(transport, request.Destination), via, bytes);
    }

    private string Via(SipTransportProtocol transport, string branch)
    {
        int port = _options.SentByPort
            ?? (transport == SipTransportProtocol.Udp ? UdpEndPoint ?? TcpEndPoint : TcpEndPoint ?? UdpEndPoint)!.Port;
        return ViaHeader.Format(transport == SipTransportProtocol.Udp ? "UDP" : "TCP", _sentByHost, port, branch, requestRport: true);
    }

    private void EnsureRunning()
    {
        switch (Volatile.Read(ref _state))
        {
            case 0:
                throw new InvalidOperationException("Start the SIP stack first.");
            case 2:
                throw new ObjectDisposedException(nameof(SipStack));
        }
    }

    private void RateLimited(SipPeer source)
    {
        Counters.CountRateLimited();
        if (_defectLog.ShouldReport((source.EndPoint.Address, "rate-limited")))
        {
            SipStackLog.RateLimited(_logger, source.EndPoint.ToString(), Transport(source));
        }
    }

    private void LogDefect(SipPeer source, string error, string header, string action)
    {
        _options.WireTap?.Malformed(source.Transport, source.EndPoint);
        if (_defectLog.ShouldReport((source.EndPoint.Address, error + "/" + header)))
        {
            SipStackLog.Malformed(_logger, source.EndPoint.ToString(), Transport(source), error, header, action);
        }
    }

    private void UserFailed(string callback, Exception e)
    {
        Counters.CountUserError();
        SipStackLog.UserError(_logger, callback, e);
    }

    private static string Transport(SipPeer source) => source.Transport == SipTransportProtocol.Udp ? "udp" : "tcp";

    private static string HeaderName(SipHeaderName header) =>
        header == SipHeaderName.Unknown ? "-" : Encoding.ASCII.GetString(SipHeaderNames.GetName(header));

    /// <summary>The response's Via when it has exactly one via-parm that parses (ours); false otherwise.</summary>
    private static bool TryReadOnlyVia(SipMessage response, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ViaHeader? via)
    {
        via = null;
        var list = new List<ViaHeader>(1);
        if (response.GetHeaderValues(SipHeaderName.Via).Count != 1
            || !ViaHeader.TryParseList(response.GetHeaderValue(SipHeaderName.Via), list)
            || list.Count != 1)
        {
            return false;
        }

        via = list[0];
        return true;
    }
}
