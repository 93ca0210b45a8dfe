using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests.Messages;

/// <summary>A message described field by field, as FsCheck generates it, and written with <see cref="SipMessageWriter"/>.</summary>
public sealed record GeneratedMessage(
    bool IsRequest,
    string Method,
    string RequestUri,
    int StatusCode,
    string ReasonPhrase,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[] Body)
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string TokenMarks = "-.!%*_+`'~";

    /// <summary>Valid messages: token names, printable (sometimes folded, sometimes UTF-8) values, a binary body.</summary>
    public static Arbitrary<GeneratedMessage> Arbitrary => Generator.ToArbitrary();

    public static Gen<GeneratedMessage> Generator =>
        from isRequest in Gen.Elements(true, false)
        from method in MethodGen
        from uri in UriGen
        from status in Gen.Choose(100, 699)
        from reason in TextGen(allowEmpty: true)
        from cseq in Gen.Choose(0, int.MaxValue)
        from cseqMethod in MethodGen
        from extras in Gen.ListOf(HeaderGen).Select(list => list.Take(40).ToList())
        from order in Gen.Shuffle(Enumerable.Range(0, 5).ToArray())
        from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(b => b.Take(300).ToArray())
        select Build(isRequest, method, uri, status, reason, cseq, isRequest ? method : cseqMethod, extras, order, body);

    /// <summary>Writes the message: start line, headers in order, then Content-Length, empty line and body.</summary>
    public byte[] Write()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new SipMessageWriter(output);
        if (IsRequest)
        {
            writer.WriteRequestLine(Encoding.ASCII.GetBytes(Method), Encoding.ASCII.GetBytes(RequestUri));
        }
        else
        {
            writer.WriteStatusLine(StatusCode, ReasonPhrase);
        }

        foreach (var (name, value) in Headers)
        {
            writer.WriteHeader(Encoding.ASCII.GetBytes(name), value);
        }

        writer.WriteBody(Body);
        return output.WrittenSpan.ToArray();
    }

    public override string ToString() =>
        $"{(IsRequest ? $"{Method} {RequestUri}" : $"{StatusCode} {ReasonPhrase}")} [{string.Join(" | ", Headers.Select(h => $"{h.Name}: {h.Value}"))}] body {Body.Length} B";

    private static GeneratedMessage Build(bool isRequest, string method, string uri, int status, string reason, int cseq, string cseqMethod, List<(string, string)> extras, int[] order, byte[] body)
    {
        // The five headers every message needs, scattered among the generated ones in a random order.
        (string, string)[] mandatory =
        [
            ("Via", "SIP/2.0/UDP host.example.com;branch=z9hG4bK" + cseq),
            ("To", "<sip:bob@example.com>"),
            ("f", "<sip:alice@example.com>;tag=" + cseq),
            ("Call-ID", $"{cseq}@example.com"),
            ("CSeq", $"{cseq} {cseqMethod}"),
        ];
        var headers = new List<(string, string)>(extras);
        foreach (int index in order)
        {
            headers.Insert(Math.Min(index * 3, headers.Count), mandatory[index]);
        }

        return new GeneratedMessage(isRequest, method, uri, status, reason, headers, body);
    }

    private static Gen<string> TokenGen(int maxLength) =>
        from first in Gen.Elements(Alphanumeric.ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements((Alphanumeric + TokenMarks).ToCharArray()))
        select first + new string(rest.Take(maxLength - 1).ToArray());

    private static Gen<string> MethodGen =>
        Gen.OneOf(
            Gen.Elements("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "PRACK", "UPDATE", "NOTIFY"),
            TokenGen(12));

    private static Gen<string> UriGen =>
        from scheme in Gen.Elements("sip", "sips", "tel", "urn", "x-gw.1")
        from rest in Gen.NonEmptyListOf(Gen.Elements((Alphanumeric + "-_.!~*'()&=+$,;?/@%:[]").ToCharArray()))
        select scheme + ":" + new string(rest.Take(60).ToArray());

    /// <summary>Printable text with inner spaces, never starting or ending with white space; now and then UTF-8.</summary>
    private static Gen<string> TextGen(bool allowEmpty) =>
        from words in Gen.ListOf(Gen.OneOf(
            Gen.NonEmptyListOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c)).Select(cs => new string(cs.Take(20).ToArray())),
            Gen.Elements("Überweisung", "réseau", "呼叫", "\u00a0nbsp")))
        let trimmed = words.Take(6).ToList()
        where allowEmpty || trimmed.Count > 0
        select string.Join(" ", trimmed);

    private static Gen<(string, string)> HeaderGen =>
        from name in Gen.OneOf(
            TokenGen(24),
            Gen.Elements("Allow", "Supported", "k", "m", "Contact", "Route", "Record-Route", "P-Asserted-Identity", "Reason", "Subject", "s", "X-ISUP-Cic"))
        from value in TextGen(allowEmpty: true)
        from fold in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (SafeName(name), fold && value.Contains(' ') ? ReplaceFirst(value, " ", "\r\n\t") : value);

    /// <summary>A random token can name a singleton (e.g. "t" is To): rename those so only the mandatory ones occur.</summary>
    private static string SafeName(string name)
    {
        SipHeaderName id = SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name));
        return SipHeaderNames.IsSingleton(id) || id is SipHeaderName.Via ? "X-" + name : name;
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }
}
