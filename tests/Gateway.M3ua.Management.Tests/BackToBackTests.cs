using Gateway.Testing;

namespace Gateway.M3ua.Management.Tests;

/// <summary>
/// Two associations' management wired to each other, as two gateways would be: each one's signals are queued and handed
/// to the other, so the exchange is the machines' own, not the test's script.
/// </summary>
public sealed class BackToBackTests
{
    private sealed class Pair
    {
        private readonly Queue<(Rig To, M3uaSignal Signal)> _wire = new();

        public Pair(M3uaManagementOptions client, M3uaManagementOptions server)
        {
            var time = new ManualTimeProvider();
            Client = new Rig(client, time);
            Server = new Rig(server, time);
            Client.Forward = s => _wire.Enqueue((Server, Copy(s)));
            Server.Forward = s => _wire.Enqueue((Client, Copy(s)));
        }

        public Rig Client { get; }

        public Rig Server { get; }

        /// <summary>Connects both ends and carries signals until neither has anything more to say.</summary>
        public void Connect()
        {
            Server.Management.AssociationUp();
            Client.Management.AssociationUp();
            Pump();
        }

        public void Pump()
        {
            for (int guard = 0; _wire.Count > 0; guard++)
            {
                Assert.True(guard < 1000, "the two ends keep talking");
                var (to, signal) = _wire.Dequeue();
                to.Management.Receive(in signal);
            }
        }

        /// <summary>Lets time pass in small steps, the wire carrying what each step sent (a real network is not paused).</summary>
        public void Advance(double seconds)
        {
            for (double passed = 0; passed < seconds; passed += 0.5)
            {
                Client.Time.Advance(TimeSpan.FromSeconds(0.5));
                Pump();
            }
        }

        // What a codec would do: the receiver gets its own bytes, not the sender's arrays.
        private static M3uaSignal Copy(M3uaSignal signal) => signal with
        {
            RoutingContexts = signal.RoutingContexts.ToArray(),
            HeartbeatData = signal.HeartbeatData.ToArray(),
            AffectedPointCodes = signal.AffectedPointCodes.ToArray(),
        };
    }

    private static M3uaManagementOptions Ipsp(ManagementRole role, ExchangeMode exchange) =>
        Options.Ipsp(role, exchange) with { Timers = ManagementTimerSettings.Default with { AuditInterval = TimeSpan.Zero } };

    [Theory]
    [InlineData(ExchangeMode.Single)]
    [InlineData(ExchangeMode.Double)]
    public void Two_ipsps_bring_the_association_into_service_and_out_again(ExchangeMode exchange)
    {
        var pair = new Pair(Ipsp(ManagementRole.IpspClient, exchange), Ipsp(ManagementRole.IpspServer, exchange));
        pair.Connect();
        Assert.True(pair.Client.Management.TrafficMayFlow(Options.Rc));
        Assert.True(pair.Server.Management.TrafficMayFlow(Options.Rc));
        Assert.True(pair.Client.Reported(M3uaManagementEventKind.TrafficStarted));
        Assert.True(pair.Server.Reported(M3uaManagementEventKind.TrafficStarted));
        Assert.DoesNotContain(pair.Client.Sent.Concat(pair.Server.Sent), s => s.Type == M3uaMessageType.Err);

        // Heartbeats both ways keep it up for as long as we care to wait.
        pair.Advance(300);
        Assert.False(pair.Client.Reported(M3uaManagementEventKind.AssociationDead));
        Assert.False(pair.Server.Reported(M3uaManagementEventKind.AssociationDead));
        Assert.True(pair.Client.Management.Counters.HeartbeatsSent >= 29);

        pair.Client.Management.Shutdown();
        pair.Pump();
        Assert.Equal(AspStatus.Down, pair.Client.Management.AspStatus);
        Assert.False(pair.Client.Management.TrafficMayFlow());
        Assert.False(pair.Server.Management.TrafficMayFlow());

        pair.Client.Management.AssociationDown();
        pair.Server.Management.AssociationDown();
        Assert.Equal(0, pair.Client.Time.ActiveTimers); // one clock for both ends: nothing left on either
    }

    [Fact]
    public void A_single_exchange_server_notifies_and_a_client_waiting_for_ntfy_gets_it()
    {
        var client = Ipsp(ManagementRole.IpspClient, ExchangeMode.Single) with { ActivationNotice = ActivationNotice.Notify };
        var pair = new Pair(client, Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        pair.Connect();
        Assert.True(pair.Client.Management.TrafficMayFlow());
        Assert.Contains(pair.Server.Sent, s => s.Type == M3uaMessageType.Ntfy && s.Status == NtfyStatus.AsActive);
    }

    [Fact]
    public void A_silent_peer_is_found_dead_by_its_heartbeat()
    {
        var pair = new Pair(Ipsp(ManagementRole.IpspClient, ExchangeMode.Single), Ipsp(ManagementRole.IpspServer, ExchangeMode.Single));
        pair.Connect();
        pair.Server.Forward = null; // the peer process hangs: it hears but says nothing
        pair.Advance(40);
        Assert.True(pair.Client.Reported(M3uaManagementEventKind.AssociationDead));
        Assert.False(pair.Client.Management.TrafficMayFlow());

        // The reconnecting layer closes the transport and tries again once the peer answers.
        pair.Server.Management.AssociationDown();
        pair.Server.Forward = s => pair.Client.Management.Receive(in s);
        pair.Connect();
        Assert.True(pair.Client.Management.TrafficMayFlow());
    }
}
