namespace Gateway.Isup;

/// <summary>An outgoing call that lost its circuit before any backward message, waiting to be re-sent on another one.</summary>
/// <param name="Call">The call.</param>
/// <param name="Reason">Why it lost the circuit.</param>
/// <param name="PreviousCic">The circuit it lost.</param>
internal readonly record struct RepeatAttempt(IsupCall Call, IsupCallEndReason Reason, int PreviousCic);
