using System.Runtime.CompilerServices;

namespace Gateway.M3ua;

/// <summary>
/// What RFC 4666 §3 fixes for each known parameter, checked on decode and on encode alike so that the codec never
/// writes what it would refuse to read: the value's length (4 octets for a 32-bit field, a non-empty multiple of 4
/// for a list, at most 255 octets of INFO String, at least the 12-octet label of Protocol Data) and the few values
/// RFC 4666 closes with a list of valid ones that a receiver could not act on otherwise (traffic mode, congestion
/// level, and the service indicator, network indicator and message priority an SG maps back into an MTP3 SIO).
/// Values merely unassigned today (error codes, status, causes, registration results) pass: judging them is the
/// procedures' business. Unknown tags are not checked at all: they are carried as they came.
/// </summary>
public static class M3uaParameterRules
{
    /// <summary>The longest value a 16-bit parameter length can count: 65,535 less the 4 octets of tag and length.</summary>
    public const int MaxValueLength = ushort.MaxValue - 4;

    /// <summary>The longest INFO String RFC 4666 §3.8.2 allows.</summary>
    public const int MaxInfoStringLength = 255;

    /// <summary>Octets of Protocol Data before the user part's message: OPC, DPC, then SI, NI, MP and SLS.</summary>
    public const int ProtocolDataHeaderLength = 12;

    private const byte Unknown = 0;
    private const byte Word = 1;
    private const byte WordList = 2;
    private const byte Text = 3;
    private const byte Opaque = 4;
    private const byte Octets = 5;
    private const byte Payload = 6;
    private const byte Group = 7;
    private const byte TrafficMode = 8;
    private const byte Congestion = 9;

    // Indexed by IndexOf: the common tags 0x0000–0x001F, then the M3UA-specific 0x0200–0x021F. A field initialiser
    // rather than a static constructor keeps the type beforefieldinit, so the hot Check path carries no
    // class-initialisation check.
    private static readonly byte[] Kinds = Build();

    /// <summary>Whether <paramref name="tag"/> is a group of parameters (Routing Key, Registration Result, Deregistration Result).</summary>
    public static bool IsGroup(M3uaParameterTag tag)
    {
        int index = IndexOf((ushort)tag);
        return index >= 0 && Kinds[index] == Group;
    }

    /// <summary>
    /// Checks <paramref name="value"/> against what RFC 4666 allows for <paramref name="tag"/>, including, for a group,
    /// every parameter inside it against the group's format. Unknown tags always pass.
    /// </summary>
    public static M3uaError Check(M3uaParameterTag tag, ReadOnlySpan<byte> value) =>
        Check(tag, value, out _, out _);

    /// <summary>As <see cref="Check(M3uaParameterTag, ReadOnlySpan{byte})"/>, saying where in the value the defect is and which parameter it concerns.</summary>
    public static M3uaError Check(M3uaParameterTag tag, ReadOnlySpan<byte> value, out int errorOffset, out M3uaParameterTag? errorParameter)
    {
        errorOffset = -1;
        errorParameter = null;
        int index = IndexOf((ushort)tag);
        if (index < 0)
        {
            return M3uaError.None;
        }

        M3uaError error = CheckValue(index, value);
        if (error != M3uaError.None)
        {
            errorOffset = 0;
            errorParameter = tag;
            return error;
        }

        return Kinds[index] == Group
            ? M3uaValidation.Validate(value, 0, M3uaMessageFormats.GetGroup(tag)!, out errorOffset, out errorParameter, out _)
            : M3uaError.None;
    }

    /// <summary>The table slot of a known tag, -1 for an unknown one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexOf(ushort tag)
    {
        int index = tag < 0x20 ? tag : (uint)(tag - 0x200) < 0x20 ? tag - 0x200 + 0x20 : -1;
        return index >= 0 && Kinds[index] != Unknown ? index : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsGroupIndex(int index) => Kinds[index] == Group;

    /// <summary>The check of one value by table slot; a group's content is checked by the caller, which has the formats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static M3uaError CheckValue(int index, ReadOnlySpan<byte> value)
    {
        int length = value.Length;
        switch (Kinds[index])
        {
            case Word:
                return length == 4 ? M3uaError.None : M3uaError.InvalidParameterLength;
            case WordList:
                return length >= 4 && (length & 3) == 0 ? M3uaError.None : M3uaError.InvalidParameterLength;
            case Text:
                return length <= MaxInfoStringLength ? M3uaError.None : M3uaError.InvalidParameterLength;
            case Octets:
            case Group:
                return length >= 1 ? M3uaError.None : M3uaError.InvalidParameterLength;
            case Payload:
                if (length < ProtocolDataHeaderLength)
                {
                    return M3uaError.InvalidParameterLength;
                }

                // SI (4 bits), NI (2 bits) and MP (2 bits) are the fields of the MTP3 SIO an SG rebuilds from them.
                return value[8] > 15 || value[9] > 3 || value[10] > 3 ? M3uaError.InvalidParameterValue : M3uaError.None;
            case TrafficMode:
                if (length != 4)
                {
                    return M3uaError.InvalidParameterLength;
                }

                return value[0] == 0 && value[1] == 0 && value[2] == 0 && value[3] is >= 1 and <= 3
                    ? M3uaError.None
                    : M3uaError.UnsupportedTrafficMode;
            case Congestion:
                if (length != 4)
                {
                    return M3uaError.InvalidParameterLength;
                }

                // The three reserved octets are ignored on receipt; the level is "No Congestion or Undefined" or 1–3.
                return value[3] <= 3 ? M3uaError.None : M3uaError.InvalidParameterValue;
            default:
                return M3uaError.None;
        }
    }

    private static byte[] Build()
    {
        var kinds = new byte[0x40];
        void Set(M3uaParameterTag tag, byte kind)
        {
            int t = (ushort)tag;
            kinds[t < 0x20 ? t : t - 0x200 + 0x20] = kind;
        }

        Set(M3uaParameterTag.InfoString, Text);
        Set(M3uaParameterTag.RoutingContext, WordList);
        Set(M3uaParameterTag.DiagnosticInformation, Opaque);
        Set(M3uaParameterTag.HeartbeatData, Opaque);
        Set(M3uaParameterTag.TrafficModeType, TrafficMode);
        Set(M3uaParameterTag.ErrorCode, Word);
        Set(M3uaParameterTag.Status, Word);
        Set(M3uaParameterTag.AspIdentifier, Word);
        Set(M3uaParameterTag.AffectedPointCode, WordList);
        Set(M3uaParameterTag.CorrelationId, Word);
        Set(M3uaParameterTag.NetworkAppearance, Word);
        Set(M3uaParameterTag.UserCause, Word);
        Set(M3uaParameterTag.CongestionIndications, Congestion);
        Set(M3uaParameterTag.ConcernedDestination, Word);
        Set(M3uaParameterTag.RoutingKey, Group);
        Set(M3uaParameterTag.RegistrationResult, Group);
        Set(M3uaParameterTag.DeregistrationResult, Group);
        Set(M3uaParameterTag.LocalRoutingKeyIdentifier, Word);
        Set(M3uaParameterTag.DestinationPointCode, Word);
        Set(M3uaParameterTag.ServiceIndicators, Octets);
        Set(M3uaParameterTag.OriginatingPointCodeList, WordList);
        Set(M3uaParameterTag.ProtocolData, Payload);
        Set(M3uaParameterTag.RegistrationStatus, Word);
        Set(M3uaParameterTag.DeregistrationStatus, Word);
        return kinds;
    }
}
