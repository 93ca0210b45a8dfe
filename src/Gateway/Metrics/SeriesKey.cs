using System.Globalization;

namespace Gateway.Metrics;

/// <summary>
/// The tags of one measurement, as a dictionary key that can be built and looked up without allocating: the tag
/// names and values are the caller's own string references, held in fields rather than an array. Three because no
/// instrument of <see cref="GatewayMetrics"/> records more; a fourth tag would be left out of the series.
/// </summary>
internal readonly struct SeriesKey : IEquatable<SeriesKey>
{
    public const int MaxTags = 3;

    private readonly string? _name0;
    private readonly string? _value0;
    private readonly string? _name1;
    private readonly string? _value1;
    private readonly string? _name2;
    private readonly string? _value2;

    private SeriesKey(int count, string? name0, string? value0, string? name1, string? value1, string? name2, string? value2)
    {
        Count = count;
        _name0 = name0;
        _value0 = value0;
        _name1 = name1;
        _value1 = value1;
        _name2 = name2;
        _value2 = value2;
    }

    public int Count { get; }

    public static SeriesKey From(ReadOnlySpan<KeyValuePair<string, object?>> tags) => tags.Length switch
    {
        0 => default,
        1 => new SeriesKey(1, tags[0].Key, Text(tags[0].Value), null, null, null, null),
        2 => new SeriesKey(2, tags[0].Key, Text(tags[0].Value), tags[1].Key, Text(tags[1].Value), null, null),
        _ => new SeriesKey(MaxTags, tags[0].Key, Text(tags[0].Value), tags[1].Key, Text(tags[1].Value), tags[2].Key, Text(tags[2].Value)),
    };

    /// <summary>Tag values are strings on every recording path; anything else is formatted, which allocates.</summary>
    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    public KeyValuePair<string, string> this[int index] => index switch
    {
        0 when Count > 0 => new(_name0!, _value0!),
        1 when Count > 1 => new(_name1!, _value1!),
        2 when Count > 2 => new(_name2!, _value2!),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    // string.Equals compares references first, so the usual case (the same constant strings) costs a pointer compare.
    public bool Equals(SeriesKey other) =>
        Count == other.Count
        && string.Equals(_value0, other._value0) && string.Equals(_value1, other._value1) && string.Equals(_value2, other._value2)
        && string.Equals(_name0, other._name0) && string.Equals(_name1, other._name1) && string.Equals(_name2, other._name2);

    public override bool Equals(object? obj) => obj is SeriesKey other && Equals(other);

    // Only the values: an instrument records the same tag names every time, so hashing them would not tell series apart.
    public override int GetHashCode() => HashCode.Combine(Count, _value0, _value1, _value2);
}
