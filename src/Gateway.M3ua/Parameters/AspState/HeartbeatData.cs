namespace Gateway.M3ua;

/// <summary>Heartbeat Data (RFC 4666 §3.5.5, tag 0x0009): opaque to the receiver of BEAT, which echoes it unchanged in BEAT ACK; the sender may put a sequence number or a time stamp in it.</summary>
public readonly struct HeartbeatData : IM3uaParameter<HeartbeatData>, IEquatable<HeartbeatData>
{
    /// <summary>Creates the parameter; <paramref name="data"/> is kept, not copied.</summary>
    public HeartbeatData(ReadOnlyMemory<byte> data)
    {
        Data = data;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.HeartbeatData;

    /// <summary>The octets.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc/>
    public int EncodedLength => Data.Length;

    /// <summary>Parses the value, copying it (a span cannot be kept).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out HeartbeatData parameter)
    {
        parameter = new HeartbeatData(value.ToArray());
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        Data.Span.CopyTo(destination);
        return Data.Length;
    }

    /// <inheritdoc/>
    public bool Equals(HeartbeatData other) => Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HeartbeatData other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Data.Length;

    /// <summary>The octets in hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(Data.Span);
}
