using System.Buffers.Binary;

namespace Gateway.M3ua;

/// <summary>
/// The 12 octets of Protocol Data before the user part's message (RFC 4666 §3.3.1): the MTP3 routing label (OPC, DPC,
/// SLS) and the fields of the service information octet (SI, NI, MP), each in a field of its own rather than packed
/// as MTP3 packs them. A value type with no references: reading and writing it allocates nothing.
/// </summary>
public readonly struct ProtocolDataHeader : IEquatable<ProtocolDataHeader>
{
    /// <summary>Creates the header.</summary>
    /// <param name="originatingPointCode">OPC: 14 bits in ITU networks, 24 in ANSI; carried in 32.</param>
    /// <param name="destinationPointCode">DPC, likewise.</param>
    /// <param name="serviceIndicator">SI, 0–15: 5 for ISUP.</param>
    /// <param name="networkIndicator">NI, 0–3: 0 international, 2 national.</param>
    /// <param name="messagePriority">MP, 0–3: national and ANSI networks; 0 in ITU ones.</param>
    /// <param name="signallingLinkSelection">SLS: 4 bits in ITU networks (for ISUP, the CIC's low 4 bits), up to 8 in ANSI.</param>
    /// <exception cref="ArgumentOutOfRangeException">SI, NI or MP outside what an MTP3 service information octet can hold.</exception>
    public ProtocolDataHeader(uint originatingPointCode, uint destinationPointCode, byte serviceIndicator, byte networkIndicator, byte messagePriority, byte signallingLinkSelection)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serviceIndicator, (byte)15);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(networkIndicator, (byte)3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(messagePriority, (byte)3);
        OriginatingPointCode = originatingPointCode;
        DestinationPointCode = destinationPointCode;
        ServiceIndicator = serviceIndicator;
        NetworkIndicator = networkIndicator;
        MessagePriority = messagePriority;
        SignallingLinkSelection = signallingLinkSelection;
    }

    // For TryRead, which has checked the ranges already: the DATA receive path reads every label through here.
    private ProtocolDataHeader(ReadOnlySpan<byte> value)
    {
        OriginatingPointCode = BinaryPrimitives.ReadUInt32BigEndian(value);
        DestinationPointCode = BinaryPrimitives.ReadUInt32BigEndian(value[4..]);
        ServiceIndicator = value[8];
        NetworkIndicator = value[9];
        MessagePriority = value[10];
        SignallingLinkSelection = value[11];
    }

    /// <summary>OPC.</summary>
    public uint OriginatingPointCode { get; }

    /// <summary>DPC.</summary>
    public uint DestinationPointCode { get; }

    /// <summary>SI (see <see cref="Mtp3ServiceIndicator"/>).</summary>
    public byte ServiceIndicator { get; }

    /// <summary>NI (see <see cref="Mtp3NetworkIndicator"/>).</summary>
    public byte NetworkIndicator { get; }

    /// <summary>MP.</summary>
    public byte MessagePriority { get; }

    /// <summary>SLS.</summary>
    public byte SignallingLinkSelection { get; }

    /// <summary>The MTP3 service information octet these fields come from: SI in bits 0–3, MP in 4–5, NI in 6–7.</summary>
    public byte ServiceInformationOctet => (byte)(ServiceIndicator | (MessagePriority << 4) | (NetworkIndicator << 6));

    /// <summary>The header for an MTP3 message with service information octet <paramref name="sio"/>.</summary>
    public static ProtocolDataHeader FromServiceInformationOctet(uint originatingPointCode, uint destinationPointCode, byte sio, byte signallingLinkSelection) =>
        new(originatingPointCode, destinationPointCode, (byte)(sio & 0x0F), (byte)(sio >> 6), (byte)((sio >> 4) & 0x03), signallingLinkSelection);

    /// <summary>Reads the 12 octets at the start of <paramref name="value"/>; false when fewer are there or SI, NI or MP is out of range.</summary>
    public static bool TryRead(ReadOnlySpan<byte> value, out ProtocolDataHeader header)
    {
        if (value.Length < M3uaParameterRules.ProtocolDataHeaderLength || value[8] > 15 || value[9] > 3 || value[10] > 3)
        {
            header = default;
            return false;
        }

        header = new ProtocolDataHeader(value);
        return true;
    }

    /// <summary>Writes the 12 octets into <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[11] = SignallingLinkSelection;
        destination[10] = MessagePriority;
        destination[9] = NetworkIndicator;
        destination[8] = ServiceIndicator;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], DestinationPointCode);
        BinaryPrimitives.WriteUInt32BigEndian(destination, OriginatingPointCode);
    }

    /// <inheritdoc/>
    public bool Equals(ProtocolDataHeader other) =>
        OriginatingPointCode == other.OriginatingPointCode && DestinationPointCode == other.DestinationPointCode && ServiceIndicator == other.ServiceIndicator
        && NetworkIndicator == other.NetworkIndicator && MessagePriority == other.MessagePriority && SignallingLinkSelection == other.SignallingLinkSelection;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProtocolDataHeader other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(OriginatingPointCode, DestinationPointCode, ServiceInformationOctet, SignallingLinkSelection);

    /// <summary>The fields as Wireshark labels them, for logs and test failures.</summary>
    public override string ToString() =>
        $"OPC={OriginatingPointCode} DPC={DestinationPointCode} SI={ServiceIndicator} NI={NetworkIndicator} MP={MessagePriority} SLS={SignallingLinkSelection}";

    /// <summary>Equality of every field.</summary>
    public static bool operator ==(ProtocolDataHeader left, ProtocolDataHeader right) => left.Equals(right);

    /// <summary>Inequality of any field.</summary>
    public static bool operator !=(ProtocolDataHeader left, ProtocolDataHeader right) => !left.Equals(right);
}
