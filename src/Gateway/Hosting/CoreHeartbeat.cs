namespace Gateway.Hosting;

/// <summary>
/// Liveness of the loops that do the signalling work. Each loop registers a <see cref="HeartbeatSource"/> and beats
/// it as it turns; the systemd watchdog is petted only while every source has beaten recently, so a wedged loop
/// gets the daemon restarted instead of being hidden by a timer thread that is still alive.
/// </summary>
public sealed class CoreHeartbeat(TimeProvider time)
{
    private readonly object _gate = new();
    private HeartbeatSource[] _sources = [];

    public HeartbeatSource Register(string name)
    {
        var source = new HeartbeatSource(name, time);
        lock (_gate)
        {
            _sources = [.. _sources, source];
        }
        return source;
    }

    public void Unregister(HeartbeatSource source)
    {
        lock (_gate)
        {
            _sources = Array.FindAll(_sources, s => !ReferenceEquals(s, source));
        }
    }

    /// <summary>The first source that has not beaten within <paramref name="maxAge"/>, or null when all are alive.</summary>
    public HeartbeatSource? FindStale(TimeSpan maxAge)
    {
        foreach (var source in Volatile.Read(ref _sources))
        {
            if (source.Age > maxAge) return source;
        }
        return null;
    }
}
