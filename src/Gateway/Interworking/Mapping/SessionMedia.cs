using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Interworking;

/// <summary>
/// The transmission medium requirement an INVITE's SDP offer asks for, from its media lines only (RFC 4566 §5.14
/// <c>m=&lt;media&gt; &lt;port&gt; ...</c>): speech unless the offer holds no active audio stream but an active
/// image stream (T.38 fax, RFC 3362), which asks for 3.1 kHz audio so that the PSTN leg carries fax tones untouched.
/// </summary>
internal static class SessionMedia
{
    /// <summary>The requirement for <paramref name="invite"/>'s body (SDP alone or inside multipart/mixed).</summary>
    public static TransmissionMedium RequirementOf(SipMessage invite)
    {
        if (!MediaType.TryParse(invite.GetHeaderValue(SipHeaderName.ContentType), out MediaType? type) || invite.Body.IsEmpty)
        {
            return TransmissionMedium.Speech;
        }

        if (type.Is("application", "sdp"))
        {
            return RequirementOf(invite.Body);
        }

        if (type.IsMultipart && type.Boundary is { } boundary)
        {
            var parts = new List<BodyPart>(2);
            if (MultipartBody.TryParse(invite.Body, boundary, parts))
            {
                foreach (BodyPart part in parts)
                {
                    if (part.ContentType?.Is("application", "sdp") == true)
                    {
                        return RequirementOf(part.Content.Span);
                    }
                }
            }
        }

        return TransmissionMedium.Speech;
    }

    /// <summary>The requirement for an SDP body.</summary>
    public static TransmissionMedium RequirementOf(ReadOnlySpan<byte> sdp)
    {
        bool audio = false;
        bool image = false;
        while (!sdp.IsEmpty)
        {
            int end = sdp.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? sdp : sdp[..end];
            sdp = end < 0 ? default : sdp[(end + 1)..];
            if (line.StartsWith("m=audio "u8))
            {
                audio |= IsActive(line["m=audio "u8.Length..]);
            }
            else if (line.StartsWith("m=image "u8))
            {
                image |= IsActive(line["m=image "u8.Length..]);
            }
        }

        return !audio && image ? TransmissionMedium.Audio3k1 : TransmissionMedium.Speech;
    }

    /// <summary>The first format of the first active audio stream of <paramref name="sdp"/>, or -1 when there is none.</summary>
    public static int FirstAudioPayload(ReadOnlySpan<byte> sdp)
    {
        while (!sdp.IsEmpty)
        {
            int end = sdp.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? sdp : sdp[..end];
            sdp = end < 0 ? default : sdp[(end + 1)..];
            if (!line.StartsWith("m=audio "u8) || !IsActive(line["m=audio "u8.Length..])) continue;

            // m=audio <port> <proto> <fmt> ...: the first format is the third word after "m=audio".
            line = line["m=audio "u8.Length..].TrimEnd((byte)'\r');
            for (int word = 0; word < 2; word++)
            {
                int space = line.IndexOf((byte)' ');
                if (space < 0) return -1;
                line = line[(space + 1)..];
            }

            int stop = line.IndexOf((byte)' ');
            return System.Buffers.Text.Utf8Parser.TryParse(stop < 0 ? line : line[..stop], out int payload, out int used)
                && used == (stop < 0 ? line.Length : stop) && payload <= 127 ? payload : -1;
        }

        return -1;
    }

    // A port of 0 rejects or disables the stream (RFC 3264 §6, §8.2).
    private static bool IsActive(ReadOnlySpan<byte> rest)
    {
        int space = rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> port = space < 0 ? rest : rest[..space];
        return !port.IsEmpty && !(port.Length == 1 && port[0] == (byte)'0');
    }
}
