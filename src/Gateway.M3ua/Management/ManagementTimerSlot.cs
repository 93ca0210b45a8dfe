using Gateway.Fsm;

namespace Gateway.M3ua;

/// <summary>One of the management's timers (ack wait, heartbeat, audit, congestion): which one, and its <see cref="RearmableTimer"/>.</summary>
internal sealed class ManagementTimerSlot
{
    private static readonly TimerCallback Elapsed = static state => ((ManagementTimerSlot)state!).OnElapsed();

    private readonly M3uaManagement _owner;
    private readonly RearmableTimer _timer;

    public ManagementTimerSlot(M3uaManagement owner, ManagementTimer kind, TrackedDestination? destination = null)
    {
        _owner = owner;
        _timer = new RearmableTimer(owner.Time, Elapsed, this);
        Kind = kind;
        Destination = destination;
    }

    /// <summary>Which timer this slot runs.</summary>
    public ManagementTimer Kind { get; }

    /// <summary>For <see cref="ManagementTimer.Congestion"/>: the destination whose congestion ends.</summary>
    public TrackedDestination? Destination { get; }

    /// <summary>Whether the slot is running. Under the owner's lock.</summary>
    public bool IsArmed => _timer.IsArmed;

    /// <summary>Starts or restarts the slot for <paramref name="duration"/>; under the owner's lock.</summary>
    public void Start(TimeSpan duration) => _timer.Start(duration);

    /// <summary>Stops the slot; under the owner's lock.</summary>
    public void Stop() => _timer.Stop();

    /// <summary>Stops the slot and releases its timer: the owner is done with it.</summary>
    public void Dispose() => _timer.Dispose();

    /// <summary>Under the owner's lock, on an expiry: true when the slot is due now (see <see cref="RearmableTimer.TakeExpiry"/>).</summary>
    public bool TakeExpiry() => _timer.TakeExpiry();

    private void OnElapsed() => _owner.OnTimerElapsed(this);
}
