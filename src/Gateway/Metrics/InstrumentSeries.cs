using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Gateway.Metrics;

/// <summary>
/// What the exporter holds for one instrument: running totals per tag combination for a counter, or the values
/// observed during the scrape in progress for a gauge. A counter's cell is created on the first measurement of a tag
/// combination; every later one is a lookup and an interlocked add, with nothing allocated.
/// </summary>
internal sealed class InstrumentSeries(string name, string help, bool isCounter)
{
    private readonly ConcurrentDictionary<SeriesKey, StrongBox<long>> _totals = new();

    // Gauges are only measured inside RecordObservableInstruments, which the exporter calls under its scrape lock.
    private readonly List<KeyValuePair<SeriesKey, double>> _observed = [];

    public string Name { get; } = name;

    public string Help { get; } = help;

    public bool IsCounter { get; } = isCounter;

    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!IsCounter)
        {
            Observe(value, tags);
            return;
        }
        var key = SeriesKey.From(tags);
        if (!_totals.TryGetValue(key, out var total))
        {
            total = _totals.GetOrAdd(key, static _ => new StrongBox<long>());
        }
        Interlocked.Add(ref total.Value, value);
    }

    public void Observe(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _observed.Add(new(SeriesKey.From(tags), value));

    public void ForgetObserved() => _observed.Clear();

    /// <summary>The samples as label text and value text, in no particular order.</summary>
    public List<KeyValuePair<string, string>> Samples()
    {
        var samples = new List<KeyValuePair<string, string>>();
        if (IsCounter)
        {
            foreach (var (key, total) in _totals)
            {
                samples.Add(new(PrometheusText.Labels(key), PrometheusText.Value(Interlocked.Read(ref total.Value))));
            }
        }
        else
        {
            foreach (var (key, value) in _observed)
            {
                samples.Add(new(PrometheusText.Labels(key), PrometheusText.Value(value)));
            }
        }
        return samples;
    }
}
