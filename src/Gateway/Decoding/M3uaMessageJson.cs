using System.Text.Json;
using Gateway.Isup;
using Gateway.M3ua;

namespace Gateway.Decoding;

/// <summary>
/// Writes a decoded M3UA message as JSON for support engineers: the message by acronym and name, its class and type
/// by name and number, then every parameter in wire order by name with its tag, raw hex and typed fields — a group
/// parameter (Routing Key, results) with its own parameters inside — and, for DATA carrying ISUP (SI 5), the ISUP
/// message decoded by Gateway.Isup and written by <see cref="IsupMessageJson"/>.
/// </summary>
public static class M3uaMessageJson
{
    /// <summary>
    /// The ISUP message a DATA carries, when its Protocol Data says ISUP (SI 5): null without one, or with
    /// <paramref name="error"/> set when those octets are not an ISUP message (the text names the octet within the
    /// user data, which starts at the CIC).
    /// </summary>
    public static IsupMessage? DecodeIsup(M3uaMessage message, out string? error)
    {
        error = null;
        if (!message.TryGetProtocolData(out var data) || data.Header.ServiceIndicator != (byte)Mtp3ServiceIndicator.Isup)
        {
            return null;
        }

        IsupError failure = IsupMessage.TryDecode(data.UserData.Span, IsupBodyForm.Mtp3UserData, out var isup, out int offset, out var parameter);
        if (failure != IsupError.None)
        {
            error = new IsupFormatException(failure, offset, parameter).Message;
        }

        return isup;
    }

    /// <summary>Writes <paramref name="message"/>; <paramref name="isup"/> is the ISUP message its DATA carries, if any (see <see cref="DecodeIsup"/>).</summary>
    public static void Write(Utf8JsonWriter json, M3uaMessage message, IsupMessage? isup = null)
    {
        json.WriteStartObject();
        json.WriteString("message", M3uaMessageNames.GetAcronym(message.Type) ?? "unknown");
        json.WriteString("name", M3uaMessageNames.GetName(message.Type));
        Named(json, "class", (byte)message.Class, M3uaMessageNames.GetClassName(message.Class));
        Named(json, "type", message.Type.GetTypeOctet(), M3uaMessageNames.GetAcronym(message.Type) ?? "unknown");
        json.WriteNumber("length", message.GetEncodedLength());
        Parameters(json, message.Parameters, isup);
        json.WriteEndObject();
    }

    private static void Parameters(Utf8JsonWriter json, IReadOnlyList<M3uaParameter> parameters, IsupMessage? isup)
    {
        json.WriteStartArray("parameters");
        foreach (var parameter in parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", M3uaParameterNames.GetName(parameter.Tag));
            json.WriteNumber("tag", (ushort)parameter.Tag);
            json.WriteString("hex", Convert.ToHexStringLower(parameter.Value.Span));
            if (parameter.IsGroup && parameter.TryGetGroup(out var inner))
            {
                Parameters(json, inner, null);
            }
            else
            {
                WriteFields(json, parameter, isup);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFields(Utf8JsonWriter json, M3uaParameter p, IsupMessage? isup)
    {
        switch (p.Tag)
        {
            case M3uaParameterTag.ProtocolData when ProtocolData.TryParse(p.Value, out var data):
                Fields(json);
                var h = data.Header;
                json.WriteNumber("opc", h.OriginatingPointCode);
                json.WriteNumber("dpc", h.DestinationPointCode);
                Enum(json, "si", (Mtp3ServiceIndicator)h.ServiceIndicator);
                Enum(json, "ni", (Mtp3NetworkIndicator)h.NetworkIndicator);
                json.WriteNumber("mp", h.MessagePriority);
                json.WriteNumber("sls", h.SignallingLinkSelection);
                json.WriteNumber("userDataLength", data.UserData.Length);
                json.WriteString("userData", Convert.ToHexStringLower(data.UserData.Span));
                if (isup is not null)
                {
                    json.WritePropertyName("isup");
                    IsupMessageJson.Write(json, isup);
                }

                break;
            case M3uaParameterTag.RoutingContext when p.TryGet(out RoutingContext rc):
                Fields(json);
                json.WriteStartArray("routingContexts");
                foreach (uint value in rc.Values) json.WriteNumberValue(value);
                json.WriteEndArray();
                break;
            case M3uaParameterTag.NetworkAppearance when p.TryGet(out NetworkAppearance na):
                Fields(json);
                json.WriteNumber("networkAppearance", na.Value);
                break;
            case M3uaParameterTag.CorrelationId when p.TryGet(out CorrelationId id):
                Fields(json);
                json.WriteNumber("correlationId", id.Value);
                break;
            case M3uaParameterTag.InfoString when p.TryGet(out InfoString info):
                Fields(json);
                json.WriteString("text", info.Text);
                break;
            case M3uaParameterTag.AspIdentifier when p.TryGet(out AspIdentifier asp):
                Fields(json);
                json.WriteNumber("aspIdentifier", asp.Value);
                break;
            case M3uaParameterTag.TrafficModeType when p.TryGet(out TrafficModeType mode):
                Fields(json);
                Enum(json, "mode", mode.Mode);
                break;
            case M3uaParameterTag.ErrorCode when p.TryGet(out ErrorCode code):
                Fields(json);
                Named(json, "code", (uint)code.Code, M3uaErrorCodes.GetName(code.Code));
                break;
            case M3uaParameterTag.Status when p.TryGet(out NotifyStatus status):
                Fields(json);
                Enum(json, "statusType", status.Type);
                if (status.AsState is { } state) Enum(json, "statusInformation", state);
                else if (status.OtherStatus is { } other) Enum(json, "statusInformation", other);
                else json.WriteNumber("statusInformation", status.Information);
                break;
            case M3uaParameterTag.DiagnosticInformation when M3uaHeader.TryRead(p.Value.Span, out var header):
                // Usually the start of the message the peer refused: say which one it was.
                Fields(json);
                Named(json, "offendingMessage", (ushort)header.Message, M3uaMessageNames.GetAcronym(header.Message) ?? "unknown");
                break;
            case M3uaParameterTag.AffectedPointCode when p.TryGet(out AffectedPointCode apc):
                Fields(json);
                PointCodes(json, apc.PointCodes);
                break;
            case M3uaParameterTag.OriginatingPointCodeList when p.TryGet(out OriginatingPointCodeList opc):
                Fields(json);
                PointCodes(json, opc.PointCodes);
                break;
            case M3uaParameterTag.DestinationPointCode when p.TryGet(out DestinationPointCode dpc):
                Fields(json);
                json.WriteNumber("pointCode", dpc.PointCode.PointCode);
                json.WriteNumber("mask", dpc.PointCode.Mask);
                break;
            case M3uaParameterTag.ConcernedDestination when p.TryGet(out ConcernedDestination concerned):
                Fields(json);
                json.WriteNumber("pointCode", concerned.PointCode);
                break;
            case M3uaParameterTag.CongestionIndications when p.TryGet(out CongestionIndications congestion):
                Fields(json);
                Enum(json, "level", congestion.Level);
                break;
            case M3uaParameterTag.UserCause when p.TryGet(out UserCause userCause):
                Fields(json);
                Enum(json, "cause", userCause.Cause);
                // The user is a 16-bit field holding a 4-bit service indicator: name it only when it is one.
                if (userCause.User <= 15) Enum(json, "user", (Mtp3ServiceIndicator)userCause.User);
                else json.WriteNumber("user", userCause.User);
                break;
            case M3uaParameterTag.LocalRoutingKeyIdentifier when p.TryGet(out LocalRoutingKeyIdentifier local):
                Fields(json);
                json.WriteNumber("localRoutingKeyIdentifier", local.Value);
                break;
            case M3uaParameterTag.ServiceIndicators when p.TryGet(out ServiceIndicators indicators):
                Fields(json);
                json.WriteStartArray("serviceIndicators");
                foreach (byte si in indicators.Indicators)
                {
                    json.WriteStartObject();
                    DecodedFields.EnumBody(json, (Mtp3ServiceIndicator)si);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case M3uaParameterTag.RegistrationStatus when p.TryGet(out RegistrationStatus registration):
                Fields(json);
                Enum(json, "status", registration.Status);
                break;
            case M3uaParameterTag.DeregistrationStatus when p.TryGet(out DeregistrationStatus deregistration):
                Fields(json);
                Enum(json, "status", deregistration.Status);
                break;
            default:
                return;
        }

        json.WriteEndObject();
    }

    private static void PointCodes(Utf8JsonWriter json, IReadOnlyList<M3uaPointCode> pointCodes)
    {
        json.WriteStartArray("pointCodes");
        foreach (var pc in pointCodes)
        {
            json.WriteStartObject();
            json.WriteNumber("pointCode", pc.PointCode);
            json.WriteNumber("mask", pc.Mask);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Fields(Utf8JsonWriter json) => DecodedFields.Open(json);

    private static void Enum<T>(Utf8JsonWriter json, string property, T value)
        where T : struct, Enum => DecodedFields.Enum(json, property, value);

    private static void Named(Utf8JsonWriter json, string property, uint value, string name)
    {
        json.WriteStartObject(property);
        json.WriteNumber("value", value);
        json.WriteString("name", name);
        json.WriteEndObject();
    }
}
