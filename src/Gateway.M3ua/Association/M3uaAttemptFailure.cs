namespace Gateway.M3ua;

/// <summary>One failed client attempt: which one (from 1 since the last success), why, and when the next starts.</summary>
public readonly record struct M3uaAttemptFailure(int Attempt, Exception Error, TimeSpan NextAttemptIn);
