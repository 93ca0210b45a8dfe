namespace Gateway.M3ua;

/// <summary>
/// One destination of a Routing Key (RFC 4666 §3.6.1): a Destination Point Code and the Network Appearance, Service
/// Indicators and Originating Point Code List that follow it. A key may list several.
/// </summary>
public sealed class RoutingKeyDestination : IEquatable<RoutingKeyDestination>
{
    /// <summary>Creates the destination; the lists are copied.</summary>
    public RoutingKeyDestination(M3uaPointCode destinationPointCode, uint? networkAppearance = null, ReadOnlySpan<byte> serviceIndicators = default, ReadOnlySpan<M3uaPointCode> originatingPointCodes = default)
    {
        DestinationPointCode = destinationPointCode;
        NetworkAppearance = networkAppearance;
        ServiceIndicators = serviceIndicators.ToArray();
        OriginatingPointCodes = originatingPointCodes.ToArray();
    }

    /// <summary>The destination (possibly masked).</summary>
    public M3uaPointCode DestinationPointCode { get; }

    /// <summary>The network it is in, when the key says.</summary>
    public uint? NetworkAppearance { get; }

    /// <summary>The user parts selected; empty for all.</summary>
    public IReadOnlyList<byte> ServiceIndicators { get; }

    /// <summary>The originating point codes selected; empty for all.</summary>
    public IReadOnlyList<M3uaPointCode> OriginatingPointCodes { get; }

    internal int EncodedLength =>
        M3uaTlv.PaddedLength(4) + (NetworkAppearance.HasValue ? M3uaTlv.PaddedLength(4) : 0)
        + (ServiceIndicators.Count > 0 ? M3uaTlv.PaddedLength(ServiceIndicators.Count) : 0)
        + (OriginatingPointCodes.Count > 0 ? M3uaTlv.PaddedLength(OriginatingPointCodes.Count * 4) : 0);

    internal void Write(Span<byte> destination, ref int position)
    {
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.DestinationPointCode, DestinationPointCode.ToWord());
        if (NetworkAppearance is { } appearance)
        {
            M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.NetworkAppearance, appearance);
        }

        if (ServiceIndicators.Count > 0)
        {
            M3uaTlv.WriteBytes(destination, ref position, M3uaParameterTag.ServiceIndicators, (byte[])ServiceIndicators);
        }

        if (OriginatingPointCodes.Count > 0)
        {
            M3uaTlv.WriteWords(destination, ref position, M3uaParameterTag.OriginatingPointCodeList, OriginatingPointCodes);
        }
    }

    /// <inheritdoc/>
    public bool Equals(RoutingKeyDestination? other) =>
        other is not null && DestinationPointCode == other.DestinationPointCode && NetworkAppearance == other.NetworkAppearance
        && ((byte[])ServiceIndicators).AsSpan().SequenceEqual((byte[])other.ServiceIndicators)
        && ((M3uaPointCode[])OriginatingPointCodes).AsSpan().SequenceEqual((M3uaPointCode[])other.OriginatingPointCodes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RoutingKeyDestination);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(DestinationPointCode, NetworkAppearance);

    /// <summary>The fields, for logs and test failures.</summary>
    public override string ToString() =>
        $"DPC={DestinationPointCode} NA={NetworkAppearance?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} SI=[{string.Join(",", ServiceIndicators)}] OPC=[{string.Join(",", OriginatingPointCodes)}]";
}
