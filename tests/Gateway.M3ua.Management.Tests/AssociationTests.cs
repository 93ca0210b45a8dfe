using System.Diagnostics;
using System.Net;
using Gateway.Testing;

namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// Two associations over TCP loopback: bring-up, DATA both ways, the peer gone and back; and against a raw peer that
/// misbehaves, the client's reconnects, in virtual time.
/// </summary>
public sealed class AssociationTests
{
    private static readonly TimeSpan Bound = Loopback.Bound;

    private static M3uaAssociationOptions Options(ManagementRole role) => Loopback.Options(role);

    private static Task Eventually(Func<bool> condition, string what) => Loopback.Eventually(condition, what);

    [Fact]
    public async Task A_connect_refused_just_as_the_association_is_disposed_does_not_escape_the_dispose()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refuse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var association = M3uaAssociation.StartClient(Options(ManagementRole.IpspClient), async (_, _) =>
        {
            entered.TrySetResult();
            await refuse.Task;
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
        }, new DataLog());

        await entered.Task.WaitAsync(Bound);
        ValueTask disposing = association.DisposeAsync();
        refuse.SetResult();
        await disposing.AsTask().WaitAsync(Bound);
    }

    private static async Task ExchangeData(M3uaAssociation client, DataLog clientData, M3uaAssociation server, DataLog serverData, byte tag)
    {
        var up = new ProtocolDataHeader(0x0101, 0x0801, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 0, 5);
        Assert.True(client.TrySendData(in up, [0x05, 0x00, 0x01, tag]));
        await Eventually(() => !serverData.Received.IsEmpty, "DATA at the server");
        Assert.True(serverData.Received.TryDequeue(out var got));
        Assert.Equal(0x0101u, got.Header.OriginatingPointCode);
        Assert.Equal(0x0801u, got.Header.DestinationPointCode);
        Assert.Equal((byte)Mtp3ServiceIndicator.Isup, got.Header.ServiceIndicator);
        Assert.Equal((byte)Mtp3NetworkIndicator.National, got.Header.NetworkIndicator);
        Assert.Equal(5, got.Header.SignallingLinkSelection);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x01, tag }, got.UserData);
        Assert.Equal(Tests.Options.Rc, got.Rc);

        var down = new ProtocolDataHeader(0x0801, 0x0101, (byte)Mtp3ServiceIndicator.Isup, (byte)Mtp3NetworkIndicator.National, 1, 11);
        Assert.True(server.TrySendData(in down, [0x05, 0x00, 0x10, tag, 0xff]));
        await Eventually(() => !clientData.Received.IsEmpty, "DATA at the client");
        Assert.True(clientData.Received.TryDequeue(out got));
        Assert.Equal(0x0801u, got.Header.OriginatingPointCode);
        Assert.Equal(0x0101u, got.Header.DestinationPointCode);
        Assert.Equal((byte)Mtp3ServiceIndicator.Isup, got.Header.ServiceIndicator);
        Assert.Equal(1, got.Header.MessagePriority);
        Assert.Equal(11, got.Header.SignallingLinkSelection);
        Assert.Equal(new byte[] { 0x05, 0x00, 0x10, tag, 0xff }, got.UserData);
    }

    [Fact]
    public async Task Two_ipsps_carry_data_and_the_client_reconnects_when_the_server_comes_back()
    {
        var first = new LoopbackServer(0);
        int port = first.Listener.LocalEndPoint.Port;
        var clientData = new DataLog();
        var clientEvents = new EventLog();
        await using var client = M3uaAssociation.StartTcpClient(
            Options(ManagementRole.IpspClient), new IPEndPoint(IPAddress.Loopback, port), clientData, clientEvents);

        Assert.False(client.TrySendData(new ProtocolDataHeader(1, 2, 5, 2, 0, 0), [1]));
        await Eventually(() => client.TrafficMayFlow && first.Association.TrafficMayFlow, "traffic may flow on both sides");
        await ExchangeData(client, clientData, first.Association, first.Data, 1);

        // The peer goes away: the client hears the connection down and stops carrying traffic.
        await first.DisposeAsync();
        await Eventually(() => client.Connection is null && !client.TrafficMayFlow, "the client sees the association down");
        Assert.False(client.TrySendData(new ProtocolDataHeader(1, 2, 5, 2, 0, 0), [1]));
        Assert.Equal(1, client.Connects);

        // A new server on the same port: the client reconnects by itself and brings traffic back.
        await using var second = new LoopbackServer(port);
        await Eventually(() => client.TrafficMayFlow && second.Association.TrafficMayFlow, "traffic may flow again");
        Assert.Equal(2, client.Connects);
        await ExchangeData(client, clientData, second.Association, second.Data, 2);
        Assert.Equal(0, client.DataDropped);
        Assert.Equal(0, second.Association.DataDropped);
        Assert.Contains(M3uaManagementEventKind.TrafficStarted, clientEvents.Kinds);
    }

    [Fact]
    public async Task Disposing_the_client_stops_reconnecting()
    {
        await using var server = new LoopbackServer(0);
        var client = M3uaAssociation.StartTcpClient(
            Options(ManagementRole.IpspClient), server.Listener.LocalEndPoint, new DataLog());
        await Eventually(() => client.TrafficMayFlow && server.Association.TrafficMayFlow, "traffic may flow");
        await client.DisposeAsync().AsTask().WaitAsync(Bound);
        await Eventually(() => server.Association.Connection is null, "the server sees the client gone");
        Assert.Null(client.Connection);
        Assert.Equal(1, client.Connects);
    }

    /// <summary>Client options in virtual time: reconnect delays, attempt timeout and management timers all on <paramref name="time"/>.</summary>
    private static M3uaAssociationOptions VirtualTimeClient(ManualTimeProvider time, Func<ManagementTimerSettings, ManagementTimerSettings> timers) =>
        Options(ManagementRole.IpspClient) with
        {
            Management = Tests.Options.Ipsp(ManagementRole.IpspClient, ExchangeMode.Single) with { Timers = timers(ManagementTimerSettings.Default) },
            TimeProvider = time,
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        };

    /// <summary>
    /// Moves virtual time on by <paramref name="step"/> until <paramref name="condition"/> holds. The client arms its
    /// timers on its own threads, after socket I/O the test does not see, so time is moved in small steps rather than
    /// jumped: a timer armed late is still reached, and nothing far beyond it fires.
    /// </summary>
    private static async Task AdvanceUntil(ManualTimeProvider time, TimeSpan step, Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Bound) Assert.Fail($"Not within {Bound}: {what}");
            time.Advance(step);
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Reconnects_when_the_heartbeat_finds_the_peer_dead()
    {
        var time = new ManualTimeProvider();
        await using var peer = new RawM3uaPeer(answersBringUp: true);
        var events = new EventLog();
        M3uaAssociationOptions options = VirtualTimeClient(time, t => Tests.Options.Quiet(t) with
        {
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            HeartbeatMissLimit = 2,
        }) with { AttemptTimeout = TimeSpan.FromSeconds(5) };
        await using var client = M3uaAssociation.StartTcpClient(options, peer.EndPoint, new DataLog(), events);

        await Eventually(() => client.TrafficMayFlow, "bring-up acknowledged by the raw peer");
        Assert.Equal(1, client.Connects);
        Assert.True(peer.Connections.TryPeek(out RawPeerConnection? first));

        // BEAT at 1 s and 2 s go unanswered; at 3 s the second miss declares the association dead.
        await AdvanceUntil(time, TimeSpan.FromSeconds(1), () => events.Kinds.Contains(M3uaManagementEventKind.AssociationDead), "the association declared dead");
        Assert.Contains(M3uaMessageType.Beat, first.Received);
        await first.Closed.WaitAsync(Bound);
        Assert.False(client.TrafficMayFlow);

        // After the reconnect delay (virtual) the client connects again and the raw peer brings it up again.
        await AdvanceUntil(time, TimeSpan.FromMilliseconds(100), () => client.Connects == 2, "the client reconnected");
        await Eventually(() => client.TrafficMayFlow, "traffic may flow on the new connection");
        Assert.Equal(2, peer.Connections.Count);
        Assert.False(peer.Connections.Last().IsClosed);
    }

    [Fact]
    public async Task Reconnects_when_an_attempt_times_out_on_a_peer_that_never_answers()
    {
        var time = new ManualTimeProvider();
        await using var peer = new RawM3uaPeer(answersBringUp: false);
        var events = new EventLog();

        // The attempt timeout (1 s) ends the attempt long before the management would give up on ASPUP (5 × 2 s).
        M3uaAssociationOptions options = VirtualTimeClient(time, Tests.Options.Quiet) with { AttemptTimeout = TimeSpan.FromSeconds(1) };
        await using var client = M3uaAssociation.StartTcpClient(options, peer.EndPoint, new DataLog(), events);

        await AdvanceUntil(time, TimeSpan.FromMilliseconds(100), () => peer.Connections.Count >= 2, "a second attempt");
        RawPeerConnection[] seen = [.. peer.Connections];
        for (int i = 0; i < seen.Length - 1; i++)
        {
            await seen[i].Closed.WaitAsync(Bound);
        }

        Assert.Contains(M3uaMessageType.AspUp, seen[0].Received);
        Assert.DoesNotContain(M3uaManagementEventKind.GaveUp, events.Kinds);
        Assert.False(client.TrafficMayFlow);

        // Each abandoned attempt is told to the sink, numbered, with the timeout as the reason: an operator's only sign of a silent peer.
        Assert.True(events.FailedAttempts.TryPeek(out M3uaAttemptFailure first));
        Assert.Equal(1, first.Attempt);
        Assert.Equal("no ASP up within 1 s (connect, then ASPUP acknowledged)", Assert.IsType<TimeoutException>(first.Error).Message);
        Assert.True(first.NextAttemptIn > TimeSpan.Zero);
    }
}
