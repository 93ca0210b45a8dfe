using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>
/// The second half of checking a received message: after <see cref="SipParser"/> has found the message's shape sound,
/// the values of the headers the gateway acts on must each match their grammar (RFC 3261 §25 and the extensions),
/// so that a request is refused with a 400 naming the bad header before any part of the gateway relies on it. Headers
/// the gateway never reads are passed on untouched and not judged, as a proxy would (RFC 3261 §16.6).
/// </summary>
public static class SipMessageValidator
{
    /// <summary>False, with the defect, when a header the gateway uses does not parse.</summary>
    public static bool TryValidate(SipMessage message, [NotNullWhen(false)] out SipHeaderDefect? defect) =>
        TryValidate(message, alreadyRead: false, out defect);

    /// <summary>
    /// As <see cref="TryValidate(SipMessage, out SipHeaderDefect?)"/>, for a request whose first Via, From and To
    /// <see cref="RequestHeaders.TryRead"/> has already parsed: each received request would otherwise parse them twice.
    /// </summary>
    internal static bool TryValidate(SipMessage message, RequestHeaders _, [NotNullWhen(false)] out SipHeaderDefect? defect) =>
        TryValidate(message, alreadyRead: true, out defect);

    private static bool TryValidate(SipMessage message, bool alreadyRead, [NotNullWhen(false)] out SipHeaderDefect? defect)
    {
        defect = null;
        if (message.IsRequest && !SipUri.TryParseRequestUri(message.RequestUri, out _))
        {
            defect = new SipHeaderDefect(SipHeaderName.Unknown);
            return false;
        }

        var addresses = new List<NameAddress>();
        var vias = new List<ViaHeader>();
        var reasons = new List<ReasonValue>();
        bool viaRead = alreadyRead, fromRead = alreadyRead, toRead = alreadyRead;
        foreach (var field in message.Headers)
        {
            bool valid = field.Id switch
            {
                SipHeaderName.Via when viaRead => Skip(ref viaRead),
                SipHeaderName.From when fromRead => Skip(ref fromRead),
                SipHeaderName.To when toRead => Skip(ref toRead),
                SipHeaderName.Via => ViaHeader.TryParseList(field.Value, vias),
                SipHeaderName.From or SipHeaderName.To or SipHeaderName.PAssertedIdentity => NameAddress.TryParse(field.Value, out _),
                SipHeaderName.Contact => ContactHeader.TryParse(field.Value, addresses, out _),
                SipHeaderName.Route or SipHeaderName.RecordRoute => NameAddress.TryParseRouteList(field.Value, addresses),
                SipHeaderName.CSeq => CSeqHeader.TryParse(field.Value, out _),
                SipHeaderName.ContentType => MediaType.TryParse(field.Value, out _),
                SipHeaderName.Date => DateHeader.TryParse(field.Value, out _),
                SipHeaderName.Reason => ReasonHeader.TryParseList(field.Value, reasons),
                _ => true,
            };
            if (!valid)
            {
                defect = new SipHeaderDefect(field.Id);
                return false;
            }
        }
        return true;
    }

    /// <summary>Passes the first field of a header the caller has parsed already; the ones after it are parsed here.</summary>
    private static bool Skip(ref bool alreadyRead)
    {
        alreadyRead = false;
        return true;
    }
}
