using System.Globalization;
using System.Net;
using System.Text.Json;
using Serilog.Events;

namespace Gateway.Configuration;

/// <summary>
/// Reads and validates the gateway's JSON configuration. JSON keys are camelCase; comments and trailing commas are
/// allowed because operators annotate their files. Every defect is collected with its JSON path before giving up.
/// </summary>
public static class GatewayConfigurationReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    /// <summary>Reads a configuration file; throws <see cref="ConfigurationException"/> listing every defect.</summary>
    public static GatewayConfiguration ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, [new ConfigurationError("$", $"cannot read {path}: {e.Message}")]);
        }
        return Read(text, path);
    }

    public static GatewayConfiguration Read(string json, string source)
    {
        var errors = new List<ConfigurationError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, column {e.BytePositionInLine + 1})")
                : "";
            throw new ConfigurationException(source, [new ConfigurationError("$", "is not valid JSON" + where)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(source, [new ConfigurationError("$", "must be a JSON object")]);
            }
            var root = new JsonSection(document.RootElement, "$", errors);
            var configuration = ReadRoot(root);
            root.RejectUnknownKeys();
            CheckReferences(configuration, errors);
            if (errors.Count > 0)
            {
                throw new ConfigurationException(source, errors);
            }
            return configuration;
        }
    }

    private static GatewayConfiguration ReadRoot(JsonSection root) => new(
        Node: Read(root.SectionOrEmpty("node"), ReadNode),
        Sip: Read(root.SectionOrEmpty("sip"), ReadSip),
        M3ua: Read(root.SectionOrEmpty("m3ua"), s => new M3uaOptions(s.Array("associations", ReadAssociation))),
        Isup: Read(root.SectionOrEmpty("isup"), IsupOptionsReader.Read),
        Routing: Read(root.SectionOrEmpty("routing"), ReadRouting),
        Interworking: Read(root.SectionOrEmpty("interworking"), ReadInterworking),
        Logging: Read(root.SectionOrEmpty("logging"), ReadLogging),
        Shutdown: Read(root.SectionOrEmpty("shutdown"), ReadShutdown))
    {
        Metrics = Read(root.SectionOrEmpty("metrics"), ReadMetrics),
        Hep = Read(root.SectionOrEmpty("trace"), ReadHep),
        Overload = Read(root.SectionOrEmpty("overload"), ReadOverload),
    };

    private static T Read<T>(JsonSection section, Func<JsonSection, T> read)
    {
        var value = read(section);
        section.RejectUnknownKeys();
        return value;
    }

    private static NodeOptions ReadNode(JsonSection s)
    {
        string name = s.String("name") ?? Environment.MachineName;
        if (!IsName(name)) s.Error("name", NameRule);
        return new NodeOptions(name);
    }

    private static readonly (string, SipTransport)[] SipTransports = [("udp", SipTransport.Udp), ("tcp", SipTransport.Tcp)];

    private static SipOptions ReadSip(JsonSection s)
    {
        var listeners = s.Array("listen", l => new SipListener(
            l.Choice("transport", SipTransport.Udp, SipTransports, required: true),
            l.Address("address", required: true) ?? IPAddress.Loopback,
            l.Port("port", 5060)));
        for (int i = 0; i < listeners.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (listeners[i] == listeners[j])
                {
                    s.Error($"listen[{i}]", $"listens on the same transport, address and port as listen[{j}]");
                }
            }
        }

        var timers = Read(s.SectionOrEmpty("timers"), t =>
        {
            var d = SipTimerOptions.Default;
            var t1 = Milliseconds(t, "t1Ms", d.T1, 10, 60_000);
            var t2 = Milliseconds(t, "t2Ms", d.T2, 10, 600_000);
            var t4 = Milliseconds(t, "t4Ms", d.T4, 10, 600_000);
            if (t2 < t1) t.Error("t2Ms", "must not be shorter than t1Ms (RFC 3261 §17.1.2.2 caps retransmission at T2)");
            return new SipTimerOptions(t1, t2, t4);
        });

        int maxMessageBytes = s.Int("maxMessageBytes", 65_536, 1_500, 1_048_576);

        var trunks = s.Array("trunks", t => new SipTrunk(
            NameOf(t),
            t.Choice("transport", SipTransport.Udp, SipTransports),
            t.Address("address", required: true) ?? IPAddress.Loopback,
            t.Port("port", 5060),
            ReadAddressList(t, "sources")));
        CheckUniqueNames(s, "trunks", trunks, t => t.Name);

        return new SipOptions(listeners, timers, maxMessageBytes, trunks)
        {
            MaxMessagesPerSecondPerSource = s.Int("maxMessagesPerSecondPerSource", SipOptions.DefaultMaxMessagesPerSecondPerSource, 10, 10_000_000),
        };
    }

    private static IReadOnlyList<IPAddress> ReadAddressList(JsonSection s, string key)
    {
        // Address lists are plain strings; a one-key object per address would only add noise to the file.
        var words = s.StringList(key);
        var addresses = new List<IPAddress>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            if (JsonSection.TryParseAddress(words[i], out var address)) addresses.Add(address);
            else s.Error($"{key}[{i}]", $"must be an IPv4 or IPv6 address, not \"{words[i]}\"");
        }
        return addresses;
    }

    private static readonly (string, M3uaTransport)[] M3uaTransports = [("sctp", M3uaTransport.Sctp), ("tcp", M3uaTransport.Tcp)];
    private static readonly (string, M3uaRole)[] M3uaRoles = [("asp", M3uaRole.Asp), ("ipsp", M3uaRole.Ipsp)];
    private static readonly (string, ConnectMode)[] ConnectModes = [("client", ConnectMode.Client), ("server", ConnectMode.Server)];
    private static readonly (string, M3uaTrafficMode)[] TrafficModes =
        [("override", M3uaTrafficMode.Override), ("loadshare", M3uaTrafficMode.Loadshare), ("broadcast", M3uaTrafficMode.Broadcast)];

    private static M3uaAssociationSettings ReadAssociation(JsonSection s)
    {
        string name = NameOf(s);
        var transport = s.Choice("transport", M3uaTransport.Sctp, M3uaTransports);
        var role = s.Choice("role", M3uaRole.Asp, M3uaRoles, required: true);
        var mode = s.Choice("mode", ConnectMode.Client, ConnectModes);
        var local = EndPoint(s, "localAddress", "localPort", defaultPort: 2905);
        var remote = EndPoint(s, "remoteAddress", "remotePort", defaultPort: 2905);
        if (mode == ConnectMode.Client && remote is null && !s.Has("remoteAddress"))
        {
            s.Error("remoteAddress", "is required for a client association");
        }
        if (mode == ConnectMode.Server && local is null && !s.Has("localAddress"))
        {
            s.Error("localAddress", "is required for a server association");
        }
        if (mode == ConnectMode.Server && !s.Has("remoteAddress"))
        {
            s.Error("remoteAddress", "is required for a server association: it accepts only the peer named here (and additionalRemoteAddresses)");
        }
        if (role == M3uaRole.Asp && mode == ConnectMode.Server)
        {
            s.Error("mode", "an ASP connects to its signalling gateway: use client, or role ipsp for a point-to-point server");
        }
        var extraLocal = ReadAddressList(s, "additionalLocalAddresses");
        var extraRemote = ReadAddressList(s, "additionalRemoteAddresses");
        if (transport == M3uaTransport.Tcp && (extraLocal.Count > 0 || extraRemote.Count > 0))
        {
            s.Error(extraLocal.Count > 0 ? "additionalLocalAddresses" : "additionalRemoteAddresses", "multi-homing needs SCTP; TCP has one address each side");
        }
        bool doubleExchange = s.Bool("doubleExchange", false);
        if (doubleExchange && role != M3uaRole.Ipsp) s.Error("doubleExchange", "applies to IPSPs only (RFC 4666 §4.3.3.1)");
        long routingContext = s.Int("routingContext", 0, 0, int.MaxValue);
        int? networkAppearance = s.Has("networkAppearance") ? s.Int("networkAppearance", 0, 0, int.MaxValue) : null;
        var defaults = new M3uaAssociationSettings("", M3uaTransport.Tcp, M3uaRole.Asp, ConnectMode.Client, null, null, 0);
        return new M3uaAssociationSettings(name, transport, role, mode, local, remote, (uint)routingContext)
        {
            AdditionalLocalAddresses = extraLocal,
            AdditionalRemoteAddresses = extraRemote,
            NetworkAppearance = networkAppearance is int na ? (uint)na : null,
            TrafficMode = s.Choice("trafficMode", defaults.TrafficMode, TrafficModes),
            DoubleExchange = doubleExchange,
            HeartbeatInterval = TimeSpan.FromSeconds(s.Int("heartbeatSeconds", (int)defaults.HeartbeatInterval.TotalSeconds, 0, 300)),
            HeartbeatMisses = s.Int("heartbeatMisses", defaults.HeartbeatMisses, 1, 10),
        };
    }

    private static IPEndPoint? EndPoint(JsonSection s, string addressKey, string portKey, int defaultPort)
    {
        var address = s.Address(addressKey);
        int port = s.Port(portKey, defaultPort);
        return address is null ? null : new IPEndPoint(address, port);
    }

    private static readonly (string, NumberNature)[] NumberNatures =
        [("subscriber", NumberNature.Subscriber), ("national", NumberNature.National), ("international", NumberNature.International)];

    private static InterworkingOptions ReadInterworking(JsonSection s)
    {
        var defaults = InterworkingOptions.Default;
        var prefixes = s.Array("numberPrefixes", p => new NumberPrefix(Prefix(p), p.Choice("natureOfAddress", NumberNature.National, NumberNatures, required: true)));
        return new InterworkingOptions(
            s.IntegerMap("causeToStatus", 1, 127, 300, 699),
            s.IntegerMap("statusToCause", 300, 699, 1, 127),
            prefixes)
        {
            CancelWithoutReasonCause = (byte)s.Int("cancelWithoutReasonCause", defaults.CancelWithoutReasonCause, 1, 127),
            CancelCompletedElsewhereCause = (byte)s.Int("cancelCompletedElsewhereCause", defaults.CancelCompletedElsewhereCause, 1, 127),
        };
    }

    private static RoutingOptions ReadRouting(JsonSection s)
    {
        var sipToIsup = s.Array("sipToIsup", r => new SipToIsupRoute(Prefix(r), r.String("circuitGroup", "", required: true)!));
        var isupToSip = s.Array("isupToSip", r => new IsupToSipRoute(Prefix(r), r.String("trunk", "", required: true)!));
        return new RoutingOptions(sipToIsup, isupToSip);
    }

    private static string Prefix(JsonSection s)
    {
        string prefix = s.String("prefix", "")!;
        foreach (char c in prefix)
        {
            if (c is not (>= '0' and <= '9' or '+' or '*' or '#'))
            {
                s.Error("prefix", $"must be dialled digits (0-9, +, *, #), not \"{prefix}\"");
                break;
            }
        }
        return prefix;
    }

    private static readonly (string, ConsoleLogFormat)[] ConsoleFormats =
    [
        ("auto", ConsoleLogFormat.Auto), ("journald", ConsoleLogFormat.Journald),
        ("terminal", ConsoleLogFormat.Terminal), ("off", ConsoleLogFormat.Off),
    ];

    private static readonly (string, LogEventLevel)[] Levels =
    [
        ("verbose", LogEventLevel.Verbose), ("trace", LogEventLevel.Verbose), ("debug", LogEventLevel.Debug),
        ("information", LogEventLevel.Information), ("info", LogEventLevel.Information),
        ("warning", LogEventLevel.Warning), ("error", LogEventLevel.Error), ("fatal", LogEventLevel.Fatal),
    ];

    private static LoggingOptions ReadLogging(JsonSection s)
    {
        var console = s.Choice("console", ConsoleLogFormat.Auto, ConsoleFormats);
        var level = s.Choice("level", LogEventLevel.Information, Levels);
        var overrides = new List<KeyValuePair<string, LogEventLevel>>();
        foreach (var (category, word) in s.StringMap("levels"))
        {
            if (JsonSection.TryChoice(word, Levels, out var categoryLevel)) overrides.Add(new(category, categoryLevel));
            else s.Error($"levels.{category}", $"must be one of verbose, debug, information, warning, error, fatal, not \"{word}\"");
        }
        var syslog = SyslogOptionsReader.ReadAll(s);
        return new LoggingOptions(console, level, overrides, syslog);
    }

    private static ShutdownOptions ReadShutdown(JsonSection s) => new(
        TimeSpan.FromSeconds(s.Int("drainSeconds", 30, 0, 3600)),
        TimeSpan.FromSeconds(s.Int("releaseSeconds", 5, 1, 300)));

    private static MetricsOptions ReadMetrics(JsonSection s)
    {
        var defaults = MetricsOptions.Disabled;
        // Address and port are checked even when disabled, so that turning the endpoint on later cannot reveal a typo.
        return new MetricsOptions(
            s.Bool("enabled", defaults.Enabled),
            s.Address("address", defaults.Address)!,
            s.Port("port", defaults.Port));
    }

    private static OverloadOptions ReadOverload(JsonSection s)
    {
        var defaults = OverloadOptions.Default;
        return new OverloadOptions(
            s.Int("maxCallsPerSecond", defaults.MaxCallsPerSecond, 0, 1_000_000),
            s.Int("maxCalls", defaults.MaxCalls, 0, 10_000_000),
            s.Int("retryAfterSeconds", defaults.RetryAfterSeconds, 1, 3600));
    }

    private static HepExportOptions? ReadHep(JsonSection trace)
    {
        if (trace.Section("hep") is not { } s) return null;
        var hep = new HepExportOptions(
            s.Address("address", required: true) ?? IPAddress.Loopback,
            s.Port("port", HepExportOptions.DefaultPort),
            (uint)s.Int("captureId", 0, 0, int.MaxValue),
            s.String("password"));
        s.RejectUnknownKeys();
        return hep;
    }

    private static void CheckReferences(GatewayConfiguration c, List<ConfigurationError> errors)
    {
        for (int i = 0; i < c.Isup.CircuitGroups.Count; i++)
        {
            var names = c.Isup.CircuitGroups[i].Associations;
            string path = names.Count == 1 ? $"$.isup.circuitGroups[{i}].association" : $"$.isup.circuitGroups[{i}].associations[{{0}}]";
            CheckReference(errors, names, n => n, path, c.M3ua.Associations, a => a.Name, "an association in $.m3ua.associations");
        }
        CheckReference(errors, c.Routing.SipToIsup, r => r.CircuitGroup, "$.routing.sipToIsup[{0}].circuitGroup",
            c.Isup.CircuitGroups, g => g.Name, "a circuit group in $.isup.circuitGroups");
        CheckReference(errors, c.Routing.IsupToSip, r => r.Trunk, "$.routing.isupToSip[{0}].trunk",
            c.Sip.Trunks, t => t.Name, "a trunk in $.sip.trunks");
    }

    /// <summary>Each name an item refers to must be the name of a target; an empty name was already reported as missing.</summary>
    private static void CheckReference<TItem, TTarget>(
        List<ConfigurationError> errors, IReadOnlyList<TItem> items, Func<TItem, string> reference, string pathFormat,
        IReadOnlyList<TTarget> targets, Func<TTarget, string> name, string what)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets) names.Add(name(t));
        for (int i = 0; i < items.Count; i++)
        {
            string r = reference(items[i]);
            if (r.Length > 0 && !names.Contains(r))
            {
                errors.Add(new(string.Format(CultureInfo.InvariantCulture, pathFormat, i), $"names \"{r}\", which is not {what}"));
            }
        }
    }

    private const string NameRule = "must be 1-64 characters of letters, digits, '.', '_' or '-'";

    internal static string NameOf(JsonSection s)
    {
        string name = s.String("name", "", required: true)!;
        if (s.Has("name") && !IsName(name)) s.Error("name", NameRule);
        return name;
    }

    private static bool IsName(string name)
    {
        if (name.Length is 0 or > 64) return false;
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        }
        return true;
    }

    internal static void CheckUniqueNames<T>(JsonSection s, string key, IReadOnlyList<T> items, Func<T, string> name)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string n = name(items[i]);
            if (n.Length == 0) continue;
            if (seen.TryGetValue(n, out int first)) s.Error($"{key}[{i}].name", $"\"{n}\" is already the name of {key}[{first}]");
            else seen[n] = i;
        }
    }

    private static TimeSpan Milliseconds(JsonSection s, string key, TimeSpan fallback, int min, int max) =>
        TimeSpan.FromMilliseconds(s.Int(key, (int)fallback.TotalMilliseconds, min, max));
}
