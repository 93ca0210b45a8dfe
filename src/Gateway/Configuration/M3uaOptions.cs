namespace Gateway.Configuration;

public sealed record M3uaOptions(IReadOnlyList<M3uaAssociationSettings> Associations);
