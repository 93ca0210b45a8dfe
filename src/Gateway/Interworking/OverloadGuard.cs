using Gateway.Configuration;

namespace Gateway.Interworking;

/// <summary>
/// Admission of new calls against <see cref="OverloadOptions"/>: a token bucket of one second's worth of calls refilled
/// continuously, and a ceiling on calls up. Says which limit refused, as the automatic congestion level an IAM's REL
/// carries (Q.763 §3.4: 1 for the softer limit, the rate; 2 for the calls ceiling).
/// </summary>
public sealed class OverloadGuard
{
    private readonly OverloadOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _refilledAt;

    public OverloadGuard(OverloadOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _tokens = options.MaxCallsPerSecond;
        _refilledAt = time.GetTimestamp();
        RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public OverloadOptions Options => _options;

    /// <summary>The Retry-After value of a refusing 503, in seconds.</summary>
    public string RetryAfter { get; }

    /// <summary>0 when a new call may go, else the congestion level (1 rate, 2 calls ceiling) that refused it.</summary>
    public byte TryAdmit(int activeCalls)
    {
        if (_options.MaxCalls > 0 && activeCalls >= _options.MaxCalls) return 2;
        if (_options.MaxCallsPerSecond == 0) return 0;
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            double elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _refilledAt = now;
            _tokens = Math.Min(_options.MaxCallsPerSecond, _tokens + elapsed * _options.MaxCallsPerSecond);
            if (_tokens < 1) return 1;
            _tokens -= 1;
            return 0;
        }
    }
}
