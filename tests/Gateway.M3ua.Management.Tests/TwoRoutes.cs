namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// Two loopback peers, a client association to each and a route set over both, up and carrying traffic: the start of
/// most route set tests. Disposing takes the clients down before their peers.
/// </summary>
internal sealed class TwoRoutes : IAsyncDisposable
{
    private TwoRoutes(LoopbackServer peerA, LoopbackServer peerB, M3uaAssociation a, M3uaAssociation b, M3uaRouteSet routes)
    {
        PeerA = peerA;
        PeerB = peerB;
        A = a;
        B = b;
        Routes = routes;
    }

    public LoopbackServer PeerA { get; }
    public LoopbackServer PeerB { get; }

    /// <summary>The first association (the primary in failover).</summary>
    public M3uaAssociation A { get; }
    public M3uaAssociation B { get; }
    public M3uaRouteSet Routes { get; }

    public static async Task<TwoRoutes> UpAsync(int dpc, RouteSetMode mode, Func<LoopbackServer, M3uaAssociation> clientOf)
    {
        var peerA = new LoopbackServer();
        var peerB = new LoopbackServer();
        M3uaAssociation a = clientOf(peerA);
        M3uaAssociation b = clientOf(peerB);
        var routes = new TwoRoutes(peerA, peerB, a, b, new M3uaRouteSet(dpc, mode, [a, b]));
        await Loopback.Eventually(() => Up(a, peerA) && Up(b, peerB), "both associations carry traffic");
        routes.Routes.Refresh();
        return routes;
    }

    public static bool Up(M3uaAssociation client, LoopbackServer peer) => client.TrafficMayFlow && peer.Association.TrafficMayFlow;

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await PeerA.DisposeAsync();
        await PeerB.DisposeAsync();
    }
}
