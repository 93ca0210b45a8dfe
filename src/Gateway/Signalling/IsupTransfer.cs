using Gateway.Isup;
using Gateway.Logging;
using Gateway.M3ua;
using Gateway.Metrics;
using Microsoft.Extensions.Logging;

namespace Gateway.Signalling;

/// <summary>
/// Where ISUP meets M3UA: received DATA for our point code and service indicator 5 goes to the ISUP procedures; the
/// procedures' messages go out as DATA over the route set of their DPC, with our OPC, the configured network indicator
/// and SLS = the CIC's four low bits (Q.704: one circuit's messages stay in sequence on one link). The libraries know
/// nothing of each other; this is the only class that knows both.
/// </summary>
public sealed class IsupTransfer : IM3uaDataReceiver, IIsupUserDataSink
{
    /// <summary>MTP3 service indicator of ISUP (Q.704 §14.2.1).</summary>
    public const byte IsupServiceIndicator = 5;

    private readonly int _opc;
    private readonly byte _networkIndicator;
    private readonly Dictionary<int, M3uaRouteSet> _routes;
    private readonly ILogger _log;
    private readonly EventRateLimiter _limiter;
    private IsupExchange? _exchange;
    private long _received;
    private long _sent;
    private long _notSent;
    private long _refused;

    private readonly GatewayMetrics? _metrics;

    public IsupTransfer(int opc, byte networkIndicator, ILogger log, EventRateLimiter limiter, GatewayMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(limiter);
        _opc = opc;
        _networkIndicator = networkIndicator;
        _routes = [];
        _log = log;
        _limiter = limiter;
    }

    /// <summary>The procedures to deliver to; set once, after they were built with this as their output.</summary>
    public IsupExchange Exchange
    {
        set => _exchange = value;
    }

    /// <summary>Adds the route set that reaches <see cref="M3uaRouteSet.PointCode"/>; before any traffic.</summary>
    public void AddRoute(M3uaRouteSet route) => _routes.Add(route.PointCode, route);

    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages the procedures sent while no association could carry them (the route was down): dropped.</summary>
    public long NotSent => Interlocked.Read(ref _notSent);

    /// <summary>DATA received that was not ISUP for us, or did not decode.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public void DataReceived(in ProtocolDataHeader header, ReadOnlySpan<byte> userData, uint? routingContext)
    {
        IsupExchange? exchange = _exchange;
        if (header.ServiceIndicator != IsupServiceIndicator || header.DestinationPointCode != (uint)_opc || exchange is null)
        {
            Interlocked.Increment(ref _refused);
            if (_limiter.TryAcquire((int)RefusalKind.NotForUs, out long suppressed))
            {
                _log.LogWarning("event=m3ua-data-refused opc={Opc} dpc={Dpc} si={Si} reason=\"not ISUP for our point code\" suppressed={Suppressed}",
                    header.OriginatingPointCode, header.DestinationPointCode, header.ServiceIndicator, suppressed);
            }
            return;
        }

        Interlocked.Increment(ref _received);
        IsupSignalResult result = IsupSignalCodec.Receive(exchange, (int)header.OriginatingPointCode, userData);
        if (!result.Succeeded)
        {
            Interlocked.Increment(ref _refused);
            _metrics?.ParseError(MetricWords.Isup);
            if (_limiter.TryAcquire((int)RefusalKind.Undecodable, out long suppressed))
            {
                _log.LogWarning("event=isup-undecodable opc={Opc} error=\"{Error}\" suppressed={Suppressed}",
                    header.OriginatingPointCode, result.ToString(), suppressed);
            }
        }
    }

    public void Send(int dpc, ReadOnlySpan<byte> userData)
    {
        byte sls = userData.IsEmpty ? (byte)0 : (byte)(userData[0] & 0x0F);
        var header = new ProtocolDataHeader((uint)_opc, (uint)dpc, IsupServiceIndicator, _networkIndicator, 0, sls);
        if (_routes.TryGetValue(dpc, out M3uaRouteSet? route) && route.TrySendData(in header, userData))
        {
            Interlocked.Increment(ref _sent);
            return;
        }

        // Never queued or retried: the procedures' own timers repeat what must be repeated, and the route's return resets the circuits.
        Interlocked.Increment(ref _notSent);
        if (_limiter.TryAcquire((int)RefusalKind.NotSent, out long suppressed))
        {
            _log.LogWarning("event=isup-not-sent dpc={Dpc} reason=\"no association carries traffic to it\" suppressed={Suppressed}", dpc, suppressed);
        }
    }

    public void EncodeFailed(int dpc, in IsupSignal signal, in IsupSignalResult result)
    {
        if (_limiter.TryAcquire((int)RefusalKind.EncodeFailed, out long suppressed))
        {
            _log.LogError("event=isup-encode-failed dpc={Dpc} cic={Cic} message={Message} error=\"{Error}\" suppressed={Suppressed}",
                dpc, signal.Cic, signal.Type, result.ToString(), suppressed);
        }
    }

    // Kinds of line this class rate-limits; numbered apart from other users of a shared limiter.
    private enum RefusalKind
    {
        NotForUs = 1000,
        Undecodable,
        NotSent,
        EncodeFailed,
    }
}
