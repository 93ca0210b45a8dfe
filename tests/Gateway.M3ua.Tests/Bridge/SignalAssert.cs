namespace Gateway.M3ua.Tests.Bridge;

/// <summary>Field-by-field equality of two signals (the struct holds memories and a record with a list, so no value equality).</summary>
internal static class SignalAssert
{
    public static void Same(M3uaSignal expected, M3uaSignal actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.RoutingContexts.ToArray(), actual.RoutingContexts.ToArray());
        Assert.Equal(expected.TrafficMode, actual.TrafficMode);
        Assert.Equal(expected.AspIdentifier, actual.AspIdentifier);
        Assert.Equal(expected.NetworkAppearance, actual.NetworkAppearance);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ErrorCode, actual.ErrorCode);
        Assert.Equal(expected.HeartbeatData.ToArray(), actual.HeartbeatData.ToArray());
        Assert.Equal(expected.AffectedPointCodes.ToArray(), actual.AffectedPointCodes.ToArray());
        Assert.Equal(expected.ConcernedDestination, actual.ConcernedDestination);
        Assert.Equal(expected.CongestionLevel, actual.CongestionLevel);
        Assert.Equal(expected.User, actual.User);
        Assert.Equal(expected.Cause, actual.Cause);
        Assert.Equal(expected.RegistrationResults.ToArray(), actual.RegistrationResults.ToArray());
        Assert.Equal(expected.Info, actual.Info);
        Assert.Equal(expected.RoutingKeys.Length, actual.RoutingKeys.Length);
        for (int i = 0; i < expected.RoutingKeys.Length; i++)
        {
            RoutingKeyRequest e = expected.RoutingKeys.Span[i], a = actual.RoutingKeys.Span[i];
            Assert.Equal(e.LocalRoutingKeyIdentifier, a.LocalRoutingKeyIdentifier);
            Assert.Equal(e.DestinationPointCode, a.DestinationPointCode);
            Assert.Equal(e.ServiceIndicators.ToArray(), a.ServiceIndicators.ToArray());
            Assert.Equal(e.TrafficMode, a.TrafficMode);
            Assert.Equal(e.RoutingContext, a.RoutingContext);
            Assert.Equal(e.NetworkAppearance, a.NetworkAppearance);
        }
    }
}
