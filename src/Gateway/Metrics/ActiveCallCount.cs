namespace Gateway.Metrics;

/// <summary>How many calls are in progress in one direction (<see cref="MetricWords.SipToIsup"/> or <see cref="MetricWords.IsupToSip"/>).</summary>
public readonly record struct ActiveCallCount(string Direction, long Count);
