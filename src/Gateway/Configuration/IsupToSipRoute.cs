namespace Gateway.Configuration;

/// <summary>Calls from the PSTN whose called number starts with <see cref="Prefix"/> go to <see cref="Trunk"/>.</summary>
public sealed record IsupToSipRoute(string Prefix, string Trunk);
