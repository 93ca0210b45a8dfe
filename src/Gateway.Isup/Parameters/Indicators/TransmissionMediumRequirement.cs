namespace Gateway.Isup;

/// <summary>Transmission medium requirement (Q.763 §3.54), a mandatory fixed parameter of the IAM, 1 octet.</summary>
public readonly struct TransmissionMediumRequirement : IIsupParameter<TransmissionMediumRequirement>
{
    /// <summary>Creates the parameter.</summary>
    public TransmissionMediumRequirement(TransmissionMedium value) => Value = value;

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.TransmissionMediumRequirement;

    /// <summary>The requirement; any octet value is kept, named or not.</summary>
    public TransmissionMedium Value { get; }

    /// <inheritdoc/>
    public int EncodedLength => 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out TransmissionMediumRequirement parameter)
    {
        parameter = value.Length == 1 ? new TransmissionMediumRequirement((TransmissionMedium)value[0]) : default;
        return value.Length == 1;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        destination[0] = (byte)Value;
        return 1;
    }
}
