namespace Gateway.Isup;

/// <summary>
/// User-to-user indicators (Q.763 §3.60), 1 octet: a request for, or a response about, the three user-to-user
/// signalling services. For a request each service is 0 no information, 2 requested not essential, 3 requested
/// essential; for a response 0 no information, 1 not provided, 2 provided.
/// </summary>
public readonly struct UserToUserIndicators : IIsupParameter<UserToUserIndicators>
{
    private readonly byte _octet;

    /// <summary>Creates the indicators from their octet.</summary>
    public UserToUserIndicators(byte octet) => _octet = octet;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.UserToUserIndicators;

    /// <summary>The octet.</summary>
    public byte Octet { get => _octet; init => _octet = value; }

    /// <summary>Bit A: a response (true) or a request (false).</summary>
    public bool IsResponse { get => Bits.Get(_octet, 0); init => _octet = Bits.Set(_octet, 0, value); }

    /// <summary>Bits CB: service 1.</summary>
    public int Service1 { get => Bits.Get(_octet, 1, 2); init => _octet = Bits.Set(_octet, 1, 2, value); }

    /// <summary>Bits ED: service 2.</summary>
    public int Service2 { get => Bits.Get(_octet, 3, 2); init => _octet = Bits.Set(_octet, 3, 2, value); }

    /// <summary>Bits GF: service 3.</summary>
    public int Service3 { get => Bits.Get(_octet, 5, 2); init => _octet = Bits.Set(_octet, 5, 2, value); }

    /// <summary>Bit H: the network discard indicator (a response saying user-to-user information was discarded by the network).</summary>
    public bool NetworkDiscard { get => Bits.Get(_octet, 7); init => _octet = Bits.Set(_octet, 7, value); }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out UserToUserIndicators parameter)
    {
        parameter = value.Length == 1 ? new UserToUserIndicators(value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = _octet;
        return 1;
    }
}
