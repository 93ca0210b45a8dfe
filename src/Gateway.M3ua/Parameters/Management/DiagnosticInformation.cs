namespace Gateway.M3ua;

/// <summary>Diagnostic Information (RFC 4666 §3.8.1, tag 0x0007): whatever helps the peer find the error; by convention (and from <see cref="M3uaErrorReply"/>) the start of the offending message.</summary>
public readonly struct DiagnosticInformation : IM3uaParameter<DiagnosticInformation>, IEquatable<DiagnosticInformation>
{
    /// <summary>Creates the parameter; <paramref name="data"/> is kept, not copied.</summary>
    public DiagnosticInformation(ReadOnlyMemory<byte> data)
    {
        Data = data;
    }

    /// <inheritdoc/>
    public static M3uaParameterTag Tag => M3uaParameterTag.DiagnosticInformation;

    /// <summary>The octets.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc/>
    public int EncodedLength => Data.Length;

    /// <summary>Parses the value, copying it (a span cannot be kept).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out DiagnosticInformation parameter)
    {
        parameter = new DiagnosticInformation(value.ToArray());
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        Data.Span.CopyTo(destination);
        return Data.Length;
    }

    /// <inheritdoc/>
    public bool Equals(DiagnosticInformation other) => Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DiagnosticInformation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Data.Length;

    /// <summary>The octets in hex.</summary>
    public override string ToString() => Convert.ToHexStringLower(Data.Span);
}
