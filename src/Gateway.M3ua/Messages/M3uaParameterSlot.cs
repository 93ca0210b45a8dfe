namespace Gateway.M3ua;

/// <summary>One parameter a message (or a group) may carry: its tag, whether it must be there, and whether it may repeat.</summary>
/// <param name="Tag">The parameter's tag.</param>
/// <param name="Presence">Mandatory, conditional or optional.</param>
/// <param name="Repeatable">
/// Whether the parameter may appear more than once: Routing Keys in REG REQ, results in REG RSP and DEREG RSP, and the
/// destination parameters a Routing Key repeats (RFC 4666 §3.6.1).
/// </param>
public readonly record struct M3uaParameterSlot(M3uaParameterTag Tag, M3uaPresence Presence, bool Repeatable = false);
