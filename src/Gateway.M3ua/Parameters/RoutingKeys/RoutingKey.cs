using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// Routing Key (RFC 4666 §3.6.1, tag 0x0207), in REG REQ: a group of parameters describing the traffic an ASP asks
/// to receive — its Local-RK-Identifier, optionally the Routing Context of a key to change and a Traffic Mode Type,
/// then one or more destinations (<see cref="RoutingKeyDestination"/>).
/// </summary>
/// <remarks>
/// The view writes its content in the order RFC 4666 draws it. Parsing accepts any order: a Network Appearance,
/// Service Indicators or OPC List belongs to the Destination Point Code before it, or to the first one when it comes
/// before any. Parameters the codec does not know are left out of the view (the message value keeps them).
/// </remarks>
public readonly struct RoutingKey : IM3uaParameter<RoutingKey>, IEquatable<RoutingKey>
{
    private readonly RoutingKeyDestination[]? _destinations;

    /// <summary>Creates the key.</summary>
    /// <exception cref="ArgumentException"><paramref name="destinations"/> is empty: a key has at least one Destination Point Code.</exception>
    public RoutingKey(uint localRoutingKeyIdentifier, IReadOnlyList<RoutingKeyDestination> destinations, uint? routingContext = null, M3uaTrafficMode? trafficMode = null)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (destinations.Count == 0)
        {
            throw new ArgumentException("A Routing Key has at least one Destination Point Code.", nameof(destinations));
        }

        LocalRoutingKeyIdentifier = localRoutingKeyIdentifier;
        RoutingContext = routingContext;
        TrafficMode = trafficMode;
        _destinations = new RoutingKeyDestination[destinations.Count];
        for (int i = 0; i < _destinations.Length; i++)
        {
            _destinations[i] = destinations[i] ?? throw new ArgumentException("A destination is null.", nameof(destinations));
        }
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.RoutingKey;

    /// <summary>The sender's handle on the key, echoed in the Registration Result.</summary>
    public uint LocalRoutingKeyIdentifier { get; }

    /// <summary>The Routing Context of an existing key this request changes, when there is one.</summary>
    public uint? RoutingContext { get; }

    /// <summary>The traffic mode asked for, when there is one.</summary>
    public M3uaTrafficMode? TrafficMode { get; }

    /// <summary>The destinations, in wire order.</summary>
    public IReadOnlyList<RoutingKeyDestination> Destinations => _destinations ?? [];

    /// <inheritdoc/>
    public int EncodedLength
    {
        get
        {
            int length = M3uaTlv.PaddedLength(4) + (RoutingContext.HasValue ? M3uaTlv.PaddedLength(4) : 0) + (TrafficMode.HasValue ? M3uaTlv.PaddedLength(4) : 0);
            foreach (var destination in Destinations)
            {
                length += destination.EncodedLength;
            }

            return length;
        }
    }

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out RoutingKey parameter)
    {
        parameter = default;
        if (M3uaParameterRules.Check(Tag, value) != M3uaError.None)
        {
            return false;
        }

        uint local = 0;
        uint? routingContext = null;
        M3uaTrafficMode? mode = null;
        var destinations = new List<(M3uaPointCode? Dpc, uint? Na, byte[]? Si, M3uaPointCode[]? Opc)>();
        var walker = new M3uaParameterReader(value);
        while (walker.Read())
        {
            ReadOnlySpan<byte> v = walker.Value;
            switch (walker.Tag)
            {
                case M3uaParameterTag.LocalRoutingKeyIdentifier:
                    local = BinaryPrimitives.ReadUInt32BigEndian(v);
                    break;
                case M3uaParameterTag.RoutingContext:
                    routingContext = BinaryPrimitives.ReadUInt32BigEndian(v);
                    break;
                case M3uaParameterTag.TrafficModeType:
                    mode = (M3uaTrafficMode)BinaryPrimitives.ReadUInt32BigEndian(v);
                    break;
                case M3uaParameterTag.DestinationPointCode:
                    // The first destination may already hold what came before any DPC.
                    if (destinations.Count == 1 && destinations[0].Dpc is null)
                    {
                        destinations[0] = destinations[0] with { Dpc = M3uaPointCode.FromWord(BinaryPrimitives.ReadUInt32BigEndian(v)) };
                    }
                    else
                    {
                        destinations.Add((M3uaPointCode.FromWord(BinaryPrimitives.ReadUInt32BigEndian(v)), null, null, null));
                    }

                    break;
                case M3uaParameterTag.NetworkAppearance:
                    Current(destinations) = Current(destinations) with { Na = BinaryPrimitives.ReadUInt32BigEndian(v) };
                    break;
                case M3uaParameterTag.ServiceIndicators:
                    Current(destinations) = Current(destinations) with { Si = v.ToArray() };
                    break;
                case M3uaParameterTag.OriginatingPointCodeList:
                    OriginatingPointCodeList.TryParse(v, out var opc);
                    Current(destinations) = Current(destinations) with { Opc = [.. opc.PointCodes] };
                    break;
            }
        }

        var result = new RoutingKeyDestination[destinations.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var d = destinations[i];
            result[i] = new RoutingKeyDestination(d.Dpc!.Value, d.Na, d.Si, d.Opc);
        }

        parameter = new RoutingKey(local, result, routingContext, mode);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int position = 0;
        M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.LocalRoutingKeyIdentifier, LocalRoutingKeyIdentifier);
        if (RoutingContext is { } context)
        {
            M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.RoutingContext, context);
        }

        if (TrafficMode is { } mode)
        {
            M3uaTlv.WriteWord(destination, ref position, M3uaParameterTag.TrafficModeType, (uint)mode);
        }

        foreach (var d in Destinations)
        {
            d.Write(destination, ref position);
        }

        return position;
    }

    /// <inheritdoc/>
    public bool Equals(RoutingKey other)
    {
        if (LocalRoutingKeyIdentifier != other.LocalRoutingKeyIdentifier || RoutingContext != other.RoutingContext || TrafficMode != other.TrafficMode
            || Destinations.Count != other.Destinations.Count)
        {
            return false;
        }

        for (int i = 0; i < Destinations.Count; i++)
        {
            if (!Destinations[i].Equals(other.Destinations[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RoutingKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LocalRoutingKeyIdentifier, RoutingContext, Destinations.Count);

    /// <summary>The fields, for logs and test failures.</summary>
    public override string ToString() =>
        $"LRK={LocalRoutingKeyIdentifier} RC={RoutingContext?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} TMT={TrafficMode?.ToString() ?? "-"} [{string.Join("; ", Destinations)}]";

    // The destination a Network Appearance, SI or OPC list belongs to: the last one, or a first one without its DPC yet.
    private static ref (M3uaPointCode? Dpc, uint? Na, byte[]? Si, M3uaPointCode[]? Opc) Current(List<(M3uaPointCode? Dpc, uint? Na, byte[]? Si, M3uaPointCode[]? Opc)> destinations)
    {
        if (destinations.Count == 0)
        {
            destinations.Add((null, null, null, null));
        }

        return ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(destinations)[^1];
    }
}
