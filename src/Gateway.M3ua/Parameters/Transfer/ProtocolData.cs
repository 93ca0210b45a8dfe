namespace Gateway.M3ua;

/// <summary>
/// Protocol Data (RFC 4666 §3.3.1, tag 0x0210): the <see cref="ProtocolDataHeader"/> and the user part's message —
/// for ISUP, the CIC followed by the message type and parameters, exactly what an MTP3 signalling information field
/// carries after the routing label.
/// </summary>
/// <remarks>
/// Three ways in, by what the caller keeps: <see cref="TryRead"/> gives the header and a span of the user data
/// (nothing copied, nothing allocated: the DATA fast path); <see cref="TryParse(ReadOnlyMemory{byte}, out ProtocolData)"/>
/// and <see cref="M3uaMessage.TryGetProtocolData"/> give <see cref="UserData"/> as a slice of memory the caller
/// already holds (nothing copied); the interface's span overload must copy the user data, as it cannot keep a span.
/// </remarks>
public readonly struct ProtocolData : IM3uaParameter<ProtocolData>, IEquatable<ProtocolData>
{
    /// <summary>Creates the parameter; <paramref name="userData"/> is kept, not copied.</summary>
    public ProtocolData(ProtocolDataHeader header, ReadOnlyMemory<byte> userData)
    {
        Header = header;
        UserData = userData;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.ProtocolData;

    /// <summary>OPC, DPC, SI, NI, MP and SLS.</summary>
    public ProtocolDataHeader Header { get; }

    /// <summary>The user part's message (ISUP: from the CIC).</summary>
    public ReadOnlyMemory<byte> UserData { get; }

    /// <inheritdoc/>
    public int EncodedLength => M3uaParameterRules.ProtocolDataHeaderLength + UserData.Length;

    /// <summary>Splits a Protocol Data value into its header and a slice of its user data; false when it is shorter than the header or the header is invalid.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, out ProtocolDataHeader header, out ReadOnlySpan<byte> userData)
    {
        if (!ProtocolDataHeader.TryRead(value, out header))
        {
            userData = default;
            return false;
        }

        userData = value[M3uaParameterRules.ProtocolDataHeaderLength..];
        return true;
    }

    /// <summary>Parses <paramref name="value"/>, keeping <see cref="UserData"/> as a slice of it.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ProtocolData parameter)
    {
        if (!ProtocolDataHeader.TryRead(value.Span, out var header))
        {
            parameter = default;
            return false;
        }

        parameter = new ProtocolData(header, value[M3uaParameterRules.ProtocolDataHeaderLength..]);
        return true;
    }

    /// <summary>Parses <paramref name="value"/>, copying the user data into a new array (a span cannot be kept).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out ProtocolData parameter)
    {
        if (!TryRead(value, out var header, out var userData))
        {
            parameter = default;
            return false;
        }

        parameter = new ProtocolData(header, userData.ToArray());
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        int length = EncodedLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length, nameof(destination));
        Header.Write(destination);
        UserData.Span.CopyTo(destination[M3uaParameterRules.ProtocolDataHeaderLength..]);
        return length;
    }

    /// <inheritdoc/>
    public bool Equals(ProtocolData other) => Header == other.Header && UserData.Span.SequenceEqual(other.UserData.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProtocolData other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Header, UserData.Length);

    /// <summary>Header fields and user data in hex.</summary>
    public override string ToString() => $"{Header} data={Convert.ToHexStringLower(UserData.Span)}";
}
