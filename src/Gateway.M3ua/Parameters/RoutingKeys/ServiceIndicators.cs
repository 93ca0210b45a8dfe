namespace Gateway.M3ua;

/// <summary>
/// Service Indicators (RFC 4666 §3.6.1, tag 0x020C), inside a Routing Key: the user parts (one octet each, see
/// <see cref="Mtp3ServiceIndicator"/>) whose traffic the key selects — for this gateway, 5 (ISUP).
/// </summary>
public readonly struct ServiceIndicators : IM3uaParameter<ServiceIndicators>, IEquatable<ServiceIndicators>
{
    private readonly byte[]? _indicators;

    /// <summary>Creates the parameter, copying the indicators.</summary>
    /// <exception cref="ArgumentException"><paramref name="indicators"/> is empty: the list holds at least one.</exception>
    public ServiceIndicators(params ReadOnlySpan<byte> indicators)
    {
        if (indicators.IsEmpty)
        {
            throw new ArgumentException("The list holds at least one service indicator.", nameof(indicators));
        }

        _indicators = indicators.ToArray();
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.ServiceIndicators;

    /// <summary>The indicators, in wire order.</summary>
    public IReadOnlyList<byte> Indicators => _indicators ?? [];

    /// <inheritdoc/>
    public int EncodedLength => _indicators?.Length ?? 0;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out ServiceIndicators parameter)
    {
        parameter = value.IsEmpty ? default : new ServiceIndicators(value);
        return !value.IsEmpty;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        ReadOnlySpan<byte> indicators = _indicators;
        indicators.CopyTo(destination);
        return indicators.Length;
    }

    /// <inheritdoc/>
    public bool Equals(ServiceIndicators other) => ((ReadOnlySpan<byte>)_indicators).SequenceEqual(other._indicators);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ServiceIndicators other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => EncodedLength;

    /// <summary>The indicators, comma-separated.</summary>
    public override string ToString() => string.Join(",", Indicators);
}
