using P = Gateway.M3ua.M3uaParameterTag;

namespace Gateway.M3ua;

/// <summary>
/// RFC 4666's message formats (§3.3–§3.8) and the content of its three group parameters (§3.6), indexed by class
/// and type. A class without a row is refused with Unsupported Message Class, a type without one with Unsupported
/// Message Type.
/// </summary>
public static class M3uaMessageFormats
{
    private const int TypesPerClass = 8;
    private const int Classes = 10;

    private static readonly M3uaMessageFormat?[] Formats = Build(out RoutingKeyFormat, out RegistrationResultFormat, out DeregistrationResultFormat);

    private static readonly M3uaMessageFormat RoutingKeyFormat;
    private static readonly M3uaMessageFormat RegistrationResultFormat;
    private static readonly M3uaMessageFormat DeregistrationResultFormat;

    /// <summary>The format of <paramref name="type"/>, or null when M3UA does not define it.</summary>
    public static M3uaMessageFormat? Get(M3uaMessageType type) => Get((byte)((ushort)type >> 8), (byte)type);

    /// <summary>The format for a class and type octet, or null when M3UA does not define the message.</summary>
    public static M3uaMessageFormat? Get(byte messageClass, byte messageType) =>
        messageClass < Classes && messageType < TypesPerClass ? Formats[(messageClass * TypesPerClass) + messageType] : null;

    /// <summary>Whether M3UA uses the class (0–4 and 9): the others call for Unsupported Message Class.</summary>
    public static bool IsSupportedClass(byte messageClass) => messageClass is <= 4 or 9;

    /// <summary>The content format of a group parameter (Routing Key, Registration Result, Deregistration Result), or null.</summary>
    public static M3uaMessageFormat? GetGroup(M3uaParameterTag tag) => tag switch
    {
        P.RoutingKey => RoutingKeyFormat,
        P.RegistrationResult => RegistrationResultFormat,
        P.DeregistrationResult => DeregistrationResultFormat,
        _ => null,
    };

    private static M3uaMessageFormat?[] Build(out M3uaMessageFormat routingKey, out M3uaMessageFormat registrationResult, out M3uaMessageFormat deregistrationResult)
    {
        var formats = new M3uaMessageFormat?[Classes * TypesPerClass];
        void Add(M3uaMessageType type, M3uaParameterSlot[] slots, bool singleRoutingContext = false) =>
            formats[((ushort)type >> 8) * TypesPerClass + (byte)type] = new M3uaMessageFormat(M3uaMessageNames.GetAcronym(type)!, type, null, slots, singleRoutingContext);

        static M3uaParameterSlot M(P tag, bool repeatable = false) => new(tag, M3uaPresence.Mandatory, repeatable);
        static M3uaParameterSlot C(P tag) => new(tag, M3uaPresence.Conditional);
        static M3uaParameterSlot O(P tag, bool repeatable = false) => new(tag, M3uaPresence.Optional, repeatable);

        // MGMT (§3.8). ERR's Routing Context, Network Appearance and Affected Point Code are "mandatory when the error
        // concerns them" (Invalid Routing Context, Invalid Network Appearance, Destination Status Unknown): conditional.
        Add(M3uaMessageType.Err, [M(P.ErrorCode), C(P.RoutingContext), C(P.NetworkAppearance), C(P.AffectedPointCode), C(P.DiagnosticInformation)]);
        Add(M3uaMessageType.Ntfy, [M(P.Status), C(P.AspIdentifier), O(P.RoutingContext), O(P.InfoString)]);

        // Transfer (§3.3.1): one payload belongs to one AS, so its Routing Context is one value.
        Add(M3uaMessageType.Data, [O(P.NetworkAppearance), C(P.RoutingContext), M(P.ProtocolData), O(P.CorrelationId)], singleRoutingContext: true);

        // SSNM (§3.4).
        foreach (var type in (ReadOnlySpan<M3uaMessageType>)[M3uaMessageType.Duna, M3uaMessageType.Dava, M3uaMessageType.Daud, M3uaMessageType.Drst])
        {
            Add(type, [O(P.NetworkAppearance), C(P.RoutingContext), M(P.AffectedPointCode), O(P.InfoString)]);
        }

        Add(M3uaMessageType.Scon, [O(P.NetworkAppearance), C(P.RoutingContext), M(P.AffectedPointCode), O(P.ConcernedDestination), O(P.CongestionIndications), O(P.InfoString)]);
        Add(M3uaMessageType.Dupu, [O(P.NetworkAppearance), C(P.RoutingContext), M(P.AffectedPointCode), M(P.UserCause), O(P.InfoString)]);

        // ASPSM (§3.5). RFC 4666 added the ASP Identifier to ASPUP ACK.
        Add(M3uaMessageType.AspUp, [O(P.AspIdentifier), O(P.InfoString)]);
        Add(M3uaMessageType.AspUpAck, [O(P.AspIdentifier), O(P.InfoString)]);
        Add(M3uaMessageType.AspDn, [O(P.InfoString)]);
        Add(M3uaMessageType.AspDnAck, [O(P.InfoString)]);
        Add(M3uaMessageType.Beat, [O(P.HeartbeatData)]);
        Add(M3uaMessageType.BeatAck, [O(P.HeartbeatData)]);

        // ASPTM (§3.7).
        Add(M3uaMessageType.AspAc, [O(P.TrafficModeType), O(P.RoutingContext), O(P.InfoString)]);
        Add(M3uaMessageType.AspAcAck, [O(P.TrafficModeType), O(P.RoutingContext), O(P.InfoString)]);
        Add(M3uaMessageType.AspIa, [O(P.RoutingContext), O(P.InfoString)]);
        Add(M3uaMessageType.AspIaAck, [O(P.RoutingContext), O(P.InfoString)]);

        // RKM (§3.6): one request may register several keys, and each key gets its own result.
        Add(M3uaMessageType.RegReq, [M(P.RoutingKey, repeatable: true)]);
        Add(M3uaMessageType.RegRsp, [M(P.RegistrationResult, repeatable: true)]);
        Add(M3uaMessageType.DeregReq, [M(P.RoutingContext)]);
        Add(M3uaMessageType.DeregRsp, [M(P.DeregistrationResult, repeatable: true)]);

        // Groups (§3.6.1, §3.6.2, §3.6.4). A Routing Key may list several destinations, each a DPC followed by its own
        // Network Appearance, Service Indicators and OPC List, so those four repeat.
        routingKey = new M3uaMessageFormat("Routing Key", null, P.RoutingKey,
            [M(P.LocalRoutingKeyIdentifier), O(P.RoutingContext), O(P.TrafficModeType), M(P.DestinationPointCode, repeatable: true),
             O(P.NetworkAppearance, repeatable: true), O(P.ServiceIndicators, repeatable: true), O(P.OriginatingPointCodeList, repeatable: true)]);
        registrationResult = new M3uaMessageFormat("Registration Result", null, P.RegistrationResult,
            [M(P.LocalRoutingKeyIdentifier), M(P.RegistrationStatus), M(P.RoutingContext)]);
        deregistrationResult = new M3uaMessageFormat("Deregistration Result", null, P.DeregistrationResult,
            [M(P.RoutingContext), M(P.DeregistrationStatus)]);
        return formats;
    }
}
