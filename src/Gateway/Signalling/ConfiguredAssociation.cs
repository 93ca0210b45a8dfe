using Gateway.Configuration;
using Gateway.M3ua;

namespace Gateway.Signalling;

/// <summary>One association as configured and as it runs, for the operator's status.</summary>
public sealed record ConfiguredAssociation(M3uaAssociationSettings Settings, M3uaAssociation Association);
