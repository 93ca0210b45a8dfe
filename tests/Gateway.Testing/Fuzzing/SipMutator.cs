using System.Text;

namespace Gateway.Testing.Fuzzing;

/// <summary>
/// Builds SIP messages for fuzzing: a valid message of one of several kinds (requests of each method the gateway
/// handles, stray responses), each with fresh Call-ID, branch and tag so that no two are retransmissions of each other,
/// then mutated by structure (header lines dropped, duplicated, garbled; wrong Content-Length; huge values; bad start
/// lines; CRLF games; folding) or blindly (<see cref="ByteMutator"/>). The called number is <see cref="Number"/>,
/// which a test routes nowhere, so a mutated INVITE that still parses never rings a real callee.
/// </summary>
public sealed class SipMutator
{
    /// <summary>The number every fuzzed request calls.</summary>
    public const string Number = "+4411112222";

    private static readonly string[] Methods = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "PRACK", "UPDATE", "REGISTER", "SUBSCRIBE", "NOTIFY", "MESSAGE", "REFER"];
    private static readonly string[] Statuses = ["100 Trying", "180 Ringing", "183 Session Progress", "200 OK", "404 Not Found", "486 Busy Here", "487 Request Terminated", "603 Decline"];
    private static readonly string[] BadStartLines =
    [
        "INVITE", "INVITE sip:x SIP/3.0", "INVITE  sip:{n}@h  SIP/2.0", "INVITE sip:{n}@h", " INVITE sip:{n}@h SIP/2.0",
        "INVITE <sip:{n}@h> SIP/2.0", "INVITE sip: SIP/2.0", "INVITE tel:{n} SIP/2.0", "INVITE sip:{n}@[::1 SIP/2.0",
        "invite sip:{n}@h SIP/2.0", "SIP/2.0 200", "SIP/2.0 999999999999 OK", "SIP/2.0 abc OK", "SIP/2.0", "HTTP/1.1 200 OK",
        "GET / HTTP/1.1", "INVITE sip:{n}@h:99999 SIP/2.0", "INVITE sip:{n}@h;user=phone;;;= SIP/2.0", "X sip:{n}@h SIP/2.0",
        "INVITE sip:%ZZ@h SIP/2.0", "INVITE sip:{n}@h SIP/2.0 extra", "\0INVITE sip:{n}@h SIP/2.0", "INVITE\tsip:{n}@h\tSIP/2.0",
    ];
    private static readonly string[] HeaderNames =
    [
        "Via", "v", "From", "f", "To", "t", "Call-ID", "i", "CSeq", "Max-Forwards", "Contact", "m", "Content-Length", "l",
        "Content-Type", "c", "Route", "Record-Route", "Reason", "RSeq", "RAck", "Require", "Supported", "k", "Session-Expires",
        "P-Asserted-Identity", "Diversion", "History-Info", "User-to-User", "Allow", "Expires", "Authorization", "X-Unknown",
    ];
    private static readonly string[] OddValues =
    [
        "", " ", ";", ",", "<>", "<sip:>", "\"", "\"unterminated", "<sip:a@b", "sip:a@b;tag=", ";tag", "SIP/2.0/UDP", "SIP/2.0/XYZ h;branch=",
        "SIP/2.0/UDP 127.0.0.1:0;branch=z9hG4bK", "SIP/2.0/UDP [::1;branch=z9hG4bKx", "-1", "4294967296", "99999999999999999999",
        "1 ", " INVITE", "0 INVITE", "4294967295 INVITE", "1 FOO", "abc", "=?utf-8?", "\u00ff\u00fe", "sip:%00@h", "<sip:a@b>;q=2.5",
        "Q.850;cause=999", "Q.850;cause=", "SIP;cause=abc;text=\"", "application/sdp;;;", "multipart/mixed;boundary=", "a,,,,,,,,b",
    ];

    private readonly Random _random;
    private int _serial;

    public SipMutator(Random random) => _random = random;

    /// <summary>Where the fuzzed messages claim to come from (Via sent-by, Contact), e.g. the sender's socket.</summary>
    public string LocalAddress { get; set; } = "127.0.0.1:5999";

    /// <summary>A fresh valid message of a random kind, as text.</summary>
    public string Valid(string transport = "UDP")
    {
        int serial = Interlocked.Increment(ref _serial);
        string id = $"{serial:x}{_random.Next():x}";
        string branch = "z9hG4bK" + id;
        bool response = _random.Next(8) == 0;
        string method = _random.Next(3) == 0 ? "INVITE" : Methods[_random.Next(Methods.Length)];
        string body = method is "INVITE" or "UPDATE" or "PRACK" && _random.Next(4) != 0 ? SipSamples.InviteSdp
            : method == "INFO" ? "Signal=5\r\nDuration=160\r\n" : "";
        string contentType = body.Length == 0 ? "" : method == "INFO" ? "Content-Type: application/dtmf-relay\r\n" : "Content-Type: application/sdp\r\n";
        int cseq = 1 + _random.Next(1000);
        var sb = new StringBuilder();
        sb.Append(response ? $"SIP/2.0 {Statuses[_random.Next(Statuses.Length)]}\r\n" : $"{method} sip:{Number}@127.0.0.1;user=phone SIP/2.0\r\n");
        sb.Append($"Via: SIP/2.0/{transport} {LocalAddress};branch={branch};rport\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        sb.Append($"From: \"Fuzz\" <sip:2001@{LocalAddress}>;tag=f{id}\r\n");
        sb.Append($"To: <sip:{Number}@127.0.0.1;user=phone>{(response || method is "BYE" or "INFO" or "UPDATE" or "PRACK" || _random.Next(4) == 0 ? ";tag=t" + id : "")}\r\n");
        sb.Append($"Call-ID: {id}@fuzz.example\r\n");
        sb.Append($"CSeq: {cseq} {(method == "PRACK" ? "PRACK" : method)}\r\n");
        sb.Append($"Contact: <sip:fuzz@{LocalAddress};transport={transport.ToLowerInvariant()}>\r\n");
        if (method == "PRACK") sb.Append($"RAck: 1 {cseq} INVITE\r\n");
        if (method == "CANCEL" || _random.Next(6) == 0) sb.Append("Reason: Q.850;cause=16;text=\"Normal call clearing\"\r\n");
        if (method == "INVITE" && _random.Next(3) == 0) sb.Append("Supported: 100rel, timer\r\nSession-Expires: 1800;refresher=uac\r\n");
        if (method == "INVITE" && _random.Next(3) == 0) sb.Append("P-Asserted-Identity: \"Fuzz\" <sip:+4940111222@pbx.example;user=phone>\r\n");
        sb.Append(contentType);
        sb.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n");
        sb.Append(body);
        return sb.ToString();
    }

    /// <summary>A valid message, mutated: by structure two times in three, blindly otherwise (sometimes both).</summary>
    public byte[] Next(string transport = "UDP")
    {
        string text = Valid(transport);
        int kind = _random.Next(12);
        if (kind < 8)
        {
            int rounds = 1 + _random.Next(3);
            for (int i = 0; i < rounds; i++) text = MutateStructure(text);
            byte[] bytes = Encoding.Latin1.GetBytes(text);
            return _random.Next(5) == 0 ? ByteMutator.Mutate(_random, bytes) : bytes;
        }

        if (kind < 11) return ByteMutator.Mutate(_random, Encoding.ASCII.GetBytes(text));
        return ByteMutator.Garbage(_random, _random.Next(2000));
    }

    /// <summary>One structure-aware mutation of a SIP message's text.</summary>
    public string MutateStructure(string text)
    {
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string head = split < 0 ? text : text[..split];
        string body = split < 0 ? "" : text[(split + 4)..];
        var lines = head.Split("\r\n").ToList();
        string separator = "\r\n";
        string end = "\r\n\r\n";
        switch (_random.Next(16))
        {
            case 0: // drop a header line
                if (lines.Count > 1) lines.RemoveAt(1 + _random.Next(lines.Count - 1));
                break;
            case 1: // duplicate a header line, sometimes many times
                if (lines.Count > 1)
                {
                    string line = lines[1 + _random.Next(lines.Count - 1)];
                    int copies = _random.Next(4) == 0 ? 50 + _random.Next(500) : 1;
                    for (int i = 0; i < copies; i++) lines.Insert(1 + _random.Next(lines.Count), line);
                }
                break;
            case 2: // garble a header's value
                if (lines.Count > 1)
                {
                    int at = 1 + _random.Next(lines.Count - 1);
                    int colon = lines[at].IndexOf(':');
                    string name = colon < 0 ? lines[at] : lines[at][..colon];
                    lines[at] = name + ":" + (_random.Next(2) == 0 ? " " : "") + OddValues[_random.Next(OddValues.Length)];
                }
                break;
            case 3: // garble a header's name or its colon
                if (lines.Count > 1)
                {
                    int at = 1 + _random.Next(lines.Count - 1);
                    int colon = Math.Max(0, lines[at].IndexOf(':'));
                    string rest = lines[at][colon..];
                    lines[at] = _random.Next(3) switch
                    {
                        0 => rest.TrimStart(':'),
                        1 => lines[at][..colon] + " \t " + rest,
                        _ => Encoding.Latin1.GetString(ByteMutator.Garbage(_random, 1 + _random.Next(10))) + rest,
                    };
                }
                break;
            case 4: // wrong Content-Length
                {
                    string[] lengths = ["0", "1", "-1", "abc", "", "99999999999", "4294967296", "65536", (body.Length + 1).ToString(), (body.Length / 2).ToString(), " 12 34", "0x10"];
                    lines.RemoveAll(l => l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase));
                    lines.Insert(1 + _random.Next(lines.Count), "Content-Length: " + lengths[_random.Next(lengths.Length)]);
                    if (_random.Next(3) == 0) lines.Add("l: " + lengths[_random.Next(lengths.Length)]);
                }
                break;
            case 5: // a huge header value
                {
                    int size = _random.Next(4) == 0 ? 60_000 + _random.Next(20_000) : 1000 + _random.Next(8000);
                    string name = HeaderNames[_random.Next(HeaderNames.Length)];
                    lines.Insert(1 + _random.Next(lines.Count), name + ": " + new string((char)('a' + _random.Next(26)), size));
                }
                break;
            case 6: // a bad start line
                lines[0] = BadStartLines[_random.Next(BadStartLines.Length)].Replace("{n}", Number, StringComparison.Ordinal);
                break;
            case 7: // CRLF games: bare LF, bare CR, leading blank lines, no final blank line, doubled CRLF
                switch (_random.Next(5))
                {
                    case 0: separator = "\n"; end = "\n\n"; break;
                    case 1: separator = "\r"; end = "\r\r"; break;
                    case 2: lines.Insert(0, ""); lines.Insert(0, ""); break;
                    case 3: end = "\r\n"; break;
                    default: separator = "\r\n\r\n"; break;
                }
                break;
            case 8: // folding: a header's value continued on the next line(s)
                if (lines.Count > 1)
                {
                    int at = 1 + _random.Next(lines.Count - 1);
                    string[] folds = ["\r\n ", "\r\n\t", "\r\n  \r\n ", "\r\n"];
                    int space = lines[at].IndexOf(' ');
                    if (space > 0) lines[at] = lines[at][..space] + folds[_random.Next(folds.Length)] + lines[at][(space + 1)..];
                }
                break;
            case 9: // an extra header of a known name with an odd value
                lines.Insert(1 + _random.Next(lines.Count), HeaderNames[_random.Next(HeaderNames.Length)] + ": " + OddValues[_random.Next(OddValues.Length)]);
                break;
            case 10: // the body garbled or replaced
                body = _random.Next(2) == 0
                    ? Encoding.Latin1.GetString(ByteMutator.Mutate(_random, Encoding.Latin1.GetBytes(body.Length == 0 ? SipSamples.InviteSdp : body)))
                    : "v=0\r\nm=audio 99999999 RTP/AVP " + string.Join(' ', Enumerable.Range(0, _random.Next(300))) + "\r\nc=IN IP4\r\n";
                break;
            case 11: // many small headers
                {
                    int count = 100 + _random.Next(2000);
                    for (int i = 0; i < count; i++) lines.Insert(1, $"X-H{i}: {i}");
                }
                break;
            case 12: // a comma list or a multi-valued header exploded
                lines.Insert(1 + _random.Next(lines.Count), "Via: " + string.Join(",", Enumerable.Repeat("SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bKx", 1 + _random.Next(400))));
                break;
            case 13: // a header line without a value or with only whitespace
                lines.Insert(1 + _random.Next(lines.Count), _random.Next(2) == 0 ? HeaderNames[_random.Next(HeaderNames.Length)] + ":" : " \t ");
                break;
            case 14: // swap two lines (start line included)
                if (lines.Count > 1)
                {
                    int a = _random.Next(lines.Count), b = _random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }
                break;
            default: // NUL or non-ASCII bytes inside a value
                if (lines.Count > 1)
                {
                    int at = 1 + _random.Next(lines.Count - 1);
                    int pos = _random.Next(lines[at].Length + 1);
                    string[] odd = ["\0", "\u00ff", "\u00c3\u00a9", "\u0080", "\u001b[31m", "%00"];
                    lines[at] = lines[at].Insert(pos, odd[_random.Next(odd.Length)]);
                }
                break;
        }

        return string.Join(separator, lines) + end + body;
    }
}
