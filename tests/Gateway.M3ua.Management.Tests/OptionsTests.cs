namespace Gateway.M3ua.Management.Tests;

/// <summary>What the daemon's configuration may not ask for.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_say_what_they_resolve_to()
    {
        var options = new M3uaManagementOptions();
        Assert.Empty(options.Validate());
        Assert.True(options.ActivatesLocally);
        Assert.False(options.AcceptsPeer);
        Assert.True(options.AwaitsNotify);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timers.AckTimeout);
        Assert.Equal(5, options.Timers.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timers.HeartbeatInterval);
        Assert.Equal(3, options.Timers.HeartbeatMissLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timers.AuditInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timers.CongestionAbatement);

        var server = options with { Role = ManagementRole.IpspServer };
        Assert.False(server.ActivatesLocally);
        Assert.True(server.AcceptsPeer);
        Assert.False(server.AwaitsNotify);
        var doubleClient = options with { Role = ManagementRole.IpspClient, Exchange = ExchangeMode.Double };
        Assert.True(doubleClient.ActivatesLocally && doubleClient.AcceptsPeer);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_reason()
    {
        var options = new M3uaManagementOptions
        {
            Role = ManagementRole.Asp,
            Exchange = ExchangeMode.Double,
            TrafficMode = TrafficMode.None,
            RoutingContexts = [7, 7],
            RoutingKeys = [new RoutingKeyRequest(1, -1, [5]), new RoutingKeyRequest(1, 2, [5])],
            Destinations = [new DestinationOptions(0x0100_0000), new DestinationOptions(5, RoutingContext: 9), new DestinationOptions(5)],
            LocalPointCodes = [-3],
            Timers = ManagementTimerSettings.Default with
            {
                AckTimeout = TimeSpan.Zero,
                MaxAttempts = 0,
                HeartbeatInterval = TimeSpan.FromSeconds(-1),
                HeartbeatMissLimit = 0,
                AuditInterval = TimeSpan.FromSeconds(-1),
                CongestionAbatement = TimeSpan.FromSeconds(-1),
            },
        };
        var errors = options.Validate();
        Assert.Equal(15, errors.Count); // six timer values, and one for each other mistake
        var thrown = Assert.Throws<ArgumentException>(() => new M3uaManagement(options, new Rig(new M3uaManagementOptions()), new Rig(new M3uaManagementOptions())));
        Assert.Contains("Double exchange", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_neither_registers_nor_waits_for_a_notify()
    {
        var server = new M3uaManagementOptions
        {
            Role = ManagementRole.IpspServer,
            ActivationNotice = ActivationNotice.Notify,
            RoutingKeys = [new RoutingKeyRequest(1, 2, [5])],
        };
        Assert.Equal(2, server.Validate().Count);
    }
}
