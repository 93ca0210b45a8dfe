using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;

namespace Gateway.Metrics;

/// <summary>
/// Listens to one <see cref="Meter"/> and renders what it measured in the Prometheus text exposition format 0.0.4.
/// Counters are summed as measurements arrive; gauges are observed when <see cref="Collect"/> is called, so a scrape
/// shows the state at that moment and a series that is gone (a circuit state nobody is in) disappears.
/// One meter instance rather than every meter named <see cref="GatewayMetrics.MeterName"/>: a listener sees the
/// meters of the whole process, and two gateways in one process (as in tests) must not count into each other.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Put before every instrument name so that the gateway's metrics cannot collide with another exporter's.</summary>
    public const string NamePrefix = "sipisupgw_";

    private readonly Meter _meter;
    private readonly DateTimeOffset _processStartTime;
    private readonly MeterListener _listener;
    private readonly List<InstrumentSeries> _instruments = [];
    private readonly Lock _instrumentsGate = new();
    private readonly Lock _scrapeGate = new();

    public PrometheusExporter(GatewayMetrics metrics) : this(metrics.Meter, ProcessStartTime())
    {
    }

    public PrometheusExporter(Meter meter, DateTimeOffset processStartTime)
    {
        _meter = meter;
        _processStartTime = processStartTime;
        _listener = new MeterListener
        {
            InstrumentPublished = Publish,
            MeasurementsCompleted = Complete,
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentSeries)state!).Observe(value, tags));
        _listener.Start();
    }

    private void Publish(Instrument instrument, MeterListener listener)
    {
        if (!ReferenceEquals(instrument.Meter, _meter)) return;
        // Only the kinds GatewayMetrics creates: a double counter or an up-down counter would need cells of their own.
        bool counter = instrument is Counter<long>;
        if (!counter && instrument is not (ObservableGauge<long> or ObservableGauge<double>)) return;
        string name = NamePrefix + instrument.Name + (counter ? "_total" : "");
        var series = new InstrumentSeries(name, instrument.Description ?? instrument.Name, counter);
        lock (_instrumentsGate) _instruments.Add(series);
        listener.EnableMeasurementEvents(instrument, series);
    }

    private void Complete(Instrument instrument, object? state)
    {
        if (state is InstrumentSeries series)
        {
            lock (_instrumentsGate) _instruments.Remove(series);
        }
    }

    /// <summary>
    /// Renders every instrument, sorted by name and then by labels so that two scrapes of the same state are the same
    /// text. A gauge callback that throws is passed to <paramref name="observationFailed"/> and the rest is still
    /// rendered: one broken gauge should not hide the counters.
    /// </summary>
    public string Collect(Action<Exception>? observationFailed = null)
    {
        lock (_scrapeGate)
        {
            InstrumentSeries[] instruments;
            lock (_instrumentsGate) instruments = [.. _instruments];
            foreach (var series in instruments) series.ForgetObserved();
            try
            {
                _listener.RecordObservableInstruments();
            }
            catch (Exception e)
            {
                observationFailed?.Invoke(e);
            }

            var families = new List<MetricFamily>(instruments.Length + 2)
            {
                new($"{NamePrefix}build_info", "The gateway's version, as a label; the value is always 1.", "gauge",
                    [new($"{{version=\"{Escaped(_meter.Version ?? "unknown")}\"}}", "1")]),
                new("process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.", "gauge",
                    [new("", PrometheusText.Value(_processStartTime.ToUnixTimeMilliseconds() / 1000.0))]),
            };
            foreach (var series in instruments)
            {
                families.Add(new(series.Name, series.Help, series.IsCounter ? "counter" : "gauge", series.Samples()));
            }
            families.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            var text = new StringBuilder();
            foreach (var family in families) family.AppendTo(text);
            return text.ToString();
        }
    }

    private static string Escaped(string value)
    {
        var text = new StringBuilder(value.Length);
        PrometheusText.AppendEscaped(text, value, escapeQuote: true);
        return text.ToString();
    }

    private static DateTimeOffset ProcessStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime);
    }

    public void Dispose() => _listener.Dispose();

    private sealed record MetricFamily(string Name, string Help, string Type, List<KeyValuePair<string, string>> Samples)
    {
        public void AppendTo(StringBuilder text)
        {
            text.Append("# HELP ").Append(Name).Append(' ');
            PrometheusText.AppendEscaped(text, Help, escapeQuote: false);
            text.Append('\n');
            text.Append("# TYPE ").Append(Name).Append(' ').Append(Type).Append('\n');
            Samples.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            foreach (var (labels, value) in Samples)
            {
                text.Append(Name).Append(labels).Append(' ').Append(value).Append('\n');
            }
        }
    }
}
