using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;

namespace Gateway.Metrics;

/// <summary>
/// The gateway's instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. The recording methods are
/// called on the signalling hot paths, so they allocate nothing: every tag value is a string the caller already holds
/// (a constant from <see cref="MetricWords"/> or a message name) or one cached here, never one formatted per call.
/// With no listener attached a recording costs next to nothing, so the daemon records whether or not metrics are served.
/// </summary>
public sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "SipIsupGateway";

    private const string DirectionTag = "direction";
    private const string OutcomeTag = "outcome";
    private const string ProtocolTag = "protocol";
    private const string TypeTag = "type";
    private const string In = "in";
    private const string Out = "out";

    // Q.850 causes are 7 bits; formatting one per release would allocate, so all 128 are formatted once.
    private static readonly string[] CauseWords = CreateCauseWords();
    private const string CauseOutOfRange = "invalid";

    private static readonly string[] AspStates = [MetricWords.AspDown, MetricWords.AspInactive, MetricWords.AspActive];

    private readonly IGatewayMetricsSource _source;
    private readonly CallRateWindow _callRate;
    private readonly Counter<long> _callAttempts;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _releases;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _parseErrors;

    public GatewayMetrics(IGatewayMetricsSource source, TimeProvider time, string? version = null)
    {
        _source = source;
        _callRate = new CallRateWindow(time);
        Meter = new Meter(MeterName, version ?? ProductVersion);

        _callAttempts = Meter.CreateCounter<long>("call_attempts", "{call}", "Calls offered to the gateway, by direction.");
        _calls = Meter.CreateCounter<long>("calls", "{call}", "Calls ended, by direction and outcome.");
        _releases = Meter.CreateCounter<long>("releases", "{call}", "Calls released, by Q.850 cause value.");
        _messages = Meter.CreateCounter<long>("messages", "{message}", "Signalling messages received (in) and sent (out), by protocol and message type.");
        _parseErrors = Meter.CreateCounter<long>("parse_errors", "{message}", "Received messages that could not be decoded, by protocol.");

        Meter.CreateObservableGauge<long>("active_calls", ObserveActiveCalls, "{call}", "Calls in progress, by direction.");
        Meter.CreateObservableGauge<long>("circuits", ObserveCircuits, "{circuit}", "ISUP circuits, by destination point code and state.");
        Meter.CreateObservableGauge<long>("association_up", ObserveAssociationsUp, null, "1 when the M3UA association's transport is connected, 0 when not.");
        Meter.CreateObservableGauge<long>("asp_state", ObserveAspStates, null, "1 for the M3UA association's current ASP state, 0 for the others.");
        Meter.CreateObservableGauge<double>("calls_per_second", ObserveCallRate, "{call}/s", "Calls offered per second over the last 10 whole seconds.");
    }

    public Meter Meter { get; }

    /// <summary>The version without the source-control suffix the SDK appends after a '+'.</summary>
    public static string ProductVersion { get; } =
        typeof(GatewayMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>A call was offered: an INVITE (<see cref="MetricWords.SipToIsup"/>) or an IAM (<see cref="MetricWords.IsupToSip"/>) arrived.</summary>
    /// <summary>Calls offered per second over the last 10 whole seconds, as the gauge shows it.</summary>
    public double CallsPerSecond => _callRate.PerSecond();

    public void CallStarted(string direction)
    {
        _callAttempts.Add(1, new KeyValuePair<string, object?>(DirectionTag, direction));
        _callRate.Count();
    }

    /// <summary>A call is over; <paramref name="outcome"/> is a word such as <see cref="MetricWords.Answered"/>.</summary>
    public void CallEnded(string direction, string outcome) =>
        _calls.Add(1, new KeyValuePair<string, object?>(DirectionTag, direction), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Released(byte cause) =>
        _releases.Add(1, new KeyValuePair<string, object?>("cause", cause < CauseWords.Length ? CauseWords[cause] : CauseOutOfRange));

    /// <summary><paramref name="type"/> is the method, status code or message name ("INVITE", "200", "IAM", "DATA"), an interned string.</summary>
    public void MessageReceived(string protocol, string type) => CountMessage(protocol, In, type);

    public void MessageSent(string protocol, string type) => CountMessage(protocol, Out, type);

    public void ParseError(string protocol) => _parseErrors.Add(1, new KeyValuePair<string, object?>(ProtocolTag, protocol));

    private void CountMessage(string protocol, string direction, string type) =>
        _messages.Add(1,
            new KeyValuePair<string, object?>(ProtocolTag, protocol),
            new KeyValuePair<string, object?>(DirectionTag, direction),
            new KeyValuePair<string, object?>(TypeTag, type));

    private List<Measurement<long>> ObserveActiveCalls()
    {
        var counts = _source.ActiveCalls();
        var measurements = new List<Measurement<long>>(counts.Count);
        foreach (var c in counts)
        {
            measurements.Add(new Measurement<long>(c.Count, new KeyValuePair<string, object?>(DirectionTag, c.Direction)));
        }
        return measurements;
    }

    private List<Measurement<long>> ObserveCircuits()
    {
        var counts = _source.Circuits();
        var measurements = new List<Measurement<long>>(counts.Count);
        foreach (var c in counts)
        {
            measurements.Add(new Measurement<long>(c.Count,
                new KeyValuePair<string, object?>("dpc", c.Dpc.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, object?>("state", c.State)));
        }
        return measurements;
    }

    private List<Measurement<long>> ObserveAssociationsUp()
    {
        var associations = _source.Associations();
        var measurements = new List<Measurement<long>>(associations.Count);
        foreach (var a in associations)
        {
            measurements.Add(new Measurement<long>(a.Up ? 1 : 0, new KeyValuePair<string, object?>("association", a.Name)));
        }
        return measurements;
    }

    /// <summary>
    /// Every known state is reported, the current one as 1 and the others as 0, so that a query for "not active"
    /// finds an association instead of finding no series. A state word outside the known three is reported as 1 too.
    /// </summary>
    private List<Measurement<long>> ObserveAspStates()
    {
        var associations = _source.Associations();
        var measurements = new List<Measurement<long>>(associations.Count * AspStates.Length);
        foreach (var a in associations)
        {
            bool known = false;
            foreach (string state in AspStates)
            {
                bool current = string.Equals(state, a.AspState, StringComparison.Ordinal);
                known |= current;
                measurements.Add(AspState(a.Name, state, current));
            }
            if (!known) measurements.Add(AspState(a.Name, a.AspState, current: true));
        }
        return measurements;
    }

    private static Measurement<long> AspState(string association, string state, bool current) => new(current ? 1 : 0,
        new KeyValuePair<string, object?>("association", association), new KeyValuePair<string, object?>("state", state));

    private double ObserveCallRate() => _callRate.PerSecond();

    private static string[] CreateCauseWords()
    {
        var words = new string[128];
        for (int i = 0; i < words.Length; i++) words[i] = i.ToString(CultureInfo.InvariantCulture);
        return words;
    }

    public void Dispose() => Meter.Dispose();
}
