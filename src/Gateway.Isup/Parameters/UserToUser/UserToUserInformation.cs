namespace Gateway.Isup;

/// <summary>
/// User-to-user information (Q.763 §3.61), 1–129 octets: coded as the Q.931 user-user information element from its
/// protocol discriminator on (Q.931 §4.5.30), which is also what RFC 7434's User-to-User header carries as hex.
/// </summary>
public readonly struct UserToUserInformation : IIsupParameter<UserToUserInformation>
{
    private readonly byte[]? _value;

    /// <summary>Creates the parameter from the protocol discriminator and the user information.</summary>
    /// <exception cref="ArgumentException">More than 128 octets of information.</exception>
    public UserToUserInformation(byte protocolDiscriminator, ReadOnlySpan<byte> information)
    {
        if (information.Length > 128)
        {
            throw new ArgumentException("User-to-user information holds at most 129 octets with its discriminator.", nameof(information));
        }

        _value = new byte[1 + information.Length];
        _value[0] = protocolDiscriminator;
        information.CopyTo(_value.AsSpan(1));
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.UserToUserInformation;

    /// <summary>The protocol discriminator (0x04 IA5 characters, 0x00 user-specific...).</summary>
    public byte ProtocolDiscriminator => _value is { Length: > 0 } ? _value[0] : (byte)0;

    /// <summary>The user information after the discriminator.</summary>
    public ReadOnlyMemory<byte> Information => _value is null ? default : _value.AsMemory(1);

    /// <summary>The whole value, discriminator first.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <inheritdoc/>
    public int EncodedLength => _value?.Length ?? 1;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out UserToUserInformation parameter)
    {
        parameter = default;
        if (value.Length is < 1 or > 129)
        {
            return false;
        }

        parameter = new UserToUserInformation(value[0], value[1..]);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        if (_value is null)
        {
            destination[0] = 0;
            return 1;
        }

        _value.CopyTo(destination);
        return _value.Length;
    }
}
