namespace Gateway.Configuration;

/// <summary>Calls from SIP whose called number starts with <see cref="Prefix"/> go out on <see cref="CircuitGroup"/>.</summary>
public sealed record SipToIsupRoute(string Prefix, string CircuitGroup);
