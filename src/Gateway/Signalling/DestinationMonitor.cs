using Gateway.Isup;
using Gateway.M3ua;
using Microsoft.Extensions.Logging;

namespace Gateway.Signalling;

/// <summary>
/// One DPC as the call layers see it: whether new calls may go there, and what happens to the calls on its circuits
/// when its route set comes and goes. Fed with the route set's verdict after every association event; tells the ISUP
/// procedures (route lost: calls in setup fail at once, answered ones are held; route back: circuits reset) and logs
/// one line per change. No sockets: the route set decides, this acts on the decision.
/// </summary>
public sealed class DestinationMonitor : IDisposable
{
    private readonly IsupExchange _exchange;
    private readonly byte _unavailableCause;
    private readonly TimeSpan _holdAnsweredCalls;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private ITimer? _holdTimer;
    private long _outage;
    private volatile DestinationState _state = DestinationState.Unavailable;
    private volatile byte _congestionLevel;

    public DestinationMonitor(int dpc, IsupExchange exchange, byte unavailableCause, TimeSpan holdAnsweredCalls, TimeProvider time, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        Dpc = dpc;
        _exchange = exchange;
        _unavailableCause = unavailableCause;
        _holdAnsweredCalls = holdAnsweredCalls;
        _time = time;
        _log = log;
    }

    public int Dpc { get; }

    /// <summary>Unavailable until a route set first reports it reachable: nothing is offered to a peer not yet heard from.</summary>
    public DestinationState State => _state;

    /// <summary>The congestion level SCON reported for it (0: none).</summary>
    public byte CongestionLevel => _congestionLevel;

    /// <summary>
    /// Why a new call toward this DPC must be refused now, if it must: 503 with the configured cause (34 or 38) while it
    /// is unavailable, 503 with cause 42 (switching equipment congestion) while congested; false when the call may go.
    /// </summary>
    public bool TryRefuse(out CallRefusal refusal)
    {
        if (_state == DestinationState.Unavailable)
        {
            refusal = new CallRefusal(503, _unavailableCause);
            return true;
        }

        if (_congestionLevel > 0)
        {
            refusal = new CallRefusal(503, 42);
            return true;
        }

        refusal = default;
        return false;
    }

    /// <summary>The route set's verdict now; acts only on a change.</summary>
    public void Update(DestinationAvailability availability, byte congestionLevel)
    {
        DestinationState state = availability == DestinationAvailability.Unavailable ? DestinationState.Unavailable : DestinationState.Available;
        lock (_gate)
        {
            if (congestionLevel != _congestionLevel && state == DestinationState.Available)
            {
                _congestionLevel = congestionLevel;
                if (congestionLevel > 0)
                {
                    _log.LogWarning("event=destination-congested dpc={Dpc} level={Level} cause=42", Dpc, congestionLevel);
                }
                else
                {
                    _log.LogInformation("event=destination-congestion-abated dpc={Dpc}", Dpc);
                }
            }

            if (state == _state) return;
            _state = state;
            if (state == DestinationState.Available)
            {
                Restore();
            }
            else
            {
                _congestionLevel = 0;
                Lose();
            }
        }
    }

    private void Restore()
    {
        _holdTimer?.Dispose();
        _holdTimer = null;
        _outage++;
        _log.LogInformation("event=destination-available dpc={Dpc} action=reset-circuits", Dpc);
        _exchange.RouteAvailable(Dpc);
    }

    private void Lose()
    {
        bool hold = _holdAnsweredCalls > TimeSpan.Zero;
        _log.LogWarning("event=destination-unavailable dpc={Dpc} cause={Cause} hold-answered-seconds={Hold}",
            Dpc, _unavailableCause, (int)_holdAnsweredCalls.TotalSeconds);
        _exchange.RouteUnavailable(Dpc, holdAnsweredCalls: hold);
        if (hold)
        {
            long outage = _outage;
            _holdTimer = _time.CreateTimer(_ => ReleaseHeldCalls(outage), null, _holdAnsweredCalls, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReleaseHeldCalls(long outage)
    {
        lock (_gate)
        {
            // A timer that fired while the route came back (and maybe went again) belongs to an outage that is over.
            if (outage != _outage || _state != DestinationState.Unavailable) return;
            _holdTimer?.Dispose();
            _holdTimer = null;
            int released = _exchange.ReleaseHeldCalls(Dpc);
            _log.LogWarning("event=held-calls-released dpc={Dpc} calls={Calls} cause=41", Dpc, released);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _holdTimer?.Dispose();
            _holdTimer = null;
        }
    }
}
