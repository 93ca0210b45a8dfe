namespace Gateway.Isup;

/// <summary>
/// User service information (Q.763 §3.57): the Q.931 bearer capability from its octet 3 on (Q.931 §4.5.5). The
/// view reads the fields interworking needs (speech or 3.1 kHz audio, circuit mode 64 kbit/s, the G.711 law) and
/// keeps every octet, including extensions it does not interpret, for writing back.
/// </summary>
public readonly struct UserServiceInformation : IIsupParameter<UserServiceInformation>
{
    private readonly byte[]? _value;

    private UserServiceInformation(byte[] value, int layer1Index)
    {
        _value = value;
        Layer1Protocol = layer1Index >= 0 ? (byte)(value[layer1Index] & 0x1F) : null;
    }

    /// <summary>Creates the parameter for a circuit-mode bearer with an optional layer 1 protocol octet.</summary>
    /// <param name="transferCapability">Information transfer capability (0 speech, 8 unrestricted digital, 16 3.1 kHz audio).</param>
    /// <param name="transferRate">Information transfer rate (16 = 64 kbit/s).</param>
    /// <param name="layer1Protocol">User information layer 1 protocol (2 G.711 µ-law, 3 G.711 A-law), or null to leave the octet out.</param>
    public UserServiceInformation(byte transferCapability, byte transferRate = 0x10, byte? layer1Protocol = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transferCapability, (byte)0x1F);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transferRate, (byte)0x1F);
        if (layer1Protocol > 0x1F)
        {
            throw new ArgumentOutOfRangeException(nameof(layer1Protocol), layer1Protocol, "The layer 1 protocol field has 5 bits.");
        }

        _value = layer1Protocol is { } l1
            ? [(byte)(0x80 | transferCapability), (byte)(0x80 | transferRate), (byte)(0xA0 | l1)]
            : [(byte)(0x80 | transferCapability), (byte)(0x80 | transferRate)];
        Layer1Protocol = layer1Protocol;
    }

    /// <inheritdoc/>
    public static IsupParameterCode Code => IsupParameterCode.UserServiceInformation;

    /// <summary>Octet 3 bits 7–6: the coding standard (0 ITU-T).</summary>
    public int CodingStandard => _value is null ? 0 : (_value[0] >> 5) & 0x03;

    /// <summary>Octet 3 bits 5–1: the information transfer capability (0 speech, 8 unrestricted digital, 16 3.1 kHz audio).</summary>
    public byte TransferCapability => _value is null ? (byte)0 : (byte)(_value[0] & 0x1F);

    /// <summary>Octet 4 bits 7–6: the transfer mode (0 circuit mode).</summary>
    public int TransferMode => _value is null ? 0 : (_value[SecondGroup(_value)] >> 5) & 0x03;

    /// <summary>Octet 4 bits 5–1: the information transfer rate (16 = 64 kbit/s).</summary>
    public byte TransferRate => _value is null ? (byte)0 : (byte)(_value[SecondGroup(_value)] & 0x1F);

    /// <summary>The user information layer 1 protocol (2 G.711 µ-law, 3 G.711 A-law), when the octet is present.</summary>
    public byte? Layer1Protocol { get; }

    /// <summary>Every octet of the value.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <inheritdoc/>
    public int EncodedLength => _value?.Length ?? 2;

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<byte> value, out UserServiceInformation parameter)
    {
        parameter = default;
        if (value.Length < 2)
        {
            return false;
        }

        int second = SecondGroup(value);
        if (second >= value.Length)
        {
            return false;
        }

        // After octet 4 (and its extensions, and 4.1 the rate multiplier for multirate) come layer octets, each
        // group starting with its layer identification in bits 7-6: 01 is layer 1.
        int position = SkipGroup(value, second);
        if (position > 0 && position < value.Length && (value[second] & 0x1F) == 0x18)
        {
            position++;
        }

        int layer1 = position > 0 && position < value.Length && (value[position] & 0x60) == 0x20 ? position : -1;
        parameter = new UserServiceInformation(value.ToArray(), layer1);
        return true;
    }

    /// <inheritdoc/>
    public int Write(Span<byte> destination)
    {
        if (_value is null)
        {
            destination[0] = 0x80;
            destination[1] = 0x90;
            return 2;
        }

        _value.CopyTo(destination);
        return _value.Length;
    }

    private static int SecondGroup(ReadOnlySpan<byte> value)
    {
        int next = SkipGroup(value, 0);
        return next < 0 ? value.Length : next;
    }

    private static int SkipGroup(ReadOnlySpan<byte> value, int start)
    {
        for (int i = start; i < value.Length; i++)
        {
            if ((value[i] & 0x80) != 0)
            {
                return i + 1;
            }
        }

        return -1;
    }
}
