namespace Gateway.Configuration;

/// <summary>Prefix routing tables; the longest matching prefix wins, and an empty prefix matches every number.</summary>
public sealed record RoutingOptions(IReadOnlyList<SipToIsupRoute> SipToIsup, IReadOnlyList<IsupToSipRoute> IsupToSip);
