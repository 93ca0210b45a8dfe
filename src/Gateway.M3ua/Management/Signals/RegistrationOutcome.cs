namespace Gateway.M3ua;

/// <summary>One Registration Result of a REG RSP (RFC 4666 §3.6.2).</summary>
/// <param name="LocalRoutingKeyIdentifier">The request's own tag, echoed.</param>
/// <param name="Status">Success, or why the key was refused.</param>
/// <param name="RoutingContext">The routing context the SGP allocated; meaningful on success only.</param>
public readonly record struct RegistrationOutcome(uint LocalRoutingKeyIdentifier, M3uaRegistrationStatus Status, uint RoutingContext);
