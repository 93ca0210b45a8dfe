using System.Net;
using Gateway.Configuration;
using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Configuration;

public sealed class GatewayConfigurationReaderTests
{
    private const string Minimal = """{ "isup": { "opc": 1 } }""";

    private static GatewayConfiguration Read(string json) => GatewayConfigurationReader.Read(json, "test.json");

    private static IReadOnlyList<ConfigurationError> Errors(string json) =>
        Assert.Throws<ConfigurationException>(() => Read(json)).Errors;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.json", SearchOption.AllDirectories))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_shipped_example_is_valid(string file)
    {
        var configuration = GatewayConfigurationReader.ReadFile(Path.Combine(AppContext.BaseDirectory, file));
        Assert.NotEmpty(configuration.Node.Name);
    }

    [Fact]
    public void Absent_sections_take_their_documented_defaults()
    {
        var c = Read(Minimal);
        Assert.Equal(Environment.MachineName, c.Node.Name);
        Assert.Empty(c.Sip.Listeners);
        Assert.Equal(TimeSpan.FromMilliseconds(500), c.Sip.Timers.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), c.Sip.Timers.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), c.Sip.Timers.T4);
        Assert.Equal(65_536, c.Sip.MaxMessageBytes);
        Assert.Equal(NetworkIndicator.International, c.Isup.NetworkIndicator);
        Assert.Equal(LogEventLevel.Information, c.Logging.DefaultLevel);
        Assert.Equal(ConsoleLogFormat.Auto, c.Logging.Console);
        var syslog = Assert.Single(c.Logging.Syslog);
        Assert.Equal("unix:/dev/log", syslog.Target);
        Assert.Equal(SyslogFormat.Rfc3164, syslog.EffectiveFormat);
        Assert.Equal(SyslogFacility.Local0, syslog.Facility);
        Assert.Equal("sip-isup-gateway", syslog.AppName);
        Assert.Equal(TimeSpan.FromSeconds(30), c.Shutdown.Drain);
        Assert.Equal(TimeSpan.FromSeconds(5), c.Shutdown.Release);
    }

    [Fact]
    public void Reads_a_full_configuration_into_typed_values()
    {
        var c = Read("""
            // comments are allowed
            {
              "node": { "name": "gw-a" },
              "sip": {
                "listen": [ { "transport": "udp", "address": "127.0.0.1", "port": 5070 }, { "transport": "TCP", "address": "::1" } ],
                "timers": { "t1Ms": 250, "t2Ms": 2000, "t4Ms": 2500 },
                "trunks": [ { "name": "pbx", "address": "192.0.2.1", "sources": ["192.0.2.1", "2001:db8::1"] } ],
              },
              "m3ua": { "associations": [
                { "name": "stp", "transport": "tcp", "role": "ipsp", "mode": "server", "localAddress": "127.0.0.1", "localPort": 2906,
                  "remoteAddress": "127.0.0.2", "routingContext": 7, "doubleExchange": true, "heartbeatSeconds": 5, "heartbeatMisses": 4 },
                { "name": "sg2", "role": "asp", "remoteAddress": "192.0.2.7", "additionalRemoteAddresses": ["192.0.2.8"],
                  "additionalLocalAddresses": ["192.0.2.3"], "networkAppearance": 9, "trafficMode": "loadshare" } ] },
              "isup": { "opc": 16383, "networkIndicator": "national", "routeUnavailableCause": 38, "holdAnsweredCallsSeconds": 0,
                        "circuitGroups": [ { "name": "g1", "dpc": 2, "associations": ["stp", "sg2"], "routeMode": "loadshare", "cics": ["1-31", "33"] } ] },
              "routing": { "sipToIsup": [ { "prefix": "+49", "circuitGroup": "g1" } ], "isupToSip": [ { "trunk": "pbx" } ] },
              "logging": { "level": "debug", "levels": { "Gateway.Sip": "verbose" }, "console": "journald",
                           "syslog": [ { "transport": "tcp", "host": "logs.example", "port": 6514, "facility": "local7", "maxMessageBytes": 4096 },
                                       { "transport": "udp", "host": "192.0.2.9", "format": "rfc3164", "appName": "gw" } ] },
              "shutdown": { "drainSeconds": 0, "releaseSeconds": 2 }
            }
            """);
        Assert.Equal("gw-a", c.Node.Name);
        Assert.Equal(new SipListener(SipTransport.Udp, IPAddress.Loopback, 5070), c.Sip.Listeners[0]);
        Assert.Equal(new SipListener(SipTransport.Tcp, IPAddress.IPv6Loopback, 5060), c.Sip.Listeners[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(250), c.Sip.Timers.T1);
        Assert.Equal([IPAddress.Parse("192.0.2.1"), IPAddress.Parse("2001:db8::1")], c.Sip.Trunks[0].Sources);
        var a = c.M3ua.Associations[0];
        Assert.Equal((M3uaTransport.Tcp, M3uaRole.Ipsp, ConnectMode.Server, 7u), (a.Transport, a.Role, a.Mode, a.RoutingContext));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 2906), a.Local);
        Assert.Equal([IPAddress.Parse("127.0.0.2")], a.Peers);
        Assert.Equal((true, TimeSpan.FromSeconds(5), 4), (a.DoubleExchange, a.HeartbeatInterval, a.HeartbeatMisses));
        var sg = c.M3ua.Associations[1];
        Assert.Equal((M3uaTransport.Sctp, M3uaRole.Asp, ConnectMode.Client, 9u, M3uaTrafficMode.Loadshare),
            (sg.Transport, sg.Role, sg.Mode, sg.NetworkAppearance, sg.TrafficMode));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 2905), sg.Remote);
        Assert.Equal([IPAddress.Parse("192.0.2.8")], sg.AdditionalRemoteAddresses);
        Assert.Equal([IPAddress.Parse("192.0.2.3")], sg.AdditionalLocalAddresses);
        Assert.Equal((TimeSpan.FromSeconds(10), 3, false), (sg.HeartbeatInterval, sg.HeartbeatMisses, sg.DoubleExchange));
        Assert.Equal(["stp", "sg2"], c.Isup.CircuitGroups[0].Associations);
        Assert.Equal(RouteMode.Loadshare, c.Isup.CircuitGroups[0].RouteMode);
        Assert.Equal((38, TimeSpan.Zero), (c.Isup.RouteUnavailableCause, c.Isup.HoldAnsweredCalls));
        Assert.Equal(16383, c.Isup.Opc);
        Assert.Equal(NetworkIndicator.National, c.Isup.NetworkIndicator);
        Assert.Equal([new CicRange(1, 31), new CicRange(33, 33)], c.Isup.CircuitGroups[0].Cics);
        Assert.Equal(new SipToIsupRoute("+49", "g1"), c.Routing.SipToIsup[0]);
        Assert.Equal(new IsupToSipRoute("", "pbx"), c.Routing.IsupToSip[0]);
        Assert.Equal(LogEventLevel.Debug, c.Logging.DefaultLevel);
        Assert.Equal(new KeyValuePair<string, LogEventLevel>("Gateway.Sip", LogEventLevel.Verbose), c.Logging.Levels[0]);
        Assert.Equal(ConsoleLogFormat.Journald, c.Logging.Console);
        Assert.Equal(["tcp:logs.example:6514", "udp:192.0.2.9:514"], c.Logging.Syslog.Select(o => o.Target));
        Assert.Equal((SyslogFormat.Rfc5424, SyslogFacility.Local7, 4096), (c.Logging.Syslog[0].EffectiveFormat, c.Logging.Syslog[0].Facility, c.Logging.Syslog[0].EffectiveMaxMessageBytes));
        Assert.Equal((SyslogFormat.Rfc3164, "gw"), (c.Logging.Syslog[1].EffectiveFormat, c.Logging.Syslog[1].AppName));
        Assert.Equal(TimeSpan.FromSeconds(2), c.Shutdown.Total);
    }

    [Fact]
    public void Reports_every_error_with_its_json_path()
    {
        var errors = Errors("""
            { "isup": { "opc": 20000, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "nowhere", "cics": ["1-31"] } ] },
              "sip": { "listen": [ { "transport": "udp", "address": "1.2.3", "port": 0 } ] } }
            """);
        Assert.Equal(
            ["$.isup.circuitGroups[0].association", "$.isup.opc", "$.sip.listen[0].address", "$.sip.listen[0].port"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.isup.opc" && e.Message == "must be from 0 to 16383, not 20000");
        Assert.Contains(errors, e => e.Path == "$.sip.listen[0].address" && e.Message.Contains("\"1.2.3\""));
    }

    [Theory]
    [InlineData("""{ "isup": { "opc": 1 }, "sipp": {} }""", "$.sipp", "is not a known key")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "a", "cicz": [] } ] }, "m3ua": { "associations": [ { "name": "a", "role": "asp", "remoteAddress": "127.0.0.1" } ] } }""", "$.isup.circuitGroups[0].cicz", "is not a known key")]
    [InlineData("""{ }""", "$.isup.opc", "is required")]
    [InlineData("""{ "isup": { "opc": "1" } }""", "$.isup.opc", "must be a whole number from 0 to 16383, not \"1\"")]
    [InlineData("""{ "isup": { "opc": 1.5 } }""", "$.isup.opc", "must be a whole number from 0 to 16383, not 1.5")]
    [InlineData("""{ "isup": { "opc": 1, "networkIndicator": "nat" } }""", "$.isup.networkIndicator", "must be one of international, international-spare, national, national-spare, not \"nat\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": { "listen": [ { "transport": "udp", "address": "127.0.0.1" }, { "transport": "udp", "address": "127.0.0.1" } ] } }""", "$.sip.listen[1]", "listens on the same transport, address and port as listen[0]")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": { "timers": { "t1Ms": 5000, "t2Ms": 4000 } } }""", "$.sip.timers.t2Ms", "must not be shorter than t1Ms (RFC 3261 §17.1.2.2 caps retransmission at T2)")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": { "trunks": [ { "name": "p", "address": "192.0.2.1", "sources": ["pbx.example"] } ] } }""", "$.sip.trunks[0].sources[0]", "must be an IPv4 or IPv6 address, not \"pbx.example\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": { "trunks": [ { "name": "p", "address": "192.0.2.1" }, { "name": "p", "address": "192.0.2.2" } ] } }""", "$.sip.trunks[1].name", "\"p\" is already the name of trunks[0]")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": { "trunks": [ { "name": "a b", "address": "192.0.2.1" } ] } }""", "$.sip.trunks[0].name", "must be 1-64 characters of letters, digits, '.', '_' or '-'")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "asp" } ] } }""", "$.m3ua.associations[0].remoteAddress", "is required for a client association")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "ipsp", "mode": "server" } ] } }""", "$.m3ua.associations[0].localAddress", "is required for a server association")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "ipsp", "mode": "server", "localAddress": "127.0.0.1" } ] } }""", "$.m3ua.associations[0].remoteAddress", "is required for a server association: it accepts only the peer named here (and additionalRemoteAddresses)")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "asp", "mode": "server", "localAddress": "127.0.0.1", "remoteAddress": "127.0.0.2" } ] } }""", "$.m3ua.associations[0].mode", "an ASP connects to its signalling gateway: use client, or role ipsp for a point-to-point server")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "sg" } ] } }""", "$.m3ua.associations[0].role", "must be one of asp, ipsp, not \"sg\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "asp", "transport": "tcp", "remoteAddress": "127.0.0.1", "additionalRemoteAddresses": ["127.0.0.2"] } ] } }""", "$.m3ua.associations[0].additionalRemoteAddresses", "multi-homing needs SCTP; TCP has one address each side")]
    [InlineData("""{ "isup": { "opc": 1 }, "m3ua": { "associations": [ { "name": "a", "role": "asp", "remoteAddress": "127.0.0.1", "doubleExchange": true } ] } }""", "$.m3ua.associations[0].doubleExchange", "applies to IPSPs only (RFC 4666 §4.3.3.1)")]
    [InlineData("""{ "isup": { "opc": 1, "routeUnavailableCause": 35 } }""", "$.isup.routeUnavailableCause", "must be 34 (no circuit available) or 38 (network out of order), not 35")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "a", "associations": ["a"], "cics": ["1"] } ] } }""", "$.isup.circuitGroups[0].associations", "give either association (one) or associations (a list), not both")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "associations": ["a", "a"], "cics": ["1"] } ] } }""", "$.isup.circuitGroups[0].associations[1]", "\"a\" is listed twice")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "associations": ["a", "b"], "cics": ["1"] } ] } }""", "$.isup.circuitGroups[0].associations[1]", "names \"b\", which is not an association in $.m3ua.associations")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "a", "cics": ["1"] }, { "name": "h", "dpc": 2, "association": "b", "cics": ["2"] } ] } }""", "$.isup.circuitGroups[1].associations", "differ from circuitGroups[0] toward the same DPC 2 (associations or routeMode); the route to a DPC is one, so its groups must name the same associations the same way")]
    [InlineData("""{ "isup": { "opc": 2, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1"] } ] } }""", "$.isup.opc", "2 is also the DPC of circuit group \"g\"; a circuit joins two different signalling points")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1-4096"] } ] } }""", "$.isup.circuitGroups[0].cics[0]", "must be a CIC or an ascending range such as \"1-31\" within 0-4095, not \"1-4096\"")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": [] } ] } }""", "$.isup.circuitGroups[0].cics", "must list at least one CIC range")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1-31", "20-40"] } ] } }""", "$.isup.circuitGroups[0].cics[1]", "CICs 20-40 overlap CICs 1-31 of circuitGroups[0] toward the same DPC 2")]
    [InlineData("""{ "isup": { "opc": 1, "circuitGroups": [ { "name": "g", "dpc": 2, "association": "", "cics": ["1-31"] }, { "name": "h", "dpc": 2, "association": "", "cics": ["31"] } ] } }""", "$.isup.circuitGroups[1].cics[0]", "CICs 31 overlap CICs 1-31 of circuitGroups[0] toward the same DPC 2")]
    [InlineData("""{ "isup": { "opc": 1 }, "routing": { "sipToIsup": [ { "prefix": "49x", "circuitGroup": "g" } ] } }""", "$.routing.sipToIsup[0].prefix", "must be dialled digits (0-9, +, *, #), not \"49x\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "routing": { "sipToIsup": [ { "circuitGroup": "g" } ] } }""", "$.routing.sipToIsup[0].circuitGroup", "names \"g\", which is not a circuit group in $.isup.circuitGroups")]
    [InlineData("""{ "isup": { "opc": 1 }, "routing": { "isupToSip": [ { "trunk": "t" } ] } }""", "$.routing.isupToSip[0].trunk", "names \"t\", which is not a trunk in $.sip.trunks")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "levels": { "Gateway.Sip": "loud" } } }""", "$.logging.levels.Gateway.Sip", "must be one of verbose, debug, information, warning, error, fatal, not \"loud\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "shutdown": { "drainSeconds": -1 } }""", "$.shutdown.drainSeconds", "must be from 0 to 3600, not -1")]
    [InlineData("""{ "isup": { "opc": 1 }, "sip": [] }""", "$.sip", "must be an object, not an array")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "syslog": [ { "transport": "tcp" } ] } }""", "$.logging.syslog[0].host", "is required for the tcp transport")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "syslog": [ { "host": "x" } ] } }""", "$.logging.syslog[0].host", "is only for the udp and tcp transports; the unix transport uses path")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "syslog": [ { "facility": "local8" } ] } }""", "$.logging.syslog[0].facility", "must be one of kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp, audit, alert, clock, local0, local1, local2, local3, local4, local5, local6, local7, not \"local8\"")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "syslog": [ { "maxMessageBytes": 100 } ] } }""", "$.logging.syslog[0].maxMessageBytes", "must be from 480 to 65507, not 100")]
    [InlineData("""{ "isup": { "opc": 1 }, "logging": { "syslog": { } } }""", "$.logging.syslog", "must be an array, not an object")]
    public void Names_the_defect_and_its_key(string json, string path, string message)
    {
        var errors = Errors(json);
        Assert.Contains(new ConfigurationError(path, message), errors);
    }

    [Fact]
    public void An_empty_syslog_list_means_no_syslog()
    {
        Assert.Empty(Read("""{ "isup": { "opc": 1 }, "logging": { "syslog": [] } }""").Logging.Syslog);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var error = Assert.Single(Errors("{\n  \"isup\": { \"opc\": 1 \n}"));
        Assert.Equal("$", error.Path);
        Assert.StartsWith("is not valid JSON (line 3", error.Message);
    }

    [Fact]
    public void A_missing_file_is_one_error_naming_the_file()
    {
        var e = Assert.Throws<ConfigurationException>(() => GatewayConfigurationReader.ReadFile("/nonexistent/gateway.json"));
        Assert.Equal("/nonexistent/gateway.json", e.File);
        Assert.StartsWith("cannot read /nonexistent/gateway.json", Assert.Single(e.Errors).Message);
    }

    [Theory]
    [InlineData("5", 5, 5)]
    [InlineData("1-31", 1, 31)]
    [InlineData("0-4095", 0, 4095)]
    public void Cic_ranges_parse(string text, int first, int last)
    {
        Assert.True(CicRange.TryParse(text, out var range));
        Assert.Equal(new CicRange(first, last), range);
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("31-1")]
    [InlineData("1-")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("4096")]
    public void Bad_cic_ranges_do_not_parse(string text) => Assert.False(CicRange.TryParse(text, out _));
}
