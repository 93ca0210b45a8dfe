using System.Collections.Concurrent;
using System.Net;
using Gateway.Configuration;
using Gateway.Hosting;
using Gateway.Isup;
using Gateway.Logging;
using Gateway.Metrics;
using Gateway.Signalling;
using Gateway.Sip;
using Gateway.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Interworking;

/// <summary>
/// The gateway's calls: it starts the SIP user agent on the configured listeners, admits and routes each new call —
/// an INVITE from a configured trunk to a circuit group by called-number prefix, an IAM to a SIP trunk — creates its
/// call machine, and drains the calls on shutdown. It decides nothing about a call once it runs: the machines do.
/// </summary>
public sealed class InterworkingService : IHostedService, ISipUserAgentUser, IIsupCallEventSink, IShutdownParticipant, IAsyncDisposable
{
    private readonly GatewayConfiguration _configuration;
    private readonly SignallingService _signalling;
    private readonly CallAdmission _admission;
    private volatile ICallMapping _mapping;
    private volatile RoutingOptions _routing;
    private readonly GatewayMetrics _metrics;
    private readonly SignallingWireTap _wireTap;
    private volatile OverloadGuard _overload;

    // _calls.Count would take every lock of the dictionary on each new call: the count admission reads is kept apart.
    private int _active;
    private readonly EventRateLimiter _overloadLog;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<long, ICallRecord> _calls = new();
    private SipUserAgent? _sip;
    private CallServices? _services;
    private readonly Func<SipToIsupCall, IsupMessage, CallRefusal?> _seize;

    public InterworkingService(
        GatewayConfiguration configuration, SignallingService signalling, IsupCallEventRelay relay, CallAdmission admission,
        ICallMapping mapping, GatewayMetrics metrics, SignallingWireTap wireTap, TimeProvider time, ILoggerFactory loggers)
    {
        _metrics = metrics;
        _wireTap = wireTap;
        _overload = new OverloadGuard(configuration.Overload, time);
        _overloadLog = new EventRateLimiter(time, TimeSpan.FromMinutes(1), burst: 1);
        _seize = Seize;
        _configuration = configuration;
        _signalling = signalling;
        _admission = admission;
        _mapping = mapping;
        _routing = configuration.Routing;
        _time = time;
        _loggers = loggers;
        _log = loggers.CreateLogger("Gateway.Calls");
        relay.Target = this;
    }

    public string Name => "calls";

    public int ActiveCount => Volatile.Read(ref _active);

    /// <summary>The SIP user agent, once started (null without SIP listeners): its call, dialog and transaction counts.</summary>
    public SipUserAgent? Sip => _sip;

    /// <summary>The calls now up, for the operator's view.</summary>
    public IEnumerable<ICallRecord> Calls => _calls.Values;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        SipOptions sip = _configuration.Sip;
        SipListener? udp = null, tcp = null;
        foreach (SipListener listener in sip.Listeners)
        {
            if (listener.Transport == SipTransport.Udp) udp ??= listener;
            else tcp ??= listener;
        }

        string host = (udp ?? tcp)?.Address.ToString() ?? IPAddress.Loopback.ToString();
        if (udp is not null || tcp is not null)
        {
            var stackOptions = new SipStackOptions
            {
                UdpEndPoint = udp?.EndPoint,
                TcpEndPoint = tcp?.EndPoint,
                SentByHost = host,
                Timers = new SipTimerSettings(sip.Timers.T1, sip.Timers.T2, sip.Timers.T4),
                MaxMessageSize = sip.MaxMessageBytes,
                RateLimitPerSecond = sip.MaxMessagesPerSecondPerSource,
                RateLimitBurst = sip.MaxMessagesPerSecondPerSource * 2,
                WireTap = _wireTap,
            };
            _sip = new SipUserAgent(stackOptions, new SipUserAgentOptions(), this, _loggers.CreateLogger("Gateway.Sip"), _time);
            _sip.Start();
            _log.LogInformation("event=sip-listening udp={Udp} tcp={Tcp}", udp?.EndPoint.ToString() ?? "off", tcp?.EndPoint.ToString() ?? "off");
        }

        if (_signalling.Exchange is { } exchange)
        {
            _services = new CallServices(_mapping, exchange.CallControl, _sip, host, _time, _log, Ended);
        }

        return Task.CompletedTask;
    }

    // Overload is when lines cost most: one line per kind a minute at most, the next saying how many were not written.
    private void LogOverload(string direction, byte level)
    {
        if (!_overloadLog.TryAcquire(level, out long suppressed)) return;
        _log.LogWarning("event=overload dir={Direction} level={Level} limit={Limit} cause=42 retry-after={RetryAfter} suppressed={Suppressed}",
            direction, level, level == 1 ? "maxCallsPerSecond" : "maxCalls", _overload.RetryAfter, suppressed);
    }

    private void Ended(ICallRecord call)
    {
        if (_calls.TryRemove(call.Id, out _)) Interlocked.Decrement(ref _active);
        _metrics.CallEnded(call.Direction, call.Outcome);
        if (call.Cause is int cause) _metrics.Released((byte)cause);
    }

    /// <summary>
    /// Takes new routing and cause tables and overload limits (the operator's reload). New calls route by them at once; calls already up
    /// keep their circuit and dialog and map their later causes with the new tables. The caller has checked that the
    /// routes name only circuit groups and trunks this process runs.
    /// </summary>
    public void Reconfigure(RoutingOptions routing, ICallMapping mapping, OverloadOptions overload)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(overload);
        _routing = routing;
        _mapping = mapping;
        if (_services is { } services) services.Mapping = mapping;

        // Unchanged limits keep their bucket: a reload in the middle of an overload must not hand out a fresh second.
        if (overload != _overload.Options) _overload = new OverloadGuard(overload, _time);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        SipUserAgent? sip = Interlocked.Exchange(ref _sip, null);
        if (sip is not null) await sip.DisposeAsync().ConfigureAwait(false);
    }

    public async Task DrainAsync(DateTimeOffset drainDeadline, CancellationToken cancellationToken)
    {
        while (!_calls.IsEmpty && _time.GetUtcNow() < drainDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }

        foreach (ICallRecord call in _calls.Values) call.Abort(16);
        while (!_calls.IsEmpty)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // ---- SIP → ISUP ----

    public ISipCallListener IncomingCall(SipCall call)
    {
        _metrics.CallStarted(MetricWords.SipToIsup);
        ISipCallListener listener = Admit(call);
        if (ReferenceEquals(listener, Refused.Instance)) _metrics.CallEnded(MetricWords.SipToIsup, MetricWords.Refused);
        return listener;
    }

    private ISipCallListener Admit(SipCall call)
    {
        ServerRequest invite = call.Invite!;
        IPAddress source = invite.Source.EndPoint.Address;
        if (!FromTrunk(source))
        {
            _log.LogWarning("event=call-refused dir=sip-to-isup cid={CallId} source={Source} status=403 reason=\"not a configured trunk source\"",
                call.CallId, source);
            call.Reject(403);
            return Refused.Instance;
        }

        CallServices? services = _services;
        if (services is null || !_admission.IsOpen)
        {
            return Refuse(call, 503, 42, "not admitting calls");
        }

        OverloadGuard overload = _overload;
        if (overload.TryAdmit(Volatile.Read(ref _active)) is byte level and > 0)
        {
            LogOverload("sip-to-isup", level);
            call.Reject(503, _mapping.ReasonFor(42), [new SipHeader("Retry-After", overload.RetryAfter)]);
            return Refused.Instance;
        }

        string? digits = _mapping.CalledDigits(invite.Message);
        CircuitGroup? group = digits is null ? null : RouteToIsup(digits);
        if (group is null)
        {
            _log.LogWarning("event=call-refused dir=sip-to-isup cid={CallId} called={Called} status=404 reason=\"no route\"", call.CallId, digits ?? "-");
            call.Reject(404, _mapping.ReasonFor(3));
            return Refused.Instance;
        }

        if (_signalling.TryRefuse(group.Dpc, out CallRefusal refusal))
        {
            return Refuse(call, refusal.SipStatus, refusal.Cause, "destination unavailable or congested");
        }

        if (!_mapping.TryBuildIam(invite.Message, out IsupMessage iam, out int status))
        {
            _log.LogWarning("event=call-refused dir=sip-to-isup cid={CallId} status={Status} reason=\"no IAM for this INVITE\"", call.CallId, status);
            call.Reject(status);
            return Refused.Instance;
        }

        var interworking = new SipToIsupCall(services, call, iam, group.Dpc, _seize);
        _calls[interworking.Id] = interworking;
        Interlocked.Increment(ref _active);
        interworking.Start();
        return interworking;
    }

    private CallRefusal? Seize(SipToIsupCall call, IsupMessage iam)
    {
        if (!_services!.Isup.TrySeize(call.Dpc, iam, out IsupCall? circuit, userState: call))
        {
            return new CallRefusal(503, 34);
        }

        call.Seized(circuit);
        return null;
    }

    private ISipCallListener Refuse(SipCall call, int status, byte cause, string why)
    {
        _log.LogWarning("event=call-refused dir=sip-to-isup cid={CallId} status={Status} cause={Cause} reason=\"{Why}\"", call.CallId, status, cause, why);
        call.Reject(status, _mapping.ReasonFor(cause));
        return Refused.Instance;
    }

    private bool FromTrunk(IPAddress source)
    {
        foreach (SipTrunk trunk in _configuration.Sip.Trunks)
        {
            foreach (IPAddress allowed in trunk.Sources)
            {
                if (allowed.Equals(source) || (source.IsIPv4MappedToIPv6 && allowed.Equals(source.MapToIPv4()))) return true;
            }
        }

        return false;
    }

    private CircuitGroup? RouteToIsup(string digits)
    {
        SipToIsupRoute? best = LongestPrefix(_routing.SipToIsup, digits, static r => r.Prefix);
        if (best is null) return null;
        foreach (CircuitGroup group in _configuration.Isup.CircuitGroups)
        {
            if (group.Name == best.CircuitGroup) return group;
        }

        return null;
    }

    // The longest matching prefix wins; an empty prefix matches every number (docs/configuration.md).
    private static T? LongestPrefix<T>(IReadOnlyList<T> routes, string digits, Func<T, string> prefixOf)
        where T : class
    {
        T? best = null;
        int length = -1;
        foreach (T route in routes)
        {
            string prefix = prefixOf(route);
            if (prefix.Length > length && digits.StartsWith(prefix, StringComparison.Ordinal)) (best, length) = (route, prefix.Length);
        }

        return best;
    }

    // ---- ISUP → SIP ----

    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent)
    {
        if (callEvent.Kind != IsupCallEventKind.IncomingCall)
        {
            (call.UserState as IIsupCallParty)?.OnIsupEvent(call, in callEvent);
            return;
        }

        CallServices? services = _services;
        IsupCallControl? control = _signalling.Exchange?.CallControl;
        if (control is null) return;
        _metrics.CallStarted(MetricWords.IsupToSip);
        var iam = callEvent.Message as IsupMessage;
        string? digits = iam is null ? null : _mapping.CalledDigits(iam);
        SipTrunk? trunk = digits is null ? null : RouteToSip(digits);
        byte refusal = services is null || services.Sip is null ? (byte)3 : !_admission.IsOpen ? (byte)42 : trunk is null ? (byte)3 : (byte)0;
        if (refusal == 0 && _overload.TryAdmit(Volatile.Read(ref _active)) is byte level and > 0)
        {
            LogOverload("isup-to-sip", level);
            control.Release(call, new IsupCause(42), new IsupMessage(IsupMessageType.REL).Add(new AutomaticCongestionLevel(level)));
            _metrics.CallEnded(MetricWords.IsupToSip, MetricWords.Refused);
            _metrics.Released(42);
            return;
        }

        if (refusal != 0)
        {
            _log.LogWarning("event=call-refused dir=isup-to-sip dpc={Dpc} cic={Cic} called={Called} cause={Cause}", call.Dpc, call.Cic, digits ?? "-", refusal);
            control.Release(call, new IsupCause(refusal));
            _metrics.CallEnded(MetricWords.IsupToSip, MetricWords.Refused);
            _metrics.Released(refusal);
            return;
        }

        var interworking = new IsupToSipCall(services!, call, c => Invite(c, iam!, trunk!));
        call.UserState = interworking;
        _calls[interworking.Id] = interworking;
        Interlocked.Increment(ref _active);
        interworking.Start();
    }

    private SipCall? Invite(IsupToSipCall call, IsupMessage iam, SipTrunk trunk)
    {
        SipUserAgent? sip = _sip;
        if (sip is null) return null;
        string trunkHost = trunk.Port == 5060 ? trunk.Address.ToString() : $"{trunk.Address}:{trunk.Port}";
        MappedInvite invite = _mapping.BuildInvite(iam, trunkHost, _services!.LocalHost);
        var headers = new List<SipHeader>(invite.Headers.Count + 1) { new("Content-Type", "application/sdp") };
        headers.AddRange(invite.Headers);
        try
        {
            SipCall sipCall = sip.Call(new OutgoingCall
            {
                RequestUri = invite.RequestUri,
                Destination = trunk.EndPoint,
                Transport = trunk.Transport == SipTransport.Tcp ? SipTransportProtocol.Tcp : SipTransportProtocol.Udp,
                From = invite.From,
                To = invite.To,
                Headers = headers,
                Body = SessionDescriptions.Offer(_services.LocalHost),
            }, call);
            call.Invited(sipCall);
            return sipCall;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            _log.LogWarning("event=invite-failed call={Call} reason=\"{Reason}\"", call.Id, e.Message);
            return null;
        }
    }

    private SipTrunk? RouteToSip(string digits)
    {
        IsupToSipRoute? best = LongestPrefix(_routing.IsupToSip, digits, static r => r.Prefix);
        if (best is null) return null;
        foreach (SipTrunk trunk in _configuration.Sip.Trunks)
        {
            if (trunk.Name == best.Trunk) return trunk;
        }

        return null;
    }

    /// <summary>The listener of a call refused at once: its only event is its end.</summary>
    private sealed class Refused : ISipCallListener
    {
        public static readonly Refused Instance = new();

        public void Progress(SipCall call, SipMessage response)
        {
        }

        public void Answered(SipCall call, SipMessage response)
        {
        }

        public void Confirmed(SipCall call, SipMessage ack)
        {
        }

        public int InfoReceived(SipCall call, SipMessage info) => 481;

        public void Ended(SipCall call, SipCallEnd end)
        {
        }
    }
}
