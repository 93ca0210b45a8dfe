namespace Gateway.Isup;

/// <summary>
/// Nature of connection indicators (Q.763 §3.35), a mandatory fixed parameter of the IAM, 1 octet: satellites on the
/// path, whether a continuity check (and so a COT) follows, and whether an echo control device is in.
/// </summary>
public readonly struct NatureOfConnectionIndicators : IIsupParameter<NatureOfConnectionIndicators>
{
    private readonly byte _octet;

    /// <summary>Creates the indicators from their octet.</summary>
    public NatureOfConnectionIndicators(byte octet) => _octet = octet;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.NatureOfConnectionIndicators;

    /// <summary>The octet (bits H–F spare, kept as received).</summary>
    public byte Octet { get => _octet; init => _octet = value; }

    /// <summary>Bits BA: satellite circuits in the connection (0, 1, 2; 3 is spare).</summary>
    public int SatelliteCircuits { get => Bits.Get(_octet, 0, 2); init => _octet = Bits.Set(_octet, 0, 2, value); }

    /// <summary>Bits DC: the continuity check indicator; a gateway on IP sends <see cref="ContinuityCheck.NotRequired"/>.</summary>
    public ContinuityCheck ContinuityCheck { get => (ContinuityCheck)Bits.Get(_octet, 2, 2); init => _octet = Bits.Set(_octet, 2, 2, (int)value); }

    /// <summary>Bit E: an outgoing echo control device is included.</summary>
    public bool EchoControlDeviceIncluded { get => Bits.Get(_octet, 4); init => _octet = Bits.Set(_octet, 4, value); }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out NatureOfConnectionIndicators parameter)
    {
        parameter = value.Length == 1 ? new NatureOfConnectionIndicators(value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = _octet;
        return 1;
    }
}
