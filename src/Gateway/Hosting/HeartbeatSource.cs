namespace Gateway.Hosting;

/// <summary>One loop's heartbeat; <see cref="Beat"/> is cheap enough to call on every turn of the loop.</summary>
public sealed class HeartbeatSource
{
    private readonly TimeProvider _time;
    private long _lastBeat;

    internal HeartbeatSource(string name, TimeProvider time)
    {
        Name = name;
        _time = time;
        _lastBeat = time.GetTimestamp();
    }

    public string Name { get; }

    public void Beat() => Volatile.Write(ref _lastBeat, _time.GetTimestamp());

    public TimeSpan Age => _time.GetElapsedTime(Volatile.Read(ref _lastBeat));
}
