namespace Gateway.Metrics;

/// <summary>
/// One M3UA association: <paramref name="Up"/> when its transport (SCTP or TCP) is connected, and its ASP state as a
/// word, normally one of <see cref="MetricWords.AspDown"/>, <see cref="MetricWords.AspInactive"/>, <see cref="MetricWords.AspActive"/>.
/// </summary>
public readonly record struct AssociationStatus(string Name, bool Up, string AspState);
