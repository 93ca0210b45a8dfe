using System.Text;
using System.Text.Json;
using Gateway.Sip;

namespace Gateway.Decoding;

/// <summary>
/// Writes a parsed SIP message as JSON for support engineers: the start line, every header in wire order with its raw
/// value, the typed values of the headers the gateway acts on, and the body (multipart bodies part by part; binary
/// parts such as application/ISUP as hex).
/// </summary>
public static class SipMessageJson
{
    public static void Write(Utf8JsonWriter json, SipMessage message)
    {
        json.WriteStartObject();
        if (message.IsRequest)
        {
            json.WriteString("kind", "request");
            json.WriteString("method", message.MethodToken);
            json.WriteString("requestUri", message.RequestUri);
        }
        else
        {
            json.WriteString("kind", "response");
            json.WriteNumber("statusCode", message.StatusCode);
            json.WriteString("reasonPhrase", message.ReasonPhrase);
        }

        json.WriteStartArray("headers");
        foreach (var field in message.Headers)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            json.WriteString("value", field.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("typed");
        WriteTyped(json, message);
        json.WriteEndObject();

        WriteBody(json, message);
        json.WriteEndObject();
    }

    private static void WriteTyped(Utf8JsonWriter json, SipMessage message)
    {
        if (message.IsRequest && SipUri.TryParseRequestUri(message.RequestUri, out var requestUri))
        {
            json.WritePropertyName("requestUri");
            WriteUri(json, requestUri);
        }

        var vias = new List<ViaHeader>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.Via)) ViaHeader.TryParseList(value, vias);
        if (vias.Count > 0)
        {
            json.WriteStartArray("via");
            foreach (var via in vias)
            {
                json.WriteStartObject();
                json.WriteString("transport", via.Transport);
                json.WriteString("host", via.Host);
                WriteNumberOrNull(json, "port", via.Port);
                json.WriteString("branch", via.Branch);
                json.WriteString("received", via.Received);
                if (via.HasRport) WriteNumberOrNull(json, "rport", via.Rport);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        WriteAddress(json, message, SipHeaderName.From, "from");
        WriteAddress(json, message, SipHeaderName.To, "to");
        WriteAddress(json, message, SipHeaderName.PAssertedIdentity, "pAssertedIdentity");
        if (message.Contains(SipHeaderName.CallId)) json.WriteString("callId", message.CallId);
        if (message.Contains(SipHeaderName.CSeq))
        {
            json.WriteStartObject("cseq");
            json.WriteNumber("number", message.CSeqNumber);
            json.WriteString("method", message.CSeqMethodToken);
            json.WriteEndObject();
        }
        if (message.Contains(SipHeaderName.MaxForwards)) json.WriteNumber("maxForwards", message.MaxForwards);

        var contacts = new List<NameAddress>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.Contact)) ContactHeader.TryParse(value, contacts, out _);
        WriteAddressList(json, "contact", contacts);
        var routes = new List<NameAddress>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.Route)) NameAddress.TryParseRouteList(value, routes);
        WriteAddressList(json, "route", routes);
        var recordRoutes = new List<NameAddress>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.RecordRoute)) NameAddress.TryParseRouteList(value, recordRoutes);
        WriteAddressList(json, "recordRoute", recordRoutes);

        var reasons = new List<ReasonValue>();
        foreach (var value in message.GetHeaderValues(SipHeaderName.Reason)) ReasonHeader.TryParseList(value, reasons);
        if (reasons.Count > 0)
        {
            json.WriteStartArray("reason");
            foreach (var r in reasons)
            {
                json.WriteStartObject();
                json.WriteString("protocol", r.Protocol);
                WriteNumberOrNull(json, "cause", r.Cause);
                json.WriteString("text", r.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        var userToUser = new List<UserToUserHeader>();
        foreach (var field in message.Headers)
        {
            // RFC 7433's header has no entry in the known-header table yet: matched by name.
            if (Ascii.EqualsIgnoreCase(field.Name, "User-to-User"u8)) UserToUserHeader.TryParseList(field.Value, userToUser);
        }
        if (userToUser.Count > 0)
        {
            json.WriteStartArray("userToUser");
            foreach (var u in userToUser)
            {
                json.WriteStartObject();
                json.WriteString("data", u.RawData);
                if (u.Data is { } data) json.WriteString("hex", Convert.ToHexStringLower(data.Span));
                json.WriteString("encoding", u.Encoding);
                json.WriteString("purpose", u.Purpose);
                json.WriteString("content", u.Content);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        if (message.TryGetHeaderValue(SipHeaderName.Privacy, out var privacyValue) && PrivacyHeader.TryParse(privacyValue, out var privacy))
        {
            json.WriteStartArray("privacy");
            foreach (var token in privacy.Tokens) json.WriteStringValue(token);
            json.WriteEndArray();
        }
        if (message.TryGetHeaderValue(SipHeaderName.SessionExpires, out var seValue) && SessionExpiresHeader.TryParse(seValue, out var se))
        {
            json.WriteStartObject("sessionExpires");
            json.WriteNumber("seconds", se.DeltaSeconds);
            json.WriteString("refresher", se.Refresher.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }
        if (message.TryGetHeaderValue(SipHeaderName.ContentType, out var typeValue) && MediaType.TryParse(typeValue, out var type))
        {
            json.WriteString("contentType", type.ToString());
        }
    }

    private static void WriteBody(Utf8JsonWriter json, SipMessage message)
    {
        if (message.Body.IsEmpty) return;
        json.WriteStartObject("body");
        json.WriteNumber("length", message.Body.Length);
        MediaType? type = message.TryGetHeaderValue(SipHeaderName.ContentType, out var typeValue) && MediaType.TryParse(typeValue, out var t) ? t : null;
        var parts = new List<BodyPart>();
        if (type is { IsMultipart: true, Boundary: { } boundary } && MultipartBody.TryParse(message.Body, boundary, parts))
        {
            json.WriteStartArray("parts");
            foreach (var part in parts)
            {
                json.WriteStartObject();
                json.WriteStartArray("headers");
                foreach (var h in part.Headers)
                {
                    json.WriteStartObject();
                    json.WriteString("name", h.Name);
                    json.WriteString("value", h.ValueText);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                WriteContent(json, part.ContentType, part.Content.Span);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        else
        {
            WriteContent(json, type, message.Body);
        }
        json.WriteEndObject();
    }

    /// <summary>Text bodies (SDP) as text; everything else, or text that is not UTF-8, as hex so no byte is lost.</summary>
    private static void WriteContent(Utf8JsonWriter json, MediaType? type, ReadOnlySpan<byte> content)
    {
        bool textual = type is null || type.Type.Equals("text", StringComparison.OrdinalIgnoreCase) || type.Is("application", "sdp");
        if (textual && System.Text.Unicode.Utf8.IsValid(content))
        {
            json.WriteString("text", content);
        }
        else
        {
            json.WriteString("hex", Convert.ToHexStringLower(content));
        }
    }

    private static void WriteAddress(Utf8JsonWriter json, SipMessage message, SipHeaderName header, string property)
    {
        if (message.TryGetHeaderValue(header, out var value) && NameAddress.TryParse(value, out var address))
        {
            json.WritePropertyName(property);
            WriteAddress(json, address);
        }
    }

    private static void WriteAddressList(Utf8JsonWriter json, string property, List<NameAddress> addresses)
    {
        if (addresses.Count == 0) return;
        json.WriteStartArray(property);
        foreach (var a in addresses) WriteAddress(json, a);
        json.WriteEndArray();
    }

    private static void WriteAddress(Utf8JsonWriter json, NameAddress address)
    {
        json.WriteStartObject();
        json.WriteString("displayName", address.DisplayName);
        json.WritePropertyName("uri");
        WriteUri(json, address.Uri);
        json.WriteString("tag", address.Tag);
        WriteParameters(json, address.Parameters);
        json.WriteEndObject();
    }

    private static void WriteUri(Utf8JsonWriter json, SipUri uri)
    {
        json.WriteStartObject();
        json.WriteString("text", uri.ToString());
        json.WriteString("scheme", uri.Scheme);
        json.WriteString("user", uri.User);
        json.WriteString("host", uri.Host);
        WriteNumberOrNull(json, "port", uri.Port);
        WriteParameters(json, uri.Parameters);
        json.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter json, SipParameterList parameters)
    {
        if (parameters.Count == 0) return;
        json.WriteStartObject("parameters");
        foreach (var p in parameters) json.WriteString(p.Name, p.Value);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string property, int? value)
    {
        if (value is int v) json.WriteNumber(property, v);
        else json.WriteNull(property);
    }
}
