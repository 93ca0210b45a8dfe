namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// Route sets over real associations on TCP loopback: two IPSP clients reach the same DPC through two IPSP server peers.
/// Failover keeps traffic on the primary while it is usable; loadshare spreads it by SLS and keeps each SLS on one
/// association; SSNM from a peer (DUNA, DAVA, SCON) takes an association out of use for the DPC and back.
/// </summary>
public sealed class RouteSetTests
{
    private const int Dpc = Options.Stp;

    private static Task Eventually(Func<bool> condition, string what) => Loopback.Eventually(condition, what);

    private static M3uaAssociation ClientOf(LoopbackServer peer) =>
        M3uaAssociation.StartTcpClient(Loopback.Options(ManagementRole.IpspClient), peer.EndPoint, new DataLog());

    private static ProtocolDataHeader Toward(int pointCode, byte sls) =>
        new(Options.Ours, (uint)pointCode, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 0, sls);

    private static bool Up(M3uaAssociation client, LoopbackServer peer) => TwoRoutes.Up(client, peer);

    /// <summary>Sends an SSNM message to the client the way an SG would: encoded, on the peer's connection.</summary>
    private static async Task SendFromPeer(LoopbackServer peer, M3uaSignal signal)
    {
        var buffer = new byte[M3uaSignalCodec.DefaultBufferSize];
        Assert.True(M3uaSignalCodec.TryEncode(in signal, buffer, out int written).Succeeded);
        M3uaConnection connection = peer.Association.Connection ?? throw new InvalidOperationException("The peer has no connection.");
        Assert.True(await connection.SendAsync(buffer.AsMemory(0, written), (ushort)M3uaSignalCodec.ManagementStream));
    }

    private static M3uaSignal AboutDpc(M3uaMessageType type) => M3uaSignal.Destinations(type, new[] { new PointCodeRange(Dpc) });

    /// <summary>Sends one message per SLS and waits until the two peers have them all; returns which peer got each SLS (0 or 1).</summary>
    private static async Task<int[]> SpreadOf(M3uaRouteSet routes, LoopbackServer first, LoopbackServer second, int slsCount)
    {
        for (int sls = 0; sls < slsCount; sls++)
        {
            Assert.True(routes.TrySendData(Toward(Dpc, (byte)sls), [0x05, 0x00, (byte)sls]), $"SLS {sls} sent");
        }

        await Eventually(() => first.Data.Received.Count + second.Data.Received.Count == slsCount, $"{slsCount} messages at the peers");
        var peerOf = new int[slsCount];
        while (first.Data.Received.TryDequeue(out var got)) peerOf[got.Header.SignallingLinkSelection] = 0;
        while (second.Data.Received.TryDequeue(out var got)) peerOf[got.Header.SignallingLinkSelection] = 1;
        return peerOf;
    }

    [Fact]
    public async Task Failover_carries_on_the_primary_falls_to_the_backup_and_comes_back()
    {
        var primaryPeer = new LoopbackServer();
        int primaryPort = primaryPeer.EndPoint.Port;
        await using var backupPeer = new LoopbackServer();
        await using var primary = ClientOf(primaryPeer);
        await using var backup = ClientOf(backupPeer);
        var routes = new M3uaRouteSet(Dpc, RouteSetMode.Failover, [primary, backup]);

        // Prohibited until proven available: nothing goes before the first Refresh finds a usable association.
        Assert.Equal(DestinationAvailability.Unavailable, routes.Availability);
        Assert.False(routes.TrySendData(Toward(Dpc, 1), [1]));

        await Eventually(() => Up(primary, primaryPeer) && Up(backup, backupPeer), "both associations carry traffic");
        Assert.True(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        Assert.Equal(0, routes.CongestionLevel);
        int[] spread = await SpreadOf(routes, primaryPeer, backupPeer, 8);
        Assert.All(spread, peer => Assert.Equal(0, peer));

        // The primary's peer goes away. Even before a Refresh, the primary refuses (nothing sent) and the backup takes it.
        await primaryPeer.DisposeAsync();
        await Eventually(() => !primary.TrafficMayFlow, "the primary sees its peer gone");
        spread = await SpreadOf(routes, primaryPeer, backupPeer, 4);
        Assert.All(spread, peer => Assert.Equal(1, peer));

        // To the layer above nothing changed: the destination is still available, through the backup.
        Assert.False(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        spread = await SpreadOf(routes, primaryPeer, backupPeer, 4);
        Assert.All(spread, peer => Assert.Equal(1, peer));

        // Both gone: unavailable, and nothing is sent.
        await backupPeer.DisposeAsync();
        await Eventually(() => !backup.TrafficMayFlow, "the backup sees its peer gone");
        Assert.True(routes.Refresh());
        Assert.Equal(DestinationAvailability.Unavailable, routes.Availability);
        Assert.False(routes.TrySendData(Toward(Dpc, 1), [1]));

        // The primary's peer back: the primary reconnects by itself and traffic returns to it.
        await using var primaryAgain = new LoopbackServer(primaryPort);
        await Eventually(() => Up(primary, primaryAgain), "the primary reconnected");
        Assert.True(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        Assert.True(routes.TrySendData(Toward(Dpc, 3), [0x05, 0x00, 3]));
        await Eventually(() => primaryAgain.Data.Received.Count == 1, "DATA at the primary's new peer");
    }

    [Fact]
    public async Task Failover_reports_the_congestion_of_the_association_that_carries()
    {
        await using var two = await TwoRoutes.UpAsync(Dpc, RouteSetMode.Failover, ClientOf);
        var (primaryPeer, backupPeer, primary, backup, routes) = (two.PeerA, two.PeerB, two.A, two.B, two.Routes);

        // SCON on the backup does not concern the traffic, which goes on the primary.
        await SendFromPeer(backupPeer, AboutDpc(M3uaMessageType.Scon) with { CongestionLevel = 3 });
        await Eventually(() => backup.Management.GetRouteStatus(Dpc).CongestionLevel == 3, "the backup congested");
        Assert.False(routes.Refresh());
        Assert.Equal(0, routes.CongestionLevel);

        await SendFromPeer(primaryPeer, AboutDpc(M3uaMessageType.Scon) with { CongestionLevel = 2 });
        await Eventually(() => primary.Management.GetRouteStatus(Dpc).CongestionLevel == 2, "the primary congested");
        Assert.True(routes.Refresh());
        Assert.Equal(2, routes.CongestionLevel);
    }

    [Fact]
    public async Task Loadshare_spreads_by_sls_keeps_each_sls_on_one_association_and_avoids_one_with_duna()
    {
        await using var two = await TwoRoutes.UpAsync(Dpc, RouteSetMode.Loadshare, ClientOf);
        var (peerA, peerB, a, routes) = (two.PeerA, two.PeerB, two.A, two.Routes);
        Assert.Equal(DestinationAvailability.Available, routes.Availability);

        const int slsCount = 16;
        int[] first = await SpreadOf(routes, peerA, peerB, slsCount);
        Assert.Contains(0, first);
        Assert.Contains(1, first);
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(first, await SpreadOf(routes, peerA, peerB, slsCount));
        }

        // DUNA from A's peer: A no longer reaches the DPC, so every SLS goes through B; the DPC is still available.
        await SendFromPeer(peerA, AboutDpc(M3uaMessageType.Duna));
        await Eventually(() => !a.Management.GetRouteStatus(Dpc).Reachable, "A hears the DUNA");
        Assert.True(a.TrafficMayFlow);
        Assert.False(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        Assert.All(await SpreadOf(routes, peerA, peerB, slsCount), peer => Assert.Equal(1, peer));

        // DAVA: each SLS goes back to the association it had, in sequence per SLS again.
        await SendFromPeer(peerA, AboutDpc(M3uaMessageType.Dava));
        await Eventually(() => a.Management.GetRouteStatus(Dpc).Reachable, "A hears the DAVA");
        Assert.False(routes.Refresh());
        Assert.Equal(first, await SpreadOf(routes, peerA, peerB, slsCount));
    }

    [Fact]
    public async Task A_restricted_association_is_used_only_when_no_other_is_available()
    {
        await using var two = await TwoRoutes.UpAsync(Dpc, RouteSetMode.Loadshare, ClientOf);
        var (peerA, peerB, a, b, routes) = (two.PeerA, two.PeerB, two.A, two.B, two.Routes);

        await SendFromPeer(peerA, AboutDpc(M3uaMessageType.Drst));
        await Eventually(() => a.Management.GetRouteStatus(Dpc).Availability == DestinationAvailability.Restricted, "A hears the DRST");
        Assert.False(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        Assert.All(await SpreadOf(routes, peerA, peerB, 8), peer => Assert.Equal(1, peer));

        await SendFromPeer(peerB, AboutDpc(M3uaMessageType.Duna));
        await Eventually(() => !b.Management.GetRouteStatus(Dpc).Reachable, "B hears the DUNA");
        Assert.True(routes.Refresh());
        Assert.Equal(DestinationAvailability.Restricted, routes.Availability);
        Assert.All(await SpreadOf(routes, peerA, peerB, 8), peer => Assert.Equal(0, peer));
    }

    [Fact]
    public async Task A_destination_the_management_does_not_track_is_reached_while_traffic_flows()
    {
        const int untracked = 0x0999;
        await using var peer = new LoopbackServer();
        await using var client = ClientOf(peer);
        var routes = new M3uaRouteSet(untracked, RouteSetMode.Failover, [client]);
        Assert.Throws<ArgumentException>(() => client.Management.GetRouteStatus(untracked));

        await Eventually(() => Up(client, peer), "traffic may flow");
        Assert.True(routes.Refresh());
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
        Assert.True(routes.TrySendData(Toward(untracked, 0), [0x05, 0x00, 0]));
        await Eventually(() => peer.Data.Received.Count == 1, "DATA at the peer");
    }

    [Fact]
    public async Task The_constructor_refuses_what_cannot_route()
    {
        await using var association = M3uaAssociation.CreateServer(Loopback.Options(ManagementRole.IpspServer), new DataLog());
        Assert.Throws<ArgumentException>(() => new M3uaRouteSet(Dpc, RouteSetMode.Failover, []));
        Assert.Throws<ArgumentException>(() => new M3uaRouteSet(Dpc, RouteSetMode.Failover, [association, association]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new M3uaRouteSet(0x0100_0000, RouteSetMode.Failover, [association]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new M3uaRouteSet(Dpc, (RouteSetMode)7, [association]));
        var routes = new M3uaRouteSet(Dpc, RouteSetMode.Loadshare, [association]);
        Assert.Equal(Dpc, routes.PointCode);
        Assert.Equal(RouteSetMode.Loadshare, routes.Mode);
        Assert.Same(association, Assert.Single(routes.Associations));
        Assert.False(routes.Refresh());
    }

    [Fact]
    public async Task Sends_from_several_threads_survive_refreshes_while_one_association_comes_and_goes()
    {
        await using var two = await TwoRoutes.UpAsync(Dpc, RouteSetMode.Loadshare, ClientOf);
        var (peerA, peerB, a, b, routes) = (two.PeerA, two.PeerB, two.A, two.B, two.Routes);

        using var toggling = new CancellationTokenSource();
        // Each sender stops at 5000 so a fast machine does not bury the peers; the toggling usually ends first.
        long sent = 0;
        long refused = 0;
        int running = 0;
        Task[] senders = new Task[4];
        for (int t = 0; t < senders.Length; t++)
        {
            byte sender = (byte)t;
            senders[t] = Task.Run(async () =>
            {
                Interlocked.Increment(ref running);
                for (int i = 0; i < 5000 && !toggling.IsCancellationRequested; i++)
                {
                    if (routes.TrySendData(Toward(Dpc, (byte)(i + sender)), [0x05, 0x00, sender])) Interlocked.Increment(ref sent);
                    else Interlocked.Increment(ref refused);
                    if (i % 16 == 0) await Task.Yield();
                }
            });
        }

        // On a busy machine the pool may start the senders late; toggling before they run would test nothing (CI once saw 0 sent).
        await Eventually(() => Volatile.Read(ref running) == senders.Length, "every sender running");

        // B stays usable throughout, so whatever Refresh publishes meanwhile, every send finds an association.
        for (int round = 0; round < 5; round++)
        {
            await SendFromPeer(peerA, AboutDpc(M3uaMessageType.Duna));
            await Eventually(() => !a.Management.GetRouteStatus(Dpc).Reachable, "A hears the DUNA");
            routes.Refresh();
            await SendFromPeer(peerA, AboutDpc(M3uaMessageType.Dava));
            await Eventually(() => a.Management.GetRouteStatus(Dpc).Reachable, "A hears the DAVA");
            routes.Refresh();
        }

        toggling.Cancel();
        await Task.WhenAll(senders).WaitAsync(Loopback.Bound);
        Assert.Equal(0, Interlocked.Read(ref refused));
        Assert.True(sent > 0);
        await Eventually(() => peerA.Data.Received.Count + peerB.Data.Received.Count == sent, $"{sent} messages at the peers");
        Assert.Equal(DestinationAvailability.Available, routes.Availability);
    }

    [Fact]
    public async Task Trying_every_association_allocates_nothing()
    {
        var peerA = new LoopbackServer();
        var peerB = new LoopbackServer();
        await using var a = ClientOf(peerA);
        await using var b = ClientOf(peerB);
        var routes = new M3uaRouteSet(Dpc, RouteSetMode.Loadshare, [a, b]);
        await Eventually(() => Up(a, peerA) && Up(b, peerB), "both associations carry traffic");
        routes.Refresh();

        // Both peers gone without a Refresh: each send walks both associations, each refuses, and nothing is allocated.
        await peerA.DisposeAsync();
        await peerB.DisposeAsync();
        await Eventually(() => !a.TrafficMayFlow && !b.TrafficMayFlow, "both associations down");
        ProtocolDataHeader header = Toward(Dpc, 5);
        byte[] userData = [0x05, 0x00, 1];
        Assert.False(routes.TrySendData(in header, userData));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Assert.False(routes.TrySendData(in header, userData));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
