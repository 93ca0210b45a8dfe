using System.Net;
using Gateway.Testing;

namespace Gateway.M3ua.Transport.Tests;

/// <summary>
/// Our ASP against osmo-stp, an M3UA signalling transfer point we did not write, over kernel SCTP: bring-up (ASPUP,
/// a configured or registered routing context, ASPAC, NTFY AS-ACTIVE) and ISUP DATA routed by osmo-stp from one ASP to
/// another by destination point code. They run only in the lab, inside with-osmo-stp.sh (scripts/sctp-lab/test-sctp.sh
/// does it), and fail, never pass vacuously, without SCTP or osmo-stp: make test leaves them out (Category!=Stp).
/// The ASPs and point codes are those of scripts/sctp-lab/osmo-stp.cfg.
/// </summary>
[Trait("Category", "Stp")]
public sealed class OsmoStpTests
{
    private const int StpPort = 2905;
    private const uint LabARoutingContext = 1, LabBRoutingContext = 2;
    private const int LabAPointCode = 1, LabBPointCode = 2, RegisteredPointCode = 3;
    private const byte Isup = 5, National = 2;

    // Bring-up is a handful of round trips on loopback; this is room for a loaded machine, not an expected time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly SctpEndpoint Stp = new(IPAddress.Loopback, StpPort);

    private static M3uaAssociationOptions AspOptions(M3uaManagementOptions management) => new()
    {
        Management = management,
        ReconnectDelay = TimeSpan.FromMilliseconds(200),
        MaxReconnectDelay = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>
    /// A static ASP of osmo-stp.cfg: osmo-stp knows it by its SCTP source port, so it binds that port and activates with
    /// the routing context configured there.
    /// </summary>
    private static M3uaAssociation StartStaticAsp(int sourcePort, uint routingContext, ReceivedDataLog data, ManagementEventLog events) =>
        M3uaAssociation.StartSctpClient(
            AspOptions(new M3uaManagementOptions { Role = ManagementRole.Asp, RoutingContexts = [routingContext] }),
            Stp, data, events, local: new SctpEndpoint(IPAddress.Loopback, sourcePort));

    /// <summary>Fails, saying how to get them, unless this kernel has SCTP and osmo-stp listens on its port.</summary>
    private static void AssertLabIsUp()
    {
        const string how = "run inside the lab: scripts/sctp-lab/run-in-uml.sh -- scripts/sctp-lab/with-osmo-stp.sh -- "
            + "dotnet test tests/Gateway.M3ua.Transport.Tests -c Release --no-build --filter Category=Stp";
        Assert.True(SctpSupport.IsAvailable, $"No SCTP in this kernel: socket(IPPROTO_SCTP) fails; {how}");

        // /proc/net/sctp/eps: one listening endpoint a line, the local port in the sixth column (as with-osmo-stp.sh reads it).
        bool listening = File.ReadLines("/proc/net/sctp/eps").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(columns => columns.Length > 5 && columns[5] == StpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(listening, $"Nothing listens on SCTP port {StpPort}: osmo-stp is not running; {how}");
    }

    /// <summary>
    /// Waits for what an ASP toward an SGP goes through before it may send: ASP-ACTIVE (ASPAC acknowledged), then the
    /// SGP's NTFY AS-ACTIVE for the routing context, then traffic started (an ASP waits for that NTFY, not the ACK).
    /// </summary>
    private static async Task AssertActive(M3uaAssociation asp, ManagementEventLog events, uint routingContext, string name)
    {
        await events.WaitFor(e => e is { Kind: M3uaManagementEventKind.AspStateChanged, AspStatus: AspStatus.Active }, $"ASP-ACTIVE of {name}", Patience);
        var notify = await events.WaitFor(
            e => e is { Kind: M3uaManagementEventKind.NotifyReceived, Status: NtfyStatus.AsActive }, $"NTFY AS-ACTIVE to {name}", Patience);
        Assert.True(notify.RoutingContext is null || notify.RoutingContext == routingContext, $"NTFY for routing context {notify.RoutingContext}, not {routingContext}");
        await events.WaitFor(
            e => e.Kind == M3uaManagementEventKind.TrafficStarted && e.RoutingContext == routingContext, $"traffic started for {name}", Patience);
        Assert.Equal(AsState.Active, asp.Management.GetAsState(routingContext));
        Assert.True(asp.TrafficMayFlow, $"{name} is active but may not send");
        // TrySendData puts DATA on stream 1 + SLS mod (streams - 1) when there is more than one stream, else on stream 0,
        // where osmo-stp would drop it: more than one stream means DATA leaves off stream 0.
        Assert.True(asp.Connection!.OutboundStreams > 1, $"{name} has {asp.Connection.OutboundStreams} outbound stream(s): DATA would go on stream 0");
    }

    /// <summary>
    /// Sends an ISUP IAM from <paramref name="from"/> and asserts that <paramref name="to"/> receives it unchanged. That it
    /// arrives at all proves the DATA travelled with PPID 3 and off stream 0: osmo-stp silently drops anything else.
    /// </summary>
    private static async Task AssertIsupCrosses(
        M3uaAssociation from, int opc, int dpc, byte sls, ReceivedDataLog to, uint expectedRoutingContext, string what)
    {
        var header = new ProtocolDataHeader((uint)opc, (uint)dpc, Isup, National, 0, sls);
        Assert.True(from.TrySendData(in header, IsupWireSamples.Iam), $"{what}: TrySendData refused");
        var (got, userData, routingContext) = await to.Next(what, Patience);
        Assert.Equal((uint)opc, got.OriginatingPointCode);
        Assert.Equal((uint)dpc, got.DestinationPointCode);
        Assert.Equal(Isup, got.ServiceIndicator);
        Assert.Equal(National, got.NetworkIndicator);
        Assert.Equal(sls, got.SignallingLinkSelection);
        Assert.Equal(IsupWireSamples.Iam, userData);
        // osmo-stp names the receiving AS's routing context in the DATA it delivers.
        Assert.Equal(expectedRoutingContext, routingContext);
    }

    [Fact]
    public async Task Two_static_asps_come_up_through_osmo_stp_and_exchange_isup_routed_by_point_code()
    {
        AssertLabIsUp();
        var dataA = new ReceivedDataLog();
        var dataB = new ReceivedDataLog();
        var eventsA = new ManagementEventLog();
        var eventsB = new ManagementEventLog();
        await using M3uaAssociation a = StartStaticAsp(2906, LabARoutingContext, dataA, eventsA);
        await using M3uaAssociation b = StartStaticAsp(2907, LabBRoutingContext, dataB, eventsB);

        await AssertActive(a, eventsA, LabARoutingContext, "lab-a");
        await AssertActive(b, eventsB, LabBRoutingContext, "lab-b");

        await AssertIsupCrosses(a, LabAPointCode, LabBPointCode, 5, dataB, LabBRoutingContext, "IAM from point code 1 at point code 2");
        await AssertIsupCrosses(b, LabBPointCode, LabAPointCode, 11, dataA, LabARoutingContext, "IAM from point code 2 at point code 1");
        Assert.Equal(0, a.DataDropped);
        Assert.Equal(0, b.DataDropped);
    }

    [Fact]
    public async Task An_asp_registering_its_point_code_gets_a_routing_context_and_receives_isup_for_it()
    {
        AssertLabIsUp();
        var registeredData = new ReceivedDataLog();
        var registeredEvents = new ManagementEventLog();
        // From an ephemeral port: osmo-stp knows nothing of this ASP until its REG REQ creates the ASP and its AS.
        // The key is the point code alone: osmo-stp 1.6 refuses a key with service indicators (or OPC, CIC ranges) as
        // "unsupported routing key parameter", so it routes every user part toward point code 3 here.
        var management = new M3uaManagementOptions
        {
            Role = ManagementRole.Asp,
            RoutingKeys = [new RoutingKeyRequest(LocalRoutingKeyIdentifier: 1, DestinationPointCode: RegisteredPointCode, ServiceIndicators: [])],
        };
        await using M3uaAssociation registered = M3uaAssociation.StartSctpClient(AspOptions(management), Stp, registeredData, registeredEvents);

        var registration = await registeredEvents.WaitFor(
            e => e.Kind is M3uaManagementEventKind.Registered or M3uaManagementEventKind.RegistrationRefused, "REG RSP", Patience);
        Assert.True(registration.Kind == M3uaManagementEventKind.Registered, $"osmo-stp refused the routing key: {registration}");
        Assert.Equal(M3uaRegistrationStatus.Success, registration.RegistrationStatus);
        Assert.Equal(1u, registration.LocalRoutingKeyIdentifier);
        uint allocated = Assert.IsType<uint>(registration.RoutingContext);
        await AssertActive(registered, registeredEvents, allocated, "the registered ASP");

        // DATA toward the registered point code, from a static ASP that knows nothing of the registration.
        var dataA = new ReceivedDataLog();
        var eventsA = new ManagementEventLog();
        await using M3uaAssociation a = StartStaticAsp(2906, LabARoutingContext, dataA, eventsA);
        await AssertActive(a, eventsA, LabARoutingContext, "lab-a");
        await AssertIsupCrosses(a, LabAPointCode, RegisteredPointCode, 7, registeredData, allocated, "IAM from point code 1 at the registered point code 3");
        Assert.Equal(0, registered.DataDropped);
    }
}
