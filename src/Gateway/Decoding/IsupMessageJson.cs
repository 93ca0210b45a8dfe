using System.Text.Json;
using Gateway.Isup;

namespace Gateway.Decoding;

/// <summary>
/// Writes a decoded ISUP message as JSON for support engineers: the message type by acronym, name and code, the CIC
/// when the message had one, then every parameter in wire order by name with its code, part, raw hex and — for the
/// parameters the gateway interprets — its typed fields (digits as strings, cause value as a number).
/// </summary>
public static class IsupMessageJson
{
    public static void Write(Utf8JsonWriter json, IsupMessage message)
    {
        json.WriteStartObject();
        json.WriteString("message", IsupMessageNames.GetAcronym(message.Type) ?? "unknown");
        json.WriteString("name", IsupMessageNames.GetName(message.Type));
        json.WriteNumber("type", (byte)message.Type);
        if (message.Cic is int cic)
        {
            json.WriteNumber("cic", cic);
            if (message.CicSpareBits != 0) json.WriteNumber("cicSpareBits", message.CicSpareBits);
        }

        json.WriteStartArray("parameters");
        foreach (var parameter in message.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", IsupParameterNames.GetName(parameter.Code));
            json.WriteNumber("code", (byte)parameter.Code);
            json.WriteString("part", parameter.Kind switch
            {
                IsupParameterKind.MandatoryFixed => "mandatory fixed",
                IsupParameterKind.MandatoryVariable => "mandatory variable",
                _ => "optional",
            });
            json.WriteString("hex", Convert.ToHexStringLower(parameter.Value.Span));
            WriteFields(json, parameter);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (message.Format is null)
        {
            // Unknown types, CRG (national format) and PAM (an embedded message) are carried whole.
            json.WriteString("unparsedBody", Convert.ToHexStringLower(message.UnparsedBody.Span));
        }
        json.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter json, IsupParameter p)
    {
        switch (p.Code)
        {
            case IsupParameterCode.CalledPartyNumber when p.TryGet(out CalledPartyNumber n):
                Number(json, n.Digits, n.NatureOfAddress, n.NumberingPlan, null);
                json.WriteBoolean("internalNetworkNumberNotAllowed", n.InternalNetworkNumberNotAllowed);
                json.WriteBoolean("endOfPulsing", n.HasEndOfPulsing);
                break;
            case IsupParameterCode.CallingPartyNumber when p.TryGet(out CallingPartyNumber n):
                Number(json, n.Digits, n.NatureOfAddress, n.NumberingPlan, n.Presentation);
                Enum(json, "screening", n.Screening);
                json.WriteBoolean("numberIncomplete", n.NumberIncomplete);
                break;
            case IsupParameterCode.GenericNumber when p.TryGet(out GenericNumber n):
                Number(json, n.Digits, n.NatureOfAddress, n.NumberingPlan, n.Presentation);
                json.WriteNumber("numberQualifier", n.NumberQualifier);
                Enum(json, "screening", n.Screening);
                json.WriteBoolean("numberIncomplete", n.NumberIncomplete);
                break;
            case IsupParameterCode.RedirectingNumber when p.TryGet(out RedirectingNumber n):
                Number(json, n.Digits, n.NatureOfAddress, n.NumberingPlan, n.Presentation);
                break;
            case IsupParameterCode.OriginalCalledNumber when p.TryGet(out OriginalCalledNumber n):
                Number(json, n.Digits, n.NatureOfAddress, n.NumberingPlan, n.Presentation);
                break;
            case IsupParameterCode.CauseIndicators when p.TryGet(out CauseIndicators c):
                Fields(json);
                json.WriteNumber("causeValue", c.CauseValue);
                Enum(json, "location", c.Location);
                Enum(json, "codingStandard", c.CodingStandard);
                if (c.Recommendation is byte recommendation) json.WriteNumber("recommendation", recommendation);
                if (!c.Diagnostics.IsEmpty) json.WriteString("diagnostics", Convert.ToHexStringLower(c.Diagnostics.Span));
                break;
            case IsupParameterCode.ForwardCallIndicators when p.TryGet(out ForwardCallIndicators f):
                Fields(json);
                json.WriteBoolean("internationalCall", f.InternationalCall);
                Enum(json, "endToEndMethod", f.EndToEndMethod);
                json.WriteBoolean("interworkingEncountered", f.InterworkingEncountered);
                json.WriteBoolean("endToEndInformationAvailable", f.EndToEndInformationAvailable);
                json.WriteBoolean("isupUsedAllTheWay", f.IsupUsedAllTheWay);
                Enum(json, "isupPreference", f.IsupPreference);
                json.WriteBoolean("originatingAccessIsdn", f.OriginatingAccessIsdn);
                Enum(json, "sccpMethod", f.SccpMethod);
                json.WriteBoolean("portedNumberTranslated", f.PortedNumberTranslated);
                json.WriteBoolean("queryOnReleaseAttempt", f.QueryOnReleaseAttempt);
                break;
            case IsupParameterCode.BackwardCallIndicators when p.TryGet(out BackwardCallIndicators b):
                Fields(json);
                Enum(json, "charge", b.Charge);
                Enum(json, "calledPartyStatus", b.CalledPartyStatus);
                Enum(json, "calledPartyCategory", b.CalledPartyCategory);
                Enum(json, "endToEndMethod", b.EndToEndMethod);
                json.WriteBoolean("interworkingEncountered", b.InterworkingEncountered);
                json.WriteBoolean("endToEndInformationAvailable", b.EndToEndInformationAvailable);
                json.WriteBoolean("isupUsedAllTheWay", b.IsupUsedAllTheWay);
                json.WriteBoolean("holdingRequested", b.HoldingRequested);
                json.WriteBoolean("terminatingAccessIsdn", b.TerminatingAccessIsdn);
                json.WriteBoolean("echoControlDeviceIncluded", b.EchoControlDeviceIncluded);
                Enum(json, "sccpMethod", b.SccpMethod);
                break;
            case IsupParameterCode.OptionalBackwardCallIndicators when p.TryGet(out OptionalBackwardCallIndicators o):
                Fields(json);
                json.WriteBoolean("inBandInformationAvailable", o.InBandInformationAvailable);
                json.WriteBoolean("callDiversionMayOccur", o.CallDiversionMayOccur);
                json.WriteBoolean("simpleSegmentation", o.SimpleSegmentation);
                json.WriteBoolean("mlppUser", o.MlppUser);
                break;
            case IsupParameterCode.NatureOfConnectionIndicators when p.TryGet(out NatureOfConnectionIndicators n):
                Fields(json);
                json.WriteNumber("satelliteCircuits", n.SatelliteCircuits);
                Enum(json, "continuityCheck", n.ContinuityCheck);
                json.WriteBoolean("echoControlDeviceIncluded", n.EchoControlDeviceIncluded);
                break;
            case IsupParameterCode.CallingPartysCategory when p.TryGet(out CallingPartysCategory c):
                Fields(json);
                Enum(json, "category", c.Value);
                break;
            case IsupParameterCode.TransmissionMediumRequirement when p.TryGet(out TransmissionMediumRequirement t):
                Fields(json);
                Enum(json, "medium", t.Value);
                break;
            case IsupParameterCode.UserServiceInformation when p.TryGet(out UserServiceInformation u):
                Fields(json);
                json.WriteNumber("codingStandard", u.CodingStandard);
                json.WriteNumber("transferCapability", u.TransferCapability);
                json.WriteNumber("transferMode", u.TransferMode);
                json.WriteNumber("transferRate", u.TransferRate);
                if (u.Layer1Protocol is byte l1) json.WriteNumber("layer1Protocol", l1);
                break;
            case IsupParameterCode.UserToUserInformation when p.TryGet(out UserToUserInformation u):
                Fields(json);
                json.WriteNumber("protocolDiscriminator", u.ProtocolDiscriminator);
                json.WriteString("information", Convert.ToHexStringLower(u.Information.Span));
                break;
            case IsupParameterCode.UserToUserIndicators when p.TryGet(out UserToUserIndicators u):
                Fields(json);
                json.WriteBoolean("response", u.IsResponse);
                json.WriteNumber("service1", u.Service1);
                json.WriteNumber("service2", u.Service2);
                json.WriteNumber("service3", u.Service3);
                json.WriteBoolean("networkDiscard", u.NetworkDiscard);
                break;
            case IsupParameterCode.EventInformation when p.TryGet(out EventInformation e):
                Fields(json);
                Enum(json, "event", e.Indicator);
                json.WriteBoolean("presentationRestricted", e.PresentationRestricted);
                break;
            case IsupParameterCode.RedirectionInformation when p.TryGet(out RedirectionInformation r):
                Fields(json);
                Enum(json, "redirectingIndicator", r.Indicator);
                Enum(json, "originalReason", r.OriginalReason);
                json.WriteNumber("counter", r.Counter);
                Enum(json, "reason", r.Reason);
                break;
            case IsupParameterCode.AccessTransport when p.TryGet(out AccessTransport a):
                Fields(json);
                if (a.TryGetProgressDescription(out int description)) json.WriteNumber("progressDescription", description);
                break;
            case IsupParameterCode.HopCounter when p.TryGet(out HopCounter h):
                Fields(json);
                json.WriteNumber("hops", h.Value);
                break;
            case IsupParameterCode.RangeAndStatus when p.TryGet(out RangeAndStatus r):
                Fields(json);
                json.WriteNumber("range", r.Range);
                json.WriteNumber("circuits", r.CircuitCount);
                if (r.HasStatus)
                {
                    json.WriteStartArray("status");
                    for (int i = 0; i < r.CircuitCount; i++) json.WriteBooleanValue(r.IsSet(i));
                    json.WriteEndArray();
                }
                break;
            case IsupParameterCode.CircuitGroupSupervisionMessageType when p.TryGet(out CircuitGroupSupervisionMessageType t):
                Fields(json);
                Enum(json, "type", t.Type);
                break;
            case IsupParameterCode.AutomaticCongestionLevel when p.TryGet(out AutomaticCongestionLevel a):
                Fields(json);
                json.WriteNumber("level", a.Level);
                break;
            default:
                return;
        }
        json.WriteEndObject();
    }

    private static void Fields(Utf8JsonWriter json) => DecodedFields.Open(json);

    private static void Enum<T>(Utf8JsonWriter json, string property, T value)
        where T : struct, Enum => DecodedFields.Enum(json, property, value);

    /// <summary>Opens the fields of a number parameter with what every number has (presentation: all but the called).</summary>
    private static void Number(Utf8JsonWriter json, string digits, NatureOfAddress nature, NumberingPlan plan, AddressPresentation? presentation)
    {
        Fields(json);
        json.WriteString("digits", digits);
        Enum(json, "natureOfAddress", nature);
        Enum(json, "numberingPlan", plan);
        if (presentation is AddressPresentation shown)
        {
            Enum(json, "presentation", shown);
        }
    }

}
